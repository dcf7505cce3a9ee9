// ddbsynth local apply|up|down: the seed's `dev` target, natively: DynamoDB Local in a container,
// and the local table (localDev.tableName) kept in line with the config.
#include <fmt/format.h>

#include <iostream>

#include <unistd.h>

#include "cli/local_steps.hpp"
#include "ddbsynth/diagnostics.hpp"
#include "local/apply.hpp"
#include "local/dev_sessions.hpp"

namespace ddbsynth::cli {

using namespace std::chrono;
using local::Command;

milliseconds ms(double seconds) { return milliseconds(static_cast<long long>(seconds * 1000)); }

namespace {

std::string secs(milliseconds d) { return fmt::format("{:g} s", d.count() / 1000.0); }

}  // namespace

std::optional<Table> load_local(const std::string& path) {
  auto tables = load_all({path});
  if (!tables) return std::nullopt;
  Table& t = tables->front();
  if (!t.local_dev) {
    SourcePos p = t.where("localDev");
    std::cerr << Diagnostic{p, "no localDev, so no local table: add \"localDev\": {\"tableName\": \"<name>\"} to "
                               "use ddbsynth local"}
                     .format()
              << '\n';
    return std::nullopt;
  }
  return t;
}

namespace {

// One line per failure, with what to do about it.
std::string explain(const local::EndpointError& e, const std::string& url, const std::string& config) {
  switch (e.kind) {
    case local::EndpointError::Unreachable:
      return fmt::format("cannot reach {} ({}): is DynamoDB Local running? Start it with `ddbsynth local up {}`, "
                         "or point --endpoint at it",
                         url, e.detail, local::shell_line({config}));
    case local::EndpointError::Timeout:
      return fmt::format("{} did not answer {} in time ({}): is the server stuck? Raise --request-timeout if it "
                         "is just slow",
                         url, e.operation, e.detail);
    case local::EndpointError::NotDynamoDb:
      return fmt::format("{} answered {} with {}: is it DynamoDB? Check --endpoint", url, e.operation, e.detail);
    case local::EndpointError::Other:
      break;
  }
  return fmt::format("{} failed at {}: {}", e.operation, url, e.detail);
}

std::string explain(const local::ApplyConflict& c, const Table& t, const std::string& url,
                    const std::string& config) {
  std::string name = t.local_dev->table_name;
  std::string out = fmt::format("table {} at {} cannot be changed to match {}:\n", name, url, config);
  for (const auto& d : c.differences) out += "  " + d + "\n";
  out += fmt::format(
      "DynamoDB cannot change a table's key or LSIs, and ddbsynth never deletes a table. To recreate it\n"
      "(this deletes its items):\n"
      "  AWS_ACCESS_KEY_ID={} AWS_SECRET_ACCESS_KEY={} aws dynamodb delete-table --region {} --table-name {} "
      "--endpoint-url {}\n"
      "  ddbsynth local apply {} --endpoint {}",
      local::kLocalAccessKey, local::kLocalSecretKey, local::kLocalRegion, local::shell_line({name}), url,
      local::shell_line({config}), url);
  return out;
}

}  // namespace

int run_apply(const Table& t, const LocalArgs& a, milliseconds startup) {
  std::string url = a.endpoint.empty() ? local::default_endpoint(*t.local_dev) : a.endpoint;
  auto endpoint = local::parse_endpoint(url);
  if (!endpoint) {
    report(fmt::format("--endpoint {}: expected http://host:port or https://host:port, with no path", url));
    return kInvalid;
  }
  url = endpoint->url;
  local::DynamoDb db(*endpoint, local::HttpTimeouts{std::min(milliseconds(3000), ms(a.request_timeout)),
                                                    ms(a.request_timeout)});
  local::ApplyOptions options{.wait = ms(a.wait), .poll = milliseconds(200), .startup = startup};
  const std::string& name = t.local_dev->table_name;
  try {
    bool changed = local::apply(t, db, options, std::cout);
    if (changed) std::cout << fmt::format("table {} at {} matches {}\n", name, url, a.config);
    else std::cout << fmt::format("table {} at {} is up to date\n", name, url);
    return kOk;
  } catch (const local::EndpointError& e) {
    if (startup.count() > 0 && (e.kind == local::EndpointError::Unreachable || e.kind == local::EndpointError::Other))
      report(fmt::format("DynamoDB Local did not answer at {} within {} of starting ({}): see its log with `{} logs {}`",
                         url, secs(startup), e.detail, to_string(t.local_dev->engine), t.local_dev->container_name));
    else
      report(explain(e, url, a.config));
  } catch (const local::ServiceError& e) {
    report(fmt::format("{} refused {} on table {}: {}: {}", url, e.operation, name, e.type, e.message));
  } catch (const local::ApplyConflict& c) {
    report(explain(c, t, url, a.config));
  } catch (const local::WaitTimeout& w) {
    report(fmt::format("gave up after {} waiting for {} on table {} at {} (last seen: {}). The server accepted the "
                       "change but has not carried it out; give it longer with --wait SECONDS (dynalite, for one, "
                       "does not implement GSI changes)",
                       secs(w.waited), w.what, name, url, w.status));
  }
  return kFindings;
}

namespace {

int apply_command(const LocalArgs& a) {
  auto t = load_local(a.config);
  if (!t) return kInvalid;
  return run_apply(*t, a, milliseconds(0));
}

}  // namespace

bool run_step(const Command& c, milliseconds timeout, const std::string& config) {
  auto r = local::run_process(c, timeout, local::Output::ToStderr);
  if (!r.started) {
    report(fmt::format("{} is not on PATH: install it, or set localDev.containerEngine (docker, podman or finch) "
                       "in {}",
                       c.front(), config));
  } else if (r.timed_out) {
    report(fmt::format("`{}` did not finish within {}; stopped it", local::shell_line(c), secs(timeout)));
  } else if (r.exit_code != 0) {
    report(fmt::format("`{}` failed (exit {})", local::shell_line(c), r.exit_code));
  }
  return r.started && !r.timed_out && r.exit_code == 0;
}

bool ensure_image(const LocalDev& dev, const local::ContainerCommands& c, const std::string& config) {
  if (local::run_process(c.image_present, kProbe, local::Output::Discard).exit_code == 0) {
    std::cout << fmt::format("image {} is present\n", dev.image);
    return true;
  }
  if (!run_step(c.pull, kPull, config)) return false;
  std::cout << fmt::format("pulled image {}\n", dev.image);
  return true;
}

ContainerState ensure_container(const LocalDev& dev, const local::ContainerCommands& c, const std::string& config) {
  // A failed `run` whose container exists after all lost a race to another process: use that one.
  for (int attempt = 1;; ++attempt) {
    auto state = local::run_process(c.running_state, kProbe, local::Output::Capture);
    if (!state.started) {
      run_step(c.running_state, kProbe, config);  // reports the missing engine
      return ContainerState::Failed;
    }
    if (state.exit_code == 0 &&
        local::corrupts_data(local::run_process(c.arguments, kProbe, local::Output::Capture).output)) {
      report(fmt::format("container {} runs DynamoDB Local with -{}, which lets it write duplicate rows for one key: "
                         "recreate it with `ddbsynth local down {}` then `ddbsynth local up {}` (the volume {} keeps "
                         "the data; README, \"A volume written with -optimizeDbBeforeStartup\", says how to check "
                         "and repair it)",
                         dev.container_name, local::kCorruptingFlag, local::shell_line({config}),
                         local::shell_line({config}), c.volume));
      return ContainerState::Failed;
    }
    if (state.exit_code == 0 && state.output.starts_with("true")) {
      std::cout << fmt::format("container {} is running\n", dev.container_name);
      return ContainerState::Running;
    }
    if (state.exit_code == 0) {
      if (!run_step(c.start, kStart, config)) return ContainerState::Failed;
      std::cout << fmt::format("started container {}\n", dev.container_name);
      return ContainerState::Started;
    }
    bool ran = attempt < 3 ? local::run_process(c.run, kStart, local::Output::Discard).exit_code == 0
                           : run_step(c.run, kStart, config);  // the last try says why it failed
    if (ran) {
      std::cout << fmt::format("started container {} on 127.0.0.1:{} (data in volume {})\n", dev.container_name,
                               dev.port, c.volume);
      return ContainerState::Started;
    }
    if (attempt >= 3) return ContainerState::Failed;
  }
}

namespace {

// Best effort: a container `local up` started is not a dev session's to stop.
void forget_dev_start(const LocalDev& dev) {
  try {
    local::DevSessions sessions(dev);
    auto lock = sessions.lock();
    sessions.clear_started();
  } catch (const std::exception&) {
  }
}

int up(const LocalArgs& a) {
  auto t = load_local(a.config);
  if (!t) return kInvalid;
  const LocalDev& dev = *t->local_dev;
  auto c = local::container_commands(dev);
  std::string url = local::default_endpoint(dev);
  if (a.dry_run) {
    std::cout << fmt::format("# pulls only when `{}` does not find the image:\n{}\n",
                             local::shell_line(c.image_present), local::shell_line(c.pull))
              << fmt::format("# runs a new container only when there is none named {}; a stopped one gets `{}`:\n{}\n",
                             dev.container_name, local::shell_line(c.start), local::shell_line(c.run))
              << fmt::format("# then, once {} answers:\nddbsynth local apply {} --endpoint {}\n", url,
                             local::shell_line({a.config}), url);
    return kOk;
  }
  if (!ensure_image(dev, c, a.config)) return kFindings;
  auto state = ensure_container(dev, c, a.config);
  if (state == ContainerState::Failed) return kFindings;
  if (state == ContainerState::Started) forget_dev_start(dev);
  LocalArgs apply_args = a;
  apply_args.endpoint = url;
  return run_apply(*t, apply_args, ms(a.wait));
}

int down(const LocalArgs& a) {
  auto t = load_local(a.config);
  if (!t) return kInvalid;
  const LocalDev& dev = *t->local_dev;
  auto c = local::container_commands(dev);
  std::string keep = fmt::format("# keeps volume {}; to delete the data as well: {}", c.volume,
                                 local::shell_line(c.remove_volume));
  if (a.dry_run) {
    std::cout << local::shell_line(c.remove) << '\n' << keep << '\n';
    return kOk;
  }
  auto state = local::run_process(c.running_state, kProbe, local::Output::Discard);
  if (!state.started) {
    run_step(c.running_state, kProbe, a.config);  // reports the missing engine
    return kFindings;
  }
  if (state.exit_code != 0) {
    std::cout << fmt::format("no container {}: nothing to remove\n", dev.container_name);
    return kOk;
  }
  std::optional<local::DevSessions> sessions;
  try {
    sessions.emplace(dev);
  } catch (const std::exception& e) {
    report(e.what());
    return kFindings;
  }
  auto lock = sessions->lock();
  auto users = sessions->others(getpid());
  if (!users.empty()) {
    std::string which = fmt::format("{} `ddbsynth local dev` session(s) use container {}: {}", users.size(),
                                    dev.container_name, local::describe(users));
    if (!a.force) {
      report(which + "; end them with Ctrl+C (the one that started the container stops it), or remove it under "
                     "them with --force");
      return kFindings;
    }
    report(which + "; removing it anyway (--force); they end when its log stream does");
  }
  if (!run_step(c.remove, kStart, a.config)) return kFindings;
  sessions->clear_started();
  std::cout << fmt::format("removed container {}; volume {} keeps the data (delete it with: {})\n",
                           dev.container_name, c.volume, local::shell_line(c.remove_volume));
  return kOk;
}

CLI::App* add_config(CLI::App* cmd, LocalArgs& a) {
  cmd->add_option("config", a.config, "Config file (JSON or YAML) with a localDev section")->capture_default_str();
  return cmd;
}

void add_waits(CLI::App* cmd, LocalArgs& a, const std::string& wait_help) {
  cmd->add_option("--wait", a.wait, wait_help)
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--request-timeout", a.request_timeout, "Seconds one HTTP request may take")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

}  // namespace

void add_local(CLI::App& app) {
  auto a = std::make_shared<LocalArgs>();
  auto* local = app.add_subcommand("local", "Run DynamoDB Local and keep the local table in line with the config");
  local->require_subcommand(1);
  local->footer(
      "The local table is localDev.tableName; DynamoDB Local listens on http://localhost:<localDev.port>.\n"
      "Exit codes: 0 done, 1 the endpoint or engine failed or the table cannot be changed, 2 invalid input.\n\n"
      "Examples:\n"
      "  ddbsynth local up                       # pull, start the container, create/update the table\n"
      "  ddbsynth local up --dry-run             # the exact engine commands, run nothing\n"
      "  ddbsynth local dev                      # as up, then the container's log until Ctrl+C\n"
      "  ddbsynth local apply --endpoint http://localhost:4567   # another server, e.g. dynalite\n"
      "  ddbsynth local down                     # remove the container, keep the data volume\n");

  auto* apply = add_config(local->add_subcommand("apply", "Create the local table, or bring its GSIs in line"), *a);
  apply->add_option("--endpoint", a->endpoint, "DynamoDB endpoint (default: http://localhost:<localDev.port>)");
  add_waits(apply, *a, "Seconds to wait for the table and for each index to become ACTIVE");
  apply->footer(
      "Creates the table when it is missing. Otherwise deletes the GSIs the config no longer has (or has\n"
      "differently) and creates the new ones, one at a time, waiting for each. Never deletes the table or\n"
      "its items: a table whose key or LSIs differ from the config is an error that says how to recreate it.\n"
      "Requests are signed (SigV4) with the dummy credentials DynamoDB Local accepts.\n\n"
      "Examples:\n"
      "  ddbsynth local apply\n"
      "  ddbsynth local apply packages/orders/config.json --endpoint http://127.0.0.1:8001 --wait 30\n");
  apply->callback([a] { g_exit = apply_command(*a); });

  auto* up_cmd = add_config(local->add_subcommand("up", "Start DynamoDB Local in a container, then apply"), *a);
  up_cmd->add_flag("--dry-run", a->dry_run, "Print the engine commands instead of running them");
  add_waits(up_cmd, *a, "Seconds to wait for the new container to answer, and for the table and each index to "
                        "become ACTIVE");
  up_cmd->footer(
      "Uses localDev.containerEngine (docker, podman, finch), .image, .containerName and .port. Pulls the\n"
      "image when missing, starts the container (or restarts a stopped one) with its data in the named\n"
      "volume <containerName>-data, published on 127.0.0.1 only, then runs `local apply`.\n\n"
      "Examples:\n"
      "  ddbsynth local up\n"
      "  ddbsynth local up packages/orders/config.json --dry-run\n");
  up_cmd->callback([a] { g_exit = up(*a); });

  auto* dev_cmd = add_config(local->add_subcommand("dev", "Share the workspace's DynamoDB Local, apply, stream its log "
                                                          "until Ctrl+C"),
                             *a);
  add_waits(dev_cmd, *a, "Seconds to wait for a new container to answer, and for the table and each index to "
                         "become ACTIVE");
  setup_local_dev(*dev_cmd, a);

  auto* down_cmd = add_config(local->add_subcommand("down", "Remove the DynamoDB Local container, keep its data"), *a);
  down_cmd->add_flag("--dry-run", a->dry_run, "Print the engine command instead of running it");
  down_cmd->add_flag("--force", a->force, "Remove the container even while `local dev` sessions use it");
  down_cmd->footer("The volume <containerName>-data stays, so the next `local up` finds the tables and items.\n"
                   "Refuses (exit 1), naming them, while `ddbsynth local dev` sessions use the container, since\n"
                   "removing it ends them all; --force removes it anyway.\n\n"
                   "Example:\n  ddbsynth local down --dry-run\n");
  down_cmd->callback([a] { g_exit = down(*a); });
}

}  // namespace ddbsynth::cli
