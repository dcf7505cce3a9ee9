#include "config_document.hpp"

#include "config_document_global.hpp"

namespace ddbsynth::cdk_ts {
namespace {

using Json = nlohmann::ordered_json;

Json key(const KeyAttribute& k) { return Json{{"name", k.name}, {"type", to_string(k.type)}}; }

void projection(Json& ix, Projection p, const std::vector<std::string>& non_key) {
  ix["projectionType"] = to_string(p);
  if (p == Projection::Include) ix["nonKeyAttributes"] = non_key;
}

Json warm(const WarmThroughput& w) {
  Json j = Json::object();
  if (w.read_units_per_second) j["readUnitsPerSecond"] = *w.read_units_per_second;
  if (w.write_units_per_second) j["writeUnitsPerSecond"] = *w.write_units_per_second;
  return j;
}

Json scaling(const Scaling& s) {
  Json j{{"minCapacity", s.min_capacity}, {"maxCapacity", s.max_capacity}, {"targetUtilization", s.target_utilization}};
  if (s.scale_in_cooldown) j["scaleInCooldown"] = *s.scale_in_cooldown;
  if (s.scale_out_cooldown) j["scaleOutCooldown"] = *s.scale_out_cooldown;
  return j;
}

Json insights(const ContributorInsights& c) {
  return c.mode ? Json{{"mode", to_string(*c.mode)}} : Json(true);
}

// The capacity fields a table and a GSI share.
void capacity(Json& j, const OnDemandThroughput& d, const std::optional<WarmThroughput>& w, const AutoScaling& a,
              const std::optional<ContributorInsights>& c) {
  if (d.max_read_request_units) j["maxReadRequestUnits"] = *d.max_read_request_units;
  if (d.max_write_request_units) j["maxWriteRequestUnits"] = *d.max_write_request_units;
  if (w) j["warmThroughput"] = warm(*w);
  if (!a.empty()) {
    Json as = Json::object();
    if (a.read) as["read"] = scaling(*a.read);
    if (a.write) as["write"] = scaling(*a.write);
    j["autoScaling"] = as;
  }
  if (c) j["contributorInsights"] = insights(*c);
}

void options(Json& tc, const TableOptions& o) {
  if (o.pitr_period_days) tc["pointInTimeRecoveryPeriodDays"] = *o.pitr_period_days;
  if (o.kinesis) {
    Json k{{"streamArn", o.kinesis->stream_arn}};
    if (o.kinesis->precision) k["precision"] = to_string(*o.kinesis->precision);
    tc["kinesisStream"] = k;
  }
  if (o.import_source) {
    const ImportSource& s = *o.import_source;
    Json i{{"bucket", s.bucket}};
    if (s.key_prefix) i["keyPrefix"] = *s.key_prefix;
    if (s.bucket_owner) i["bucketOwner"] = *s.bucket_owner;
    i["inputFormat"] = to_string(s.format);
    if (s.csv_delimiter) i["csvDelimiter"] = *s.csv_delimiter;
    if (s.csv_header) i["csvHeader"] = *s.csv_header;
    if (s.compression) i["compression"] = to_string(*s.compression);
    tc["importSource"] = i;
  }
  if (o.resource_policy) tc["resourcePolicy"] = Json::parse(*o.resource_policy);
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
  capacity(tc, t.on_demand, t.warm, t.auto_scaling, t.options.contributor_insights);
  options(tc, t.options);
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
    capacity(ix, g.on_demand, g.warm, g.auto_scaling, g.contributor_insights);
    gsis.push_back(ix);
  }
  tc["globalSecondaryIndexes"] = gsis;
  if (t.is_global()) add_global_fields(t, tc);
  Json grants = Json::array();
  for (const auto& g : t.grants) grants.push_back(Json{{"role", g.role}, {"access", to_string(g.access)}});
  return Json{{"runtimeConfigKey", t.runtime_config_key},
              {"tableConfig", tc},
              {"grants", grants},
              {"cdk", Json{{"stackName", t.cdk_stack_name}, {"constructId", t.cdk_construct_id}}}};
}

}  // namespace ddbsynth::cdk_ts
