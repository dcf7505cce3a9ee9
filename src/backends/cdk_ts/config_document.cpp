#include "config_document.hpp"

namespace ddbsynth::cdk_ts {
namespace {

using Json = nlohmann::ordered_json;

Json key(const KeyAttribute& k) { return Json{{"name", k.name}, {"type", to_string(k.type)}}; }

void projection(Json& ix, Projection p, const std::vector<std::string>& non_key) {
  ix["projectionType"] = to_string(p);
  if (p == Projection::Include) ix["nonKeyAttributes"] = non_key;
}

}  // namespace

Json config_document(const Table& t) {
  Json tc;
  if (t.table_name) tc["tableName"] = *t.table_name;
  tc["partitionKey"] = key(t.partition_key);
  tc["sortKey"] = t.sort_key ? key(*t.sort_key) : Json(nullptr);
  tc["billingMode"] = to_string(t.billing);
  if (t.capacity) {
    tc["readCapacity"] = t.capacity->read;
    tc["writeCapacity"] = t.capacity->write;
  }
  tc["pointInTimeRecovery"] = t.point_in_time_recovery;
  tc["deletionProtection"] = t.deletion_protection;
  tc["enableKeyRotation"] = t.key_rotation;
  tc["removalPolicy"] = to_string(t.removal);
  if (t.ttl_attribute) tc["timeToLiveAttribute"] = *t.ttl_attribute;
  if (t.stream) tc["stream"] = to_string(*t.stream);
  if (t.table_class) tc["tableClass"] = to_string(*t.table_class);
  Json tags = Json::object();
  for (const auto& [k, v] : t.tags) tags[k] = v;
  tc["tags"] = tags;
  Json lsis = Json::array();
  for (const auto& l : t.lsis) {
    Json ix{{"indexName", l.name}, {"sortKey", key(l.sort_key)}};
    projection(ix, l.projection, l.non_key_attributes);
    lsis.push_back(ix);
  }
  tc["localSecondaryIndexes"] = lsis;
  Json gsis = Json::array();
  for (const auto& g : t.gsis) {
    Json ix{{"indexName", g.name}, {"partitionKey", key(g.partition_key)}};
    if (g.sort_key) ix["sortKey"] = key(*g.sort_key);
    projection(ix, g.projection, g.non_key_attributes);
    if (g.capacity) {
      ix["readCapacity"] = g.capacity->read;
      ix["writeCapacity"] = g.capacity->write;
    }
    gsis.push_back(ix);
  }
  tc["globalSecondaryIndexes"] = gsis;
  Json grants = Json::array();
  for (const auto& g : t.grants) grants.push_back(Json{{"role", g.role}, {"access", to_string(g.access)}});
  return Json{{"runtimeConfigKey", t.runtime_config_key},
              {"tableConfig", tc},
              {"grants", grants},
              {"cdk", Json{{"stackName", t.cdk_stack_name}, {"constructId", t.cdk_construct_id}}}};
}

}  // namespace ddbsynth::cdk_ts
