#include <gtest/gtest.h>

#include "generate/python_source.hpp"

namespace py = ddbsynth::python;

TEST(GeneratePythonString, EscapesWhatWouldEndOrBreakTheLiteral) {
  EXPECT_EQ(py::str_literal("plain"), "'plain'");
  EXPECT_EQ(py::str_literal("it's"), R"('it\'s')");
  EXPECT_EQ(py::str_literal(R"(a\b)"), R"('a\\b')");
  EXPECT_EQ(py::str_literal("a \"quoted\" name"), "'a \"quoted\" name'");
  EXPECT_EQ(py::str_literal("\"\"\" end"), "'\"\"\" end'");
  EXPECT_EQ(py::str_literal("line\nbreak\r\ttab"), R"('line\nbreak\r\ttab')");
  EXPECT_EQ(py::str_literal(std::string("nul\0x", 5)), R"('nul\x00x')");
  EXPECT_EQ(py::str_literal("\x1b[0m\x7f"), R"('\x1b[0m\x7f')");
  EXPECT_EQ(py::str_literal(""), "''");
}

TEST(GeneratePythonString, KeepsPrintableUnicodeAndEscapesInvisibleOnes) {
  EXPECT_EQ(py::str_literal("emoji \U0001F680 \u00fc"), "'emoji \U0001F680 \u00fc'");
  EXPECT_EQ(py::str_literal("a\u2028b\u0085c\ufeff"), R"('a\u2028b\x85c\ufeff')");
  EXPECT_EQ(py::str_literal("${x} %{y} {z}"), "'${x} %{y} {z}'");
}

TEST(GeneratePythonString, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(py::str_literal("a\xff" "b"), R"('a\ufffdb')");
  EXPECT_EQ(py::str_literal("\xe2\x82"), R"('\ufffd\ufffd')");  // truncated sequence
  EXPECT_EQ(py::str_literal("\xed\xa0\x80"), R"('\ufffd\ufffd\ufffd')");  // a surrogate
  EXPECT_EQ(py::str_literal("\xc0\xaf"), R"('\ufffd\ufffd')");  // overlong '/'
}

TEST(GeneratePythonIdentifier, KeepsValidNamesAndRepairsOthers) {
  EXPECT_EQ(py::identifier("userId"), "userId");
  EXPECT_EQ(py::identifier("gsi1pk"), "gsi1pk");
  EXPECT_EQ(py::identifier("a \"quoted\" \\name"), "a_quoted_name");
  EXPECT_EQ(py::identifier("${pk}"), "pk");
  EXPECT_EQ(py::identifier("line\nbreak"), "line_break");
  EXPECT_EQ(py::identifier("emoji \U0001F680"), "emoji");
  EXPECT_EQ(py::identifier("2fa"), "attr_2fa");
  EXPECT_EQ(py::identifier("\U0001F680"), "attr");
  EXPECT_EQ(py::identifier("class"), "class_");
  EXPECT_EQ(py::identifier("None"), "None_");
  EXPECT_EQ(py::identifier("type"), "type");  // a soft keyword is a valid name
  EXPECT_EQ(py::identifier("__secret"), "_secret");  // no name mangling
  EXPECT_EQ(py::identifier("trailing_"), "trailing_");
  EXPECT_EQ(py::identifier("1", "index"), "index_1");
}

TEST(GeneratePythonNames, SnakeAndPascalCase) {
  EXPECT_EQ(py::snake_case("my-table"), "my_table");
  EXPECT_EQ(py::snake_case("MyTable"), "my_table");
  EXPECT_EQ(py::snake_case("my_table"), "my_table");
  EXPECT_EQ(py::snake_case("byUserId"), "by_user_id");
  EXPECT_EQ(py::snake_case("HTTPServer.v2"), "http_server_v2");
  EXPECT_EQ(py::snake_case("gsi1pk-gsi1sk-index"), "gsi1pk_gsi1sk_index");
  EXPECT_EQ(py::snake_case("a--b__c-"), "a_b_c");
  EXPECT_EQ(py::pascal_case("gsi1_index"), "Gsi1Index");
  EXPECT_EQ(py::pascal_case("by_user_index"), "ByUserIndex");
}

TEST(GeneratePythonNames, KeywordsAreTheHardOnes) {
  for (const char* k : {"class", "async", "await", "None", "True", "lambda", "nonlocal"}) EXPECT_TRUE(py::is_keyword(k)) << k;
  for (const char* k : {"match", "case", "type", "_", "none", "print"}) EXPECT_FALSE(py::is_keyword(k)) << k;
}
