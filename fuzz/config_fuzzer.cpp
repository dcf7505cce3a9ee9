// libFuzzer target: bytes -> config reader (JSON or YAML, chosen by the first byte) -> validation
// -> every backend, the review plan between the fuzzed table and the seed's (both ways, in every
// rendering) and the generator's entities/base.py. Anything but a clean InputError/BackendError,
// a broken invariant below, or a sanitizer report, is a bug.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "ddbsynth/backend.hpp"
#include "ddbsynth/config.hpp"
#include "ddbsynth/diagnostics.hpp"
#include "generate/pynamodb.hpp"
#include "review/plan.hpp"
#include "review/plan_render.hpp"

namespace {

void require(bool ok) {
  if (!ok) __builtin_trap();
}

// A message printed as `file:line:col: error: message` must stay on its line.
void one_line(const std::string& message) { require(message.find_first_of("\r\n") == std::string::npos); }

// Relative, and never climbing out of the output directory.
bool inside(const std::string& path) {
  if (path.empty() || path[0] == '/') return false;
  for (size_t start = 0; start <= path.size();) {
    size_t end = std::min(path.find('/', start), path.size());
    std::string_view part(path.data() + start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

bool ends_with(const std::string& s, std::string_view end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

const ddbsynth::Table& seed() {
  static const ddbsynth::Table t = ddbsynth::load_config(DDBSYNTH_SEED_CONFIG);
  return t;
}

void check_plan(const ddbsynth::Table& old_table, const ddbsynth::Table& new_table) {
  using namespace ddbsynth::review;
  Plan plan = make_plan(old_table, new_table);
  require(plan.changes.empty() || !plan.findings.empty());  // each change gets a finding
  for (const auto& f : plan.findings) one_line(f.message);
  require(!render_text(plan, false).empty());
  (void)nlohmann::json::parse(render_json(plan));  // throws, and so aborts, on broken JSON
  (void)nlohmann::json::parse(render_sarif(plan, "config.json"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char* name = (data[0] & 1) ? "fuzz.yaml" : "fuzz.json";
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  ddbsynth::Table table;
  try {
    table = ddbsynth::parse_config(text, name);
  } catch (const ddbsynth::InputError& e) {
    require(!e.diagnostics().empty());  // an error must say where
    for (const auto& d : e.diagnostics()) {
      require(d.pos.line >= 1 && d.pos.column >= 1);
      one_line(d.message);
    }
    return 0;
  }
  for (const auto& backend : ddbsynth::backends()) {
    for (auto format : backend->formats()) {
      try {
        auto files = backend->synth(table, ddbsynth::BackendOptions{std::string(format)});
        require(!files.empty());
        for (const auto& f : files) {
          require(inside(f.path));
          // What we emit parses: a config string that broke out of its literal would not.
          if (ends_with(f.path, ".json")) (void)nlohmann::json::parse(f.content);
          if (ends_with(f.path, ".yaml")) (void)YAML::Load(f.content);
        }
      } catch (const ddbsynth::BackendError& e) {
        one_line(e.message);
      }
    }
  }
  check_plan(seed(), table);
  check_plan(table, seed());
  require(ddbsynth::review::make_plan(table, table).changes.empty());  // a table does not differ from itself
  require(!ddbsynth::render_base_py(table).empty());
  return 0;
}
