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
    {"TTL_ATTRIBUTE_CHANGE", E, "TTL moves to another attribute: disable it in one deploy, enable it in the next"},
    {"STREAM_VIEW_CHANGE", E, "the stream view type changes: disable the stream in one deploy, enable it in the next"},
    {"DELETION_PROTECTION_DISABLED", W, "deletion protection is turned off"},
    {"PITR_DISABLED", W, "point-in-time recovery is turned off"},
    {"KEY_ROTATION_DISABLED", W, "rotation of the table's KMS key is turned off"},
    {"RETAIN_REMOVED", W, "removalPolicy goes from retain to destroy"},
    {"BILLING_MODE_SWITCH", W, "the billing mode switches; DynamoDB limits how often it may"},
    {"STREAM_DISABLED", W, "the stream is turned off; its consumers stop receiving changes"},
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
