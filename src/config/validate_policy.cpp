// tableConfig.resourcePolicy: an IAM policy document, kept as the user wrote it (compact JSON,
// keys in config order) so that every backend merges the grants' statements into the same text.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "checker.hpp"
#include "ddbsynth/limits.hpp"

namespace ddbsynth {
namespace {

nlohmann::ordered_json to_json(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Null: return nullptr;
    case Value::Kind::Bool: return v.boolean;
    case Value::Kind::Int: return v.integer;
    case Value::Kind::Float: return v.number;
    case Value::Kind::String: return v.string;
    case Value::Kind::Array: {
      auto out = nlohmann::ordered_json::array();
      for (const auto& item : v.items) out.push_back(to_json(item));
      return out;
    }
    case Value::Kind::Object: {
      auto out = nlohmann::ordered_json::object();
      for (const auto& m : v.members) out[m.key] = to_json(m.value);
      return out;
    }
  }
  return nullptr;
}

}  // namespace

std::string compact_json(const Value& v) { return to_json(v).dump(); }

std::optional<std::string> read_resource_policy(Checker& c, const Value& v, const std::string& what) {
  if (!c.object(v, what)) return std::nullopt;
  c.record(what, v);
  return compact_json(v);
}

}  // namespace ddbsynth
