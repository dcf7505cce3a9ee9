#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "review/finding_codes.hpp"
#include "review/plan_render.hpp"

namespace ddbsynth::review {
namespace {

const char* sarif_level(Severity s) {
  static const char* const levels[] = {"error", "warning", "note"};
  return levels[static_cast<int>(s)];
}

// A URI for a file path: relative paths stay relative references (code-scanning UIs resolve
// them against the repository), absolute ones become file:// URIs; unreserved characters and
// '/' stay, the rest is percent-encoded (UTF-8 bytes).
std::string uri_of(const std::string& path) {
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::string_view("-._~/").find(static_cast<char>(c)) != std::string_view::npos)
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace

std::string render_sarif(const Plan& plan, const std::string& artifact_uri) {
  Json rules = Json::array();
  auto codes = finding_codes();
  for (const auto& c : codes)
    rules.push_back(Json{{"id", c.code},
                         {"shortDescription", Json{{"text", c.summary}}},
                         {"defaultConfiguration", Json{{"level", sarif_level(c.severity)}}}});
  Json results = Json::array();
  for (const auto& f : plan.findings) {
    Json result{{"ruleId", f.code}};
    for (size_t i = 0; i < codes.size(); ++i)
      if (codes[i].code == f.code) result["ruleIndex"] = i;
    result["level"] = sarif_level(f.severity);
    result["message"] = Json{{"text", f.message}};
    Json region{{"startLine", std::max(1, f.pos.line)}, {"startColumn", std::max(1, f.pos.column)}};
    result["locations"] = Json::array(
        {Json{{"physicalLocation", Json{{"artifactLocation", Json{{"uri", uri_of(artifact_uri)}}}, {"region", region}}},
              {"logicalLocations", Json::array({Json{{"fullyQualifiedName", f.path}}})}}});
    result["properties"] = Json{{"engines", engines_json(f.engines)}};
    results.push_back(std::move(result));
  }
  Json driver{{"name", "ddbsynth"}, {"version", DDBSYNTH_VERSION}, {"rules", rules}};
  Json sarif{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
             {"version", "2.1.0"},
             {"runs", Json::array({Json{{"tool", Json{{"driver", driver}}}, {"results", results}}})}};
  return sarif.dump(2) + "\n";
}

}  // namespace ddbsynth::review
