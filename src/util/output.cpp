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

void write_files(const fs::path& dir, const std::vector<OutputFile>& files) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw OutputError(fmt::format("cannot create directory {}: {}", dir.string(), ec.message()));
  std::vector<std::pair<fs::path, fs::path>> staged;  // temporary, final
  auto cleanup = [&] {
    for (auto& [tmp, _] : staged) ::unlink(tmp.c_str());
  };
  try {
    for (const auto& f : files) {
      fs::path final_path = dir / f.path;
      fs::create_directories(final_path.parent_path(), ec);
      if (ec) throw OutputError(fmt::format("cannot create directory {}: {}", final_path.parent_path().string(), ec.message()));
      std::string tmpl = (final_path.parent_path() / ("." + final_path.filename().string() + ".tmp-XXXXXX")).string();
      int fd = ::mkstemp(tmpl.data());
      if (fd < 0) throw OutputError(fmt::format("cannot write {}: {}", final_path.string(), std::strerror(errno)));
      staged.emplace_back(tmpl, final_path);
      try {
        write_all(fd, f.sharing == Sharing::Lines ? unite_lines(read_existing(final_path), f.content) : f.content, final_path);
      } catch (...) {
        ::close(fd);
        throw;
      }
      if (::fchmod(fd, 0644) != 0 || ::close(fd) != 0)
        throw OutputError(fmt::format("cannot write {}: {}", final_path.string(), std::strerror(errno)));
    }
  } catch (...) {
    cleanup();
    throw;
  }
  // One flush of the file system for the whole set instead of an fsync per file: the files reach
  // the disk before any of them replaces an old one.
  int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd < 0 || ::syncfs(dir_fd) != 0) {
    std::string why = std::strerror(errno);
    if (dir_fd >= 0) ::close(dir_fd);
    cleanup();
    throw OutputError(fmt::format("cannot write to {}: {}", dir.string(), why));
  }
  ::close(dir_fd);
  for (size_t i = 0; i < staged.size(); ++i) {
    if (::rename(staged[i].first.c_str(), staged[i].second.c_str()) != 0) {
      std::string why = std::strerror(errno);
      for (size_t j = i; j < staged.size(); ++j) ::unlink(staged[j].first.c_str());
      throw OutputError(fmt::format("cannot write {}: {}", staged[i].second.string(), why));
    }
  }
}

}  // namespace ddbsynth
