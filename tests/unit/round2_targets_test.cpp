// Issues 14 and 15 in the cloudformation and terraform targets: the choices the conformance
// scripts do not pin down (what is ignored, which provider release, how the resource policy
// merges, how many resources a stack holds).
#include <gtest/gtest.h>

#include "backends/common/resource_policy.hpp"
#include "ddbsynth/backend.hpp"
#include "test_util.hpp"

namespace ddbsynth {
namespace {

using cfn::Json;

std::string synth_file(const std::string& config, const char* target, const std::string& suffix) {
  const Backend* b = find_backend(target);
  EXPECT_NE(b, nullptr);
  for (const auto& f : b->synth(parse_config(config, "c.json"), BackendOptions{}))
    if (f.path.ends_with(suffix)) return f.content;
  ADD_FAILURE() << "no " << suffix;
  return "";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* kProvisioned = R"("billingMode": "PROVISIONED", "readCapacity": 5, "writeCapacity": 5)";

TEST(Round2Targets, TerraformIgnoresExactlyTheCapacitiesTheAutoscalerOwns) {
  auto main_tf = [](const std::string& table) {
    return synth_file(with_table(std::string(kProvisioned) + ", " + table), "terraform", "/main.tf");
  };
  EXPECT_TRUE(has(main_tf(R"("autoScaling": {"write": {"minCapacity": 1, "maxCapacity": 9}})"),
                  "ignore_changes  = [write_capacity]"));
  EXPECT_TRUE(has(main_tf(R"("globalSecondaryIndexes": [{"indexName": "gsi", "partitionKey": "g",
                             "autoScaling": {"read": {"minCapacity": 1, "maxCapacity": 9}}}])"),
                  "ignore_changes  = [global_secondary_index]"));
  EXPECT_FALSE(has(main_tf(R"("globalSecondaryIndexes": [{"indexName": "gsi", "partitionKey": "g"}])"), "ignore_changes"));
}

TEST(Round2Targets, TerraformRequiresTheProviderReleaseOfEachFeature) {
  auto version = [](const std::string& table) {
    std::string v = synth_file(with_table(table), "terraform", "/versions.tf");
    size_t at = v.find("version = \"", v.find("hashicorp/aws"));
    return v.substr(at + 11, v.find('"', at + 11) - at - 11);
  };
  EXPECT_EQ(version(R"("stream": "KEYS_ONLY")"), ">= 5.0");
  EXPECT_EQ(version(R"("maxReadRequestUnits": 10)"), ">= 5.73");
  EXPECT_EQ(version(R"("pointInTimeRecoveryPeriodDays": 7)"), ">= 5.98");
  EXPECT_EQ(version(R"("contributorInsights": true)"), ">= 5.0");
  EXPECT_EQ(version(R"("contributorInsights": {"mode": "THROTTLED_KEYS"})"), ">= 6.11");
  EXPECT_EQ(version(R"("maxReadRequestUnits": 10, "warmThroughput": {"readUnitsPerSecond": 12000})"), ">= 6.13");
}

TEST(Round2Targets, OneResourcePolicyUserStatementsFirstNormalizedAsTheCdkDoes) {
  Table t = parse_config(R"({"runtimeConfigKey": "t", "tableConfig": {"tableName": "ttt",
    "resourcePolicy": {"Version": "2012-10-17", "Statement": [
      {"Resource": ["arn:aws:dynamodb:us-east-1:123456789012:table/ttt"], "Sid": "A", "Effect": "Allow",
       "Principal": {"AWS": ["arn:aws:iam::210987654321:root"]}, "Action": ["dynamodb:Query", "dynamodb:Query"]},
      {"Action": "dynamodb:*", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/admin"},
       "Resource": "*"}]}},
    "grants": [{"role": "arn:aws:iam::123456789012:role/admin", "access": "full"},
               {"role": "arn:aws:iam::123456789012:role/reader", "access": "read"}]})",
                         "c.json");
  Json st = cfn::table_policy_statements(t);
  ASSERT_EQ(st.size(), 3u) << st.dump();  // the user's full-access statement equals the grant's
  EXPECT_EQ(st[0].dump(),
            R"({"Action":"dynamodb:Query","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},)"
            R"("Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/ttt","Sid":"A"})");
  EXPECT_EQ(st[1]["Action"], "dynamodb:*");
  EXPECT_EQ(st[2]["Principal"]["AWS"], "arn:aws:iam::123456789012:role/reader");
  EXPECT_FALSE(st[2].contains("Sid"));

  // Both targets write those statements.
  std::string cfn_text = synth_file(R"({"runtimeConfigKey": "t", "tableConfig": {"resourcePolicy":
    {"Version": "2012-10-17", "Statement": [{"Sid": "Audit", "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": "dynamodb:GetItem", "Resource": "*"}]}}})",
                                    "cloudformation", ".template.json");
  Json doc = Json::parse(cfn_text);
  EXPECT_EQ(doc["Resources"]["Table"]["Properties"]["ResourcePolicy"]["PolicyDocument"]["Statement"][0]["Sid"], "Audit");
}

TEST(Round2Targets, AutoscalingCountsTowardsTheStackLimit) {
  // 8 fixed resources + 489 grant policies = 497; two scaled capacities add 4: 501 > 500.
  std::string grants;
  for (int i = 0; i < 489; ++i) grants += std::string(i ? "," : "") + R"({"role": "r)" + std::to_string(i) + R"(", "access": "read"})";
  auto config = [&](const std::string& scaling) {
    return parse_config(std::string(R"({"runtimeConfigKey": "t", "tableConfig": {)") + kProvisioned + scaling +
                            "}, \"grants\": [" + grants + "]}",
                        "c.json");
  };
  const Backend* b = find_backend("cloudformation");
  EXPECT_NO_THROW(b->synth(config(""), BackendOptions{}));
  EXPECT_THROW(b->synth(config(R"(, "autoScaling": {"read": {"minCapacity": 1, "maxCapacity": 9},
                                  "write": {"minCapacity": 1, "maxCapacity": 9}})"),
                        BackendOptions{}),
               BackendError);
}

}  // namespace
}  // namespace ddbsynth
