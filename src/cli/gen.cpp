// ddbsynth gen pynamodb: regenerate entities/base.py from config.json, and nothing else.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "ddbsynth/output.hpp"
#include "generate/base_py_path.hpp"
#include "generate/file_text.hpp"
#include "generate/project_names.hpp"
#include "generate/pynamodb.hpp"

namespace ddbsynth::cli {
namespace {
namespace fs = std::filesystem;

struct GenArgs {
  std::string config = "config.json";
  std::string package;
  bool check = false;
  bool quiet = false;
};

int run_pynamodb(const GenArgs& a) {
  auto tables = load_all({a.config});
  if (!tables) return kInvalid;
  fs::path base_py;
  try {
    base_py = find_base_py(fs::path(a.config).parent_path(), a.package);
  } catch (const GenerateError& e) {
    report(e.what());
    return kInvalid;
  }
  std::string content = render_base_py(tables->front());
  if (file_text(base_py) == content) {
    if (!a.quiet) std::cout << base_py.string() << ": up to date\n";
    return kOk;
  }
  if (a.check) {
    std::cout << fmt::format("{}: out of date with {}: run `ddbsynth gen pynamodb {}`\n", base_py.string(), a.config,
                             a.config);
    return kFindings;
  }
  try {
    write_files(base_py.parent_path(), {OutputFile{base_py.filename().string(), content}});
  } catch (const OutputError& e) {
    report(e.what());
    return kInvalid;
  }
  if (!a.quiet) std::cout << "wrote " << base_py.string() << '\n';
  return kOk;
}

}  // namespace

void add_gen(CLI::App& app) {
  auto* gen = app.add_subcommand("gen", "Regenerate code derived from config.json");
  gen->require_subcommand(1);
  gen->footer("Example:\n  ddbsynth gen pynamodb packages/my_table/config.json\n");
  auto a = std::make_shared<GenArgs>();
  auto* py = gen->add_subcommand("pynamodb", "Regenerate <package>/entities/base.py from config.json");
  py->footer(
      "config.json is the single source of truth: after adding, changing or removing a GSI (or LSI,\n"
      "key, TTL attribute) there, this rewrites the PynamoDB BaseModel in entities/base.py with one\n"
      "index class per index, and touches no other file. The package is the one directory next to\n"
      "CONFIG holding entities/base.py, or --package.\n\n"
      "Index attributes are named after the index: snake_case, without a trailing \"index\", and the\n"
      "seed's <x>pk-<x>sk-index shortened to <x>: gsi1pk-gsi1sk-index gives BaseModel.gsi1_index\n"
      "(class Gsi1Index), byUser gives by_user_index (ByUserIndex). Attribute names that are not\n"
      "Python identifiers get one (\"order date\" -> order_date) with attr_name set to the real name.\n\n"
      "Exit codes: 0 written or already up to date; 1 with --check when base.py is out of date;\n"
      "2 invalid config or no package found.\n\n"
      "Examples:\n"
      "  cd packages/my_table && ddbsynth gen pynamodb\n"
      "  ddbsynth gen pynamodb packages/my_table/config.json --check   # in CI\n");
  py->add_option("config", a->config, "The project's config file")->capture_default_str();
  py->add_option("--package", a->package, "Python package holding entities/base.py; default: found next to CONFIG");
  py->add_flag("--check", a->check, "Write nothing; exit 1 if base.py differs from what CONFIG gives");
  py->add_flag("-q,--quiet", a->quiet, "Print nothing on success");
  py->callback([a] { g_exit = run_pynamodb(*a); });
}

}  // namespace ddbsynth::cli
