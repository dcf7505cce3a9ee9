// ddbsynth synth: configs in, one set of files per config out, written atomically.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "ddbsynth/backend.hpp"
#include "ddbsynth/diagnostics.hpp"
#include "ddbsynth/output.hpp"
#include "ddbsynth/synthesize.hpp"

namespace ddbsynth::cli {
namespace {

struct SynthArgs {
  std::vector<std::string> configs;
  std::string target = "cloudformation";
  std::string format;
  std::string out = "out";
  bool quiet = false;
  unsigned jobs = 0;
};

int run(const SynthArgs& a) {
  const Backend* backend = backend_for(a.target, a.format);
  if (!backend) return kInvalid;
  // Files are staged as each window of tables is synthesized; nothing replaces an existing file
  // unless every config was valid and every file was staged.
  try {
    OutputSet out(a.out);
    auto errors = synthesize_configs(*backend, or_default(a.configs), BackendOptions{a.format}, a.jobs,
                                     [&](OutputFile&& f) { out.add(f); });
    if (!errors.empty()) {
      for (const auto& d : errors) std::cerr << d.format() << '\n';
      return kInvalid;
    }
    out.commit();
    if (!a.quiet)
      for (const auto& p : out.paths()) std::cout << "wrote " << p.string() << '\n';
  } catch (const OutputError& e) {
    report(e.what());
    return kInvalid;
  }
  return kOk;
}

}  // namespace

void add_synth(CLI::App& app) {
  auto a = std::make_shared<SynthArgs>();
  auto* cmd = app.add_subcommand("synth", "Synthesize infrastructure for each config");
  cmd->footer(
      "Each config produces its own files in --out, named after its stack (cdk.stackName, by default\n"
      "the letters and digits of runtimeConfigKey followed by \"Stack\"). All configs are read and\n"
      "validated first; if any is invalid nothing is written and the exit code is 2.\n\n"
      "Examples:\n"
      "  ddbsynth synth                                  # ./config.json -> out/\n"
      "  ddbsynth synth packages/*/config.json --target cloudformation --format yaml --out cfn/\n");
  cmd->add_option("configs", a->configs, "Config files (JSON, or YAML by .yaml/.yml); default ./config.json");
  cmd->add_option("-t,--target", a->target, "Output target: " + target_names())->capture_default_str();
  cmd->add_option("-f,--format", a->format, "Output format of the target (e.g. json, yaml); default: its first");
  cmd->add_option("-o,--out", a->out, "Output directory (created if missing)")->capture_default_str();
  cmd->add_flag("-q,--quiet", a->quiet, "Do not list the files written");
  cmd->add_option("-j,--jobs", a->jobs, "Configs synthesized in parallel (default 0: one per core); the output is the same for any value")
      ->check(CLI::Range(0u, 1024u));
  cmd->callback([a] { g_exit = run(*a); });
}

}  // namespace ddbsynth::cli
