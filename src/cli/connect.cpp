// ddbsynth connect SOURCE TABLE: the seed's connection generators (FastAPI, Strands agent, MCP
// server -> DynamoDB) for a Python source project and a table project.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "ddbsynth/diagnostics.hpp"
#include "generate/connect.hpp"
#include "generate/project_names.hpp"

namespace ddbsynth::cli {
namespace {

struct ConnectArgs {
  std::string source, table;
};

int run(const ConnectArgs& a) {
  ConnectPlan plan;
  try {
    plan = plan_connect(".", a.source, a.table);
  } catch (const GenerateError& e) {
    report(std::string(e.what()) + "; nothing was written");
    return kInvalid;
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << d.format() << '\n';
    return kInvalid;
  }
  try {
    write_files(".", plan.files);
  } catch (const OutputError& e) {
    report(e.what());
    return kInvalid;
  }
  for (const auto& n : plan.notes) std::cout << n << '\n';
  return kOk;
}

}  // namespace

void add_connect(CLI::App& app) {
  auto a = std::make_shared<ConnectArgs>();
  auto* cmd = app.add_subcommand("connect", "Make a Python project use a table project (dependency and dev target)");
  cmd->footer(
      "Run at the workspace root. What the seed's FastAPI / Strands agent / MCP server connection\n"
      "generators do:\n"
      "  SOURCE/pyproject.toml  the table's [project].name in [project].dependencies, and\n"
      "                         <name> = { workspace = true } in [tool.uv.sources], so uv installs the\n"
      "                         table package from the workspace\n"
      "  SOURCE/project.json    targets.dev.dependsOn gets {\"projects\": [TABLE], \"target\": \"dev\"}, so\n"
      "                         the source's dev starts the table's (`ddbsynth local dev`); a source\n"
      "                         without a dev target is left as is, as the seed does\n"
      "A project is its project.json \"name\" or its directory. The table project needs a config.json with\n"
      "localDev and a pyproject.toml (`ddbsynth new` writes both). Running it again changes nothing.\n"
      "Exit 2, nothing written: an unknown, ambiguous or identical project, or a file it cannot edit.\n\n"
      "Examples:\n"
      "  ddbsynth connect api orders\n"
      "  ddbsynth connect packages/api packages/orders\n");
  cmd->add_option("source", a->source, "The project that uses the table (FastAPI, agent, MCP server...)")->required();
  cmd->add_option("table", a->table, "The table project (`ddbsynth new`)")->required();
  cmd->callback([a] { g_exit = run(*a); });
}

}  // namespace ddbsynth::cli
