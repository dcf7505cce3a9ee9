#include "local/dev_sessions.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

namespace ddbsynth::local {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kSuffix = ".session";

std::string base_dir() {
  for (const char* var : {"DDBSYNTH_RUN_DIR", "XDG_RUNTIME_DIR"})
    if (const char* v = std::getenv(var); v && *v) return v;
  return "/tmp";
}

bool alive(pid_t pid) { return kill(pid, 0) == 0 || errno == EPERM; }

}  // namespace

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

void DevSessions::join(pid_t pid) const { std::ofstream(fmt::format("{}/{}{}", dir_, pid, kSuffix)) << pid << '\n'; }

void DevSessions::leave(pid_t pid) const {
  std::error_code ec;
  fs::remove(fmt::format("{}/{}{}", dir_, pid, kSuffix), ec);
}

std::vector<pid_t> DevSessions::others(pid_t self) const {
  std::vector<pid_t> live;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    std::string name = entry.path().filename().string();
    if (!name.ends_with(kSuffix)) continue;
    char* end = nullptr;
    long pid = std::strtol(name.c_str(), &end, 10);
    if (pid <= 0 || std::string_view(end) != kSuffix || pid == self) continue;
    if (alive(static_cast<pid_t>(pid)))
      live.push_back(static_cast<pid_t>(pid));
    else
      fs::remove(entry.path(), ec);  // killed without leaving
  }
  return live;
}

void DevSessions::mark_started() const { std::ofstream(dir_ + "/started-by-dev") << "1\n"; }

bool DevSessions::started() const { return fs::exists(dir_ + "/started-by-dev"); }

void DevSessions::clear_started() const {
  std::error_code ec;
  fs::remove(dir_ + "/started-by-dev", ec);
}

}  // namespace ddbsynth::local
