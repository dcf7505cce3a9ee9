#include "table_v2.hpp"

#include <fmt/format.h>

#include "ddbsynth/backend.hpp"
#include "js_object.hpp"

namespace ddbsynth::cdk {
namespace {

using cfn::Json;

constexpr int kMinTargetUtilization = 20;  // Capacity.autoscaled refuses less

std::string gsi_path(size_t i) { return fmt::format("tableConfig.globalSecondaryIndexes[{}]", i); }

// Capacity.autoscaled(...)._render*Capacity(): no seed capacity, the default minimum of 1.
Json autoscaled(const Scaling& s) {
  return Json{{"MaxCapacity", s.max_capacity},
              {"MinCapacity", s.min_capacity},
              {"TargetTrackingScalingPolicyConfiguration", Json{{"TargetValue", s.target_utilization}}}};
}

Json read_capacity(const std::optional<Scaling>& scaling, int64_t fixed) {
  if (scaling) return Json{{"ReadCapacityAutoScalingSettings", autoscaled(*scaling)}};
  return Json{{"ReadCapacityUnits", fixed}};
}

// The table's provisioned read capacity, which replicas and indexes inherit unless they set theirs.
std::optional<Json> table_read(const Table& t) {
  if (t.billing != BillingMode::Provisioned) return std::nullopt;
  return read_capacity(t.auto_scaling.read, t.capacity ? t.capacity->read : 0);
}

std::optional<Json> gsi_read(const Table& t, size_t i) {
  const GlobalSecondaryIndex& g = t.gsis[i];
  if (g.auto_scaling.read) return read_capacity(g.auto_scaling.read, 0);
  if (g.capacity && t.positions.count(gsi_path(i) + ".readCapacity")) return read_capacity(std::nullopt, g.capacity->read);
  return table_read(t);
}

// Replica tags: the table's (from Tags.of), then the replica's overriding or adding keys, in the
// order a JavaScript object spread lists them.
std::optional<Json> replica_tags(const Table& t, const Replica* r) {
  std::vector<std::string> keys;
  std::map<std::string, std::string> values;
  auto put = [&](const std::string& k, const std::string& v) {
    if (!values.count(k)) keys.push_back(k);
    values[k] = v;
  };
  for (const auto& [k, v] : t.tags) put(k, v);
  if (r && r->tags)
    for (const auto& [k, v] : *r->tags) put(k, v);
  if (keys.empty()) return std::nullopt;
  Json tags = Json::array();
  for (const auto& k : js_property_order(keys)) tags.push_back(Json{{"Key", k}, {"Value", values[k]}});
  return tags;
}

Json pitr(bool enabled, std::optional<int> days) {
  Json out{{"PointInTimeRecoveryEnabled", enabled}};
  if (enabled && days) out["RecoveryPeriodInDays"] = *days;
  return out;
}

// One entry of Replicas; `r` is null for the table's own region (rendered last, as TableV2 does).
Json replica(const Table& t, const Replica* r, const std::string& key_id, const Json& resource_policy) {
  const std::optional<ContributorInsights>& ci =
      r && r->contributor_insights ? r->contributor_insights : t.options.contributor_insights;
  Json out;
  if (ci) out["ContributorInsightsSpecification"] = cfn::contributor_insights(*ci);
  out["DeletionProtectionEnabled"] = r && r->deletion_protection ? *r->deletion_protection : t.deletion_protection;
  if (!t.gsis.empty()) {
    Json gsis = Json::array();
    for (size_t i = 0; i < t.gsis.size(); ++i) {
      Json g;
      if (t.options.contributor_insights)
        g["ContributorInsightsSpecification"] = cfn::contributor_insights(*t.options.contributor_insights);
      g["IndexName"] = t.gsis[i].name;
      if (auto units = t.gsis[i].on_demand.max_read_request_units)
        g["ReadOnDemandThroughputSettings"] = Json{{"MaxReadRequestUnits", *units}};
      if (auto read = gsi_read(t, i)) g["ReadProvisionedThroughputSettings"] = *read;
      gsis.push_back(g);
    }
    out["GlobalSecondaryIndexes"] = gsis;
  }
  // The table's Kinesis destination is its own region's.
  if (!r && t.options.kinesis) out["KinesisStreamSpecification"] = Json{{"StreamArn", t.options.kinesis->stream_arn}};
  if (r && r->point_in_time_recovery)
    out["PointInTimeRecoverySpecification"] =
        pitr(*r->point_in_time_recovery, t.point_in_time_recovery ? t.options.pitr_period_days : std::nullopt);
  else
    out["PointInTimeRecoverySpecification"] = pitr(t.point_in_time_recovery, t.options.pitr_period_days);
  if (auto units = r && r->max_read_request_units ? r->max_read_request_units : t.on_demand.max_read_request_units)
    out["ReadOnDemandThroughputSettings"] = Json{{"MaxReadRequestUnits", *units}};
  if (r && r->read_capacity)
    out["ReadProvisionedThroughputSettings"] = read_capacity(std::nullopt, *r->read_capacity);
  else if (auto read = table_read(t))
    out["ReadProvisionedThroughputSettings"] = *read;
  out["Region"] = r ? r->region : t.global.region.value_or("");
  if (!resource_policy.empty()) out["ResourcePolicy"] = Json{{"PolicyDocument", resource_policy}};
  out["SSESpecification"] =
      Json{{"KMSMasterKeyId", r ? Json(r->kms_key_arn) : cfn::get_att(key_id, "Arn")}};
  if (auto cls = r && r->table_class ? r->table_class : t.table_class) out["TableClass"] = to_string(*cls);
  if (auto tags = replica_tags(t, r)) out["Tags"] = *tags;
  return out;
}

void check_scaling(const Table& t, const std::optional<Scaling>& s, const std::string& path) {
  if (s && s->target_utilization < kMinTargetUtilization) {
    std::string at = path + ".targetUtilization";
    throw BackendError{t.where(t.positions.count(at) ? at : path),
                       fmt::format("{}.targetUtilization is {}, but a global table's autoscaling (TableV2's "
                                   "Capacity.autoscaled) takes {} to 90",
                                   path, s->target_utilization, kMinTargetUtilization)};
  }
}

}  // namespace

void check_table_v2(const Table& t) {
  if (t.billing == BillingMode::Provisioned && !t.auto_scaling.write)
    throw BackendError{t.where("tableConfig.billingMode"),
                       "a provisioned table with replicas needs autoScaling.write (TableV2 autoscales a global "
                       "table's write capacity)"};
  check_scaling(t, t.auto_scaling.read, "tableConfig.autoScaling.read");
  check_scaling(t, t.auto_scaling.write, "tableConfig.autoScaling.write");
  for (size_t i = 0; i < t.gsis.size(); ++i) {
    const GlobalSecondaryIndex& g = t.gsis[i];
    check_scaling(t, g.auto_scaling.read, gsi_path(i) + ".autoScaling.read");
    check_scaling(t, g.auto_scaling.write, gsi_path(i) + ".autoScaling.write");
    // TableV2 gives every index of a replica the table's contributor insights.
    if (g.contributor_insights && g.contributor_insights != t.options.contributor_insights)
      throw BackendError{t.where(gsi_path(i) + ".contributorInsights"),
                         "a global table's indexes take the table's contributor insights (TableV2 has no "
                         "setting of its own for an index): set tableConfig.contributorInsights instead"};
  }
  if (t.options.kinesis && t.options.kinesis->precision)
    throw BackendError{t.where(t.positions.count("tableConfig.kinesisStream.precision") ? "tableConfig.kinesisStream.precision"
                                                                                         : "tableConfig.kinesisStream"),
                       "a global table's Kinesis destination takes no precision (TableV2 has no "
                       "kinesisPrecisionTimestamp): leave tableConfig.kinesisStream.precision out"};
}

Json global_table_properties(const Table& t, const std::string& key_id, const Json& resource_policy) {
  const bool provisioned = t.billing == BillingMode::Provisioned;
  Json p;
  p["AttributeDefinitions"] = cfn::table_v2_attribute_definitions(t);
  p["BillingMode"] = to_string(t.billing);
  if (!t.gsis.empty()) {
    Json gsis = Json::array();
    for (const auto& g : t.gsis) {
      Json j;
      j["IndexName"] = g.name;
      j["KeySchema"] = cfn::key_schema(g.partition_key, g.sort_key);
      j["Projection"] = cfn::projection(g.projection, g.non_key_attributes);
      if (g.warm) j["WarmThroughput"] = cfn::warm_throughput(*g.warm);
      if (auto units = g.on_demand.max_write_request_units)
        j["WriteOnDemandThroughputSettings"] = Json{{"MaxWriteRequestUnits", *units}};
      if (provisioned) {
        const auto& write = g.auto_scaling.write ? g.auto_scaling.write : t.auto_scaling.write;
        if (write) j["WriteProvisionedThroughputSettings"] = Json{{"WriteCapacityAutoScalingSettings", autoscaled(*write)}};
      }
      gsis.push_back(j);
    }
    p["GlobalSecondaryIndexes"] = gsis;
  }
  if (t.global.witness_region) p["GlobalTableWitnesses"] = Json::array({Json{{"Region", *t.global.witness_region}}});
  p["KeySchema"] = cfn::key_schema(t.partition_key, t.sort_key);
  if (!t.lsis.empty()) p["LocalSecondaryIndexes"] = cfn::local_secondary_indexes(t);
  if (t.positions.count("tableConfig.multiRegionConsistency"))
    p["MultiRegionConsistency"] = to_string(t.global.consistency);
  Json replicas = Json::array();
  for (const auto& r : t.global.replicas) replicas.push_back(replica(t, &r, key_id, resource_policy));
  replicas.push_back(replica(t, nullptr, key_id, resource_policy));
  p["Replicas"] = replicas;
  p["SSESpecification"] = Json{{"SSEEnabled", true}, {"SSEType", "KMS"}};
  p["StreamSpecification"] = Json{{"StreamViewType", "NEW_AND_OLD_IMAGES"}};
  if (t.table_name) p["TableName"] = *t.table_name;
  if (t.ttl_attribute) p["TimeToLiveSpecification"] = Json{{"AttributeName", *t.ttl_attribute}, {"Enabled", true}};
  if (t.warm) p["WarmThroughput"] = cfn::warm_throughput(*t.warm);
  if (auto units = t.on_demand.max_write_request_units)
    p["WriteOnDemandThroughputSettings"] = Json{{"MaxWriteRequestUnits", *units}};
  if (provisioned && t.auto_scaling.write)
    p["WriteProvisionedThroughputSettings"] = Json{{"WriteCapacityAutoScalingSettings", autoscaled(*t.auto_scaling.write)}};
  return p;
}

}  // namespace ddbsynth::cdk
