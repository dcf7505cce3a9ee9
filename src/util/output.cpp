#include "ddbsynth/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>

namespace ddbsynth {
namespace fs = std::filesystem;
namespace {

void write_all(int fd, const std::string& data, const fs::path& path) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw OutputError(fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
    done += static_cast<size_t>(n);
  }
}

// The current content of a line-set file, empty when there is none yet.
std::string read_existing(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return {};
  struct stat st {};
  std::string out;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    char buf[65536];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

}  // namespace

OutputSet::OutputSet(fs::path dir) : dir_(std::move(dir)) {}

OutputSet::~OutputSet() {
  if (!committed_) rollback();
}

void OutputSet::ensure_directory(const fs::path& dir) {
  if (ready_.count(dir.native())) return;
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path p = dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0755) != 0 && errno != EEXIST)
      throw OutputError(fmt::format("cannot create directory {}: {}", it->string(), std::strerror(errno)));
    created_.push_back(*it);
  }
  if (!fs::is_directory(dir, ec))
    throw OutputError(fmt::format("cannot create directory {}: {}", dir.string(), "a file is in the way"));
  ready_.insert(dir.native());
}

void OutputSet::add(const OutputFile& f) {
  fs::path final_path = dir_ / f.path;
  ensure_directory(final_path.parent_path().empty() ? fs::path(".") : final_path.parent_path());
  std::string tmpl = (final_path.parent_path() / ("." + final_path.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw OutputError(fmt::format("cannot write {}: {}", final_path.string(), std::strerror(errno)));
  staged_.emplace_back(tmpl, final_path);
  try {
    write_all(fd, f.sharing == Sharing::Lines ? unite_lines(read_existing(final_path), f.content) : f.content,
              final_path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::fchmod(fd, 0644) != 0 || ::close(fd) != 0)
    throw OutputError(fmt::format("cannot write {}: {}", final_path.string(), std::strerror(errno)));
}

// No fsync: renames after complete writes are what keeps readers from half-written files, and
// flushing every file (or the whole file system) would cost more than the synthesis itself.
void OutputSet::commit() {
  for (size_t i = 0; i < staged_.size(); ++i) {
    if (::rename(staged_[i].first.c_str(), staged_[i].second.c_str()) != 0) {
      std::string why = std::strerror(errno);
      staged_.erase(staged_.begin(), staged_.begin() + static_cast<std::ptrdiff_t>(i));
      throw OutputError(fmt::format("cannot write {}: {}", staged_.front().second.string(), why));
    }
  }
  committed_ = true;
}

std::vector<fs::path> OutputSet::paths() const {
  std::vector<fs::path> out;
  for (const auto& s : staged_) out.push_back(s.second);
  return out;
}

void OutputSet::rollback() noexcept {
  for (const auto& s : staged_) ::unlink(s.first.c_str());
  for (auto it = created_.rbegin(); it != created_.rend(); ++it) ::rmdir(it->c_str());
}

void write_files(const fs::path& dir, const std::vector<OutputFile>& files) {
  OutputSet set(dir);
  for (const auto& f : files) set.add(f);
  set.commit();
}

}  // namespace ddbsynth
