#include "local/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <string_view>
#include <thread>

extern char** environ;

namespace ddbsynth::local {
namespace {

using Clock = std::chrono::steady_clock;

int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left < 0 ? 0 : static_cast<int>(left);
}

// Reads the child's stdout until it closes it or the deadline passes.
void drain(int fd, std::string& out, Clock::time_point deadline) {
  char buf[4096];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, remaining_ms(deadline)) <= 0) return;
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) return;
    out.append(buf, static_cast<size_t>(n));
  }
}

// Waits for the child; past the deadline it is terminated, then killed.
bool reap(pid_t pid, Clock::time_point deadline, int& status) {
  for (;;) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid || (r < 0 && errno != EINTR)) return true;
    if (Clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGTERM);
  auto grace = Clock::now() + std::chrono::seconds(2);
  while (Clock::now() < grace) {
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return false;
}

// A child starts with the default signal dispositions and nothing blocked, whatever `local dev`
// blocks for itself: Ctrl+C reaches engine commands as usual.
struct SpawnAttributes {
  posix_spawnattr_t attr;
  SpawnAttributes() {
    posix_spawnattr_init(&attr);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  }
  ~SpawnAttributes() { posix_spawnattr_destroy(&attr); }
};

std::vector<char*> argv_of(const Command& command) {
  std::vector<char*> argv;
  for (const auto& a : command) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

}  // namespace

pid_t spawn_forwarding(const Command& command) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  SpawnAttributes attributes;
  auto argv = argv_of(command);
  pid_t pid = 0;
  int err = posix_spawnp(&pid, argv[0], &actions, &attributes.attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return err == 0 ? pid : -1;
}

ProcessResult run_process(const Command& command, std::chrono::milliseconds timeout, Output output) {
  ProcessResult result;
  int pipe_fds[2] = {-1, -1};
  if (output == Output::Capture && pipe2(pipe_fds, O_CLOEXEC) != 0) return result;

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  switch (output) {
    case Output::Capture:
      posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
      break;
    case Output::Discard:
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
      break;
    case Output::ToStderr:
      posix_spawn_file_actions_adddup2(&actions, 2, 1);
      break;
  }
  SpawnAttributes attributes;
  auto argv = argv_of(command);
  pid_t pid = 0;
  int err = posix_spawnp(&pid, argv[0], &actions, &attributes.attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (pipe_fds[1] >= 0) close(pipe_fds[1]);
  if (err != 0) {
    if (pipe_fds[0] >= 0) close(pipe_fds[0]);
    return result;
  }
  result.started = true;
  auto deadline = Clock::now() + timeout;
  if (pipe_fds[0] >= 0) {
    drain(pipe_fds[0], result.output, deadline);
    close(pipe_fds[0]);
  }
  int status = 0;
  result.timed_out = !reap(pid, deadline, status);
  if (!result.timed_out) result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::string shell_line(const Command& command) {
  std::string line;
  for (const auto& arg : command) {
    bool plain = !arg.empty();
    for (char c : arg)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-_./:=@%+,").find(c) != std::string_view::npos))
        plain = false;
    if (!line.empty()) line += ' ';
    if (plain) {
      line += arg;
      continue;
    }
    line += '\'';
    for (char c : arg) line += c == '\'' ? std::string("'\\''") : std::string(1, c);
    line += '\'';
  }
  return line;
}

}  // namespace ddbsynth::local
