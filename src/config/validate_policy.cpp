// tableConfig.resourcePolicy: an IAM policy document, kept as the user wrote it (compact JSON,
// keys in config order) so that every backend merges the grants' statements into the same text.
// Checked here: the document's structure, DynamoDB's size limit, and resources that can never
// name this table (a policy that silently grants nothing is a mistake, not a choice).
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <unordered_map>

#include "checker.hpp"
#include "ddbsynth/limits.hpp"

namespace ddbsynth {
namespace {

using Kind = Value::Kind;

constexpr std::string_view kDocumentFields[] = {"Version", "Id", "Statement"};
constexpr std::string_view kStatementFields[] = {"Sid",      "Effect",    "Principal",   "NotPrincipal", "Action",
                                                 "NotAction", "Resource", "NotResource", "Condition"};
constexpr std::string_view kPrincipalKinds[] = {"AWS", "Service", "Federated", "CanonicalUser"};
constexpr EnumName<bool> kEffects[] = {{"Allow", true}, {"Deny", false}};
constexpr EnumName<int> kVersions[] = {{"2012-10-17", 0}, {"2008-10-17", 1}};

nlohmann::ordered_json to_json(const Value& v) {
  switch (v.kind) {
    case Kind::Null: return nullptr;
    case Kind::Bool: return v.boolean;
    case Kind::Int: return v.integer;
    case Kind::Float: return v.number;
    case Kind::String: return v.string;
    case Kind::Array: {
      auto out = nlohmann::ordered_json::array();
      for (const auto& item : v.items) out.push_back(to_json(item));
      return out;
    }
    case Kind::Object: {
      auto out = nlohmann::ordered_json::object();
      for (const auto& m : v.members) out[m.key] = to_json(m.value);
      return out;
    }
  }
  return nullptr;
}

// IAM wildcards: * any run of characters (slashes too), ? one character. `prefix`: may the
// pattern match some string that starts with `s`?
bool glob(std::string_view p, std::string_view s, bool prefix) {
  std::vector<char> at(p.size() + 1, 0), next(p.size() + 1, 0);
  auto close = [&](std::vector<char>& st) {  // a star may match nothing
    for (size_t i = 0; i < p.size(); ++i)
      if (st[i] && p[i] == '*') st[i + 1] = 1;
  };
  at[0] = 1;
  close(at);
  for (char c : s) {
    std::fill(next.begin(), next.end(), 0);
    for (size_t i = 0; i < p.size(); ++i) {
      if (!at[i]) continue;
      if (p[i] == '*') next[i] = 1;
      else if (p[i] == '?' || p[i] == c) next[i + 1] = 1;
    }
    close(next);
    at.swap(next);
  }
  if (prefix) return std::find(at.begin(), at.end(), 1) != at.end();
  return at[p.size()];
}

// A string, or an array of at least one string.
std::vector<const Value*> strings(Checker& c, const Value& v, const std::string& what) {
  std::vector<const Value*> out;
  if (v.kind == Kind::String) return {&v};
  if (v.kind != Kind::Array || v.items.empty()) {
    c.error(v.pos, fmt::format("{} must be a string or a non-empty array of strings", what));
    return out;
  }
  for (const auto& item : v.items)
    if (c.expect(item, Kind::String, what + "[]")) out.push_back(&item);
  return out;
}

void principal(Checker& c, const Value& v, const std::string& what) {
  if (v.kind == Kind::String) {
    if (v.string != "*") c.error(v.pos, fmt::format("{} must be \"*\" or an object such as {{\"AWS\": ...}}", what));
    return;
  }
  if (!c.object(v, what)) return;
  c.fields(v, kPrincipalKinds, what);
  if (v.members.empty()) c.error(v.pos, fmt::format("{} names no principal", what));
  for (const auto& m : v.members)
    for (const Value* s : strings(c, m.value, fmt::format("{}.{}", what, m.key)))
      if (s->string.empty() || has_control(s->string))
        c.error(s->pos, fmt::format("{}.{} entries must be non-empty, without control characters", what, m.key));
}

void actions(Checker& c, const Value& v, const std::string& what) {
  static const std::regex kAction(R"(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)");
  for (const Value* s : strings(c, v, what))
    if (!std::regex_match(s->string, kAction))
      c.error(s->pos, fmt::format("{} {} is not an action (service:Action, wildcards * and ? allowed)", what,
                                  shown(s->string)));
}

// A Resource entry that can never name this table, its indexes or its stream: why, or nothing.
std::optional<std::string> never_matches(const Table& t, std::string_view arn) {
  if (arn == "*") return std::nullopt;
  std::vector<std::string_view> part;  // arn, partition, service, region, account, resource
  size_t from = 0;
  for (int i = 0; i < 5; ++i) {
    size_t colon = arn.find(':', from);
    if (colon == std::string_view::npos) return "it is not an ARN (arn:<partition>:dynamodb:<region>:<account>:table/<name>) or \"*\"";
    part.push_back(arn.substr(from, colon - from));
    from = colon + 1;
  }
  part.push_back(arn.substr(from));
  if (!glob(part[0], "arn", false)) return "it is not an ARN";
  if (!glob(part[2], "dynamodb", false)) return fmt::format("it is an ARN of service \"{}\", not of DynamoDB", part[2]);
  if (t.global.region && !t.is_global() && !glob(part[3], *t.global.region, false))
    return fmt::format("its region \"{}\" is not the table's region {}", part[3], *t.global.region);
  std::string table = "table/" + t.table_name.value_or("");
  if (!t.table_name) return glob(part[5], "table/", true) ? std::nullopt
                                                          : std::optional<std::string>("it does not name a table");
  if (glob(part[5], table, false) || glob(part[5], table + "/", true)) return std::nullopt;
  return fmt::format("it does not name table \"{}\" or its indexes", *t.table_name);
}

void resources(Checker& c, const Value& v, const std::string& what) {
  for (const Value* s : strings(c, v, what))
    if (auto why = never_matches(c.table(), s->string))
      c.error(s->pos, fmt::format("{} {} can never match this table: {}", what, shown(s->string), *why));
}

void condition(Checker& c, const Value& v, const std::string& what) {
  if (!c.object(v, what)) return;
  for (const auto& op : v.members) {
    std::string at = fmt::format("{}.{}", what, op.key);
    if (!c.object(op.value, at)) continue;
    for (const auto& key : op.value.members)
      if (key.value.kind == Kind::Object || key.value.kind == Kind::Null)
        c.error(key.value.pos, fmt::format("{}.{} must be a value or an array of values", at, key.key));
  }
}

// Exactly one of `a` and `b`.
const Value* one_of(Checker& c, const Value& st, std::string_view a, std::string_view b, const std::string& what) {
  const Value* x = st.get(a);
  const Value* y = st.get(b);
  if (x && y) c.error(y->pos, fmt::format("{} has both {} and {}: use one", what, a, b));
  else if (!x && !y) c.error(st.pos, fmt::format("{} needs {} or {}", what, a, b));
  return x ? x : y;
}

}  // namespace

std::string compact_json(const Value& v) { return to_json(v).dump(); }

std::optional<std::string> read_resource_policy(Checker& c, const Value& v, const std::string& what) {
  if (!c.object(v, what)) return std::nullopt;
  c.record(what, v);
  c.fields(v, kDocumentFields, what);
  if (auto* x = v.get("Version")) c.enum_of(*x, what + ".Version", kVersions);
  if (auto* x = v.get("Id")) c.string_of(*x, what + ".Id");
  // The grants' generated statements have Sids of their own; the backends that merge them in
  // check those against these (see the cfntf backends' policy merge).
  std::unordered_map<std::string, size_t> sids;
  if (const Value* list = c.required(v, "Statement", what)) {
    if (c.expect(*list, Kind::Array, what + ".Statement") && list->items.empty())
      c.error(list->pos, fmt::format("{}.Statement must not be empty", what));
    for (size_t i = 0; i < list->items.size(); ++i) {
      const Value& st = list->items[i];
      std::string at = fmt::format("{}.Statement[{}]", what, i);
      if (!c.object(st, at)) continue;
      c.fields(st, kStatementFields, at);
      if (auto* sid = st.get("Sid"); sid && c.expect(*sid, Kind::String, at + ".Sid")) {
        static const std::regex kSid("[A-Za-z0-9]*");
        if (!std::regex_match(sid->string, kSid))
          c.error(sid->pos, fmt::format("{}.Sid {} may only contain A-Z a-z 0-9", at, shown(sid->string)));
        else if (auto [first, added] = sids.emplace(sid->string, i); !added && !sid->string.empty())
          c.error(sid->pos, fmt::format("{}.Sid {} is already used by Statement[{}]", at, shown(sid->string),
                                        first->second));
      }
      if (auto* e = c.required(st, "Effect", at)) c.enum_of(*e, at + ".Effect", kEffects);
      if (auto* p = one_of(c, st, "Principal", "NotPrincipal", at))
        principal(c, *p, fmt::format("{}.{}", at, st.get("Principal") ? "Principal" : "NotPrincipal"));
      if (auto* a = one_of(c, st, "Action", "NotAction", at))
        actions(c, *a, fmt::format("{}.{}", at, st.get("Action") ? "Action" : "NotAction"));
      if (auto* r = st.get("Resource")) resources(c, *r, at + ".Resource");
      else if (auto* n = st.get("NotResource")) strings(c, *n, at + ".NotResource");
      one_of(c, st, "Resource", "NotResource", at);
      if (auto* x = st.get("Condition")) condition(c, *x, at + ".Condition");
    }
  }
  std::string text = compact_json(v);
  if (text.size() > limits::kMaxResourcePolicyBytes)
    c.error(v.pos, fmt::format("{} is {} bytes as compact JSON; DynamoDB accepts at most {} (20 KB) for the "
                               "whole policy, the grants' statements included", what, text.size(), limits::kMaxResourcePolicyBytes));
  return text;
}

}  // namespace ddbsynth
