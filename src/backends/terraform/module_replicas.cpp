// A global table in Terraform: `replica` blocks on the table, the witness, and a guard that the
// provider deploys to tableConfig.region. The provider's replica block holds only region, key,
// recovery, deletion protection, tag propagation and consistency; a replica's own tags and
// contributor insights become resources in its region (AWS provider 6's per-resource `region`).
#include <fmt/format.h>

#include <algorithm>

#include "backends/terraform/module.hpp"

namespace ddbsynth::tf {
namespace {

// A resource name per region: "eu_west_1".
std::string region_name(const std::string& region) {
  std::string out = region;
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

// The table's tags with the replica's own on top, as the CloudFormation target merges them.
std::vector<std::pair<std::string, std::string>> merged_tags(const Table& t, const Replica& r) {
  auto merged = t.tags;
  for (const auto& [k, v] : *r.tags) {
    auto it = std::find_if(merged.begin(), merged.end(), [&](const auto& kv) { return kv.first == k; });
    if (it != merged.end()) it->second = v;
    else merged.emplace_back(k, v);
  }
  return merged;
}

// The replica's ARN: the table's, in the replica's region.
Value replica_arn(const std::string& region) {
  return Value::tmpl({Value::str("arn:"), ref(kPartition, "partition"), Value::str(":dynamodb:" + region + ":"),
                      ref(kAccount, "account_id"), Value::str(":table/"), ref(kTable, "name")});
}

void add_replica_tags(const Table& t, const Replica& r, Body& main) {
  std::vector<Value::Field> tags;
  for (const auto& [k, v] : merged_tags(t, r)) tags.push_back({k, Value::str(v)});
  main.add_block("resource", {"aws_dynamodb_tag", "replica_" + region_name(r.region)})
      .body.set("for_each", Value::object(std::move(tags)))
      .set("region", Value::str(r.region))
      .set("resource_arn", replica_arn(r.region))
      .set("key", Value::raw("each.key"))
      .set("value", Value::raw("each.value"));
}

void add_insights(const std::string& name, const std::string& region, const std::string* index,
                  const ContributorInsights& ci, Body& main) {
  Body& b = main.add_block("resource", {"aws_dynamodb_contributor_insights", name}).body;
  b.set("region", Value::str(region));
  b.set("table_name", ref(kTable, "name"));
  if (index) b.set("index_name", Value::str(*index));
  if (ci.mode) b.set("mode", Value::str(to_string(*ci.mode)));
}

void add_replica_insights(const Table& t, const Replica& r, Body& main) {
  const std::string base = "replica_" + region_name(r.region);
  const auto& ci = r.contributor_insights ? r.contributor_insights : t.options.contributor_insights;
  if (ci) add_insights(base, r.region, nullptr, *ci, main);
  for (size_t i = 0; i < t.gsis.size(); ++i) {
    const auto& g = t.gsis[i];
    const auto& gci = g.contributor_insights ? g.contributor_insights : t.options.contributor_insights;
    if (gci) add_insights(fmt::format("{}_index_{}", base, i), r.region, &g.name, *gci, main);
  }
}

}  // namespace

void add_replicas(const Table& t, Body& table) {
  const char* consistency = to_string(t.global.consistency);
  for (const auto& r : t.global.replicas) {
    Body& b = table.add_block("replica").body;
    b.set("region_name", Value::str(r.region));
    b.set("kms_key_arn", Value::str(r.kms_key_arn));
    b.set("point_in_time_recovery", r.point_in_time_recovery ? Value::boolean(*r.point_in_time_recovery)
                                                             : Value::raw("var.point_in_time_recovery"));
    b.set("deletion_protection_enabled",
          r.deletion_protection ? Value::boolean(*r.deletion_protection) : Value::raw("var.deletion_protection"));
    // A replica with tags of its own gets the merged set from aws_dynamodb_tag instead: the
    // provider's propagation would fight over the keys it overrides.
    b.set("propagate_tags", Value::boolean(!r.tags));
    b.set("consistency_mode", Value::str(consistency));
  }
  if (t.global.witness_region)
    table.add_block("global_table_witness").body.set("region_name", Value::str(*t.global.witness_region));
}

void add_global(const Table& t, Body& main) {
  if (!t.is_global()) return;
  // The module builds the replica of tableConfig.region with the provider's region: applied in
  // another one, it would build a different table. Fail the plan instead.
  const std::string& region = *t.global.region;
  Body& post = main.add_block("data", {"aws_region", "current"}).body.add_block("lifecycle").body.add_block("postcondition").body;
  post.set("condition", Value::raw("self.region == \"" + region + "\""));
  post.set("error_message", Value::str("This module deploys the global table from " + region +
                                        ": configure the AWS provider with region = \"" + region + "\"."));
  for (const auto& r : t.global.replicas) {
    if (r.tags) add_replica_tags(t, r, main);
    add_replica_insights(t, r, main);
    // Each replica has a resource policy of its own; the table's names no region-bound resource.
    if (needs_table_policy(t))
      main.add_block("resource", {"aws_dynamodb_resource_policy", "replica_" + region_name(r.region)})
          .body.set("region", Value::str(r.region))
          .set("resource_arn", replica_arn(r.region))
          .set("policy", table_policy(t));
  }
}

}  // namespace ddbsynth::tf
