// Issue 13: tags follow AWS's pattern for every script, count Unicode characters, and come out in
// the order real aws-cdk-lib writes them. tests/conformance/tag-unicode.js holds the same rules
// against Node over every code point; this file pins cases a reader can check by eye.
#include <unicode/uvernum.h>

#include <nlohmann/json.hpp>

#include "config/tag_rules.hpp"
#include "ddbsynth/collate.hpp"
#include "test_util.hpp"

namespace ddbsynth {
namespace {

using Json = nlohmann::json;
using ::testing::HasSubstr;

std::string tags_config(const std::string& tags) { return with_table("\"tags\": " + tags); }

TEST(Tags, TheIssuesConfigIsAccepted) {
  Table t = parse_config(R"({ "runtimeConfigKey": "Orders", "tableConfig": { "tags": { "owner": "Jürgen", "équipe": "paiements", "チーム": "注文" } } })",
                         "config.json");
  std::vector<std::pair<std::string, std::string>> want = {{"équipe", "paiements"}, {"owner", "Jürgen"}, {"チーム", "注文"}};
  EXPECT_EQ(t.tags, want);
}

TEST(Tags, LettersSeparatorsAndDigitsOfEveryScript) {
  for (const char* s : {"Ωμέγα", "Жук", "注文", "한국어", "عربي", "हन", "٣٤", "Ⅻ", "½", "𝐀𝐁",
                        "a\u00a0b", "a\u3000b", "a\u2028b", "a\u2029b", "_.:/=+-@ "}) {
    EXPECT_EQ(first_char_outside_tag_pattern(s), std::nullopt) << s;
    EXPECT_NO_THROW(parse_config(tags_config(Json{{s, s}}.dump()), "c.json")) << s;
  }
}

// \p{Z} is separators only: tab, newline and the other controls of the old ASCII \s are not in it.
// \p{L} has no marks: AWS refuses a decomposed "é" and the vowel signs of Devanagari (हिन्दी).
TEST(Tags, ControlsMarksSymbolsAndPunctuationAreRefused) {
  struct Case {
    std::string text;
    char32_t first;
  };
  const Case cases[] = {{"a\tb", U'\t'}, {"a\nb", U'\n'}, {"a\rb", U'\r'}, {"a\vb", U'\v'}, {"a\fb", U'\f'},
                        {"a\u0085b", U'\u0085'}, {"e\u0301", U'\u0301'}, {"हिन्दी", U'\u093f'}, {"a\u200bb", U'\u200b'},
                        {"\ufeffa", U'\ufeff'}, {"a*b", U'*'}, {"a$b", U'$'}, {"a,b", U','}, {"🚀", U'\U0001F680'},
                        {"\U000F0000", U'\U000F0000'}};
  for (const auto& c : cases) EXPECT_EQ(first_char_outside_tag_pattern(c.text), c.first) << c.text;
  EXPECT_THAT(first_error(tags_config(R"({"k": "a\tb"})")), HasSubstr("not U+0009 (a control character)"));
  EXPECT_THAT(first_error(tags_config(R"({"e\u0301": "v"})")), HasSubstr("not U+0301 (a combining mark"));
  EXPECT_THAT(first_error(tags_config(R"({"k": "a*b"})")), HasSubstr("may only contain letters, digits, spaces and _ . : / = + - @, not '*' (U+002A)"));
}

// AWS counts characters (Smithy's @length: Unicode scalar values): 128 letters outside the BMP
// are a valid key although JavaScript's String.length calls them 256.
TEST(Tags, LengthsAreInCodePoints) {
  std::string key, value;
  for (int i = 0; i < 128; ++i) key += "𝐀";
  for (int i = 0; i < 256; ++i) value += "é";
  EXPECT_EQ(tag_length(key), 128u);
  EXPECT_NO_THROW(parse_config(tags_config(Json{{key, value}}.dump()), "c.json"));
  EXPECT_THAT(first_error(tags_config(Json{{key + "𝐀", "v"}}.dump())), HasSubstr("must be 1-128 characters"));
  EXPECT_THAT(first_error(tags_config(Json{{"k", value + "é"}}.dump())), HasSubstr("at most 256 characters"));
}

// The order aws-cdk-lib 2.276.0's TagManager rendered for these keys, set from a JavaScript
// object in this file order, on Node 20.20.2 (ICU 78.2). Digits of other scripts, kinds of space
// and the Angstrom sign tie with their ASCII or precomposed twins: the sort is stable, and
// JavaScript enumerates integer-like keys ("1", "10", "4294967294") first.
TEST(Tags, OrderedAsRealCdkOrdersThem) {
  const std::vector<std::string> file_order = {"owner", "Owner", "OWNER", "\u00e9quipe", "equipe", "\u00c9quipe", "chef", "Chef", "c\u00f4te", "cot\u00e9", "cote", "c\u00f4t\u00e9", "Stra\u00dfe", "strasse", "\u30c1\u30fc\u30e0", "\u3061\u30fc\u3080", "\uff81\uff70\uff91", "\u6ce8\u6587", "\u6f22\u5b57", "\ud55c\uad6d", "\u03a9mega", "\u03c9mega", "\u03ac\u03bb\u03c6\u03b1", "\u0416\u0443\u043a", "\u0436\u0443\u043a", "\u0401\u0436", "\u0641\u0631\u064a\u0642", "\u0639\u0631\u0628\u064a", "\u0661", "\uff11", "1", "10", "2", "02", "-1", "4294967295", "4294967294", "a\u3000b", "a\u00a0b", "a b", "a\u2002b", "a_b", "a-b", "a.b", "a:b", "a/b", "a=b", "a+b", "a@b", "\u212b", "\u00c5", "\U0001d400x", "Ax"};
  const std::vector<std::string> cdk_order = {"-1", "02", "1", "\u0661", "\uff11", "10", "2", "4294967294", "4294967295", "\u212b", "\u00c5", "a b", "a\u3000b", "a\u2002b", "a\u00a0b", "a_b", "a-b", "a:b", "a.b", "a@b", "a/b", "a+b", "a=b", "Ax", "\U0001d400x", "chef", "Chef", "cote", "cot\u00e9", "c\u00f4te", "c\u00f4t\u00e9", "equipe", "\u00e9quipe", "\u00c9quipe", "owner", "Owner", "OWNER", "strasse", "Stra\u00dfe", "\u03ac\u03bb\u03c6\u03b1", "\u03c9mega", "\u03a9mega", "\u0401\u0436", "\u0436\u0443\u043a", "\u0416\u0443\u043a", "\u0639\u0631\u0628\u064a", "\u0641\u0631\u064a\u0642", "\ud55c\uad6d", "\u3061\u30fc\u3080", "\u30c1\u30fc\u30e0", "\uff81\uff70\uff91", "\u6ce8\u6587", "\u6f22\u5b57"};
  std::vector<std::pair<std::string, std::string>> tags;
  for (const auto& k : file_order) tags.emplace_back(k, "v");
  sort_tags_like_cdk(tags);
  std::vector<std::string> got;
  for (const auto& [k, v] : tags) got.push_back(k);
  EXPECT_EQ(got, cdk_order);

  // The validator sorts the same way; at most 50 tags, so the first 50 keys.
  std::string text = "{";
  for (size_t i = 0; i < 50; ++i) text += (i ? "," : "") + Json(file_order[i]).dump() + ":\"v\"";
  std::vector<std::string> first50(file_order.begin(), file_order.begin() + 50), want;
  for (const auto& k : cdk_order)
    if (std::find(first50.begin(), first50.end(), k) != first50.end()) want.push_back(k);
  got.clear();
  for (const auto& [k, v] : parse_config(tags_config(text + "}"), "c.json").tags) got.push_back(k);
  EXPECT_EQ(got, want);
}

// ICU 76 (Unicode 16, CLDR 46) changed the root order of some Han characters (those with a
// simplified radical, such as 订 U+8BA2) and of some numbers: real CDK's order for them depends
// on the ICU of the Node that runs it, and ddbsynth's on the ICU it is built with.
TEST(Tags, HanOrderFollowsTheIcuVersion) {
  // 言 U+8A00, 订 U+8BA2 (radical 149 simplified, 2 strokes), 語 U+8A9E (radical 149, 7 strokes)
  std::vector<std::pair<std::string, std::string>> tags = {{"語", ""}, {"订", ""}, {"言", ""}};
  sort_tags_like_cdk(tags);
  if (U_ICU_VERSION_MAJOR_NUM >= 76)  // radical-stroke: as Node 20.20.2 (ICU 78.2) orders them
    EXPECT_EQ(tags[1].first, "订");
  else  // the order before CLDR 46, as ICU 72 (Debian 12) has it
    EXPECT_EQ(tags[1].first, "語");
}

}  // namespace
}  // namespace ddbsynth
