// ddbsynth plan: what deploying one config over another would do to the live table.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "ddbsynth/config.hpp"
#include "ddbsynth/diagnostics.hpp"
#include "review/color.hpp"
#include "review/finding_codes.hpp"
#include "review/git_revision.hpp"
#include "review/plan_render.hpp"

namespace ddbsynth::cli {
namespace {

struct PlanArgs {
  std::vector<std::string> configs;  // OLD NEW, or NEW alone with --against
  std::string against;
  std::string format = "text";
  std::string color = "auto";
};

// OLD and NEW, every error in either printed; nullopt when one is unreadable or invalid.
std::optional<std::pair<Table, Table>> load_pair(const PlanArgs& a) {
  if (a.against.empty()) {
    auto tables = load_all(a.configs);
    if (!tables) return std::nullopt;
    return std::pair{std::move((*tables)[0]), std::move((*tables)[1])};
  }
  std::optional<Table> old_table;
  try {
    auto file = review::read_at_revision(a.configs[0], a.against);
    old_table = parse_config(file.text, file.name);
  } catch (const review::GitError& e) {
    report(e.what());
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << d.format() << '\n';
  }
  auto new_table = load_all({a.configs[0]});
  if (!old_table || !new_table) return std::nullopt;
  return std::pair{std::move(*old_table), std::move((*new_table)[0])};
}

int run(const PlanArgs& a) {
  size_t wanted = a.against.empty() ? 2 : 1;
  if (a.configs.size() != wanted) {
    report(a.against.empty() ? "plan needs OLD_CONFIG and NEW_CONFIG (or one config and --against REV)"
                             : "with --against, plan takes one config: the new one");
    return kInvalid;
  }
  auto tables = load_pair(a);
  if (!tables) return kInvalid;
  review::Plan plan = review::make_plan(tables->first, tables->second);
  if (a.format == "json")
    std::cout << review::render_json(plan);
  else if (a.format == "sarif")
    std::cout << review::render_sarif(plan,
                                      std::filesystem::path(a.configs.back()).lexically_normal().generic_string());
  else
    std::cout << review::render_text(plan, review::want_color(a.color));
  return plan.has_errors() ? kFindings : kOk;
}

std::string footer() {
  std::string codes;
  for (const auto& c : review::finding_codes())
    codes += fmt::format("  {:<29} {:<8} {}\n", c.code, to_string(c.severity), c.summary);
  return "Compares the two models (not the synthesized files), so it holds for every target. Each change\n"
         "is listed under \"changes\" with at least one finding; findings are errors (the deploy fails or\n"
         "loses data: do it differently), warnings (protection weakens, or a limited operation) or infos.\n"
         "Exit 0 when no finding is an error, 1 when one is, 2 on invalid input or a failing git.\n\n"
         "--against REV reads OLD as `git show REV:<path from the repository root>` of the one config\n"
         "given (git runs in its directory); messages name it REV:<path>.\n\n"
         "Finding codes (a few errors are infos when the deploy builds a new table anyway):\n" +
         codes +
         "\nExamples:\n"
         "  ddbsynth plan old/config.json config.json\n"
         "  ddbsynth plan config.json --against main                 # committed vs working copy\n"
         "  ddbsynth plan config.json --against origin/main --format sarif > plan.sarif\n"
         "  ddbsynth plan config.json --against HEAD~1 --format json | jq '.findings[].code'\n";
}

}  // namespace

void add_plan(CLI::App& app) {
  auto a = std::make_shared<PlanArgs>();
  auto* cmd = app.add_subcommand("plan", "Show what deploying NEW_CONFIG over OLD_CONFIG would do to the table");
  cmd->footer(footer());
  cmd->add_option("configs", a->configs, "OLD_CONFIG NEW_CONFIG, or the one config with --against")->required();
  cmd->add_option("--against", a->against, "Git revision to read the old config from (e.g. main, HEAD~1)");
  cmd->add_option("-f,--format", a->format, "Output: text, json or sarif (SARIF 2.1.0)")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->capture_default_str();
  cmd->add_option("--color", a->color, "Colour text output: auto (a terminal, NO_COLOR unset), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->callback([a] { g_exit = run(*a); });
}

}  // namespace ddbsynth::cli
