// The `ddbsynth local dev` processes that share one DynamoDB Local container. Each registers a
// file named by its pid that holds its table's name; another records which session (not `local
// up`) started the container, since only that one stops it, as the seed's dev does. A session that
// stops the container under others leaves each a notice, so they end saying why. A lock (flock)
// serializes starting the container, joining and leaving.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "ddbsynth/model.hpp"

namespace ddbsynth::local {

struct DevSession {
  pid_t pid;
  std::string table;  // localDev.tableName
};

// "pid 12 (table acme-orders), pid 13 (table acme-users)"
std::string describe(const std::vector<DevSession>& sessions);

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

  void join(pid_t pid, const std::string& table) const;
  // Also drops a notice left for it.
  void leave(pid_t pid) const;
  // The live sessions other than `pid`; files of dead ones are removed.
  std::vector<DevSession> others(pid_t pid) const;

  // The session that started the container; 0 when none did (`local up` did, or nobody knows).
  void mark_started(pid_t pid) const;
  pid_t starter() const;
  void clear_started() const;

  // A line for session `pid` to print when its container goes; take_notice reads and removes it.
  void leave_notice(pid_t pid, const std::string& text) const;
  std::optional<std::string> take_notice(pid_t pid) const;

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

}  // namespace ddbsynth::local
