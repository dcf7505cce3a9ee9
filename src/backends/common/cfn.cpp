#include "cfn.hpp"

#include <fmt/format.h>

namespace ddbsynth::cfn {

Json ref(std::string_view id) { return Json{{"Ref", id}}; }

Json get_att(std::string_view id, std::string_view attribute) {
  return Json{{"Fn::GetAtt", Json::array({id, attribute})}};
}

Json join(Json parts) { return Json{{"Fn::Join", Json::array({"", std::move(parts)})}}; }

Json actions(std::span<const std::string_view> list) {
  if (list.size() == 1) return Json(list[0]);
  Json out = Json::array();
  for (auto a : list) out.push_back(a);
  return out;
}

std::string js_string(std::string_view s) {
  // nlohmann's escaping is JSON.stringify's: the same short escapes, \u00xx (lowercase) for the
  // other control characters, UTF-8 passed through.
  return Json(std::string(s)).dump();
}

Json account_root_arn() {
  return join(Json::array({"arn:", ref("AWS::Partition"), ":iam::", ref("AWS::AccountId"), ":root"}));
}

namespace {

Json key_schema(const KeyAttribute& hash, const std::optional<KeyAttribute>& range) {
  Json ks = Json::array({Json{{"AttributeName", hash.name}, {"KeyType", "HASH"}}});
  if (range) ks.push_back(Json{{"AttributeName", range->name}, {"KeyType", "RANGE"}});
  return ks;
}

Json projection(Projection p, const std::vector<std::string>& non_key) {
  Json out;
  if (p == Projection::Include) out["NonKeyAttributes"] = non_key;
  out["ProjectionType"] = to_string(p);
  return out;
}

Json throughput(const Capacity& c) {
  return Json{{"ReadCapacityUnits", c.read}, {"WriteCapacityUnits", c.write}};
}

}  // namespace

const char* key_type_name(AttributeType t) { return to_string(t); }

Json table_properties(const Table& t, const Json& key_arn) {
  Json p;
  Json defs = Json::array();
  for (const auto& a : t.attribute_definitions())
    defs.push_back(Json{{"AttributeName", a.name}, {"AttributeType", to_string(a.type)}});
  p["AttributeDefinitions"] = defs;
  if (t.billing == BillingMode::PayPerRequest) p["BillingMode"] = "PAY_PER_REQUEST";
  p["DeletionProtectionEnabled"] = t.deletion_protection;
  if (!t.gsis.empty()) {
    Json gsis = Json::array();
    for (const auto& g : t.gsis) {
      Json j;
      j["IndexName"] = g.name;
      j["KeySchema"] = key_schema(g.partition_key, g.sort_key);
      j["Projection"] = projection(g.projection, g.non_key_attributes);
      if (g.capacity) j["ProvisionedThroughput"] = throughput(*g.capacity);
      gsis.push_back(j);
    }
    p["GlobalSecondaryIndexes"] = gsis;
  }
  p["KeySchema"] = key_schema(t.partition_key, t.sort_key);
  if (!t.lsis.empty()) {
    Json lsis = Json::array();
    for (const auto& l : t.lsis) {
      Json j;
      j["IndexName"] = l.name;
      j["KeySchema"] = key_schema(t.partition_key, l.sort_key);
      j["Projection"] = projection(l.projection, l.non_key_attributes);
      lsis.push_back(j);
    }
    p["LocalSecondaryIndexes"] = lsis;
  }
  p["PointInTimeRecoverySpecification"] = Json{{"PointInTimeRecoveryEnabled", t.point_in_time_recovery}};
  if (t.capacity) p["ProvisionedThroughput"] = throughput(*t.capacity);
  p["SSESpecification"] = Json{{"KMSMasterKeyId", key_arn}, {"SSEEnabled", true}, {"SSEType", "KMS"}};
  if (t.stream) p["StreamSpecification"] = Json{{"StreamViewType", to_string(*t.stream)}};
  if (t.table_class) p["TableClass"] = to_string(*t.table_class);
  if (t.table_name) p["TableName"] = *t.table_name;
  if (!t.tags.empty()) {
    Json tags = Json::array();
    for (const auto& [k, v] : t.tags) tags.push_back(Json{{"Key", k}, {"Value", v}});
    p["Tags"] = tags;
  }
  if (t.ttl_attribute) p["TimeToLiveSpecification"] = Json{{"AttributeName", *t.ttl_attribute}, {"Enabled", true}};
  return p;
}

}  // namespace ddbsynth::cfn
