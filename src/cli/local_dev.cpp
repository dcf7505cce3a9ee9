// ddbsynth local dev: the seed's `dev` target. Every table of a workspace shares one DynamoDB Local
// container (-sharedDb, one containerName and port); each table's `dev` reuses it or starts it,
// brings its table in line, then streams the container's log until Ctrl+C or SIGTERM. The last dev
// session to end stops a container a dev session started; one `local up` started stays.
#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iostream>

#include "cli/local_steps.hpp"
#include "local/dev_sessions.hpp"
#include "local/endpoint.hpp"

namespace ddbsynth::cli {
namespace {

using namespace std::chrono;

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

// Leaves the sessions; the last one out stops a container a dev session started.
void leave(const local::DevSessions& sessions, const LocalDev& dev, const local::ContainerCommands& c,
           const std::string& config) {
  auto lock = sessions.lock();
  sessions.leave(getpid());
  auto others = sessions.others(getpid());
  if (!sessions.started()) {
    std::cout << fmt::format("container {} keeps running: no dev session started it (`ddbsynth local down` "
                             "removes it)\n",
                             dev.container_name);
  } else if (!others.empty()) {
    std::cout << fmt::format("container {} keeps running for {} other dev session(s) (pid {}): the last to end "
                             "stops it\n",
                             dev.container_name, others.size(), fmt::join(others, ", "));
  } else if (run_step(c.remove, kStart, config)) {
    sessions.clear_started();
    std::cout << fmt::format("removed container {}; volume {} keeps the data\n", dev.container_name, c.volume);
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
    if (state == ContainerState::Started) sessions->mark_started();
    sessions->join(getpid());
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
      report(fmt::format("the log of container {} ended: the container stopped (`ddbsynth local down --force`, "
                         "or outside ddbsynth)",
                         dev.container_name));
      logs = -1;
      rc = kFindings;
    }
  }
  end_logs(logs);
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
      "container. On exit the container is removed (its volume kept) only by the last session to end,\n"
      "and only when a dev session started it; one `local up` started keeps running.\n"
      "Exit codes: 0 ended by a signal, 1 the engine, the endpoint or the table failed, or the container\n"
      "stopped under the session, 2 invalid input.\n\n"
      "Examples:\n"
      "  ddbsynth local dev\n"
      "  ddbsynth local dev packages/orders/config.json --wait 60\n");
  cmd.callback([a] { g_exit = dev(*a); });
}

}  // namespace ddbsynth::cli
