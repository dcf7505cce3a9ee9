// What the terraform target writes for a config: files, resources and the choices that depend
// on the model.
#include <gtest/gtest.h>

#include "ddbsynth/backend.hpp"
#include "test_util.hpp"

namespace ddbsynth {
namespace {

std::vector<OutputFile> synth(const std::string& config, const std::string& format = "") {
  const Backend* b = find_backend("terraform");
  EXPECT_NE(b, nullptr);
  return b->synth(parse_config(config, "c.json"), BackendOptions{format});
}

std::string file(const std::vector<OutputFile>& files, const std::string& path) {
  for (const auto& f : files)
    if (f.path == path) return f.content;
  ADD_FAILURE() << "no " << path;
  return "";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The top-level block of `text` that starts with `header`, up to its closing brace.
std::string block(const std::string& text, const std::string& header) {
  size_t at = text.find(header + " {\n");
  if (at == std::string::npos) return "";
  return text.substr(at, text.find("\n}\n", at) + 1 - at);
}

TEST(TerraformModule, OneDirectoryPerStackWithFourFiles) {
  auto hcl = synth(R"({"runtimeConfigKey": "my_table", "tableConfig": {"globalSecondaryIndexes": []}})");
  std::vector<std::string> paths;
  for (const auto& f : hcl) paths.push_back(f.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"mytableStack/versions.tf", "mytableStack/variables.tf",
                                             "mytableStack/main.tf", "mytableStack/outputs.tf"}));
  auto json = synth(R"({"runtimeConfigKey": "t", "cdk": {"stackName": "Custom"}})", "json");
  EXPECT_EQ(json[2].path, "Custom/main.tf.json");
  EXPECT_EQ(json.size(), 4u);
}

TEST(TerraformModule, OneAttributeBlockPerKeyAttributeAndNoNullRangeKey) {
  auto main = file(synth(with_table(R"("partitionKey": "id", "sortKey": null,
      "globalSecondaryIndexes": [{"indexName": "byUser", "partitionKey": "userId"},
                                 {"indexName": "byId", "partitionKey": "id"}])")),
                   "tStack/main.tf");
  size_t attributes = 0;
  for (size_t at = 0; (at = main.find("  attribute {", at)) != std::string::npos; ++at) ++attributes;
  EXPECT_EQ(attributes, 2u);
  EXPECT_FALSE(has(main, "range_key"));
  EXPECT_FALSE(has(main, "= null\n"));
  EXPECT_TRUE(has(main, "    name            = \"byUser\"\n    hash_key        = \"userId\"\n    projection_type = \"ALL\"\n"));
}

TEST(TerraformModule, RandomProviderOnlyForAGeneratedName) {
  auto generated = synth(with_table(""));
  EXPECT_TRUE(has(file(generated, "tStack/versions.tf"), "hashicorp/random"));
  EXPECT_TRUE(has(file(generated, "tStack/main.tf"), "coalesce(var.table_name, \"t-${random_string.table_name.result}\")"));
  auto named = synth(with_table(R"("tableName": "orders-prod")"));
  EXPECT_FALSE(has(file(named, "tStack/versions.tf"), "random"));
  EXPECT_FALSE(has(file(named, "tStack/main.tf"), "random_string"));
  EXPECT_TRUE(has(file(named, "tStack/variables.tf"), "default     = \"orders-prod\""));
  EXPECT_TRUE(has(file(named, "tStack/main.tf"), "name                        = var.table_name\n"));
}

TEST(TerraformModule, ResourcePolicyNeedsAProviderThatHasIt) {
  auto by_name = synth(R"({"runtimeConfigKey": "t", "grants": [{"role": "app", "access": "read"}]})");
  EXPECT_TRUE(has(file(by_name, "tStack/versions.tf"), "version = \">= 5.0\""));
  EXPECT_FALSE(has(file(by_name, "tStack/main.tf"), "aws_dynamodb_resource_policy"));
  auto by_arn = synth(R"({"runtimeConfigKey": "t",
      "grants": [{"role": "arn:aws:iam::123456789012:role/app", "access": "read"}]})");
  EXPECT_TRUE(has(file(by_arn, "tStack/versions.tf"), "version = \">= 5.43\""));
  EXPECT_TRUE(has(file(by_arn, "tStack/main.tf"), "resource \"aws_dynamodb_resource_policy\" \"table\""));
}

TEST(TerraformModule, RetainPreventsDestroyOfTableAndKey) {
  auto retain = file(synth(with_table("")), "tStack/main.tf");
  size_t n = 0;
  for (size_t at = 0; (at = retain.find("prevent_destroy = true", at)) != std::string::npos; ++at) ++n;
  EXPECT_EQ(n, 2u);
  EXPECT_FALSE(has(file(synth(with_table(R"("removalPolicy": "destroy")")), "tStack/main.tf"), "lifecycle"));
}

TEST(TerraformModule, TogglesAreVariablesWithTheConfigsValues) {
  auto vars = file(synth(with_table(R"("billingMode": "PROVISIONED", "readCapacity": 10, "writeCapacity": 5,
      "pointInTimeRecovery": false, "deletionProtection": false, "enableKeyRotation": false)")),
                   "tStack/variables.tf");
  EXPECT_TRUE(has(vars, "variable \"billing_mode\" {\n  description = \"PAY_PER_REQUEST (on demand) or PROVISIONED.\"\n"
                        "  type        = string\n  default     = \"PROVISIONED\"\n"));
  EXPECT_TRUE(has(vars, "  type        = number\n  default     = 10\n"));
  for (const char* v : {"point_in_time_recovery", "deletion_protection", "enable_key_rotation"})
    EXPECT_TRUE(has(block(vars, std::string("variable \"") + v + "\""), "  type        = bool\n  default     = false\n")) << v;
}

TEST(TerraformModule, IndexCapacityFollowsTheTableUnlessItsOwn) {
  auto main = file(synth(with_table(R"("billingMode": "PROVISIONED", "readCapacity": 10, "writeCapacity": 5,
      "globalSecondaryIndexes": [{"indexName": "own", "partitionKey": "a", "readCapacity": 20, "writeCapacity": 5},
                                 {"indexName": "same", "partitionKey": "b"}])")),
                   "tStack/main.tf");
  EXPECT_TRUE(has(main, "    read_capacity   = local.provisioned ? 20 : null\n    write_capacity  = local.write_capacity\n"));
  EXPECT_TRUE(has(main, "    read_capacity   = local.read_capacity\n"));
}

TEST(TerraformModule, RuntimeConfigContentNamesTheTable) {
  auto main = file(synth(R"({"runtimeConfigKey": "a ${b} \"c\""})"), "abcStack/main.tf");
  EXPECT_TRUE(has(main, "  content = jsonencode({\n    \"a $${b} \\\"c\\\"\" = {\n"
                        "      tableName = aws_dynamodb_table.table.name\n    }\n  })\n"));
}

}  // namespace
}  // namespace ddbsynth
