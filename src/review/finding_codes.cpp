#include "review/finding_codes.hpp"

namespace ddbsynth::review {
namespace {

constexpr Severity E = Severity::Error, W = Severity::Warning, I = Severity::Info;

constexpr FindingCode kCodes[] = {
    {"TABLE_REPLACEMENT", E,
     "key names or the table name change (cdk target: also runtimeConfigKey, cdk.constructId; terraform "
     "without tableName: runtimeConfigKey): a new, empty table replaces it"},
    {"KEY_TYPE_CHANGE", E,
     "a key's type changes: CloudFormation's update fails, Terraform ignores it; only a new table can have it"},
    {"LSI_CHANGE", E, "an LSI is added, removed or changed: CloudFormation's update fails, Terraform replaces the table"},
    {"STACK_RENAME", E, "the stack name changes: deploying creates a second stack with a new, empty table"},
    {"MULTIPLE_GSI_CHANGES", E,
     "more than one GSI created or deleted in one deploy (CloudFormation allows one): deploy in steps"},
    {"GSI_KEY_CHANGE", E, "a GSI's keys or projection change under the same name; DynamoDB cannot: rename it"},
    {"WARM_THROUGHPUT_LOWERED", E, "warm throughput lowers: DynamoDB cannot (CloudFormation fails, Terraform replaces)"},
    {"IMPORT_SOURCE_CHANGE", E, "importSource is added, changed or removed: the table is imported only at creation"},
    {"GLOBAL_TABLE_CONVERSION", E,
     "the first replica is added or the last removed: CloudFormation cannot change the resource type in place"},
    {"MULTIPLE_REPLICA_CHANGES", E, "more than one replica added or removed in one deploy (CloudFormation allows one)"},
    {"REGION_CHANGE", E, "tableConfig.region changes: a table cannot move to another region"},
    {"CONSISTENCY_CHANGE", E, "multiRegionConsistency changes: DynamoDB sets it only when replicas are created"},
    {"WITNESS_REGION_CHANGE", E, "the witness region changes: DynamoDB sets it only when replicas are created"},
    {"TTL_ATTRIBUTE_CHANGE", E, "TTL moves to another attribute: disable it in one deploy, enable it in the next"},
    {"STREAM_VIEW_CHANGE", E, "the stream view type changes: disable the stream in one deploy, enable it in the next"},
    {"DELETION_PROTECTION_DISABLED", W, "deletion protection is turned off"},
    {"PITR_DISABLED", W, "point-in-time recovery is turned off"},
    {"KEY_ROTATION_DISABLED", W, "rotation of the table's KMS key is turned off"},
    {"RETAIN_REMOVED", W, "removalPolicy goes from retain to destroy"},
    {"BILLING_MODE_SWITCH", W, "the billing mode switches; DynamoDB limits how often it may"},
    {"STREAM_DISABLED", W, "the stream is turned off; its consumers stop receiving changes"},
    {"AUTOSCALING_REMOVED", W, "autoscaling is removed: CloudFormation leaves the capacity where the autoscaler left it"},
    {"AUTOSCALING_MAX_LOWERED", W, "an autoscaling maximum lowers: the capacity is scaled down to it, demand beyond throttled"},
    {"AUTOSCALING_BILLING_SWITCH", W, "the billing mode switches while autoscaling is attached"},
    {"TERRAFORM_HIDDEN_INDEX_CHANGE", W,
     "an index changes while an index autoscales: the terraform module ignores global_secondary_index"},
    {"MAX_REQUEST_UNITS_LOWERED", W, "an on-demand maximum is set or lowers: requests beyond it are throttled"},
    {"PITR_WINDOW_SHORTENED", W, "the restore window shortens: older restore points are lost"},
    {"KINESIS_DESTINATION_CHANGE", W, "the Kinesis destination is removed or changed: its consumers stop receiving changes"},
    {"RESOURCE_POLICY_ACCESS_GAINED", W, "the resource policy allows a principal it did not"},
    {"REPLICA_REMOVED", W, "a replica is removed: that region's copy and its data are deleted"},
    {"REPLICA_KEY_CHANGE", W, "a replica's KMS key changes (Terraform re-creates that replica)"},
    {"RUNTIME_CONFIG_KEY_CHANGE", W, "the runtime config publishes the table under another key"},
    {"GSI_ADDED", I, "a GSI is created (DynamoDB backfills it)"},
    {"GSI_REMOVED", I, "a GSI is deleted"},
    {"CAPACITY_CHANGE", I, "provisioned read or write capacity changes"},
    {"DELETION_PROTECTION_ENABLED", I, "deletion protection is turned on"},
    {"PITR_ENABLED", I, "point-in-time recovery is turned on"},
    {"KEY_ROTATION_ENABLED", I, "rotation of the table's KMS key is turned on"},
    {"RETAIN_ADDED", I, "removalPolicy goes from destroy to retain"},
    {"TTL_CHANGE", I, "TTL is turned on or off"},
    {"STREAM_ENABLED", I, "a stream is turned on"},
    {"TABLE_CLASS_CHANGE", I, "the table class changes"},
    {"AUTOSCALING_ADDED", I, "autoscaling is added: the autoscaler owns the capacity from then on"},
    {"AUTOSCALING_BOUNDS_CHANGE", I, "an autoscaling minimum changes or a maximum rises"},
    {"AUTOSCALING_TARGET_CHANGE", I, "an autoscaling target utilization or cooldown changes"},
    {"MAX_REQUEST_UNITS_RAISED", I, "an on-demand maximum rises or is removed"},
    {"WARM_THROUGHPUT_CHANGE", I, "warm throughput rises, is added, or is no longer configured (the table keeps it)"},
    {"PITR_WINDOW_CHANGE", I, "the restore window grows"},
    {"CONTRIBUTOR_INSIGHTS_CHANGE", I, "Contributor Insights is turned on, off, or changes mode"},
    {"KINESIS_DESTINATION_ADDED", I, "item changes are streamed to a Kinesis stream"},
    {"RESOURCE_POLICY_CHANGE", I, "the resource policy changes, no principal gaining access"},
    {"REPLICA_ADDED", I, "a replica is added: DynamoDB copies the table to that region"},
    {"REPLICA_SETTINGS_CHANGE", I, "a replica's settings change"},
    {"TAG_CHANGE", I, "a tag is added, removed or changed"},
    {"GRANT_CHANGE", I, "a role gains or loses access"},
};

}  // namespace

std::span<const FindingCode> finding_codes() { return kCodes; }

const FindingCode* find_code(std::string_view code) {
  for (const auto& c : kCodes)
    if (c.code == code) return &c;
  return nullptr;
}

const char* to_string(Effect e) {
  static const char* const names[] = {"update", "replace", "fail", "no_change", "second_table"};
  return names[static_cast<int>(e)];
}

const char* to_string(Severity s) {
  static const char* const names[] = {"error", "warning", "info"};
  return names[static_cast<int>(s)];
}

}  // namespace ddbsynth::review
