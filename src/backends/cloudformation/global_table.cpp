// A global table is one AWS::DynamoDB::GlobalTable whose replicas hold the per-region settings:
// what is global (keys, indexes, billing, write capacity, stream, TTL, consistency) sits at the
// top level; what each region may differ in (key, read capacity, recovery, class, tags...) sits
// in its replica. Semantics follow CDK's TableV2: an unset replica field takes the table's value.
#include "backends/cloudformation/global_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ddbsynth/backend.hpp"

namespace ddbsynth::cfn {
namespace {

// CapacityAutoScalingSettings. The seed is the configured capacity: DynamoDB uses it when the
// table switches from on-demand to provisioned, until the scaling policies take over.
Json autoscaled(const Scaling& s, int64_t seed) {
  Json policy;
  if (s.scale_in_cooldown) policy["ScaleInCooldown"] = *s.scale_in_cooldown;
  if (s.scale_out_cooldown) policy["ScaleOutCooldown"] = *s.scale_out_cooldown;
  policy["TargetValue"] = s.target_utilization;
  return Json{{"MaxCapacity", s.max_capacity},
              {"MinCapacity", s.min_capacity},
              {"SeedCapacity", seed},
              {"TargetTrackingScalingPolicyConfiguration", policy}};
}

Json read_settings(const std::optional<Scaling>& scaling, int64_t units) {
  if (scaling) return Json{{"ReadCapacityAutoScalingSettings", autoscaled(*scaling, units)}};
  return Json{{"ReadCapacityUnits", units}};
}

// Global tables scale their write capacity in every region alike: autoscaling is required
// (validated with the config), a fixed write capacity does not exist.
Json write_settings(const Table& t, const std::optional<Scaling>& own, int64_t seed) {
  const std::optional<Scaling>& s = own ? own : t.auto_scaling.write;
  if (!s)
    throw BackendError{t.where("tableConfig.autoScaling"),
                       "a provisioned global table needs autoScaling.write: global tables autoscale their write capacity"};
  return Json{{"WriteCapacityAutoScalingSettings", autoscaled(*s, seed)}};
}

Json tags(const std::vector<std::pair<std::string, std::string>>& list) {
  Json out = Json::array();
  for (const auto& [k, v] : list) out.push_back(Json{{"Key", k}, {"Value", v}});
  return out;
}

// The table's tags with the replica's own on top: a replica tag of the same key replaces it.
std::vector<std::pair<std::string, std::string>> replica_tags(const Table& t, const Replica* r) {
  auto merged = t.tags;
  if (!r || !r->tags) return merged;
  for (const auto& [k, v] : *r->tags) {
    auto it = std::find_if(merged.begin(), merged.end(), [&](const auto& kv) { return kv.first == k; });
    if (it != merged.end()) it->second = v;
    else merged.emplace_back(k, v);
  }
  return merged;
}

Json global_indexes(const Table& t) {
  Json out = Json::array();
  for (const auto& g : t.gsis) {
    Json j;
    j["IndexName"] = g.name;
    j["KeySchema"] = key_schema(g.partition_key, g.sort_key);
    j["Projection"] = projection(g.projection, g.non_key_attributes);
    if (g.warm) j["WarmThroughput"] = cfn::warm_throughput(*g.warm);
    if (g.on_demand.max_write_request_units)
      j["WriteOnDemandThroughputSettings"] = Json{{"MaxWriteRequestUnits", *g.on_demand.max_write_request_units}};
    if (g.capacity) j["WriteProvisionedThroughputSettings"] = write_settings(t, g.auto_scaling.write, g.capacity->write);
    out.push_back(j);
  }
  return out;
}

// A replica's read settings of one index: the index's own autoscaling or capacity, else the
// table's (as the index's capacity defaults to the table's, an equal one is the table's).
Json replica_index(const Table& t, const GlobalSecondaryIndex& g) {
  Json j;
  const auto& table_ci = t.options.contributor_insights;
  if (g.contributor_insights || table_ci)
    j["ContributorInsightsSpecification"] = cfn::contributor_insights(g.contributor_insights ? *g.contributor_insights : *table_ci);
  j["IndexName"] = g.name;
  if (g.on_demand.max_read_request_units)
    j["ReadOnDemandThroughputSettings"] = Json{{"MaxReadRequestUnits", *g.on_demand.max_read_request_units}};
  if (g.capacity && t.capacity) {
    if (g.auto_scaling.read || g.capacity->read != t.capacity->read)
      j["ReadProvisionedThroughputSettings"] = read_settings(g.auto_scaling.read, g.capacity->read);
    else
      j["ReadProvisionedThroughputSettings"] = read_settings(t.auto_scaling.read, t.capacity->read);
  }
  return j;
}

// One replica; `r` is null for tableConfig.region's, which has the table's settings.
Json replica(const Table& t, const Replica* r, const std::string& region, const Json& key_arn, const Json& policy) {
  Json j;
  auto ci = r && r->contributor_insights ? r->contributor_insights : t.options.contributor_insights;
  if (ci) j["ContributorInsightsSpecification"] = cfn::contributor_insights(*ci);
  j["DeletionProtectionEnabled"] = r && r->deletion_protection ? *r->deletion_protection : t.deletion_protection;
  if (!t.gsis.empty()) {
    Json gsis = Json::array();
    for (const auto& g : t.gsis) gsis.push_back(replica_index(t, g));
    j["GlobalSecondaryIndexes"] = gsis;
  }
  // The Kinesis stream is a resource of tableConfig.region.
  if (!r && t.options.kinesis) {
    Json k;
    if (t.options.kinesis->precision) k["ApproximateCreationDateTimePrecision"] = to_string(*t.options.kinesis->precision);
    k["StreamArn"] = t.options.kinesis->stream_arn;
    j["KinesisStreamSpecification"] = k;
  }
  bool pitr = r && r->point_in_time_recovery ? *r->point_in_time_recovery : t.point_in_time_recovery;
  Json pitr_spec{{"PointInTimeRecoveryEnabled", pitr}};
  if (pitr && t.options.pitr_period_days) pitr_spec["RecoveryPeriodInDays"] = *t.options.pitr_period_days;
  j["PointInTimeRecoverySpecification"] = pitr_spec;
  auto max_read = r && r->max_read_request_units ? r->max_read_request_units : t.on_demand.max_read_request_units;
  if (max_read) j["ReadOnDemandThroughputSettings"] = Json{{"MaxReadRequestUnits", *max_read}};
  if (t.capacity) {
    if (r && r->read_capacity) j["ReadProvisionedThroughputSettings"] = Json{{"ReadCapacityUnits", *r->read_capacity}};
    else j["ReadProvisionedThroughputSettings"] = read_settings(t.auto_scaling.read, t.capacity->read);
  }
  j["Region"] = region;
  if (!policy.is_null()) j["ResourcePolicy"] = Json{{"PolicyDocument", policy}};
  j["SSESpecification"] = Json{{"KMSMasterKeyId", key_arn}};
  auto table_class = r && r->table_class ? r->table_class : t.table_class;
  if (table_class) j["TableClass"] = to_string(*table_class);
  auto tag_list = replica_tags(t, r);
  if (!tag_list.empty()) j["Tags"] = tags(tag_list);
  return j;
}

}  // namespace

std::string replica_regions(const Table& t) {
  std::string out = t.global.region.value_or("");
  for (const auto& r : t.global.replicas) out += "," + r.region;
  return out;
}

Json global_table_properties(const Table& t, const Json& key_arn, const Json& resource_policy) {
  if (!t.global.region)
    throw BackendError{t.where("tableConfig.replicas"), "a table with replicas needs tableConfig.region"};
  Json p;
  p["AttributeDefinitions"] = cfn::table_v2_attribute_definitions(t);
  p["BillingMode"] = to_string(t.billing);
  if (!t.gsis.empty()) p["GlobalSecondaryIndexes"] = global_indexes(t);
  if (t.global.witness_region) p["GlobalTableWitnesses"] = Json::array({Json{{"Region", *t.global.witness_region}}});
  p["KeySchema"] = key_schema(t.partition_key, t.sort_key);
  if (!t.lsis.empty()) p["LocalSecondaryIndexes"] = local_secondary_indexes(t);
  if (t.global.consistency == Consistency::Strong) p["MultiRegionConsistency"] = "STRONG";
  Json replicas = Json::array({replica(t, nullptr, *t.global.region, key_arn, resource_policy)});
  for (const auto& r : t.global.replicas) replicas.push_back(replica(t, &r, r.region, r.kms_key_arn, resource_policy));
  p["Replicas"] = replicas;
  p["SSESpecification"] = Json{{"SSEEnabled", true}, {"SSEType", "KMS"}};
  // Replication needs both images: a global table always has this stream.
  p["StreamSpecification"] = Json{{"StreamViewType", "NEW_AND_OLD_IMAGES"}};
  if (t.table_name) p["TableName"] = *t.table_name;
  if (t.ttl_attribute) p["TimeToLiveSpecification"] = Json{{"AttributeName", *t.ttl_attribute}, {"Enabled", true}};
  if (t.warm) p["WarmThroughput"] = cfn::warm_throughput(*t.warm);
  if (t.on_demand.max_write_request_units)
    p["WriteOnDemandThroughputSettings"] = Json{{"MaxWriteRequestUnits", *t.on_demand.max_write_request_units}};
  if (t.capacity) p["WriteProvisionedThroughputSettings"] = write_settings(t, std::nullopt, t.capacity->write);
  return p;
}

}  // namespace ddbsynth::cfn
