// What a caller of the module sees: required providers, variables, outputs.
#include <fmt/format.h>

#include <algorithm>

#include "backends/terraform/module.hpp"

namespace ddbsynth::tf {
namespace {

// The first AWS provider release with each feature the module may use (from the provider's
// CHANGELOG); the module requires the latest of those it uses.
struct ProviderFeature {
  int major, minor;
  bool (*used)(const Table&);
};
bool any_gsi(const Table& t, bool (*f)(const GlobalSecondaryIndex&)) {
  return std::any_of(t.gsis.begin(), t.gsis.end(), f);
}
constexpr ProviderFeature kProviderFeatures[] = {
    {5, 0, [](const Table&) { return true; }},
    // aws_dynamodb_resource_policy
    {5, 43, [](const Table& t) { return needs_table_policy(t); }},
    // on_demand_throughput (5.72), with one of its two maxima alone (5.73); Kinesis precision (5.73)
    {5, 73, [](const Table& t) {
       return !t.on_demand.empty() || any_gsi(t, [](const GlobalSecondaryIndex& g) { return !g.on_demand.empty(); }) ||
              (t.options.kinesis && t.options.kinesis->precision);
     }},
    // point_in_time_recovery.recovery_period_in_days (the release terraform-aws-modules requires for it)
    {5, 98, [](const Table& t) { return t.options.pitr_period_days.has_value(); }},
    // aws_dynamodb_contributor_insights.mode
    {6, 11, [](const Table& t) {
       return (t.options.contributor_insights && t.options.contributor_insights->mode) ||
              any_gsi(t, [](const GlobalSecondaryIndex& g) { return g.contributor_insights && g.contributor_insights->mode; });
     }},
    // warm_throughput on the table and its indexes
    {6, 13, [](const Table& t) { return t.warm || any_gsi(t, [](const GlobalSecondaryIndex& g) { return g.warm.has_value(); }); }},
    // replica.consistency_mode (6.3), replica.deletion_protection_enabled (6.9)
    {6, 9, [](const Table& t) { return t.is_global(); }},
    // global_table_witness
    {6, 22, [](const Table& t) { return t.global.witness_region.has_value(); }},
};

std::string aws_version(const Table& t) {
  std::pair<int, int> v{0, 0};
  for (const auto& f : kProviderFeatures)
    if (f.used(t)) v = std::max(v, std::pair{f.major, f.minor});
  return fmt::format(">= {}.{}", v.first, v.second);
}

Value provider(const char* source, const std::string& version) {
  return Value::object({{"source", Value::str(source), true}, {"version", Value::str(version), true}});
}

Body& variable(Body& vars, const char* name, const char* description, const char* type, Value dflt) {
  Body& v = vars.add_block("variable", {name}).body;
  v.set("description", Value::str(description));
  v.set("type", Value::type(type));
  v.set("default", std::move(dflt));
  return v;
}

Value capacity_default(const Table& t, bool read) {
  if (!t.capacity) return Value::null();
  return Value::integer(read ? t.capacity->read : t.capacity->write);
}

void output(Body& outputs, const char* name, const char* description, Value value) {
  outputs.add_block("output", {name}).body.set("description", Value::str(description)).set("value", std::move(value));
}

}  // namespace

void add_versions(const Table& t, Body& versions) {
  Body& tf = versions.add_block("terraform").body;
  // A global table's region guard is a data source postcondition, which Terraform 1.2 added.
  tf.set("required_version", Value::str(t.is_global() ? ">= 1.2" : ">= 1.0"));
  std::vector<Value::Field> providers = {{"aws", provider("hashicorp/aws", aws_version(t)), true}};
  if (needs_random(t)) providers.push_back({"random", provider("hashicorp/random", ">= 3.0"), true});
  Body& required = tf.add_block("required_providers").body;
  for (auto& p : providers) required.set(p.key, std::move(p.value));
}

void add_variables(const Table& t, Body& vars) {
  // Table names are [A-Za-z0-9_.-]: a literal default needs no escaping in either syntax.
  variable(vars, "table_name",
           needs_random(t) ? "Physical name of the table; null derives one from the runtime config key and a "
                             "random suffix."
                           : "Physical name of the table.",
           "string", t.table_name ? Value::str(*t.table_name) : Value::null());
  variable(vars, "billing_mode", "PAY_PER_REQUEST (on demand) or PROVISIONED.", "string",
           Value::str(to_string(t.billing)))
      .add_block("validation")
      .body.set("condition", Value::raw("contains([\"PAY_PER_REQUEST\", \"PROVISIONED\"], var.billing_mode)"))
      .set("error_message", Value::str("The billing_mode must be PAY_PER_REQUEST or PROVISIONED."));
  variable(vars, "read_capacity",
           "Read capacity units of the table and of each index without its own, when PROVISIONED.", "number",
           capacity_default(t, true));
  variable(vars, "write_capacity",
           "Write capacity units of the table and of each index without its own, when PROVISIONED.", "number",
           capacity_default(t, false));
  variable(vars, "point_in_time_recovery", "Whether point-in-time recovery is enabled.", "bool",
           Value::boolean(t.point_in_time_recovery));
  variable(vars, "deletion_protection", "Whether the table has deletion protection.", "bool",
           Value::boolean(t.deletion_protection));
  variable(vars, "enable_key_rotation", "Whether the table's KMS key rotates automatically.", "bool",
           Value::boolean(t.key_rotation));
}

void add_outputs(const Table& t, Body& outputs) {
  output(outputs, "table_name", "Name of the DynamoDB table", ref(kTable, "name"));
  output(outputs, "table_arn", "ARN of the DynamoDB table", ref(kTable, "arn"));
  if (t.stream || t.is_global()) output(outputs, "table_stream_arn", "ARN of the table's stream", ref(kTable, "stream_arn"));
  if (t.is_global()) {
    std::vector<Value> regions = {Value::str(*t.global.region)};
    for (const auto& r : t.global.replicas) regions.push_back(Value::str(r.region));
    output(outputs, "replica_regions", "Regions of the table's replicas, its own region first", Value::list(std::move(regions)));
  }
  output(outputs, "encryption_key_arn", "ARN of the table's KMS key", ref(kKey, "arn"));
  output(outputs, "runtime_config_application_id", "AppConfig application of the runtime config", ref(kApp, "id"));
}

}  // namespace ddbsynth::tf
