// Regression tests for what the robustness work (issue 9) found: hostile configs that hung,
// exhausted memory or broke a message over lines, and outputs a config string could break.
// The command-line side of the same inputs is tests/cli/hostile-input-test.py.
#include <chrono>

#include "ddbsynth/backend.hpp"
#include "review/plan.hpp"
#include "test_util.hpp"

namespace ddbsynth {
namespace {

using ::testing::HasSubstr;
using Clock = std::chrono::steady_clock;

std::vector<Diagnostic> diagnostics(const std::string& text, const std::string& file = "c.json") {
  try {
    parse_config(text, file);
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  return {};
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// An alias of one long string, repeated: few values, terabytes of text. Counted in bytes now.
TEST(Robustness, YamlStringAliasBombIsBounded) {
  std::string y = "a: &a \"" + std::string(1 << 20, 'x') + "\"\nb: [";
  for (int i = 0; i < 100; ++i) y += i ? ", *a" : "*a";
  y += "]\nruntimeConfigKey: t\n";
  EXPECT_THAT(first_error(y, "c.yaml"), HasSubstr("c.yaml:2:"));
  EXPECT_THAT(first_error(y, "c.yaml"), HasSubstr("bytes of text (alias bomb?)"));
  // Below the budget the aliases still resolve.
  auto t = parse_config("$schema: &k \"" + std::string(1000, 'x') + "\"\nruntimeConfigKey: t\ncdk: {constructId: *k}\n",
                        "c.yaml");
  EXPECT_EQ(t.cdk_construct_id, std::string(1000, 'x'));
}

TEST(Robustness, RecursiveYamlAliasIsNamed) {
  EXPECT_EQ(first_error("a: &a [*a]\n", "c.yaml"), "c.yaml:1:8: error: recursive alias: it refers to the node it is inside");
  EXPECT_THAT(first_error("a: &a\n  b: *a\n", "c.yaml"), HasSubstr("recursive alias"));
  EXPECT_EQ(first_error("a: *b\n", "c.yaml"), "c.yaml:1:4: error: the referenced anchor is not defined");  // yaml-cpp's
}

// Keys decode escapes; the message quotes them escaped, so it stays on one line.
TEST(Robustness, DuplicateKeyMessageIsOneLine) {
  EXPECT_EQ(first_error(R"({"a\nb": 1, "a\nb": 2})"), R"(c.json:1:13: error: duplicate key "a\u000ab" (first at line 1, column 2))");
  EXPECT_EQ(first_error("\"a\\tb\": 1\n\"a\\tb\": 2\n", "c.yaml"),
            R"(c.yaml:2:1: error: duplicate key "a\u0009b" (first at line 1, column 1))");
}

// Found by fuzzing (fuzz/corpus/json-invalid-escape-before-newline): the escaped character was
// printed as is, a newline splitting the message.
TEST(Robustness, InvalidEscapeMessageIsOneLine) {
  EXPECT_EQ(first_error("{\"runtimeConfigKey\": \"a\\\nb\"}"), "c.json:1:24: error: invalid escape in string: '\\' before U+000A");
  EXPECT_EQ(first_error("{\"runtimeConfigKey\": \"a\\\xC3\xBC\"}"),
            "c.json:1:24: error: invalid escape in string: '\\' before a non-ASCII character");
  EXPECT_EQ(first_error(R"({"runtimeConfigKey": "a\qb"})"), R"(c.json:1:24: error: invalid escape '\q' in string)");
  // yaml-cpp's own messages may quote a character too.
  EXPECT_EQ(first_error("runtimeConfigKey: \"a\\\x01\"\n", "c.yaml").find('\x01'), std::string::npos);
}

// Duplicate detection was a scan of the members: 350,000 keys took minutes.
TEST(Robustness, ManyKeysTakeLinearTime) {
  std::string json = R"({"runtimeConfigKey": "t", "$schema": "s", "tableConfig": {"tags": {)";
  std::string yaml = "runtimeConfigKey: t\ntableConfig:\n  tags:\n";
  for (int i = 0; i < 90000; ++i) {  // under the 100,000 values a document may hold
    json += (i ? ", \"k" : "\"k") + std::to_string(i) + "\": \"v\"";
    yaml += "    k" + std::to_string(i) + ": v\n";
  }
  json += "}}}";
  auto start = Clock::now();
  EXPECT_THAT(first_error(json), HasSubstr("at most 50 tags are allowed, found 90000"));
  EXPECT_THAT(first_error(yaml, "c.yaml"), HasSubstr("at most 50 tags are allowed, found 90000"));
  EXPECT_LT(seconds_since(start), 20.0);  // minutes before; a generous bound for sanitizer builds
}

// The same for lists validation checked pairwise: non-key attributes, grants, key attributes.
TEST(Robustness, LongListsTakeLinearTime) {
  std::string non_key, grants, gsis;
  for (int i = 0; i < 90000; ++i) non_key += (i ? ", \"a" : "\"a") + std::to_string(i) + "\"";
  for (int i = 0; i < 30000; ++i)  // three values a grant, under the 100,000 of a document
    grants += (i ? ", {\"role\": \"r" : "{\"role\": \"r") + std::to_string(i) + "\", \"access\": \"read\"}";
  for (int i = 0; i < 20000; ++i)
    gsis += (i ? ", {\"indexName\": \"ix" : "{\"indexName\": \"ix") + std::to_string(i) + "\", \"partitionKey\": \"p\"}";
  auto start = Clock::now();
  EXPECT_THAT(first_error(with_table(R"("globalSecondaryIndexes": [{"indexName": "abc", "partitionKey": "p",
      "projectionType": "INCLUDE", "nonKeyAttributes": [)" + non_key + "]}]")),
              HasSubstr("at most 100 distinct nonKeyAttributes"));
  EXPECT_EQ(first_error(R"({"runtimeConfigKey": "t", "grants": [)" + grants + "]}"), "");
  EXPECT_THAT(first_error(with_table(R"("globalSecondaryIndexes": [)" + gsis + "]")), HasSubstr("at most 20 global"));
  EXPECT_LT(seconds_since(start), 20.0);
}

// A grant repeating a role names the grants[] entry of the config that granted it first.
TEST(Robustness, RepeatedRoleNamesTheFirstGrant) {
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "grants": [{"role": "bad role", "access": "read"},
      {"role": "r", "access": "read"}, {"role": "r", "access": "write"}]})"),
              HasSubstr("not an IAM role name"));
  EXPECT_THAT(all_errors(R"({"runtimeConfigKey": "t", "grants": [{"role": "bad role", "access": "read"},
      {"role": "r", "access": "read"}, {"role": "r", "access": "write"}]})"),
              HasSubstr("role \"r\" is already granted by grants[1]"));
}

TEST(Robustness, ErrorsStopAfterAHundred) {
  std::string json = R"({"runtimeConfigKey": "t")";
  for (int i = 0; i < 1000; ++i) json += ", \"unknown" + std::to_string(i) + "\": 0";
  auto ds = diagnostics(json + "}");
  ASSERT_EQ(ds.size(), 101u);
  EXPECT_THAT(ds[99].message, HasSubstr("unknown field \"unknown99\""));
  EXPECT_EQ(ds[100].message, "too many errors, stopping after 100");
  EXPECT_EQ(diagnostics(json.substr(0, json.find(", \"unknown100\"")) + "}").size(), 100u);  // 100 are all shown
}

TEST(Robustness, ContainerArgumentsAreNoOptions) {
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "localDev": {"tableName": "abc", "image": "--privileged"}})"),
              HasSubstr("localDev.image \"--privileged\" must be non-empty, not start with '-'"));
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "localDev": {"tableName": "abc", "containerName": "a\u0007"}})"),
              HasSubstr("localDev.containerName \"a\\u0007\" must be"));
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "localDev": {"tableName": "abc", "containerName": ""}})"),
              HasSubstr("must be non-empty"));
  EXPECT_EQ(first_error(R"({"runtimeConfigKey": "t", "localDev": {"tableName": "abc", "image": "a/b-c:1", "containerName": "x-y"}})"),
            "");
}

// runtimeConfigKey may have 255 characters; the stack name derived from it then has 260, more
// than a file name may. The file is named as the CDK names the stack: shortened, with a hash.
TEST(Robustness, LongestRuntimeConfigKeyGivesFileNamesThatFit) {
  Table t = parse_config(R"({"runtimeConfigKey": ")" + std::string(255, 'k') + "\"}", "c.json");
  std::string cdk_file = find_backend("cdk")->synth(t, BackendOptions{})[0].path;
  EXPECT_LE(cdk_file.size(), 128u + std::string(".template.json").size());
  for (const char* format : {"json", "yaml"}) {
    auto files = find_backend("cloudformation")->synth(t, BackendOptions{format});
    EXPECT_LE(files[0].path.size(), 255u);
    EXPECT_EQ(files[0].path.substr(0, files[0].path.find('.')), cdk_file.substr(0, cdk_file.find('.')));
  }
  for (const char* format : {"hcl", "json"})
    for (const auto& f : find_backend("terraform")->synth(t, BackendOptions{format})) {
      EXPECT_LE(f.path.find('/'), 128u) << f.path;
      EXPECT_EQ(f.path.substr(0, f.path.find('/')), cdk_file.substr(0, cdk_file.find('.')));
    }
  // Short keys keep their names.
  Table seed = parse_config(R"({"runtimeConfigKey": "my_table"})", "c.json");
  EXPECT_EQ(find_backend("cloudformation")->synth(seed, BackendOptions{"json"})[0].path, "mytableStack.template.json");
  EXPECT_EQ(find_backend("terraform")->synth(seed, BackendOptions{"hcl"})[0].path, "mytableStack/versions.tf");
}

// Found by fuzzing (fuzz/corpus/yaml-plan-key-with-carriage-return): attribute names may hold
// any character, and plan findings printed key names as they are, a line break splitting the
// `file:line:col: severity: CODE: message` line.
TEST(Robustness, PlanFindingsStayOnTheirLine) {
  Table old_table = parse_config(R"({"runtimeConfigKey": "t", "tableConfig": {"sortKey": "sk"}})", "old.json");
  Table new_table = parse_config(R"({"runtimeConfigKey": "t", "tableConfig": {"sortKey": "s\rk\n\"x\""}})", "new.json");
  auto plan = review::make_plan(old_table, new_table);
  ASSERT_FALSE(plan.findings.empty());
  for (const auto& f : plan.findings) EXPECT_EQ(f.message.find_first_of("\r\n"), std::string::npos) << f.message;
  EXPECT_THAT(plan.findings[0].message, HasSubstr(R"(from sk (S) to "s\rk\n\"x\"" (S))"));
}

// The cdk-ts app construct of a YAML config embeds the config as an object literal and names its
// path in a comment: a tag "__proto__" must stay a tag, a path with "*/" must not end the comment.
TEST(Robustness, CdkTsYamlConstructKeepsProtoTagsAndComments) {
  Table t = parse_config("runtimeConfigKey: t\ntableConfig:\n  tags:\n    __proto__: x\n", "a*/b/config.yaml");
  std::string app;
  for (const auto& f : find_backend("cdk-ts")->synth(t, BackendOptions{}))
    if (f.path.find("/app/dynamodb/") != std::string::npos) app = f.content;
  EXPECT_THAT(app, HasSubstr("[\"__proto__\"]: \"x\""));
  EXPECT_THAT(app, HasSubstr("a*\\/b/config.yaml"));
  EXPECT_EQ(app.find("*/b"), std::string::npos);
}

}  // namespace
}  // namespace ddbsynth
