// The `ddbsynth local dev` processes that share one DynamoDB Local container. Each registers a
// file named by its pid; a marker says a dev session (not `local up`) started the container. The
// last session to leave stops a container a session started, and `local down` sees who still
// uses it. A lock (flock) serializes starting the container, joining and leaving.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "ddbsynth/model.hpp"

namespace ddbsynth::local {

class DevSessions {
 public:
  // $DDBSYNTH_RUN_DIR, else $XDG_RUNTIME_DIR, else /tmp; then ddbsynth-<uid>/<engine>-<containerName>.
  // Throws std::runtime_error when the directory cannot be created.
  explicit DevSessions(const LocalDev& local);

  // Held until destroyed; blocks while another process holds it.
  class Lock {
   public:
    explicit Lock(const std::string& path);
    ~Lock();
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

   private:
    int fd_;
  };
  Lock lock() const { return Lock(dir_ + "/lock"); }

  void join(pid_t pid) const;
  void leave(pid_t pid) const;
  // The live sessions other than `pid`; files of dead ones are removed.
  std::vector<pid_t> others(pid_t pid) const;

  void mark_started() const;
  bool started() const;
  void clear_started() const;

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

}  // namespace ddbsynth::local
