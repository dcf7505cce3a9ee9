#include "cfn.hpp"

#include <fmt/format.h>

#include <algorithm>

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

namespace {

Json throughput(const Capacity& c) {
  return Json{{"ReadCapacityUnits", c.read}, {"WriteCapacityUnits", c.write}};
}

Json kinesis_stream(const KinesisDestination& k) {
  Json out;
  if (k.precision) out["ApproximateCreationDateTimePrecision"] = to_string(*k.precision);
  out["StreamArn"] = k.stream_arn;
  return out;
}

// ImportSourceSpecification as the CDK renders TableProps.importSource.
Json import_source(const ImportSource& i) {
  Json out;
  if (i.compression) out["InputCompressionType"] = to_string(*i.compression);
  out["InputFormat"] = to_string(i.format);
  if (i.format == InputFormat::Csv) {
    Json csv = Json::object();
    if (i.csv_delimiter) csv["Delimiter"] = *i.csv_delimiter;
    if (i.csv_header) csv["HeaderList"] = *i.csv_header;
    out["InputFormatOptions"] = Json{{"Csv", csv}};
  }
  Json bucket{{"S3Bucket", i.bucket}};
  if (i.bucket_owner) bucket["S3BucketOwner"] = *i.bucket_owner;
  if (i.key_prefix) bucket["S3KeyPrefix"] = *i.key_prefix;
  out["S3BucketSource"] = bucket;
  return out;
}

Json point_in_time_recovery(const Table& t) {
  Json out{{"PointInTimeRecoveryEnabled", t.point_in_time_recovery}};
  if (t.options.pitr_period_days) out["RecoveryPeriodInDays"] = *t.options.pitr_period_days;
  return out;
}

}  // namespace

Json table_v2_attribute_definitions(const Table& t) {
  std::vector<const KeyAttribute*> seen;
  auto add = [&](const KeyAttribute& k) {
    if (std::none_of(seen.begin(), seen.end(), [&](const KeyAttribute* s) { return s->name == k.name; }))
      seen.push_back(&k);
  };
  add(t.partition_key);
  if (t.sort_key) add(*t.sort_key);
  for (const auto& g : t.gsis) {
    add(g.partition_key);
    if (g.sort_key) add(*g.sort_key);
  }
  for (const auto& l : t.lsis) add(l.sort_key);
  Json defs = Json::array();
  for (const KeyAttribute* a : seen) defs.push_back(Json{{"AttributeName", a->name}, {"AttributeType", to_string(a->type)}});
  return defs;
}

Json local_secondary_indexes(const Table& t) {
  Json lsis = Json::array();
  for (const auto& l : t.lsis)
    lsis.push_back(Json{{"IndexName", l.name},
                        {"KeySchema", key_schema(t.partition_key, l.sort_key)},
                        {"Projection", projection(l.projection, l.non_key_attributes)}});
  return lsis;
}

Json on_demand_throughput(const OnDemandThroughput& o) {
  Json out = Json::object();
  if (o.max_read_request_units) out["MaxReadRequestUnits"] = *o.max_read_request_units;
  if (o.max_write_request_units) out["MaxWriteRequestUnits"] = *o.max_write_request_units;
  return out;
}

Json warm_throughput(const WarmThroughput& w) {
  Json out = Json::object();
  if (w.read_units_per_second) out["ReadUnitsPerSecond"] = *w.read_units_per_second;
  if (w.write_units_per_second) out["WriteUnitsPerSecond"] = *w.write_units_per_second;
  return out;
}

Json contributor_insights(const ContributorInsights& c) {
  Json out{{"Enabled", true}};
  if (c.mode) out["Mode"] = to_string(*c.mode);
  return out;
}

Json global_secondary_index(const GlobalSecondaryIndex& g) {
  Json j;
  if (g.contributor_insights) j["ContributorInsightsSpecification"] = contributor_insights(*g.contributor_insights);
  j["IndexName"] = g.name;
  j["KeySchema"] = key_schema(g.partition_key, g.sort_key);
  if (!g.on_demand.empty()) j["OnDemandThroughput"] = on_demand_throughput(g.on_demand);
  j["Projection"] = projection(g.projection, g.non_key_attributes);
  if (g.capacity) j["ProvisionedThroughput"] = throughput(*g.capacity);
  if (g.warm) j["WarmThroughput"] = warm_throughput(*g.warm);
  return j;
}

const char* key_type_name(AttributeType t) { return to_string(t); }

Json table_properties(const Table& t, const Json& key_arn) {
  Json p;
  Json defs = Json::array();
  for (const auto& a : t.attribute_definitions())
    defs.push_back(Json{{"AttributeName", a.name}, {"AttributeType", to_string(a.type)}});
  p["AttributeDefinitions"] = defs;
  if (t.billing == BillingMode::PayPerRequest) p["BillingMode"] = "PAY_PER_REQUEST";
  if (t.options.contributor_insights)
    p["ContributorInsightsSpecification"] = contributor_insights(*t.options.contributor_insights);
  p["DeletionProtectionEnabled"] = t.deletion_protection;
  if (!t.gsis.empty()) {
    Json gsis = Json::array();
    for (const auto& g : t.gsis) gsis.push_back(global_secondary_index(g));
    p["GlobalSecondaryIndexes"] = gsis;
  }
  if (t.options.import_source) p["ImportSourceSpecification"] = import_source(*t.options.import_source);
  p["KeySchema"] = key_schema(t.partition_key, t.sort_key);
  if (t.options.kinesis) p["KinesisStreamSpecification"] = kinesis_stream(*t.options.kinesis);
  if (!t.lsis.empty()) p["LocalSecondaryIndexes"] = local_secondary_indexes(t);
  if (!t.on_demand.empty()) p["OnDemandThroughput"] = on_demand_throughput(t.on_demand);
  p["PointInTimeRecoverySpecification"] = point_in_time_recovery(t);
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
  if (t.warm) p["WarmThroughput"] = warm_throughput(*t.warm);
  return p;
}

}  // namespace ddbsynth::cfn
