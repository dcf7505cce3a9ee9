#include "test_util.hpp"

using ::testing::HasSubstr;

TEST(JsonReader, SyntaxErrorPointsAtTheCharacter) {
  EXPECT_EQ(first_error("{\n  \"runtimeConfigKey\": \"t\",\n  \"x\" 1\n}"), "c.json:3:7: error: unexpected '1': expected ':'");
}

TEST(JsonReader, TrailingComma) {
  EXPECT_EQ(first_error("{\"runtimeConfigKey\": \"t\",}"), "c.json:1:25: error: trailing comma before '}'");
}

TEST(JsonReader, EmptyFile) { EXPECT_EQ(first_error(""), "c.json:1:1: error: empty document: expected a JSON object"); }

TEST(JsonReader, ByteOrderMark) {
  EXPECT_THAT(first_error("\xEF\xBB\xBF{}"), HasSubstr("c.json:1:1: error: byte order mark"));
}

TEST(JsonReader, InvalidUtf8IsLocated) {
  EXPECT_EQ(first_error("{\n\"runtimeConfigKey\": \"a\xC3\x28\"}"), "c.json:2:23: error: invalid UTF-8");
}

TEST(JsonReader, DuplicateKeyNamesTheFirst) {
  EXPECT_EQ(first_error("{\"runtimeConfigKey\": \"a\",\n \"runtimeConfigKey\": \"b\"}"),
            "c.json:2:2: error: duplicate key \"runtimeConfigKey\" (first at line 1, column 2)");
}

TEST(JsonReader, NanAndInfinityAreNotNumbers) {
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": NaN})"), HasSubstr("1:22: error: NaN and Infinity"));
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": Infinity})"), HasSubstr("NaN and Infinity"));
}

TEST(JsonReader, IntegerOverflow) {
  EXPECT_THAT(first_error(with_table(R"("readCapacity": 99999999999999999999)")), HasSubstr("out of range"));
}

TEST(JsonReader, DeepNestingIsRefusedWithoutRecursingForever) {
  std::string deep(100000, '[');
  EXPECT_THAT(first_error(deep), HasSubstr("nesting deeper than 64 levels"));
}

TEST(JsonReader, ControlCharacterInString) {
  EXPECT_THAT(first_error("{\"runtimeConfigKey\": \"a\tb\"}"), HasSubstr("1:24: error: control character U+0009 in string"));
}

TEST(JsonReader, EscapesDecode) {
  auto t = ddbsynth::parse_config(
      R"({"runtimeConfigKey": "t", "tableConfig": {"partitionKey": "a\"\\\/\n\u00fc\ud83d\ude80"}})", "c.json");
  EXPECT_EQ(t.partition_key.name, "a\"\\/\n\xC3\xBC\xF0\x9F\x9A\x80");
}

TEST(JsonReader, LoneSurrogateIsAnError) {
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "\ud800"})"), HasSubstr("unpaired UTF-16 surrogate"));
}

TEST(JsonReader, ColumnsCountCharactersNotBytes) {
  EXPECT_EQ(first_error("{\"runtimeConfigKey\": \"\xC3\xBC\xC3\xBC\" x}"), "c.json:1:27: error: unexpected 'x': expected ',' or '}'");
}

TEST(JsonReader, GarbageAfterDocument) {
  EXPECT_EQ(first_error("{\"runtimeConfigKey\": \"t\"} {}"), "c.json:1:27: error: unexpected '{' after the end of the document");
}

TEST(JsonReader, HugeFileIsRefusedUpFront) {
  std::string big(5 << 20, ' ');
  EXPECT_EQ(first_error(big), "c.json:1:1: error: file is larger than 4194304 bytes, the most a config may have");
}
