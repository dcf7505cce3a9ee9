// The Terraform document model: how strings are spelled and how files are laid out, in both
// native HCL and Terraform JSON.
#include <gtest/gtest.h>

#include "backends/terraform/hcl.hpp"
#include "backends/terraform/hcl_string.hpp"

namespace ddbsynth::tf {
namespace {

TEST(TerraformString, TemplateSequencesAreDoubled) {
  EXPECT_EQ(escape_template("${pk}"), "$${pk}");
  EXPECT_EQ(escape_template("%{ if x }"), "%%{ if x }");
  EXPECT_EQ(escape_template("$${already}"), "$$${already}");  // HCL reads `$$${` as `$` + `${`
  EXPECT_EQ(escape_template("$ % {} $x %y"), "$ % {} $x %y");
  EXPECT_EQ(escape_template("end$"), "end$");
}

TEST(TerraformString, QuotedEscapes) {
  EXPECT_EQ(quote_hcl("a \"q\" \\ b"), R"("a \"q\" \\ b")");
  EXPECT_EQ(quote_hcl("t\tn\nr\r"), R"("t\tn\nr\r")");
  EXPECT_EQ(quote_hcl(std::string("\x01\x7f", 2)), R"("\u0001\u007f")");
  EXPECT_EQ(quote_hcl("\xC2\x85 \xE2\x80\xA8 \xEF\xBB\xBF"), R"("\u0085 \u2028 \ufeff")");
  EXPECT_EQ(quote_hcl("${x} 🚀 ü"), "\"$${x} 🚀 ü\"");
}

TEST(TerraformString, LiteralSafeIsFalseWhereNfcWouldChangeTheString) {
  EXPECT_TRUE(literal_safe("plain ascii"));
  EXPECT_TRUE(literal_safe("\xC3\xBC"));            // ü precomposed
  EXPECT_TRUE(literal_safe("❤️ 🚀 👨‍👩‍👧"));  // variation selector, zero-width joiner
  EXPECT_FALSE(literal_safe("u\xCC\x88"));          // u + combining diaeresis composes
  EXPECT_FALSE(literal_safe("\xE2\x84\xAB"));       // U+212B ANGSTROM SIGN becomes U+00C5
  EXPECT_FALSE(literal_safe("\xE1\x85\xA1"));       // a Hangul vowel jamo composes with a leading one
}

TEST(TerraformString, JsonAsciiEscapesEverythingElse) {
  EXPECT_EQ(json_ascii("u\xCC\x88"), R"("u\u0308")");
  EXPECT_EQ(json_ascii("🚀\t\"\\"), R"("\ud83d\ude80\t\"\\")");
  EXPECT_EQ(json_ascii(std::string("\x01", 1)), R"("\u0001")");
}

TEST(TerraformString, ColumnsCountWhatAnEditorShows) {
  EXPECT_EQ(columns("\"abc\""), 5u);
  EXPECT_EQ(columns("🚀 ü"), 3u);
  EXPECT_EQ(columns("👨‍👩‍👧"), 1u);
  EXPECT_EQ(columns("🇯🇵🇺🇸"), 2u);
  EXPECT_EQ(columns("❤️"), 1u);
}

File sample() {
  File f;
  f.comment = "generated";
  Body& r = f.body.add_block("resource", {"aws_x", "y"}).body;
  r.set("name", Value::str("n"));
  r.set("description_long", Value::tmpl({Value::str("cost$"), Value::raw("var.x"), Value::str("%")}));
  r.set("tags", Value::object({{"team", Value::str("a")}, {"cost-center", Value::str("b")}}));
  r.set("after", Value::raw("var.flag"));
  r.set("odd", Value::str("e\xCC\x81"));
  r.add_block("nested").body.set("enabled", Value::boolean(true));
  r.add_block("nested").body.set("enabled", Value::boolean(false));
  f.body.add_block("data", {"aws_partition", "current"});
  return f;
}

TEST(TerraformRender, NativeSyntaxInTerraformFmtStyle) {
  EXPECT_EQ(to_hcl(sample()),
            "# generated\n"
            "\n"
            "resource \"aws_x\" \"y\" {\n"
            "  name             = \"n\"\n"
            "  description_long = \"cost${\"$\"}${var.x}%\"\n"
            "  tags = {\n"
            "    \"team\"        = \"a\"\n"
            "    \"cost-center\" = \"b\"\n"
            "  }\n"
            "  after = var.flag\n"
            "  odd   = jsondecode(\"\\\"e\\\\u0301\\\"\")\n"
            "\n"
            "  nested {\n"
            "    enabled = true\n"
            "  }\n"
            "\n"
            "  nested {\n"
            "    enabled = false\n"
            "  }\n"
            "}\n"
            "\n"
            "data \"aws_partition\" \"current\" {}\n");
}

TEST(TerraformRender, TerraformJsonOfTheSameTree) {
  EXPECT_EQ(to_tf_json(sample()), R"({
  "//": "generated",
  "resource": {
    "aws_x": {
      "y": {
        "name": "n",
        "description_long": "cost${\"$\"}${var.x}%",
        "tags": {
          "team": "a",
          "cost-center": "b"
        },
        "after": "${var.flag}",
        "odd": "${jsondecode(\"\\\"e\\\\u0301\\\"\")}",
        "nested": [
          {
            "enabled": true
          },
          {
            "enabled": false
          }
        ]
      }
    }
  },
  "data": {
    "aws_partition": {
      "current": {}
    }
  }
}
)");
}

TEST(TerraformRender, CallsObjectsAndLists) {
  File f;
  Value doc = Value::object({{"Version", Value::str("1"), true},
                             {"Statement", Value::list({Value::object({{"Action", Value::str("a"), true}})}), true},
                             {"${key}", Value::list({Value::str("x"), Value::str("y")})},
                             {"u\xCC\x88", Value::null()}});
  f.body.add_block("locals").body.set("doc", Value::call("jsonencode", {doc})).set("t", Value::type("string"));
  EXPECT_EQ(to_hcl(f),
            "locals {\n"
            "  doc = jsonencode({\n"
            "    Version = \"1\"\n"
            "    Statement = [\n"
            "      {\n"
            "        Action = \"a\"\n"
            "      },\n"
            "    ]\n"
            "    \"$${key}\"                    = [\"x\", \"y\"]\n"
            "    (jsondecode(\"\\\"u\\\\u0308\\\"\")) = null\n"
            "  })\n"
            "  t = string\n"
            "}\n");
  EXPECT_EQ(to_tf_json(f), R"({
  "locals": {
    "doc": "${jsonencode({ Version = \"1\", Statement = [{ Action = \"a\" }], \"$${key}\" = [\"x\", \"y\"], (jsondecode(\"\\\"u\\\\u0308\\\"\")) = null })}",
    "t": "string"
  }
}
)");
}

TEST(TerraformRender, LongListsTakeOneLinePerItem) {
  File f;
  std::vector<Value> items;
  for (int i = 0; i < 8; ++i) items.push_back(Value::str("dynamodb:Action" + std::to_string(i)));
  f.body.add_block("locals").body.set("a", Value::list(items)).set("b", Value::integer(1));
  EXPECT_EQ(to_hcl(f),
            "locals {\n"
            "  a = [\n"
            "    \"dynamodb:Action0\",\n    \"dynamodb:Action1\",\n    \"dynamodb:Action2\",\n"
            "    \"dynamodb:Action3\",\n    \"dynamodb:Action4\",\n    \"dynamodb:Action5\",\n"
            "    \"dynamodb:Action6\",\n    \"dynamodb:Action7\",\n"
            "  ]\n"
            "  b = 1\n"
            "}\n");
}

}  // namespace
}  // namespace ddbsynth::tf
