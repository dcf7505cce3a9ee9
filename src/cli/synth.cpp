// ddbsynth synth: configs in, one set of files per config out, written atomically.
#include <fmt/format.h>

#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "ddbsynth/backend.hpp"
#include "ddbsynth/output.hpp"

namespace ddbsynth::cli {
namespace {

struct SynthArgs {
  std::vector<std::string> configs;
  std::string target = "cloudformation";
  std::string format;
  std::string out = "out";
  bool quiet = false;
};

int run(const SynthArgs& a) {
  const Backend* backend = find_backend(a.target);
  if (!backend) {
    report(fmt::format("unknown target \"{}\" (targets: {})", a.target, target_names()));
    return kInvalid;
  }
  auto formats = backend->formats();
  if (!a.format.empty() && std::find(formats.begin(), formats.end(), a.format) == formats.end()) {
    report(fmt::format("target {} has no format \"{}\" (formats: {})", a.target, a.format, fmt::join(formats, ", ")));
    return kInvalid;
  }
  auto tables = load_all(or_default(a.configs));
  if (!tables) return kInvalid;
  std::vector<OutputFile> files;
  std::map<std::string, std::string> owner;  // output path -> config that produced it
  BackendOptions options{a.format};
  for (const auto& t : *tables) {
    std::vector<OutputFile> produced;
    try {
      produced = backend->synth(t, options);
    } catch (const BackendError& e) {
      std::cerr << fmt::format("{}:{}:{}: error: {}\n", e.pos.file, e.pos.line, e.pos.column, e.message);
      return kInvalid;
    }
    for (auto& f : produced) {
      auto [it, fresh] = owner.emplace(f.path, t.source_file);
      if (!fresh) {
        std::cerr << fmt::format("{}:1:1: error: output {} is also produced by {}: give the configs distinct "
                                 "runtimeConfigKey or cdk.stackName\n",
                                 t.source_file, f.path, it->second);
        return kInvalid;
      }
      files.push_back(std::move(f));
    }
  }
  try {
    write_files(a.out, files);
  } catch (const OutputError& e) {
    report(e.what());
    return kInvalid;
  }
  if (!a.quiet)
    for (const auto& f : files) std::cout << "wrote " << (std::filesystem::path(a.out) / f.path).string() << '\n';
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
  cmd->callback([a] { g_exit = run(*a); });
}

}  // namespace ddbsynth::cli
