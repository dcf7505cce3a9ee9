// The change pairs of the plan tests: one case per finding code (a config edit, or for fields
// the config reader does not parse yet a model edit). Shared by review_plan_test (each code
// reported) and review_cfn_diff_test (CloudFormation's verdict agrees with cloudformation-diff).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "ddbsynth/config.hpp"
#include "review/plan.hpp"

using namespace ddbsynth;
using namespace ddbsynth::review;
using J = nlohmann::json;

namespace plan_cases {

inline J base() {
  return J::parse(R"({
    "runtimeConfigKey": "orders",
    "tableConfig": {
      "timeToLiveAttribute": "ttl",
      "stream": "NEW_IMAGE",
      "tags": {"team": "payments"},
      "globalSecondaryIndexes": [
        {"indexName": "gsiA", "partitionKey": "a"},
        {"indexName": "gsiB", "partitionKey": "b", "sortKey": "c"}
      ]
    },
    "grants": [{"role": "api", "access": "read"}]
  })");
}

inline Table table(const J& config, const std::string& name) { return parse_config(config.dump(2), name); }

inline Plan plan_of(const J& old_config, const J& new_config) {
  return make_plan(table(old_config, "old.json"), table(new_config, "new.json"));
}

using Edit = std::function<void(J&)>;
using ModelEdit = std::function<void(Table&)>;

// The old config is the base with edit_old, the new one the base with edit_new; then the models
// read from them get model_old and model_new.
struct CodeCase {
  std::string code;
  Severity severity;
  std::string path;
  Edit edit_new;
  Edit edit_old = [](J&) {};
  ModelEdit model_new = [](Table&) {};
  ModelEdit model_old = [](Table&) {};
};
inline void PrintTo(const CodeCase& c, std::ostream* os) { *os << c.code; }

struct CaseTables {
  Table old_table, new_table;
};
inline CaseTables tables_of(const CodeCase& c) {
  J old_config = base(), new_config = base();
  c.edit_old(old_config);
  c.edit_new(new_config);
  CaseTables t{table(old_config, "old.json"), table(new_config, "new.json")};
  c.model_old(t.old_table);
  c.model_new(t.new_table);
  return t;
}
inline Plan plan_of(const CodeCase& c) {
  CaseTables t = tables_of(c);
  return make_plan(t.old_table, t.new_table);
}

inline void provisioned(J& c, int read = 5, int write = 5) {
  c["tableConfig"]["billingMode"] = "PROVISIONED";
  c["tableConfig"]["readCapacity"] = read;
  c["tableConfig"]["writeCapacity"] = write;
}
// Provisioned, with the read capacity autoscaled within [1, max].
inline void autoscaled(J& c, int max = 100) {
  provisioned(c);
  c["tableConfig"]["autoScaling"]["read"] = {{"minCapacity", 1}, {"maxCapacity", max}};
}
inline J& scaling(J& c) { return c["tableConfig"]["autoScaling"]["read"]; }
inline const char* kKeyEu = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
inline const char* kKeyAp = "arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ac";
inline J replica(const std::string& region, const std::string& key) { return {{"region", region}, {"kmsKeyArn", key}}; }
// A global table of us-east-1 with `replicas` (none: regional, ready for its first).
inline void global(J& c, J replicas = J::array({replica("eu-west-1", kKeyEu)})) {
  c["tableConfig"]["region"] = "us-east-1";
  c["tableConfig"]["stream"] = "NEW_AND_OLD_IMAGES";
  c["tableConfig"]["replicas"] = std::move(replicas);
}
inline J allow(const std::string& principal) {
  return {{"Version", "2012-10-17"},
          {"Statement", {{{"Sid", "Read"}, {"Effect", "Allow"}, {"Principal", {{"AWS", principal}}},
                          {"Action", "dynamodb:GetItem"}, {"Resource", "*"}}}}};
}

inline J& gsis(J& c) { return c["tableConfig"]["globalSecondaryIndexes"]; }
constexpr Severity E = Severity::Error, W = Severity::Warning, I = Severity::Info;

inline const std::vector<CodeCase>& code_cases() {
  static const std::vector<CodeCase> cases = {
      {"TABLE_REPLACEMENT", E, "tableConfig.partitionKey", [](J& c) { c["tableConfig"]["partitionKey"] = "id"; }},
      {"KEY_TYPE_CHANGE", E, "tableConfig.partitionKey",
       [](J& c) { c["tableConfig"]["partitionKey"] = {{"name", "id"}, {"type", "N"}}; },
       [](J& c) { c["tableConfig"]["partitionKey"] = {{"name", "id"}, {"type", "S"}}; }},
      {"LSI_CHANGE", E, "tableConfig.localSecondaryIndexes[0]",
       [](J& c) { c["tableConfig"]["localSecondaryIndexes"] = {{{"indexName", "byStatus"}, {"sortKey", "status"}}}; }},
      {"STACK_RENAME", E, "cdk.stackName", [](J& c) { c["cdk"]["stackName"] = "OrdersV2"; }},
      {"MULTIPLE_GSI_CHANGES", E, "tableConfig.globalSecondaryIndexes",
       [](J& c) {
         gsis(c).erase(0);
         gsis(c).push_back({{"indexName", "gsiC"}, {"partitionKey", "x"}});
         gsis(c).push_back({{"indexName", "gsiD"}, {"partitionKey", "y"}});
       }},
      {"GSI_KEY_CHANGE", E, "tableConfig.globalSecondaryIndexes[1]", [](J& c) { gsis(c)[1]["sortKey"] = "d"; }},
      {"TTL_ATTRIBUTE_CHANGE", E, "tableConfig.timeToLiveAttribute",
       [](J& c) { c["tableConfig"]["timeToLiveAttribute"] = "expiresAt"; }},
      {"STREAM_VIEW_CHANGE", E, "tableConfig.stream", [](J& c) { c["tableConfig"]["stream"] = "KEYS_ONLY"; }},
      {"DELETION_PROTECTION_DISABLED", W, "tableConfig.deletionProtection",
       [](J& c) { c["tableConfig"]["deletionProtection"] = false; }},
      {"PITR_DISABLED", W, "tableConfig.pointInTimeRecovery",
       [](J& c) { c["tableConfig"]["pointInTimeRecovery"] = false; }},
      {"KEY_ROTATION_DISABLED", W, "tableConfig.enableKeyRotation",
       [](J& c) { c["tableConfig"]["enableKeyRotation"] = false; }},
      {"RETAIN_REMOVED", W, "tableConfig.removalPolicy", [](J& c) { c["tableConfig"]["removalPolicy"] = "destroy"; }},
      {"BILLING_MODE_SWITCH", W, "tableConfig.billingMode", [](J& c) { provisioned(c); }},
      {"STREAM_DISABLED", W, "tableConfig.stream", [](J& c) { c["tableConfig"].erase("stream"); }},
      {"RUNTIME_CONFIG_KEY_CHANGE", W, "runtimeConfigKey", [](J& c) { c["runtimeConfigKey"] = "orders_v2"; }},
      {"GSI_ADDED", I, "tableConfig.globalSecondaryIndexes[2]",
       [](J& c) {
         gsis(c).push_back({{"indexName", "gsiC"}, {"partitionKey", "x"}});
       }},
      {"GSI_REMOVED", I, "tableConfig.globalSecondaryIndexes[1]", [](J& c) { gsis(c).erase(1); }},
      {"CAPACITY_CHANGE", I, "tableConfig.readCapacity", [](J& c) { provisioned(c, 10, 5); },
       [](J& c) { provisioned(c); }},
      {"DELETION_PROTECTION_ENABLED", I, "tableConfig.deletionProtection", [](J&) {},
       [](J& c) { c["tableConfig"]["deletionProtection"] = false; }},
      {"PITR_ENABLED", I, "tableConfig.pointInTimeRecovery", [](J&) {},
       [](J& c) { c["tableConfig"]["pointInTimeRecovery"] = false; }},
      {"KEY_ROTATION_ENABLED", I, "tableConfig.enableKeyRotation", [](J&) {},
       [](J& c) { c["tableConfig"]["enableKeyRotation"] = false; }},
      {"RETAIN_ADDED", I, "tableConfig.removalPolicy", [](J&) {},
       [](J& c) { c["tableConfig"]["removalPolicy"] = "destroy"; }},
      {"TTL_CHANGE", I, "tableConfig.timeToLiveAttribute", [](J& c) { c["tableConfig"].erase("timeToLiveAttribute"); }},
      {"STREAM_ENABLED", I, "tableConfig.stream", [](J&) {}, [](J& c) { c["tableConfig"].erase("stream"); }},
      {"TABLE_CLASS_CHANGE", I, "tableConfig.tableClass",
       [](J& c) { c["tableConfig"]["tableClass"] = "STANDARD_INFREQUENT_ACCESS"; }},
      {"TAG_CHANGE", I, "tableConfig.tags.team", [](J& c) { c["tableConfig"]["tags"]["team"] = "billing"; }},
      {"AUTOSCALING_ADDED", I, "tableConfig.autoScaling.read", [](J& c) { autoscaled(c); },
       [](J& c) { provisioned(c); }},
      {"AUTOSCALING_REMOVED", W, "tableConfig.autoScaling.read", [](J& c) { provisioned(c); },
       [](J& c) { autoscaled(c); }},
      {"AUTOSCALING_MAX_LOWERED", W, "tableConfig.autoScaling.read", [](J& c) { autoscaled(c, 20); },
       [](J& c) { autoscaled(c, 100); }},
      {"AUTOSCALING_BOUNDS_CHANGE", I, "tableConfig.autoScaling.read", [](J& c) { autoscaled(c, 200); },
       [](J& c) { autoscaled(c, 100); }},
      {"AUTOSCALING_TARGET_CHANGE", I, "tableConfig.autoScaling.read",
       [](J& c) {
         autoscaled(c);
         scaling(c)["targetUtilization"] = 50;
       },
       [](J& c) { autoscaled(c); }},
      {"AUTOSCALING_BILLING_SWITCH", W, "tableConfig.billingMode", [](J&) {}, [](J& c) { autoscaled(c); }},
      {"TERRAFORM_HIDDEN_INDEX_CHANGE", W, "tableConfig.globalSecondaryIndexes[2]",
       [](J& c) {
         provisioned(c);
         gsis(c)[0]["autoScaling"]["read"] = {{"minCapacity", 1}, {"maxCapacity", 100}};
         gsis(c).push_back({{"indexName", "gsiC"}, {"partitionKey", "x"}});
       },
       [](J& c) {
         provisioned(c);
         gsis(c)[0]["autoScaling"]["read"] = {{"minCapacity", 1}, {"maxCapacity", 100}};
       }},
      {"MAX_REQUEST_UNITS_LOWERED", W, "tableConfig.maxReadRequestUnits",
       [](J& c) { c["tableConfig"]["maxReadRequestUnits"] = 100; }},
      {"MAX_REQUEST_UNITS_RAISED", I, "tableConfig.maxReadRequestUnits",
       [](J& c) { c["tableConfig"]["maxReadRequestUnits"] = 200; },
       [](J& c) { c["tableConfig"]["maxReadRequestUnits"] = 100; }},
      {"WARM_THROUGHPUT_LOWERED", E, "tableConfig.warmThroughput",
       [](J& c) { c["tableConfig"]["warmThroughput"] = {{"readUnitsPerSecond", 13000}}; },
       [](J& c) { c["tableConfig"]["warmThroughput"] = {{"readUnitsPerSecond", 15000}}; }},
      {"WARM_THROUGHPUT_CHANGE", I, "tableConfig.warmThroughput",
       [](J& c) { c["tableConfig"]["warmThroughput"] = {{"readUnitsPerSecond", 15000}}; },
       [](J& c) { c["tableConfig"]["warmThroughput"] = {{"readUnitsPerSecond", 13000}}; }},
      {"PITR_WINDOW_SHORTENED", W, "tableConfig.pointInTimeRecoveryPeriodDays",
       [](J& c) { c["tableConfig"]["pointInTimeRecoveryPeriodDays"] = 7; }},
      {"PITR_WINDOW_CHANGE", I, "tableConfig.pointInTimeRecoveryPeriodDays",
       [](J& c) { c["tableConfig"]["pointInTimeRecoveryPeriodDays"] = 30; },
       [](J& c) { c["tableConfig"]["pointInTimeRecoveryPeriodDays"] = 7; }},
      {"CONTRIBUTOR_INSIGHTS_CHANGE", I, "tableConfig.contributorInsights",
       [](J& c) { c["tableConfig"]["contributorInsights"] = true; }},
      {"KINESIS_DESTINATION_ADDED", I, "tableConfig.kinesisStream",
       [](J& c) { c["tableConfig"]["kinesisStream"] = {{"streamArn", "arn:aws:kinesis:us-east-1:123456789012:stream/orders"}}; }},
      {"KINESIS_DESTINATION_CHANGE", W, "tableConfig.kinesisStream", [](J&) {},
       [](J& c) { c["tableConfig"]["kinesisStream"] = {{"streamArn", "arn:aws:kinesis:us-east-1:123456789012:stream/orders"}}; }},
      {"IMPORT_SOURCE_CHANGE", E, "tableConfig.importSource",
       [](J& c) { c["tableConfig"]["importSource"] = {{"bucket", "orders-import"}, {"inputFormat", "CSV"}}; }},
      {"RESOURCE_POLICY_ACCESS_GAINED", W, "tableConfig.resourcePolicy",
       [](J& c) { c["tableConfig"]["resourcePolicy"] = allow("arn:aws:iam::123456789012:role/reader"); }},
      {"RESOURCE_POLICY_CHANGE", I, "tableConfig.resourcePolicy", [](J&) {},
       [](J& c) { c["tableConfig"]["resourcePolicy"] = allow("arn:aws:iam::123456789012:role/reader"); }},
      {"GLOBAL_TABLE_CONVERSION", E, "tableConfig.replicas", [](J& c) { global(c); },
       [](J& c) { global(c, J::array()); }},
      {"REPLICA_ADDED", I, "tableConfig.replicas[1]",
       [](J& c) { global(c, {replica("eu-west-1", kKeyEu), replica("ap-southeast-2", kKeyAp)}); },
       [](J& c) { global(c); }},
      {"REPLICA_REMOVED", W, "tableConfig.replicas[1]", [](J& c) { global(c); },
       [](J& c) { global(c, {replica("eu-west-1", kKeyEu), replica("ap-southeast-2", kKeyAp)}); }},
      {"REPLICA_KEY_CHANGE", W, "tableConfig.replicas[0]",
       [](J& c) { global(c, {replica("eu-west-1", std::string(kKeyEu).replace(std::string(kKeyEu).size() - 1, 1, "c"))}); },
       [](J& c) { global(c); }},
      {"REPLICA_SETTINGS_CHANGE", I, "tableConfig.replicas[0]",
       [](J& c) {
         global(c);
         c["tableConfig"]["replicas"][0]["deletionProtection"] = false;
       },
       [](J& c) { global(c); }},
      {"MULTIPLE_REPLICA_CHANGES", E, "tableConfig.replicas",
       [](J& c) { global(c, {replica("ap-southeast-2", kKeyAp)}); }, [](J& c) { global(c); }},
      {"REGION_CHANGE", E, "tableConfig.region", [](J& c) { c["tableConfig"]["region"] = "us-west-2"; },
       [](J& c) { c["tableConfig"]["region"] = "us-east-1"; }},
      {"CONSISTENCY_CHANGE", E, "tableConfig.multiRegionConsistency",
       [](J& c) {
         global(c, {replica("us-east-2", "arn:aws:kms:us-east-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890a2"),
                    replica("us-west-2", "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890a3")});
         c["tableConfig"]["multiRegionConsistency"] = "STRONG";
       },
       [](J& c) {
         global(c, {replica("us-east-2", "arn:aws:kms:us-east-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890a2"),
                    replica("us-west-2", "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890a3")});
       }},
      {"WITNESS_REGION_CHANGE", E, "tableConfig.witnessRegion",
       [](J& c) {
         global(c, {replica("us-west-2", "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890a3")});
         c["tableConfig"]["multiRegionConsistency"] = "STRONG";
         c["tableConfig"]["witnessRegion"] = "us-east-2";
       },
       [](J& c) {
         global(c, {replica("us-east-2", "arn:aws:kms:us-east-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890a2")});
         c["tableConfig"]["multiRegionConsistency"] = "STRONG";
         c["tableConfig"]["witnessRegion"] = "us-west-2";
       }},
      {"GRANT_CHANGE", I, "grants[1]",
       [](J& c) {
         c["grants"].push_back({{"role", "worker"}, {"access", "write"}});
       }},
  };
  return cases;
}

}  // namespace plan_cases
