#include <gtest/gtest.h>

#include "ddbsynth/collate.hpp"
#include "ddbsynth/config.hpp"
#include "ddbsynth/iam.hpp"

using namespace ddbsynth;

TEST(Model, AttributeDefinitionsInCdkOrderEachOnce) {
  auto t = parse_config(R"({"runtimeConfigKey": "t", "tableConfig": {
      "localSecondaryIndexes": [{"indexName": "lsi", "sortKey": {"name": "n", "type": "N"}}],
      "globalSecondaryIndexes": [{"indexName": "gsi1", "partitionKey": "sk", "sortKey": "x"},
                                 {"indexName": "gsi2", "partitionKey": "x", "sortKey": {"name": "n", "type": "N"}}]}})",
                        "c.json");
  auto defs = t.attribute_definitions();
  std::vector<std::string> names;
  for (const auto& d : defs) names.push_back(d.name);
  EXPECT_EQ(names, (std::vector<std::string>{"pk", "sk", "n", "x"}));
  EXPECT_EQ(defs[2].type, AttributeType::N);
}

TEST(Model, HashOnlyTableHasOneAttribute) {
  auto t = parse_config(R"({"runtimeConfigKey": "t", "tableConfig": {"sortKey": null}})", "c.json");
  EXPECT_EQ(t.attribute_definitions().size(), 1u);
}

TEST(Model, PositionsOfConfiguredFields) {
  auto t = parse_config("{\n  \"runtimeConfigKey\": \"t\"\n}", "c.json");
  EXPECT_EQ(t.where("runtimeConfigKey").line, 2);
  EXPECT_EQ(t.where("runtimeConfigKey").column, 23);
  EXPECT_EQ(t.where("tableConfig.stream").line, 1);  // defaulted: the file's start
}

TEST(Model, GrantActionsMatchTheCdk) {
  auto read = actions_for(Access::Read);
  EXPECT_EQ(std::vector<std::string_view>(read.table.begin(), read.table.end()),
            (std::vector<std::string_view>{"dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:Scan",
                                           "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"}));
  EXPECT_EQ(read.principal_only.size(), 2u);
  EXPECT_EQ(actions_for(Access::Full).table.size(), 1u);
  EXPECT_EQ(actions_for(Access::Full).table[0], "dynamodb:*");
  EXPECT_TRUE(actions_for(Access::StreamRead).list_streams);
  EXPECT_TRUE(actions_for(Access::StreamRead).table.empty());
  EXPECT_EQ(actions_for(Access::Write).key.size(), 5u);
  EXPECT_EQ(appconfig_read_actions().size(), 2u);
}

TEST(Collate, LikeJavaScriptLocaleCompare) {
  EXPECT_TRUE(locale_less("cost-center", "Environment"));
  EXPECT_TRUE(locale_less("a", "A"));
  EXPECT_TRUE(locale_less("A", "b"));
  EXPECT_TRUE(locale_less("a_b", "a-b"));
  EXPECT_TRUE(locale_less("a-b", "a1"));
  EXPECT_TRUE(locale_less("a", "ab"));
  EXPECT_TRUE(locale_less("9", "a"));
  EXPECT_FALSE(locale_less("b", "a"));
}
