#include "local/dev_sessions.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace ddbsynth::local {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kSession = ".session";
constexpr std::string_view kNotice = ".notice";
// Holds the starter's pid. Not the name of the round-1 marker ("started-by-dev", no pid), so a
// stale one of those is never read as pid 1.
constexpr std::string_view kStarter = "started-by";

std::string base_dir() {
  for (const char* var : {"DDBSYNTH_RUN_DIR", "XDG_RUNTIME_DIR"})
    if (const char* v = std::getenv(var); v && *v) return v;
  return "/tmp";
}

bool alive(pid_t pid) { return kill(pid, 0) == 0 || errno == EPERM; }

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void remove_file(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
}

}  // namespace

std::string describe(const std::vector<DevSession>& sessions) {
  std::string out;
  for (const auto& s : sessions)
    out += fmt::format("{}pid {} (table {})", out.empty() ? "" : ", ", s.pid, s.table.empty() ? "?" : s.table);
  return out;
}

DevSessions::DevSessions(const LocalDev& local)
    : dir_(fmt::format("{}/ddbsynth-{}/{}-{}", base_dir(), getuid(), to_string(local.engine), local.container_name)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot create {}: {}", dir_, ec.message()));
  // Private to the user, like the container engine's own socket.
  fs::permissions(fs::path(dir_).parent_path(), fs::perms::owner_all, fs::perm_options::replace, ec);
}

DevSessions::Lock::Lock(const std::string& path) : fd_(open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
  if (fd_ < 0) throw std::runtime_error(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  while (flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
  }
}

DevSessions::Lock::~Lock() { close(fd_); }

void DevSessions::join(pid_t pid, const std::string& table) const {
  remove_file(fmt::format("{}/{}{}", dir_, pid, kNotice));  // a reused pid's
  std::ofstream(fmt::format("{}/{}{}", dir_, pid, kSession)) << table << '\n';
}

void DevSessions::leave(pid_t pid) const {
  remove_file(fmt::format("{}/{}{}", dir_, pid, kSession));
  remove_file(fmt::format("{}/{}{}", dir_, pid, kNotice));
}

std::vector<DevSession> DevSessions::others(pid_t self) const {
  std::vector<DevSession> live;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    std::string name = entry.path().filename().string();
    bool session = name.ends_with(kSession);
    if (!session && !name.ends_with(kNotice)) continue;
    char* end = nullptr;
    long pid = std::strtol(name.c_str(), &end, 10);
    if (pid <= 0 || std::string_view(end) != (session ? kSession : kNotice) || pid == self) continue;
    if (!alive(static_cast<pid_t>(pid))) {
      fs::remove(entry.path(), ec);  // killed without leaving
    } else if (session) {
      std::string table = read_all(entry.path().string());
      if (!table.empty() && table.back() == '\n') table.pop_back();
      live.push_back(DevSession{static_cast<pid_t>(pid), table});
    }
  }
  return live;
}

void DevSessions::mark_started(pid_t pid) const { std::ofstream(fmt::format("{}/{}", dir_, kStarter)) << pid << '\n'; }

pid_t DevSessions::starter() const {
  long pid = std::strtol(read_all(fmt::format("{}/{}", dir_, kStarter)).c_str(), nullptr, 10);
  return pid > 0 ? static_cast<pid_t>(pid) : 0;
}

void DevSessions::clear_started() const { remove_file(fmt::format("{}/{}", dir_, kStarter)); }

void DevSessions::leave_notice(pid_t pid, const std::string& text) const {
  std::ofstream(fmt::format("{}/{}{}", dir_, pid, kNotice)) << text << '\n';
}

std::optional<std::string> DevSessions::take_notice(pid_t pid) const {
  std::string path = fmt::format("{}/{}{}", dir_, pid, kNotice);
  if (!fs::exists(path)) return std::nullopt;
  std::string text = read_all(path);
  remove_file(path);
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace ddbsynth::local
