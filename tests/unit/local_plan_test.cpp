// The local table's plan (from DescribeTable's answer), endpoints, and engine command lines.
#include <gtest/gtest.h>

#include "ddbsynth/config.hpp"
#include "local/container.hpp"
#include "local/endpoint.hpp"
#include "local/table_diff.hpp"
#include "local/table_request.hpp"

namespace ddbsynth::local {
namespace {

Table seed() { return load_config(DDBSYNTH_SOURCE_DIR "/fixtures/configs/seed.json"); }

// What DynamoDB answers for the table that CreateTable made: the request plus statuses.
Json described(const Table& t) {
  Json table = create_table_request(t);
  table["TableStatus"] = "ACTIVE";
  table["BillingModeSummary"] = Json{{"BillingMode", to_string(t.billing)}};
  if (table.contains("GlobalSecondaryIndexes"))
    for (auto& g : table["GlobalSecondaryIndexes"]) g["IndexStatus"] = "ACTIVE";
  return table;
}

std::vector<std::string> deleted(const TablePlan& p) {
  std::vector<std::string> out;
  for (const auto& d : p.deletes) out.push_back(d.index);
  return out;
}

std::vector<std::string> created(const TablePlan& p) {
  std::vector<std::string> out;
  for (const auto* g : p.creates) out.push_back(g->name);
  return out;
}

TEST(LocalPlan, TheTableCreateTableMadeIsUpToDate) {
  for (const char* f : {"seed.json", "everything.json", "local/provisioned.json", "local/projections.json", "yaml-table.yaml"}) {
    Table t = load_config(std::string(DDBSYNTH_SOURCE_DIR "/fixtures/configs/") + f);
    TablePlan p = plan_update(t, described(t));
    EXPECT_TRUE(p.up_to_date()) << f;
    EXPECT_TRUE(p.conflicts.empty()) << f;
    EXPECT_TRUE(p.notes.empty()) << f;
  }
}

TEST(LocalPlan, RemovedAndAddedGsis) {
  Table t = seed();
  Json d = described(t);
  d["GlobalSecondaryIndexes"].erase(1);  // gsi2 missing on the table
  Json extra = d["GlobalSecondaryIndexes"][0];
  extra["IndexName"] = "old-index";
  d["GlobalSecondaryIndexes"].push_back(extra);
  TablePlan p = plan_update(t, d);
  EXPECT_EQ(deleted(p), std::vector<std::string>{"old-index"});
  EXPECT_EQ(p.deletes[0].reason, "no longer in the config");
  EXPECT_EQ(created(p), std::vector<std::string>{"gsi2pk-gsi2sk-index"});
  EXPECT_TRUE(p.conflicts.empty());
}

TEST(LocalPlan, AChangedGsiIsDeletedThenCreated) {
  Table t = seed();
  Json d = described(t);
  d["GlobalSecondaryIndexes"][0]["Projection"] = Json{{"ProjectionType", "KEYS_ONLY"}};
  TablePlan p = plan_update(t, d);
  EXPECT_EQ(deleted(p), std::vector<std::string>{"gsi1pk-gsi1sk-index"});
  EXPECT_EQ(created(p), std::vector<std::string>{"gsi1pk-gsi1sk-index"});
  EXPECT_NE(p.deletes[0].reason.find("KEYS_ONLY"), std::string::npos) << p.deletes[0].reason;
}

TEST(LocalPlan, IncludeProjectionsCompareAsSets) {
  Table t = load_config(DDBSYNTH_SOURCE_DIR "/fixtures/configs/local/projections.json");
  Json d = described(t);
  for (auto& g : d["GlobalSecondaryIndexes"])
    if (g["Projection"].contains("NonKeyAttributes")) {
      auto& attrs = g["Projection"]["NonKeyAttributes"];
      std::reverse(attrs.begin(), attrs.end());
    }
  EXPECT_TRUE(plan_update(t, d).up_to_date());
}

TEST(LocalPlan, ADifferentKeyIsAConflict) {
  Table t = seed();
  Json d = described(t);
  d["KeySchema"] = Json::array({Json{{"AttributeName", "id"}, {"KeyType", "HASH"}}});
  d["AttributeDefinitions"].push_back(Json{{"AttributeName", "id"}, {"AttributeType", "N"}});
  TablePlan p = plan_update(t, d);
  ASSERT_EQ(p.conflicts.size(), 1u);
  EXPECT_EQ(p.conflicts[0], "the table's key is id (N) but the config's is pk (S), sk (S)");
}

TEST(LocalPlan, AKeyTypeChangeIsAConflict) {
  Table t = seed();
  Json d = described(t);
  d["AttributeDefinitions"][0]["AttributeType"] = "N";
  EXPECT_EQ(plan_update(t, d).conflicts.size(), 1u);
}

TEST(LocalPlan, LsiDifferencesAreConflicts) {
  Table t = load_config(DDBSYNTH_SOURCE_DIR "/fixtures/configs/everything.json");
  Json d = described(t);
  d.erase("LocalSecondaryIndexes");
  TablePlan p = plan_update(t, d);
  ASSERT_EQ(p.conflicts.size(), 1u);
  EXPECT_NE(p.conflicts[0].find("byStatus"), std::string::npos);
}

TEST(LocalPlan, BillingDifferenceIsANoteOnly) {
  Table t = seed();
  Json d = described(t);
  d.erase("BillingModeSummary");  // how DynamoDB describes a provisioned table
  TablePlan p = plan_update(t, d);
  EXPECT_TRUE(p.up_to_date());
  ASSERT_EQ(p.notes.size(), 1u);
  EXPECT_NE(p.notes[0].find("PROVISIONED"), std::string::npos);
}

TEST(LocalRequests, CreateIndexDefinesItsAttributes) {
  Table t = seed();
  Json r = create_index_request(t, t.gsis[1]);
  EXPECT_EQ(r.dump(),
            R"({"AttributeDefinitions":[{"AttributeName":"gsi2pk","AttributeType":"S"},)"
            R"({"AttributeName":"gsi2sk","AttributeType":"S"}],"TableName":"my_table-local",)"
            R"("GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"gsi2pk-gsi2sk-index","KeySchema":)"
            R"([{"AttributeName":"gsi2pk","KeyType":"HASH"},{"AttributeName":"gsi2sk","KeyType":"RANGE"}],)"
            R"("Projection":{"ProjectionType":"ALL"}}}]})");
  EXPECT_EQ(delete_index_request(t, "x-index").dump(),
            R"({"TableName":"my_table-local","GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"x-index"}}]})");
}

TEST(LocalEndpoint, Parses) {
  auto e = parse_endpoint("http://localhost:8000/");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->url, "http://localhost:8000");
  EXPECT_EQ(e->authority, "localhost:8000");
  EXPECT_EQ(parse_endpoint("https://[::1]:9000")->authority, "[::1]:9000");
  for (const char* bad : {"localhost:8000", "ftp://h", "http://", "http://h/path", "http://u:p@h", "http://h?x"})
    EXPECT_FALSE(parse_endpoint(bad)) << bad;
  LocalDev dev;
  dev.port = 8123;
  EXPECT_EQ(default_endpoint(dev), "http://localhost:8123");
}

TEST(LocalContainer, CommandsOfTheEverythingFixture) {
  Table t = load_config(DDBSYNTH_SOURCE_DIR "/fixtures/configs/everything.json");
  auto c = container_commands(*t.local_dev);
  EXPECT_EQ(shell_line(c.pull), "podman pull amazon/dynamodb-local:2.5.2");
  EXPECT_EQ(shell_line(c.run),
            "podman run --detach --name orders-ddb --user root --workdir /home/dynamodblocal --publish "
            "127.0.0.1:8123:8123 --volume orders-ddb-data:/home/dynamodblocal/data amazon/dynamodb-local:2.5.2 "
            "-jar DynamoDBLocal.jar -sharedDb -dbPath ./data -port 8123");
  EXPECT_EQ(shell_line(c.running_state), "podman container inspect --format '{{.State.Running}}' orders-ddb");
  EXPECT_EQ(shell_line(c.remove), "podman rm --force orders-ddb");
}

// The startup vacuum corrupts the database (duplicate rows for one key): it must never come back.
TEST(LocalContainer, NeverOptimizesTheDatabaseAtStartup) {
  for (const char* config : {"/fixtures/configs/everything.json", "/fixtures/configs/seed.json"}) {
    Table t = load_config(std::string(DDBSYNTH_SOURCE_DIR) + config);
    for (const auto& arg : container_commands(*t.local_dev).run)
      EXPECT_EQ(arg.find("optimizeDb"), std::string::npos) << config << ": " << arg;
  }
}

TEST(LocalContainer, ShellLineQuotes) {
  EXPECT_EQ(shell_line({"a b", "it's", "", "plain-1.2:x/y"}), "'a b' 'it'\\''s' '' plain-1.2:x/y");
}

}  // namespace
}  // namespace ddbsynth::local
