#include "resource_policy.hpp"

#include <fmt/format.h>

#include <cmath>
#include <regex>

#include "ddbsynth/backend.hpp"

namespace ddbsynth::cdk {
namespace {

using cfn::Json;

// What JavaScript makes of a JSON value: integral numbers print without a fraction ("1.0" is 1).
Json as_js(const Json& v) {
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9007199254740992.0) return Json(static_cast<int64_t>(d));
    return v;
  }
  if (v.is_array()) {
    Json out = Json::array();
    for (const auto& x : v) out.push_back(as_js(x));
    return out;
  }
  if (v.is_object()) {
    Json out = Json::object();
    for (const auto& [k, x] : v.items()) out[k] = as_js(x);
    return out;
  }
  return v;
}

bool truthy(const Json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0;
  if (v.is_string()) return !v.get<std::string>().empty();
  return true;
}

// Object.keys of a JSON value: an array's indexes, a non-empty string's character positions.
bool has_keys(const Json& v) {
  return (v.is_object() || v.is_array() || v.is_string()) && !v.empty() && !(v.is_string() && v.get<std::string>().empty());
}

class StatementReader {
 public:
  StatementReader(const Table& t, size_t index) : t_(t), index_(index) {}

  Json read(const Json& s) {
    if (!s.is_object()) fail("is not an object (PolicyStatement.fromJson finds no action in it)");
    Json action = list(s, "Action", true), not_action = list(s, "NotAction", true);
    if (!action.empty() && !not_action.empty()) fail("has both Action and NotAction (the CDK cannot add 'NotActions' to a statement with 'Actions')");
    if (action.empty() && not_action.empty()) fail("must specify at least one Action or NotAction");
    Json resource = list(s, "Resource", false), not_resource = list(s, "NotResource", false);
    if (!resource.empty() && !not_resource.empty()) fail("has both Resource and NotResource, which the CDK refuses");
    Value principal = principal_of(s, "Principal"), not_principal = principal_of(s, "NotPrincipal");
    if (present(s, "Principal") && present(s, "NotPrincipal")) fail("has both Principal and NotPrincipal, which the CDK refuses");
    Json condition = conditions(s);

    // toStatementJson's keys, in its order; what normalizes to undefined is left out.
    Json out = Json::object();
    put(out, "Action", norm(action, true));
    put(out, "NotAction", norm(not_action, true));
    put(out, "Condition", norm(condition, false));
    put(out, "Effect", present(s, "Effect") ? norm(as_js(s["Effect"]), false) : Json("Allow"));
    put(out, "Principal", principal);
    put(out, "NotPrincipal", not_principal);
    put(out, "Resource", norm(resource, true));
    put(out, "NotResource", norm(not_resource, true));
    if (s.contains("Sid")) put(out, "Sid", norm(as_js(s["Sid"]), false));
    return out;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw BackendError{t_.where("tableConfig.resourcePolicy"),
                       fmt::format("the CDK rejects tableConfig.resourcePolicy.Statement[{}]: it {}", index_, why)};
  }

  static bool present(const Json& s, const char* key) { return s.contains(key) && truthy(s[key]); }

  // Unset is JavaScript's undefined, which JSON.stringify leaves out; null is written.
  using Value = std::optional<Json>;

  static void put(Json& out, const char* key, Value v) {
    if (v) out[key] = std::move(*v);
  }

  // PolicyStatement's _norm: undefined for null, an empty list or an empty object, a list of
  // one as its element, a longer list (made unique, for actions and resources) as a list.
  static Value norm(const Json& v, bool unique) {
    if (v.is_null()) return std::nullopt;
    if (v.is_array()) {
      if (v.empty()) return std::nullopt;
      if (v.size() == 1) return v[0];
      if (!unique) return v;
      Json out = Json::array();
      for (const auto& x : v)
        if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
      return out;
    }
    if (v.is_object() && v.empty()) return std::nullopt;
    return v;
  }

  // Action, NotAction, Resource, NotResource: a string or a list of strings, duplicates dropped.
  Json list(const Json& s, const char* key, bool actions) const {
    Json out = Json::array();
    if (!s.contains(key)) return out;
    const Json& v = s[key];
    if (!v.is_string() && !v.is_array()) fail(fmt::format("has a {} that is neither a string nor a list of strings", key));
    Json items = v.is_array() ? v : Json::array({v});
    // ensureArrayOrUndefined uses Array.find, which misses falsy non-strings (null, 0, false).
    for (const auto& x : items)
      if (!x.is_string() && truthy(x)) fail(fmt::format("has a {} that is neither a string nor a list of strings", key));
    static const std::regex kAction(R"(\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*]+)");
    for (const auto& x : items) {
      if (actions && (!x.is_string() || !std::regex_match(x.get<std::string>(), kAction)))
        fail(fmt::format("has {} {}, which the CDK refuses: an action is a service namespace, a colon and an action "
                         "name, with * as the only wildcard",
                         key, x.dump()));
      Json js = as_js(x);
      if (std::find(out.begin(), out.end(), js) == out.end()) out.push_back(js);
    }
    return out;
  }

  // JsonPrincipal and mergePrincipal, then _normPrincipal: a string stays a string; an
  // object's values become lists, rendered by _norm, falsy results dropped.
  Value principal_of(const Json& s, const char* key) const {
    if (!present(s, key)) return std::nullopt;
    const Json& p = s[key];
    if (p.is_string()) return p;
    if (!p.is_object() && !p.is_array()) fail(fmt::format("has a {} that is neither a string nor an object", key));
    if (p.empty()) return std::nullopt;
    Json out = Json::object();
    auto add = [&](const std::string& k, const Json& v) {
      Value value = norm(v.is_array() ? as_js(v) : Json::array({as_js(v)}), false);
      if (value && truthy(*value)) out[k] = *value;
    };
    if (p.is_array()) {
      for (size_t i = 0; i < p.size(); ++i) add(std::to_string(i), p[i]);
    } else {
      for (const auto& [k, v] : p.items()) add(k, v);
    }
    return out;
  }

  // addConditions: Object.keys of the value, each condition an object of keys to values.
  Json conditions(const Json& s) const {
    Json out = Json::object();
    if (!s.contains("Condition")) return out;
    const Json& c = s["Condition"];
    if (c.is_null()) fail("has a null Condition");
    if (!has_keys(c)) return out;
    auto add = [&](const std::string& k, const Json& v) {
      if (!v.is_object()) fail("has a Condition that is not a map of operators to objects");
      out[k] = as_js(v);
    };
    if (c.is_object()) {
      for (const auto& [k, v] : c.items()) add(k, v);
    } else if (c.is_array()) {
      for (size_t i = 0; i < c.size(); ++i) add(std::to_string(i), c[i]);
    } else {
      fail("has a Condition that is not a map of operators to objects");
    }
    return out;
  }

  const Table& t_;
  size_t index_;
};

}  // namespace

Json user_policy_statements(const Table& t) {
  Json out = Json::array();
  if (!t.options.resource_policy) return out;
  auto fail = [&](const std::string& why) {
    throw BackendError{t.where("tableConfig.resourcePolicy"), "the CDK rejects tableConfig.resourcePolicy: " + why};
  };
  Json doc = Json::parse(*t.options.resource_policy, nullptr, false);
  if (!doc.is_object()) fail("it is not a policy document object");
  if (!doc.contains("Statement") || doc["Statement"].is_null()) fail("it has no Statement list");
  if (!doc["Statement"].is_array()) fail("its Statement must be a list");
  const Json& statements = doc["Statement"];
  for (size_t i = 0; i < statements.size(); ++i) out.push_back(StatementReader(t, i).read(statements[i]));
  return out;
}

}  // namespace ddbsynth::cdk
