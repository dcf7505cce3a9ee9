#include "backends/common/resource_policy.hpp"

#include <algorithm>

#include "ddbsynth/iam.hpp"

namespace ddbsynth::cfn {
namespace {

// _norm of postprocess-policy-document.js: a list of one is its element, an empty list is
// nothing (null here), and `unique` drops repeats keeping the first.
Json norm_list(const Json& v, bool unique) {
  if (!v.is_array()) return v;
  Json out = Json::array();
  for (const auto& x : v)
    if (!unique || std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  if (out.empty()) return nullptr;
  return out.size() == 1 ? out[0] : out;
}

// A JsonPrincipal merged into a statement: "*" stays a string; each key's values as a list,
// normalized without dropping repeats.
Json norm_principal(const Json& p) {
  if (!p.is_object()) return p;
  Json out = Json::object();
  for (const auto& [k, v] : p.items()) {
    Json n = norm_list(v.is_array() ? v : Json::array({v}), false);
    if (!n.is_null()) out[k] = n;
  }
  return out;
}

Json normalized(const Json& s) {
  Json out = Json::object();
  auto put = [&](const char* key, Json v) {
    if (!v.is_null()) out[key] = std::move(v);
  };
  auto field = [&](const char* key) { return s.contains(key) ? s[key] : Json(); };
  put("Action", norm_list(field("Action"), true));
  put("NotAction", norm_list(field("NotAction"), true));
  if (s.contains("Condition") && !(s["Condition"].is_object() && s["Condition"].empty())) put("Condition", s["Condition"]);
  put("Effect", s.contains("Effect") ? s["Effect"] : Json("Allow"));
  if (s.contains("Principal")) put("Principal", norm_principal(s["Principal"]));
  if (s.contains("NotPrincipal")) put("NotPrincipal", norm_principal(s["NotPrincipal"]));
  put("Resource", norm_list(field("Resource"), true));
  put("NotResource", norm_list(field("NotResource"), true));
  put("Sid", field("Sid"));
  return out;
}

}  // namespace

Json table_policy_statements(const Table& t) {
  Json all = Json::array();
  if (t.options.resource_policy) {
    Json doc = Json::parse(*t.options.resource_policy);
    if (doc.contains("Statement") && doc["Statement"].is_array())
      for (const auto& s : doc["Statement"]) all.push_back(normalized(s));
  }
  for (const auto& g : t.grants) {
    const AccessActions& a = actions_for(g.access);
    if (!g.by_arn || a.table.empty()) continue;
    all.push_back(Json{{"Action", actions(a.table)},
                       {"Effect", "Allow"},
                       {"Principal", Json{{"AWS", g.role}}},
                       {"Resource", "*"}});
  }
  Json unique = Json::array();
  for (auto& s : all)
    if (std::find(unique.begin(), unique.end(), s) == unique.end()) unique.push_back(std::move(s));
  return unique;
}

Json policy_document(Json statements) {
  return Json{{"Statement", std::move(statements)}, {"Version", "2012-10-17"}};
}

}  // namespace ddbsynth::cfn
