#include "local/table_request.hpp"

namespace ddbsynth::local {
namespace {

Json attribute_definition(const KeyAttribute& k) {
  return Json{{"AttributeName", k.name}, {"AttributeType", to_string(k.type)}};
}

Json projection(Projection p, const std::vector<std::string>& non_key) {
  Json out{{"ProjectionType", to_string(p)}};
  if (p == Projection::Include) out["NonKeyAttributes"] = non_key;
  return out;
}

Json throughput(const Capacity& c) {
  return Json{{"ReadCapacityUnits", c.read}, {"WriteCapacityUnits", c.write}};
}

Json gsi_description(const GlobalSecondaryIndex& g) {
  Json out{{"IndexName", g.name},
           {"KeySchema", key_schema(g.partition_key, g.sort_key)},
           {"Projection", projection(g.projection, g.non_key_attributes)}};
  if (g.capacity) out["ProvisionedThroughput"] = throughput(*g.capacity);
  return out;
}

}  // namespace

Json key_schema(const KeyAttribute& partition, const std::optional<KeyAttribute>& sort) {
  Json out = Json::array({Json{{"AttributeName", partition.name}, {"KeyType", "HASH"}}});
  if (sort) out.push_back(Json{{"AttributeName", sort->name}, {"KeyType", "RANGE"}});
  return out;
}

// Members in the order of the API's CreateTableInput, as `--generate-cli-skeleton` lists them.
Json create_table_request(const Table& t) {
  Json req;
  Json definitions = Json::array();
  for (const auto& k : t.attribute_definitions()) definitions.push_back(attribute_definition(k));
  req["AttributeDefinitions"] = definitions;
  req["TableName"] = t.local_dev->table_name;
  req["KeySchema"] = key_schema(t.partition_key, t.sort_key);
  if (!t.lsis.empty()) {
    Json lsis = Json::array();
    for (const auto& l : t.lsis)
      lsis.push_back(Json{{"IndexName", l.name},
                          {"KeySchema", key_schema(t.partition_key, l.sort_key)},
                          {"Projection", projection(l.projection, l.non_key_attributes)}});
    req["LocalSecondaryIndexes"] = lsis;
  }
  if (!t.gsis.empty()) {
    Json gsis = Json::array();
    for (const auto& g : t.gsis) gsis.push_back(gsi_description(g));
    req["GlobalSecondaryIndexes"] = gsis;
  }
  req["BillingMode"] = to_string(t.billing);
  if (t.capacity) req["ProvisionedThroughput"] = throughput(*t.capacity);
  return req;
}

Json create_index_request(const Table& t, const GlobalSecondaryIndex& gsi) {
  Json definitions = Json::array({attribute_definition(gsi.partition_key)});
  if (gsi.sort_key && gsi.sort_key->name != gsi.partition_key.name)
    definitions.push_back(attribute_definition(*gsi.sort_key));
  Json req;
  req["AttributeDefinitions"] = definitions;
  req["TableName"] = t.local_dev->table_name;
  req["GlobalSecondaryIndexUpdates"] = Json::array({Json{{"Create", gsi_description(gsi)}}});
  return req;
}

Json delete_index_request(const Table& t, const std::string& index) {
  Json req;
  req["TableName"] = t.local_dev->table_name;
  req["GlobalSecondaryIndexUpdates"] = Json::array({Json{{"Delete", Json{{"IndexName", index}}}}});
  return req;
}

}  // namespace ddbsynth::local
