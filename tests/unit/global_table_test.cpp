// Global tables in the cloudformation and terraform targets. The models are built from a parsed
// regional config plus the replica section, so the tests hold whatever parses the section.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ddbsynth/backend.hpp"
#include "test_util.hpp"

namespace ddbsynth {
namespace {

using Json = nlohmann::json;

constexpr const char* kEuKey = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
constexpr const char* kApKey = "arn:aws:kms:ap-southeast-2:123456789012:key/mrk-0123456789abcdef0123456789abcdef";

// fixtures/round2/global.json's model.
Table profiles() {
  Table t = parse_config(R"({"runtimeConfigKey": "Profiles", "tableConfig": {"tableName": "profiles",
      "tags": {"team": "identity"}, "globalSecondaryIndexes": [{"indexName": "byEmail", "partitionKey": "email"}]},
      "grants": [{"role": "profiles-api", "access": "readWrite"}]})",
                         "global.json");
  t.on_demand = OnDemandThroughput{3000, 1500};
  t.options.contributor_insights = ContributorInsights{};
  t.options.pitr_period_days = 30;
  t.global.region = "us-east-1";
  Replica eu{"eu-west-1", kEuKey};
  eu.deletion_protection = false;
  eu.table_class = TableClass::StandardInfrequentAccess;
  eu.max_read_request_units = 1000;
  eu.tags = {{{"residency", "eu"}, {"team", "identity-eu"}}};
  Replica ap{"ap-southeast-2", kApKey};
  ap.point_in_time_recovery = false;
  ap.contributor_insights = ContributorInsights{ContributorInsightsMode::ThrottledKeys};
  t.global.replicas = {eu, ap};
  return t;
}

Json cfn(const Table& t) {
  auto files = find_backend("cloudformation")->synth(t, BackendOptions{});
  return Json::parse(files.at(0).content);
}

std::string tf_main(const Table& t, const std::string& format = "") {
  for (const auto& f : find_backend("terraform")->synth(t, BackendOptions{format}))
    if (f.path.find("/main.tf") != std::string::npos) return f.content;
  return "";
}

std::string tf_file(const Table& t, const std::string& name) {
  for (const auto& f : find_backend("terraform")->synth(t, BackendOptions{}))
    if (f.path.ends_with("/" + name)) return f.content;
  return "";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(GlobalTableCfn, OneGlobalTableWithAReplicaPerRegionTheStacksFirst) {
  Json doc = cfn(profiles());
  const Json& table = doc["Resources"]["Table"];
  EXPECT_EQ(table["Type"], "AWS::DynamoDB::GlobalTable");
  EXPECT_EQ(table["DeletionPolicy"], "Retain");
  const Json& p = table["Properties"];
  EXPECT_EQ(p["SSESpecification"], Json::parse(R"({"SSEEnabled": true, "SSEType": "KMS"})"));
  EXPECT_EQ(p["StreamSpecification"]["StreamViewType"], "NEW_AND_OLD_IMAGES");
  EXPECT_EQ(p["WriteOnDemandThroughputSettings"]["MaxWriteRequestUnits"], 1500);
  EXPECT_FALSE(p.contains("Tags"));  // GlobalTable tags live on the replicas
  const Json& r = p["Replicas"];
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0]["Region"], "us-east-1");
  EXPECT_EQ(r[0]["SSESpecification"]["KMSMasterKeyId"], Json::parse(R"({"Fn::GetAtt": ["EncryptionKey", "Arn"]})"));
  EXPECT_EQ(r[1]["Region"], "eu-west-1");
  EXPECT_EQ(r[1]["SSESpecification"]["KMSMasterKeyId"], kEuKey);
  EXPECT_EQ(r[2]["SSESpecification"]["KMSMasterKeyId"], kApKey);
}

TEST(GlobalTableCfn, UnsetReplicaFieldsTakeTheTablesValue) {
  const Json r = cfn(profiles())["Resources"]["Table"]["Properties"]["Replicas"];
  // The stack's region: the table's settings.
  EXPECT_EQ(r[0]["DeletionProtectionEnabled"], true);
  EXPECT_EQ(r[0]["PointInTimeRecoverySpecification"],
            Json::parse(R"({"PointInTimeRecoveryEnabled": true, "RecoveryPeriodInDays": 30})"));
  EXPECT_EQ(r[0]["ReadOnDemandThroughputSettings"]["MaxReadRequestUnits"], 3000);
  EXPECT_EQ(r[0]["ContributorInsightsSpecification"], Json::parse(R"({"Enabled": true})"));
  EXPECT_FALSE(r[0].contains("TableClass"));
  EXPECT_EQ(r[0]["Tags"], Json::parse(R"([{"Key": "team", "Value": "identity"}])"));
  // eu-west-1 overrides protection, class, read maximum and a tag.
  EXPECT_EQ(r[1]["DeletionProtectionEnabled"], false);
  EXPECT_EQ(r[1]["TableClass"], "STANDARD_INFREQUENT_ACCESS");
  EXPECT_EQ(r[1]["ReadOnDemandThroughputSettings"]["MaxReadRequestUnits"], 1000);
  EXPECT_EQ(r[1]["PointInTimeRecoverySpecification"]["RecoveryPeriodInDays"], 30);
  EXPECT_EQ(r[1]["Tags"], Json::parse(R"([{"Key": "team", "Value": "identity-eu"}, {"Key": "residency", "Value": "eu"}])"));
  // ap-southeast-2 turns recovery off (no window then) and narrows contributor insights.
  EXPECT_EQ(r[2]["PointInTimeRecoverySpecification"], Json::parse(R"({"PointInTimeRecoveryEnabled": false})"));
  EXPECT_EQ(r[2]["ContributorInsightsSpecification"], Json::parse(R"({"Enabled": true, "Mode": "THROTTLED_KEYS"})"));
  EXPECT_EQ(r[2]["DeletionProtectionEnabled"], true);
  // Every replica lists the index with the table's contributor insights.
  EXPECT_EQ(r[2]["GlobalSecondaryIndexes"], Json::parse(R"([{"ContributorInsightsSpecification": {"Enabled": true}, "IndexName": "byEmail"}])"));
}

TEST(GlobalTableCfn, GrantsAndOutputsFollowTheGlobalTable) {
  Json doc = cfn(profiles());
  const Json& st = doc["Resources"]["profilesapiPolicy"]["Properties"]["PolicyDocument"]["Statement"];
  EXPECT_EQ(st[0]["Resource"][0], Json::parse(R"({"Fn::GetAtt": ["Table", "Arn"]})"));
  EXPECT_EQ(doc["Outputs"]["ReplicaRegions"]["Value"], "us-east-1,eu-west-1,ap-southeast-2");
  EXPECT_EQ(doc["Outputs"]["TableStreamArn"]["Value"], Json::parse(R"({"Fn::GetAtt": ["Table", "StreamArn"]})"));
}

TEST(GlobalTableCfn, ProvisionedWritesAutoscaleEverywhereReadsPerReplica) {
  Table t = parse_config(R"({"runtimeConfigKey": "Sessions", "tableConfig": {"billingMode": "PROVISIONED",
      "readCapacity": 50, "writeCapacity": 20, "globalSecondaryIndexes": [{"indexName": "byUser", "partitionKey": "userId",
      "readCapacity": 25}]}})",
                         "global-provisioned.json");
  t.auto_scaling.read = Scaling{10, 1000, 65};
  t.auto_scaling.write = Scaling{5, 400, 70, 120};
  t.gsis[0].auto_scaling.write = Scaling{5, 100};
  t.global.region = "eu-west-1";
  Replica r{"eu-central-1", "arn:aws:kms:eu-central-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"};
  r.read_capacity = 30;
  t.global.replicas = {r};
  const Json p = cfn(t)["Resources"]["Table"]["Properties"];
  EXPECT_EQ(p["BillingMode"], "PROVISIONED");
  EXPECT_FALSE(p.contains("ProvisionedThroughput"));
  EXPECT_EQ(p["WriteProvisionedThroughputSettings"], Json::parse(R"({"WriteCapacityAutoScalingSettings": {
      "MaxCapacity": 400, "MinCapacity": 5, "SeedCapacity": 20,
      "TargetTrackingScalingPolicyConfiguration": {"ScaleInCooldown": 120, "TargetValue": 70}}})"));
  EXPECT_EQ(p["GlobalSecondaryIndexes"][0]["WriteProvisionedThroughputSettings"]["WriteCapacityAutoScalingSettings"]["MaxCapacity"], 100);
  EXPECT_EQ(p["Replicas"][0]["ReadProvisionedThroughputSettings"]["ReadCapacityAutoScalingSettings"]["SeedCapacity"], 50);
  EXPECT_EQ(p["Replicas"][1]["ReadProvisionedThroughputSettings"], Json::parse(R"({"ReadCapacityUnits": 30})"));
  EXPECT_EQ(p["Replicas"][1]["GlobalSecondaryIndexes"][0]["ReadProvisionedThroughputSettings"], Json::parse(R"({"ReadCapacityUnits": 25})"));
}

TEST(GlobalTableCfn, StrongConsistencyWithAWitness) {
  Table t = parse_config(R"({"runtimeConfigKey": "Ledger"})", "global-strong.json");
  t.global.region = "us-east-1";
  t.global.consistency = Consistency::Strong;
  t.global.witness_region = "us-west-2";
  t.global.replicas = {Replica{"us-east-2", "arn:aws:kms:us-east-2:123456789012:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"}};
  const Json p = cfn(t)["Resources"]["Table"]["Properties"];
  EXPECT_EQ(p["MultiRegionConsistency"], "STRONG");
  EXPECT_EQ(p["GlobalTableWitnesses"], Json::parse(R"([{"Region": "us-west-2"}])"));
}

TEST(GlobalTableTerraform, ReplicaBlocksWitnessAndTheRegionGuard) {
  Table t = profiles();
  t.global.consistency = Consistency::Strong;
  t.global.witness_region = "us-west-2";
  std::string main = tf_main(t);
  EXPECT_TRUE(has(main, "  stream_enabled              = true\n  stream_view_type            = \"NEW_AND_OLD_IMAGES\"\n"));
  EXPECT_TRUE(has(main, "  replica {\n    region_name                 = \"eu-west-1\"\n    kms_key_arn                 = \"" +
                            std::string(kEuKey) +
                            "\"\n    point_in_time_recovery      = var.point_in_time_recovery\n"
                            "    deletion_protection_enabled = false\n    propagate_tags              = false\n"
                            "    consistency_mode            = \"STRONG\"\n  }\n"));
  EXPECT_TRUE(has(main, "    point_in_time_recovery      = false\n    deletion_protection_enabled = var.deletion_protection\n"
                        "    propagate_tags              = true\n"));
  EXPECT_TRUE(has(main, "  global_table_witness {\n    region_name = \"us-west-2\"\n  }\n"));
  EXPECT_TRUE(has(main, "data \"aws_region\" \"current\" {\n  lifecycle {\n    postcondition {\n"
                        "      condition     = self.region == \"us-east-1\"\n"));
  // The replica with tags of its own: the merged set, in its region.
  EXPECT_TRUE(has(main, "resource \"aws_dynamodb_tag\" \"replica_eu_west_1\" {\n  for_each = {\n"
                        "    \"team\"      = \"identity-eu\"\n    \"residency\" = \"eu\"\n  }\n  region       = \"eu-west-1\"\n"));
  EXPECT_TRUE(has(main, "resource \"aws_dynamodb_contributor_insights\" \"replica_ap_southeast_2\" {\n"
                        "  region     = \"ap-southeast-2\"\n  table_name = aws_dynamodb_table.table.name\n"
                        "  mode       = \"THROTTLED_KEYS\"\n}\n"));
  EXPECT_TRUE(has(tf_file(t, "versions.tf"), "version = \">= 6.22\""));
  EXPECT_TRUE(has(tf_file(t, "outputs.tf"), "[\"us-east-1\", \"eu-west-1\", \"ap-southeast-2\"]"));
  t.global.witness_region.reset();
  EXPECT_TRUE(has(tf_file(t, "versions.tf"), "version = \">= 6.9\""));
}

TEST(GlobalTableTerraform, ARegionalTableHasNoneOfIt) {
  Table t = profiles();
  t.global = GlobalTable{};
  std::string main = tf_main(t);
  EXPECT_FALSE(has(main, "replica {"));
  EXPECT_FALSE(has(main, "aws_dynamodb_tag"));
  EXPECT_FALSE(has(main, "aws_region"));
  EXPECT_FALSE(has(main, "stream_enabled"));
  // The releases replicas and the witness need (6.9, 6.22) are not required; the restore window is.
  EXPECT_TRUE(has(tf_file(t, "versions.tf"), "version = \">= 5.98\""));
}

}  // namespace
}  // namespace ddbsynth
