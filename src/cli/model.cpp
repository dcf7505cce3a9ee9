// ddbsynth model: the design review of a config's entities and access patterns.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "ddbsynth/config.hpp"
#include "ddbsynth/design_review.hpp"
#include "ddbsynth/diagnostics.hpp"
#include "design/review_render.hpp"

namespace ddbsynth::cli {

void add_model_verify(CLI::App& model);  // model_verify.cpp

namespace {

struct ModelArgs {
  std::vector<std::string> configs;
  std::string format = "text";
};

int run_model(const ModelArgs& a) {
  std::vector<Table> tables;
  bool invalid = false;
  for (const auto& path : or_default(a.configs)) {
    try {
      tables.push_back(load_config(path, DesignCheck::None));
    } catch (const InputError& e) {
      for (const auto& d : e.diagnostics()) std::cerr << d.format() << '\n';
      invalid = true;
    }
  }
  if (invalid) return kInvalid;
  int exit = kOk;
  std::string out;
  for (size_t i = 0; i < tables.size(); ++i) {
    DesignReview r = review_design(tables[i]);
    if (r.has_error()) exit = kFindings;
    if (a.format == "json") {
      std::string j = design::render_json(tables[i], r);
      j.pop_back();  // the newline; a list of several configs is one JSON array
      out += tables.size() == 1 ? j : (i ? ",\n" : "[\n") + j;
    } else {
      out += (i ? "\n" : "") + (a.format == "markdown" ? design::render_markdown(tables[i], r)
                                                       : design::render_text(tables[i], r));
    }
  }
  if (a.format == "json") out += tables.size() == 1 ? "\n" : "\n]\n";
  std::cout << out;
  return exit;
}

}  // namespace

void add_model(CLI::App& app) {
  auto a = std::make_shared<ModelArgs>();
  auto* cmd = app.add_subcommand("model", "Review the entities and access patterns of configs (single-table design)");
  cmd->footer(
      "Reads the `entities` and `collections` of each config (docs/model.md) and prints the\n"
      "access-pattern table a reviewer reads: entity, pattern, operation, index, the exact key\n"
      "condition, parameters, the other entities the request also reads, and notes. Then the\n"
      "findings, each located in the config:\n"
      "  PRIMARY_KEY_COLLISION (error)       two entity types can write the same primary key\n"
      "  INDEX_KEY_MISSING (error)           a pattern queries an index the entity has no keys on\n"
      "  COLLECTION_PK_MISMATCH (error)      a collection's entities differ in partition key template\n"
      "  QUERY_READS_OTHER_ENTITIES (warning) a query also reads (and filters out) other entity types\n"
      "  PROJECTION_OMITS, SPARSE_INDEX (info)\n"
      "Each key template is read as a regular language and compared exactly: a finding names a key\n"
      "both templates produce. `validate` reports the same findings; an error also fails `synth`.\n\n"
      "Exit codes: 0 no error finding; 1 an error finding; 2 invalid config or usage.\n\n"
      "`ddbsynth model verify` runs the same patterns against DynamoDB Local (see its --help).\n\n"
      "Examples:\n"
      "  ddbsynth model examples/single-table-design.json\n"
      "  ddbsynth model config.json --format markdown >> review.md   # paste into a pull request\n"
      "  ddbsynth model config.json --format json | jq '.findings[] | select(.severity == \"error\")'\n");
  cmd->add_option("configs", a->configs, "Config files; default ./config.json");
  cmd->add_option("-f,--format", a->format, "Output: text, markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}))
      ->capture_default_str();
  add_model_verify(*cmd);
  cmd->callback([a, cmd] {
    if (!cmd->got_subcommand("verify")) g_exit = run_model(*a);
  });
}

}  // namespace ddbsynth::cli
