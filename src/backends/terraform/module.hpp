// The Terraform module of one table: four files, each a tree that hcl.cpp renders as native
// HCL or Terraform JSON. The parts are built in module_*.cpp; names shared between them live here.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "backends/terraform/hcl.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth::tf {

struct Module {
  File versions;   // terraform { required_providers }
  File variables;  // the per-environment toggles, defaulting to the config's values
  File main;       // resources
  File outputs;
};

Module build_module(const Table& t);

// The module's parts.
void add_storage(const Table& t, Body& main);         // the KMS key, the table, its generated name
void add_runtime_config(const Table& t, Body& main);  // AppConfig: application ... deployment
void add_grants(const Table& t, Body& main);          // one role policy per grant, the table's resource policy
void add_autoscaling(const Table& t, Body& main);     // a target and a policy per scaled capacity
void add_options(const Table& t, Body& main);         // contributor insights, the Kinesis destination
void add_variables(const Table& t, Body& variables);
void add_outputs(const Table& t, Body& outputs);
void add_versions(const Table& t, Body& versions);
// Global tables (module_replicas.cpp): the replica blocks and witness of the table, and the
// region guard and per-replica resources of the module.
void add_replicas(const Table& t, Body& table);
void add_global(const Table& t, Body& main);

// Whether the module needs the random provider: only a table without a configured name.
bool needs_random(const Table& t);
// Whether the table has a resource policy (aws_dynamodb_resource_policy): the user's, or grants by ARN.
bool needs_table_policy(const Table& t);
// That policy, as the `policy` argument's jsonencode(...).
Value table_policy(const Table& t);

// The table's tags as a map, for each resource the module tags with them.
Value tags(const Table& t);

// A Terraform resource name for a role or an index name: letters, digits, `_` and `-`.
std::string resource_name(const std::string& s);

// Resource addresses used across the parts.
inline constexpr std::string_view kKey = "aws_kms_key.table";
inline constexpr std::string_view kTable = "aws_dynamodb_table.table";
inline constexpr std::string_view kApp = "aws_appconfig_application.runtime_config";
inline constexpr std::string_view kPartition = "data.aws_partition.current";
inline constexpr std::string_view kAccount = "data.aws_caller_identity.current";

// `address.attribute` as an expression.
inline Value ref(std::string_view address, std::string_view attribute) {
  return Value::raw(std::string(address) + "." + std::string(attribute));
}

// An IAM policy document: {"Version": "2012-10-17", "Statement": [...]}, for jsonencode.
Value policy_document(std::vector<Value> statements);
// IAM actions as CloudFormation writes them: one as a string, several as a list.
Value actions(std::span<const std::string_view> list);
// One statement with Effect Allow; `principal_arn` empty for identity policies.
Value allow(Value actions, Value resource, const std::string& principal_arn = "");

}  // namespace ddbsynth::tf
