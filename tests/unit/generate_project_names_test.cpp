#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "generate/name_case.hpp"
#include "generate/project_names.hpp"

using ddbsynth::derive_names;
using ddbsynth::GenerateError;
using ddbsynth::NewOptions;

namespace {

NewOptions named(std::string name) {
  NewOptions o;
  o.name = std::move(name);
  return o;
}

std::string error_for(const NewOptions& o) {
  try {
    derive_names(o);
  } catch (const GenerateError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(GenerateNames, SeedDefaults) {
  auto n = derive_names(named("my-table"));
  EXPECT_EQ(n.npm_scope, "monorepo");  // no package.json here: the seed's fallback
  EXPECT_EQ(n.runtime_config_key, "MyTable");
  EXPECT_EQ(n.package, "my_table");
  EXPECT_EQ(n.root, std::filesystem::path("packages/my_table"));
  EXPECT_FALSE(n.table_name);
  EXPECT_EQ(n.local_table_name, "monorepo-my-table");
  EXPECT_EQ(n.container_name, "monorepo-dynamodb");
  EXPECT_EQ(n.distribution, "monorepo-my-table");
  EXPECT_EQ(derive_names(named("orders")).runtime_config_key, "Orders");
  EXPECT_EQ(derive_names(named("MyTable")).package, "my_table");
  EXPECT_EQ(derive_names(named("orders.v2")).package, "orders_v2");
}

TEST(GenerateNames, Options) {
  NewOptions o = named("orders");
  o.directory = "libs";
  o.sub_directory = "data/orders";
  o.table_name = "orders-prod";
  auto n = derive_names(o);
  EXPECT_EQ(n.root, std::filesystem::path("libs/data/orders"));
  EXPECT_EQ(n.table_name, "orders-prod");
  EXPECT_EQ(n.local_table_name, "monorepo-orders-prod");
}

TEST(GenerateNames, SeedCasings) {
  EXPECT_EQ(ddbsynth::class_name("my-table"), "MyTable");
  EXPECT_EQ(ddbsynth::class_name("my_table.v2"), "MyTableV2");
  EXPECT_EQ(ddbsynth::class_name("myTable"), "MyTable");
  EXPECT_EQ(ddbsynth::kebab_case("MyTable"), "my-table");
  EXPECT_EQ(ddbsynth::kebab_case("my_table"), "my-table");
  EXPECT_EQ(ddbsynth::kebab_case("orders.v2"), "orders-v-2");
  EXPECT_EQ(ddbsynth::kebab_case("XMLHttpRequest"), "xml-http-request");
  EXPECT_EQ(ddbsynth::kebab_case("orders-prod"), "orders-prod");
}

TEST(GenerateNames, NpmScopeOfTheWorkspace) {
  auto dir = std::filesystem::temp_directory_path() / ("ddbsynth-scope-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto write = [&](const char* text) { std::ofstream(dir / "package.json") << text; };
  write(R"({"name": "@acme/source"})");
  EXPECT_EQ(ddbsynth::npm_scope(dir), "acme");
  auto n = derive_names(named("my-table"), dir);
  EXPECT_EQ(n.local_table_name, "acme-my-table");
  EXPECT_EQ(n.container_name, "acme-dynamodb");
  EXPECT_EQ(n.distribution, "acme-my-table");
  write(R"({"name": "source"})");
  EXPECT_EQ(ddbsynth::npm_scope(dir), "monorepo");
  write("not json");
  EXPECT_EQ(ddbsynth::npm_scope(dir), "monorepo");
  std::filesystem::remove_all(dir);
}

TEST(GenerateNames, InvalidNamesSayWhichRule) {
  EXPECT_NE(error_for(named("1table")).find("starts with a letter"), std::string::npos);
  EXPECT_NE(error_for(named("_x")).find("starts with a letter"), std::string::npos);
  EXPECT_NE(error_for(named("class")).find("Python keyword"), std::string::npos);
  EXPECT_NE(error_for(named("Async")).find("Python keyword"), std::string::npos);  // its package is "async"
  EXPECT_NE(error_for(named("my table")).find("found ' '"), std::string::npos);
  EXPECT_NE(error_for(named("a/b")).find("found '/'"), std::string::npos);
  EXPECT_NE(error_for(named("na\u00efve")).find("non-ASCII"), std::string::npos);
  EXPECT_NE(error_for(named("")).find("1-200 characters"), std::string::npos);
  EXPECT_NE(error_for(named(std::string(201, 'a'))).find("1-200 characters"), std::string::npos);
  EXPECT_EQ(error_for(named(std::string(200, 'a'))), "");
}

TEST(GenerateNames, TableNamesFollowDynamoDb) {
  NewOptions o = named("ok");
  o.table_name = "ab";
  EXPECT_NE(error_for(o).find("3-255 characters"), std::string::npos);
  o.table_name = "bad!name";
  EXPECT_NE(error_for(o).find("found '!'"), std::string::npos);
  o.table_name = std::string(256, 't');
  EXPECT_NE(error_for(o).find("3-255"), std::string::npos);
  o.table_name = "Good_name.v-1";
  EXPECT_EQ(error_for(o), "");
}

TEST(GenerateNames, SubDirectoryStaysUnderDirectory) {
  NewOptions o = named("ok");
  o.sub_directory = "../elsewhere";
  EXPECT_NE(error_for(o).find("\"..\""), std::string::npos);
  o.sub_directory = "/abs";
  EXPECT_NE(error_for(o).find("relative"), std::string::npos);
}
