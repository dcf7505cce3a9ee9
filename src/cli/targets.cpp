// ddbsynth targets: the registered backends.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "ddbsynth/backend.hpp"

namespace ddbsynth::cli {

void add_targets(CLI::App& app) {
  auto* cmd = app.add_subcommand("targets", "List the output targets and their formats");
  cmd->callback([] {
    for (const auto& b : backends())
      std::cout << fmt::format("{:<16} {:<12} {}\n", b->name(), fmt::format("{}", fmt::join(b->formats(), ",")),
                               b->description());
  });
}

}  // namespace ddbsynth::cli
