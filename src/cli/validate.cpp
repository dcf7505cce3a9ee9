// ddbsynth validate: read and check configs, write nothing.
#include <iostream>

#include "cli/commands.hpp"

namespace ddbsynth::cli {

void add_validate(CLI::App& app) {
  auto configs = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("validate", "Check configs against the contract and DynamoDB's limits");
  cmd->footer("Prints \"<file>: ok\" per valid config, or located errors (file:line:col: error: ...).\n"
              "Exit 0 when every config is valid, 2 otherwise.");
  cmd->add_option("configs", *configs, "Config files; default ./config.json");
  cmd->callback([configs] {
    auto paths = or_default(*configs);
    auto tables = load_all(paths);
    if (!tables) {
      g_exit = kInvalid;
      return;
    }
    for (const auto& t : *tables) std::cout << t.source_file << ": ok\n";
  });
}

}  // namespace ddbsynth::cli
