// ddbsynth check: synthesize in memory and compare with the committed files; writes nothing.
#include <fmt/format.h>

#include <iostream>
#include <regex>

#include "cli/commands.hpp"
#include "ddbsynth/backend.hpp"
#include "ddbsynth/diagnostics.hpp"
#include "ddbsynth/synthesize.hpp"
#include "review/color.hpp"
#include "review/golden.hpp"

namespace ddbsynth::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> configs;
  std::string target = "cloudformation";
  std::string format;
  std::string golden;
  std::string color = "auto";
  unsigned jobs = 0;
};

// `s` as one shell word, for the command line the hint suggests.
std::string shell_word(const std::string& s) {
  static const std::regex kPlain("[A-Za-z0-9_./:=@%+,-]+");
  if (std::regex_match(s, kPlain)) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string refresh_command(const CheckArgs& a) {
  std::string cmd = "ddbsynth synth";
  for (const auto& c : a.configs) cmd += " " + shell_word(c);
  cmd += " --target " + shell_word(a.target);
  if (!a.format.empty()) cmd += " --format " + shell_word(a.format);
  return cmd + " --out " + shell_word(a.golden);
}

int run(const CheckArgs& a) {
  const Backend* backend = backend_for(a.target, a.format);
  if (!backend) return kInvalid;
  std::vector<OutputFile> files;
  auto errors = synthesize_configs(*backend, or_default(a.configs), BackendOptions{a.format}, a.jobs,
                                   [&](OutputFile&& f) { files.push_back(std::move(f)); });
  if (!errors.empty()) {
    for (const auto& d : errors) std::cerr << d.format() << '\n';
    return kInvalid;
  }
  std::vector<review::FileDrift> drifts;
  size_t produced = files.size();
  try {
    drifts = review::compare_with_directory(files, a.golden, {3, review::want_color(a.color)});
  } catch (const review::GoldenError& e) {
    report(e.what());
    return kInvalid;
  }
  if (drifts.empty()) {
    std::cout << fmt::format("{}: {} file{} up to date\n", a.golden, produced, produced == 1 ? "" : "s");
    return kOk;
  }
  std::vector<std::string> extra;
  for (const auto& d : drifts) {
    std::cout << d.diff;
    if (d.drift == review::Drift::Extra) extra.push_back(shell_word(d.path));
  }
  std::cout.flush();
  std::string hint = fmt::format("ddbsynth: {} file{} in {} drifted; refresh with: {}", drifts.size(),
                                 drifts.size() == 1 ? "" : "s", a.golden, refresh_command(a));
  if (!extra.empty()) hint += fmt::format(" (and delete from {}: {})", a.golden, fmt::join(extra, " "));
  std::cerr << hint << '\n';
  return kFindings;
}

}  // namespace

void add_check(CLI::App& app) {
  auto a = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand("check", "Compare synthesized output with committed files, writing nothing");
  cmd->footer(
      "Synthesizes the configs in memory, exactly as `synth` would, and compares the files with those\n"
      "in --golden. Exit 0 when they are identical. Otherwise exit 1 and print a unified diff from\n"
      "the committed files to the synthesized ones (files missing from --golden and files there that\n"
      "nothing produces count too), then, on stderr, the `synth` command that refreshes them. The diff\n"
      "applies with `patch -p0`. Invalid configs: located errors, exit 2.\n\n"
      "Examples:\n"
      "  ddbsynth check --golden infra/                      # ./config.json vs infra/\n"
      "  ddbsynth check packages/*/config.json --target cloudformation --format yaml --golden cfn/\n"
      "  ddbsynth check --golden infra/ --color=never | less\n");
  cmd->add_option("configs", a->configs, "Config files (JSON, or YAML by .yaml/.yml); default ./config.json");
  cmd->add_option("-t,--target", a->target, "Output target: " + target_names())->capture_default_str();
  cmd->add_option("-f,--format", a->format, "Output format of the target (e.g. json, yaml); default: its first");
  cmd->add_option("-g,--golden", a->golden, "Directory holding the committed output")->required();
  cmd->add_option("--color", a->color, "Colour the diff: auto (a terminal, NO_COLOR unset), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("-j,--jobs", a->jobs, "Configs synthesized in parallel (default 0: one per core)")
      ->check(CLI::Range(0u, 1024u));
  cmd->callback([a] { g_exit = run(*a); });
}

}  // namespace ddbsynth::cli
