// Running a container engine's command: no shell, bounded in time.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace ddbsynth::local {

using Command = std::vector<std::string>;

struct ProcessResult {
  bool started = false;    // false: the program is not on PATH (or cannot run)
  bool timed_out = false;  // killed after the timeout
  int exit_code = -1;
  std::string output;      // its stdout when captured
};

enum class Output {
  Capture,   // stdout into ProcessResult::output, stderr discarded
  Discard,   // both discarded: only the exit code matters
  ToStderr,  // both to our stderr, so the user sees progress and errors while our stdout stays a report
};

ProcessResult run_process(const Command& command, std::chrono::milliseconds timeout, Output output);

// Starts the command in the background, its stdout and stderr ours (a log stream); its pid, or -1
// when it cannot start. The caller waits for it.
pid_t spawn_forwarding(const Command& command);

// The command as one line a POSIX shell runs unchanged: arguments single-quoted where needed.
std::string shell_line(const Command& command);

}  // namespace ddbsynth::local
