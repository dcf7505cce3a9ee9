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
      {"GRANT_CHANGE", I, "grants[1]",
       [](J& c) {
         c["grants"].push_back({{"role", "worker"}, {"access", "write"}});
       }},
  };
  return cases;
}

}  // namespace plan_cases
