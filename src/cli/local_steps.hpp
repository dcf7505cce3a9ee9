// The steps `ddbsynth local up`, `dev` and `down` share: loading the config's local table, running
// engine commands, bringing the container up and the table in line. Each reports its own failure.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "local/container.hpp"

namespace ddbsynth::cli {

struct LocalArgs {
  std::string config = "config.json";
  std::string endpoint;  // "" = http://localhost:<localDev.port>
  double wait = 120;
  double request_timeout = 10;
  bool dry_run = false;
  bool force = false;
};

inline constexpr std::chrono::milliseconds kProbe = std::chrono::seconds(30);
inline constexpr std::chrono::milliseconds kPull = std::chrono::minutes(15);
inline constexpr std::chrono::milliseconds kStart = std::chrono::minutes(2);

std::chrono::milliseconds ms(double seconds);

// The config's table, when it has a local one; else the located error is printed.
std::optional<Table> load_local(const std::string& path);

// Runs one engine command that must succeed, its output on stderr; false (reported) when it did not.
bool run_step(const local::Command& c, std::chrono::milliseconds timeout, const std::string& config);

// Pulls the image when the engine does not have it.
bool ensure_image(const LocalDev& dev, const local::ContainerCommands& c, const std::string& config);

enum class ContainerState { Failed, Running, Started };

// Reuses the running container, starts a stopped one or runs a new one; Started when this call
// started it. Refuses a container that runs with the corrupting flag.
ContainerState ensure_container(const LocalDev& dev, const local::ContainerCommands& c, const std::string& config);

// Applies the config to its local table and turns every failure into a message; the exit code.
// `startup` > 0: the container was just started, and the server gets that long to answer.
int run_apply(const Table& t, const LocalArgs& a, std::chrono::milliseconds startup);

// Gives the `local dev` subcommand (its config and wait options already added) its help and action.
void setup_local_dev(CLI::App& dev, std::shared_ptr<LocalArgs> args);

}  // namespace ddbsynth::cli
