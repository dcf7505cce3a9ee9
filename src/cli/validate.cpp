// ddbsynth validate: read and check configs, write nothing.
#include <iostream>

#include "cli/commands.hpp"
#include "ddbsynth/config.hpp"
#include "ddbsynth/design_review.hpp"
#include "ddbsynth/diagnostics.hpp"
#include "design/review_render.hpp"

namespace ddbsynth::cli {

void add_validate(CLI::App& app) {
  auto configs = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("validate", "Check configs against the contract and DynamoDB's limits");
  cmd->footer("Prints \"<file>: ok\" per valid config, or located errors (file:line:col: error: ...).\n"
              "A config with entities is also reviewed as `ddbsynth model` reviews it: its findings are\n"
              "printed on stderr (file:line:col: warning: ...), and an error finding makes it invalid.\n"
              "Exit 0 when every config is valid, 2 otherwise.\n\n"
              "Examples:\n"
              "  ddbsynth validate\n"
              "  ddbsynth validate packages/*/config.json\n");
  cmd->add_option("configs", *configs, "Config files; default ./config.json");
  cmd->callback([configs] {
    for (const auto& path : or_default(*configs)) {
      try {
        Table t = load_config(path, DesignCheck::None);
        bool ok = true;
        if (!t.design.empty())
          for (const auto& f : review_design(t).findings) {
            std::cerr << design::finding_line(f) << '\n';
            ok = ok && f.severity != Severity::Error;
          }
        if (ok) std::cout << t.source_file << ": ok\n";
        else g_exit = kInvalid;
      } catch (const InputError& e) {
        for (const auto& d : e.diagnostics()) std::cerr << d.format() << '\n';
        g_exit = kInvalid;
      }
    }
  });
}

}  // namespace ddbsynth::cli
