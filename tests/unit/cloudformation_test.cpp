#include <gtest/gtest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ddbsynth/backend.hpp"
#include "ddbsynth/config.hpp"

using namespace ddbsynth;
using Json = nlohmann::json;

namespace {

Json synth(const std::string& config, const std::string& format = "") {
  auto t = parse_config(config, "c.json");
  auto files = find_backend("cloudformation")->synth(t, BackendOptions{format});
  EXPECT_EQ(files.size(), 1u);
  return Json::parse(files[0].content);
}

}  // namespace

TEST(CloudFormation, SeedStack) {
  Json t = synth(R"({"runtimeConfigKey": "my_table"})");
  const Json& table = t["Resources"]["Table"];
  EXPECT_EQ(table["Type"], "AWS::DynamoDB::Table");
  EXPECT_EQ(table["DeletionPolicy"], "Retain");
  EXPECT_EQ(table["UpdateReplacePolicy"], "Retain");
  EXPECT_EQ(table["Properties"]["BillingMode"], "PAY_PER_REQUEST");
  EXPECT_EQ(table["Properties"]["SSESpecification"]["KMSMasterKeyId"], Json::parse(R"({"Fn::GetAtt": ["EncryptionKey", "Arn"]})"));
  EXPECT_EQ(t["Resources"]["EncryptionKey"]["Properties"]["EnableKeyRotation"], true);
  EXPECT_EQ(t["Resources"]["RuntimeConfigEnvironment"]["Properties"]["Name"], "default");
  EXPECT_EQ(t["Resources"]["RuntimeConfigProfile"]["Properties"]["Name"], "dynamodb");
  EXPECT_EQ(t["Resources"]["RuntimeConfigVersion"]["Properties"]["Content"]["Fn::Join"][1][0], "{\"my_table\":{\"tableName\":\"");
  EXPECT_TRUE(t["Outputs"].contains("RuntimeConfigApplicationId"));
  EXPECT_FALSE(t["Outputs"].contains("TableStreamArn"));
}

TEST(CloudFormation, DestroyRemovalPolicy) {
  Json t = synth(R"({"runtimeConfigKey": "t", "tableConfig": {"removalPolicy": "destroy"}})");
  EXPECT_EQ(t["Resources"]["Table"]["DeletionPolicy"], "Delete");
  EXPECT_EQ(t["Resources"]["EncryptionKey"]["DeletionPolicy"], "Delete");
}

TEST(CloudFormation, StreamGrantAndOutput) {
  Json t = synth(R"({"runtimeConfigKey": "t", "tableConfig": {"stream": "NEW_IMAGE"},
                    "grants": [{"role": "consumer", "access": "streamRead"}]})");
  EXPECT_TRUE(t["Outputs"].contains("TableStreamArn"));
  const Json& st = t["Resources"]["consumerPolicy"]["Properties"]["PolicyDocument"]["Statement"];
  EXPECT_EQ(st[0]["Action"], "dynamodb:ListStreams");
  EXPECT_EQ(st[0]["Resource"], "*");
  EXPECT_EQ(st[1]["Resource"], Json::parse(R"({"Fn::GetAtt": ["Table", "StreamArn"]})"));
  EXPECT_EQ(t["Resources"]["consumerPolicy"]["Properties"]["Roles"], Json::array({"consumer"}));
}

TEST(CloudFormation, NoWildcardResourceBeyondListStreams) {
  Json t = synth(R"({"runtimeConfigKey": "t", "tableConfig": {"stream": "NEW_IMAGE"}, "grants": [
      {"role": "a", "access": "read"}, {"role": "b", "access": "write"}, {"role": "c", "access": "readWrite"},
      {"role": "d", "access": "full"}, {"role": "e", "access": "streamRead"}]})");
  for (const auto& [id, r] : t["Resources"].items()) {
    if (r["Type"] != "AWS::IAM::Policy") continue;
    for (const auto& s : r["Properties"]["PolicyDocument"]["Statement"])
      if (s["Resource"] == "*") EXPECT_EQ(s["Action"], "dynamodb:ListStreams") << id;
  }
}

TEST(CloudFormation, RoleNamesThatCollideAfterSanitizingGetDistinctIds) {
  Json t = synth(R"({"runtimeConfigKey": "t", "grants": [{"role": "a-b", "access": "read"}, {"role": "a.b", "access": "read"}]})");
  EXPECT_TRUE(t["Resources"].contains("abPolicy"));
  EXPECT_TRUE(t["Resources"].contains("abPolicy2"));
}

TEST(CloudFormation, YamlSaysTheSame) {
  auto t = parse_config(R"({"runtimeConfigKey": "yes", "tableConfig": {"partitionKey": "no", "tags": {"on": "true"}}})", "c.json");
  auto yaml = find_backend("cloudformation")->synth(t, BackendOptions{"yaml"})[0];
  EXPECT_EQ(yaml.path, "yesStack.template.yaml");
  // Words a YAML 1.1 reader would take for booleans stay strings.
  EXPECT_NE(yaml.content.find("AttributeName: \"no\""), std::string::npos);
  EXPECT_NE(yaml.content.find("Value: \"true\""), std::string::npos);
}

TEST(CloudFormation, Deterministic) {
  auto t = load_config(DDBSYNTH_SOURCE_DIR "/fixtures/configs/everything.json");
  auto a = find_backend("cloudformation")->synth(t, {});
  auto b = find_backend("cloudformation")->synth(t, {});
  EXPECT_EQ(a[0].content, b[0].content);
}

// CloudFormation refuses a stack of more than 500 resources: 492 grants fit, 493 do not.
TEST(CloudFormation, StackResourceLimit) {
  auto config = [](size_t grants) {
    std::string g;
    for (size_t i = 0; i < grants; ++i) g += (i ? "," : "") + fmt::format(R"({{"role": "r{}", "access": "read"}})", i);
    return R"({"runtimeConfigKey": "t", "grants": [)" + g + "]}";
  };
  EXPECT_EQ(synth(config(492))["Resources"].size(), 500u);
  for (const char* target : {"cloudformation", "cdk"}) {
    Table t = parse_config(config(493), "c.json");
    try {
      find_backend(target)->synth(t, BackendOptions{});
      ADD_FAILURE() << target << " synthesized 501 resources";
    } catch (const BackendError& e) {
      EXPECT_NE(e.message.find("501 resources"), std::string::npos) << target << ": " << e.message;
      EXPECT_EQ(e.pos.file, "c.json");
    }
  }
}
