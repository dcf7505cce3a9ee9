#include "test_util.hpp"

using ::testing::HasSubstr;

TEST(YamlReader, SameModelAsJson) {
  auto y = ddbsynth::parse_config("runtimeConfigKey: t\ntableConfig:\n  sortKey: null\n  billingMode: PROVISIONED\n"
                                  "  readCapacity: 5\n  writeCapacity: 6\n",
                                  "c.yaml");
  auto j = ddbsynth::parse_config(
      R"({"runtimeConfigKey":"t","tableConfig":{"sortKey":null,"billingMode":"PROVISIONED","readCapacity":5,"writeCapacity":6}})",
      "c.json");
  EXPECT_EQ(y.sort_key, j.sort_key);
  EXPECT_EQ(y.capacity, j.capacity);
  EXPECT_FALSE(y.sort_key.has_value());
}

TEST(YamlReader, ErrorsAreLocated) {
  EXPECT_EQ(first_error("runtimeConfigKey: t\ntableConfig:\n  billingMode: 5\n", "c.yaml"),
            "c.yaml:3:16: error: tableConfig.billingMode must be a string, found integer");
}

TEST(YamlReader, QuotedNumbersStayStrings) {
  EXPECT_THAT(first_error("runtimeConfigKey: t\nlocalDev:\n  port: '8000'\n  tableName: abc\n", "c.yaml"),
              HasSubstr("localDev.port must be an integer, found string"));
}

TEST(YamlReader, DuplicateKeys) {
  EXPECT_THAT(first_error("runtimeConfigKey: a\nruntimeConfigKey: b\n", "c.yaml"),
              HasSubstr("c.yaml:2:1: error: duplicate key \"runtimeConfigKey\""));
}

TEST(YamlReader, BillionLaughsIsBounded) {
  std::string y = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    y += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) y += std::string(i ? ", *" : "*") + prev;
    y += "]\n";
    prev = c;
  }
  y += "runtimeConfigKey: t\n";
  EXPECT_THAT(first_error(y, "c.yaml"), HasSubstr("alias bomb"));
}

TEST(YamlReader, TagsAreRefused) {
  EXPECT_THAT(first_error("runtimeConfigKey: !!binary aGVsbG8=\n", "c.yaml"), HasSubstr("YAML tag"));
  EXPECT_THAT(first_error("runtimeConfigKey: !Ref x\n", "c.yaml"), HasSubstr("YAML tag '!Ref' is not supported"));
}

TEST(YamlReader, MultipleDocumentsAreRefused) {
  EXPECT_THAT(first_error("runtimeConfigKey: a\n---\nruntimeConfigKey: b\n", "c.yaml"), HasSubstr("more than one YAML document"));
}

TEST(YamlReader, DeepFlowNestingIsRefused) {
  EXPECT_THAT(first_error("a: " + std::string(100000, '['), "c.yaml"), HasSubstr("nesting deeper than"));
}

TEST(YamlReader, SyntaxErrorIsLocated) {
  EXPECT_THAT(first_error("runtimeConfigKey: [a\n", "c.yaml"), HasSubstr("c.yaml:"));
}

TEST(YamlReader, EmptyDocument) {
  EXPECT_THAT(first_error("", "c.yaml"), HasSubstr("c.yaml:1:1: error:"));
}

// Found by fuzzing: yaml-cpp 0.7 emits nodes without end for these; the event budget stops it.
TEST(YamlReader, ParserLoopsAreBounded) {
  for (const char* text : {"&\"a\": \"t\", \"t\"t", "&a: \"t\", \"t\"t", "&\"a\": \"t\", x"})
    EXPECT_THAT(first_error(text, "c.yaml"), HasSubstr("c.yaml:")) << text;
}

TEST(YamlReader, AnchorsAndAliasesResolve) {
  auto t = ddbsynth::parse_config("runtimeConfigKey: &k orders\nlocalDev:\n  tableName: *k\n", "c.yaml");
  EXPECT_EQ(t.local_dev->table_name, "orders");
}
