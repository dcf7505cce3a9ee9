// ddbsynth local dev: the seed's `dev` target. Every table of a workspace shares one DynamoDB Local
// container (-sharedDb, one containerName and port); each table's `dev` reuses it or starts it,
// brings its table in line, then streams the container's log until Ctrl+C or SIGTERM. As the seed's
// dev, only the session that started the container stops it, even under other sessions (they are
// warned of and told); one `local up` started stays.
#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iostream>
#include <vector>

#include "cli/local_steps.hpp"
#include "local/dev_sessions.hpp"
#include "local/endpoint.hpp"

namespace ddbsynth::cli {
namespace {

using namespace std::chrono;

// Not an error: the session goes on (the starter's warning) or ends as intended (the others').
void warn(const std::string& message) { std::cerr << "ddbsynth: warning: " << message << '\n'; }

// Blocked from the start, so that a Ctrl+C at any point ends the session through leave(), never
// halfway; the startup waits are bounded (--wait). Reset to the default first: a shell that runs us
// in the background ignores SIGINT, and an ignored signal would never reach sigtimedwait.
sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) {
    signal(s, SIG_DFL);
    sigaddset(&set, s);
  }
  sigprocmask(SIG_BLOCK, &set, nullptr);
  return set;
}

// Until a stop signal (true) or the end of the log stream, i.e. the container stopped (false).
bool follow(pid_t logs, const sigset_t& stop) {
  for (;;) {
    timespec tick{0, 200'000'000};
    if (sigtimedwait(&stop, nullptr, &tick) > 0) return true;
    int status = 0;
    if (waitpid(logs, &status, WNOHANG) == logs) return false;
  }
}

void end_logs(pid_t logs) {
  if (logs <= 0) return;
  kill(logs, SIGTERM);
  int status = 0;
  for (int i = 0; i < 100; ++i) {
    if (waitpid(logs, &status, WNOHANG) != 0) return;
    usleep(20'000);
  }
  kill(logs, SIGKILL);
  waitpid(logs, &status, 0);
}

// Leaves the sessions. As the seed's dev: only the session that started the container stops it,
// even under other sessions, which it names first (they lose their database) and leaves a notice.
void leave(const local::DevSessions& sessions, const LocalDev& dev, const local::ContainerCommands& c,
           const std::string& config) {
  auto lock = sessions.lock();
  pid_t self = getpid();
  sessions.leave(self);
  auto others = sessions.others(self);
  pid_t starter = sessions.starter();
  if (starter == 0) {
    std::cout << fmt::format("container {} keeps running: no dev session started it (`ddbsynth local down` "
                             "removes it)\n",
                             dev.container_name);
  } else if (starter != self) {
    std::vector<local::DevSession> by;
    for (const auto& s : others)
      if (s.pid == starter) by.push_back(s);
    std::cout << (by.empty() ? fmt::format("container {} keeps running: the dev session that started it (pid {}) "
                                           "is gone; `ddbsynth local down` removes it\n",
                                           dev.container_name, starter)
                             : fmt::format("container {} keeps running: the dev session that started it, {}, "
                                           "stops it when it ends\n",
                                           dev.container_name, local::describe(by)));
  } else {
    if (!others.empty()) {
      warn(fmt::format("stopping container {}, which this session started, under {} other dev "
                         "session(s) that lose their database: {}; they end now. To keep DynamoDB Local up "
                         "across dev sessions, start it with `ddbsynth local up` (a dev session never stops it then)",
                         dev.container_name, others.size(), local::describe(others)));
      for (const auto& s : others)
        sessions.leave_notice(s.pid, fmt::format("container {} was stopped by the dev session that started it, "
                                                 "{}; this session ends (`ddbsynth local dev` again starts it)",
                                                 dev.container_name,
                                                 local::describe({local::DevSession{self, dev.table_name}})));
    }
    if (run_step(c.remove, kStart, config)) {
      sessions.clear_started();
      std::cout << fmt::format("removed container {}; volume {} keeps the data\n", dev.container_name, c.volume);
    }
  }
  std::cout.flush();
}

int dev(const LocalArgs& a) {
  auto t = load_local(a.config);
  if (!t) return kInvalid;
  const LocalDev& dev = *t->local_dev;
  auto c = local::container_commands(dev);
  sigset_t stop = block_stop_signals();
  std::optional<local::DevSessions> sessions;
  try {
    sessions.emplace(dev);
  } catch (const std::exception& e) {
    report(e.what());
    return kFindings;
  }
  if (!ensure_image(dev, c, a.config)) return kFindings;
  {
    // One process at a time finds, or starts, the container and joins.
    auto lock = sessions->lock();
    auto state = ensure_container(dev, c, a.config);
    if (state == ContainerState::Failed) return kFindings;
    if (state == ContainerState::Started) sessions->mark_started(getpid());
    sessions->join(getpid(), dev.table_name);
  }
  LocalArgs apply_args = a;
  apply_args.endpoint = local::default_endpoint(dev);
  int rc = run_apply(*t, apply_args, ms(a.wait));
  pid_t logs = -1;
  if (rc == kOk) {
    std::cout << fmt::format("streaming the log of container {}; Ctrl+C ends this session\n", dev.container_name);
    std::cout.flush();
    logs = local::spawn_forwarding(c.logs);
    if (logs < 0) {
      report(fmt::format("cannot run `{}`", local::shell_line(c.logs)));
      rc = kFindings;
    } else if (!follow(logs, stop)) {
      logs = -1;
      if (auto notice = sessions->take_notice(getpid())) {
        warn(*notice);  // an announced stop: the session ends cleanly, as the seed's does
        sessions->leave(getpid());
        return kOk;
      }
      report(fmt::format("the log of container {} ended: the container stopped (`ddbsynth local down --force`, "
                         "or outside ddbsynth)",
                         dev.container_name));
      rc = kFindings;
    }
  }
  end_logs(logs);
  // Stopped under it while it was still applying its table: it failed, and says why.
  if (auto notice = sessions->take_notice(getpid())) {
    warn(*notice);
    sessions->leave(getpid());
    return rc;
  }
  leave(*sessions, dev, c, a.config);
  return rc;
}

}  // namespace

void setup_local_dev(CLI::App& cmd, std::shared_ptr<LocalArgs> a) {
  cmd.footer(
      "What Nx's `dev` target runs (continuous). All the workspace's tables share one container:\n"
      "localDev.containerName and .port are the same in each config (-sharedDb). Pulls the image when\n"
      "missing; reuses the running container, restarts a stopped one or starts a new one (as `local up`);\n"
      "creates or updates this config's table (as `local apply`); then streams the container's log until\n"
      "Ctrl+C, SIGTERM or SIGHUP. Several tables' dev sessions run in parallel; a lock in\n"
      "$DDBSYNTH_RUN_DIR (else $XDG_RUNTIME_DIR, else /tmp)/ddbsynth-<uid>/ lets one at a time start the\n"
      "container. As the seed's dev, only the session that started the container removes it (its volume\n"
      "kept) when it ends, even while other sessions use it: it first warns on stderr, naming them (pid,\n"
      "table), and they end saying why. A session that did not start it, or a container `local up`\n"
      "started, leaves it running. To keep the container across sessions, start it with `local up`.\n"
      "Exit codes: 0 ended by a signal, or by the session that started the container stopping it; 1 the\n"
      "engine, the endpoint or the table failed, or the container stopped otherwise; 2 invalid input.\n\n"
      "Examples:\n"
      "  ddbsynth local dev\n"
      "  ddbsynth local dev packages/orders/config.json --wait 60\n");
  cmd.callback([a] { g_exit = dev(*a); });
}

}  // namespace ddbsynth::cli
