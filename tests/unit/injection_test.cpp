// No injection from config strings into what ddbsynth emits (issue 9). A config whose free-text
// fields carry `${x}`, `%{x}`, quotes, backslashes, newlines, `*/`, `"""`, `'''`, backticks and
// `</script>` goes through every target and the generator; each output is read back with the
// tool that reads it (nlohmann for JSON, yaml-cpp for YAML, Python's ast, TypeScript's parser,
// HashiCorp's HCL parser through tests/conformance/injection-parse.js) and each string must come
// back exactly as the config has it.
//
// Which fields can carry such text (src/config/validate.cpp):
//   attribute names (keys, nonKeyAttributes, TTL)  anything, 1-255 bytes: newlines and control
//                                                   characters included
//   runtimeConfigKey, cdk.constructId              anything but '/' and control characters
//   grants[].role as an ARN                        its path: printable ASCII without spaces
//   the config file's own path                     anything (the cdk-ts target writes it)
// and which cannot: table, index, role and stack names (a fixed alphabet), tags (letters,
// digits, spaces and _ . : / = + - @), localDev.image and .containerName (no control
// characters, no leading '-').
#include <yaml-cpp/yaml.h>

#include <regex>

#include "backends/cdk_ts/config_document.hpp"
#include "generate/pynamodb.hpp"
#include "generate/scaffold.hpp"
#include "output_reader.hpp"
#include "test_util.hpp"

namespace ddbsynth {
namespace {

using namespace test;
using ::testing::Contains;
using ::testing::HasSubstr;

// Everything the output languages give meaning to: template interpolations and directives
// (HCL, TypeScript, Python f-strings), quotes of every kind, escapes, comment ends, line breaks
// (JavaScript's U+2028 and U+2029 too), heredoc ends, YAML indicators and HTML.
const std::string kNasty =
    "${x} %{y} $${z} %%{w} {x} #{a} \" ' \\ \\n \n\r\t */ /* \"\"\" ''' ` </script> <!-- ]]> \nEOT\n: - # "
    "\u2028\u2029\x01\x7f \xF0\x9F\x9A\x80";
// The same without '/' and control characters, for runtimeConfigKey and cdk.constructId.
const std::string kNastyName = "${x} %{y} $${z} {x} #{a} \" ' \\ \\n * \"\"\" ''' ` <script> <!-- ]]> : - # \u2028";

struct Payloads {
  std::string pk = "pk " + kNasty, sk = "sk " + kNasty, gsi_pk = "gpk " + kNasty, gsi_sk = "gsk " + kNasty,
              lsi_sk = "lsk " + kNasty, non_key1 = "nk1 " + kNasty, non_key2 = "nk2 " + kNasty, ttl = "ttl " + kNasty;
  std::string key = "key " + kNastyName;
  std::string construct_id = "C " + kNastyName;
  std::string role_arn = "arn:aws:iam::123456789012:role/p${x}%{y}$${z}\"'\\`<s>\"\"\"'''{a}#:-/*/the-role";

  std::vector<std::string> attributes() const { return {pk, sk, gsi_pk, gsi_sk, lsi_sk, non_key1, non_key2, ttl}; }
  std::vector<std::string> index_attributes() const { return {pk, sk, gsi_pk, gsi_sk, lsi_sk}; }  // key schemas

  std::string config() const {
    Json c = {
        {"runtimeConfigKey", key},
        {"localDev", {{"tableName", "local-table"}}},
        {"tableConfig",
         {{"partitionKey", pk},
          {"sortKey", {{"name", sk}, {"type", "N"}}},
          {"timeToLiveAttribute", ttl},
          {"stream", "NEW_AND_OLD_IMAGES"},
          {"tags", {{"team a/b:c=d+e@f_g.h-i", "v a/b:c=d+e@f_g.h-i"}, {"__proto__", "proto"}}},
          {"globalSecondaryIndexes",
           {{{"indexName", "gsi-one"},
             {"partitionKey", gsi_pk},
             {"sortKey", gsi_sk},
             {"projectionType", "INCLUDE"},
             {"nonKeyAttributes", {non_key1, non_key2}}}}},
          {"localSecondaryIndexes", {{{"indexName", "lsi-one"}, {"sortKey", lsi_sk}}}}}},
        {"grants", {{{"role", role_arn}, {"access", "full"}}, {{"role", "reader+=,.@-_1"}, {"access", "streamRead"}}}},
        {"cdk", {{"constructId", construct_id}}}};
    return c.dump();
  }
};

const Payloads kP;
// A config path that would end a block comment or a script element, with quotes and templates.
const std::string kConfigDir = "we ird${x}%{y}\"'\\`\"\"\"'''</script>*";

Table injection_table(const std::string& file = kConfigDir + "/config.json") { return parse_config(kP.config(), file); }

// The runtime config every target deploys: {"<runtimeConfigKey>": {"tableName": ...}}.
void expect_runtime_config(const std::string& content) {
  Json doc = Json::parse(content);
  ASSERT_TRUE(doc.is_object()) << content;
  ASSERT_EQ(doc.size(), 1u) << content;
  EXPECT_EQ(doc.begin().key(), kP.key);
  EXPECT_TRUE(doc.begin()->contains("tableName")) << content;
}

// Each CloudFormation-like template: every attribute name, the role ARN, the runtime config key.
void expect_template_strings(const Json& evaluated) {
  auto strings = strings_of(evaluated);
  for (const auto& a : kP.attributes()) EXPECT_THAT(strings, Contains(a)) << Json(a).dump();
  EXPECT_THAT(strings, Contains(kP.role_arn));
  int contents = 0;
  for (const auto& [id, r] : evaluated["Resources"].items())
    if (r["Type"] == "AWS::AppConfig::HostedConfigurationVersion") {
      ++contents;
      ASSERT_TRUE(r["Properties"]["Content"].is_string()) << r.dump();
      expect_runtime_config(r["Properties"]["Content"].get<std::string>());
    }
  EXPECT_EQ(contents, 1);
}

Json yaml_to_json(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      Json out = Json::object();
      for (const auto& kv : n) out[kv.first.Scalar()] = yaml_to_json(kv.second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      Json out = Json::array();
      for (const auto& v : n) out.push_back(yaml_to_json(v));
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() != "?") return s;  // quoted: a string whatever it says
      if (s == "true" || s == "false") return s == "true";
      if (s == "null" || s == "~") return nullptr;
      if (std::regex_match(s, std::regex("-?[0-9]+"))) return std::stoll(s);
      return s;
    }
    default:
      return nullptr;
  }
}

TEST(Injection, TheFieldsThatCarryItKeepItExactly) {
  Table t = injection_table();
  EXPECT_EQ(t.partition_key.name, kP.pk);
  ASSERT_TRUE(t.sort_key);
  EXPECT_EQ(t.sort_key->name, kP.sk);
  EXPECT_EQ(t.runtime_config_key, kP.key);
  EXPECT_EQ(t.cdk_construct_id, kP.construct_id);
  EXPECT_EQ(t.grants.at(0).role, kP.role_arn);
  EXPECT_EQ(t.grants.at(0).role_name, "the-role");
}

TEST(Injection, TheFieldsWithAnAlphabetRefuseIt) {
  struct Case {
    std::string config;
    const char* says;
  };
  const Case cases[] = {
      {with_table(R"("tableName": "a${x}b")"), "not a valid table name"},
      {with_table(R"("globalSecondaryIndexes": [{"indexName": "i\"x", "partitionKey": "p"}])"), "is not valid"},
      {R"({"runtimeConfigKey": "t", "grants": [{"role": "r\"x", "access": "read"}]})", "not an IAM role name"},
      {R"({"runtimeConfigKey": "t", "grants": [{"role": "arn:aws:iam::123456789012:role/a b/r", "access": "read"}]})",
       "not an IAM role ARN"},
      {R"({"runtimeConfigKey": "t", "grants": [{"role": "arn:aws:iam::123456789012:role/r${x}", "access": "read"}]})",
       "not an IAM role ARN"},
      {R"({"runtimeConfigKey": "t", "cdk": {"stackName": "S${x}"}})", "not a valid stack name"},
      {with_table(R"("tags": {"k": "${x}"})"), "may only contain"},
      {with_table(R"("tags": {"`k`": "v"})"), "may only contain"},
      {R"({"runtimeConfigKey": "a*/b"})", "must not contain '/'"},
      {R"({"runtimeConfigKey": "a\nb"})", "control characters"},
      {R"({"runtimeConfigKey": "t", "cdk": {"constructId": "*/"}})", "without '/'"},
      {R"({"runtimeConfigKey": "t", "localDev": {"tableName": "abc", "image": "--privileged"}})", "not start with '-'"},
      {R"({"runtimeConfigKey": "t", "localDev": {"tableName": "abc", "containerName": "a\nb"}})", "control characters"},
  };
  for (const auto& c : cases) EXPECT_THAT(first_error(c.config), HasSubstr(c.says)) << c.config;
}

TEST(Injection, CloudFormationJson) {
  Json doc = Json::parse(only(synth(injection_table(), "cloudformation", "json"), ".template.json").content);
  Json evaluated = evaluate_cfn(doc);
  expect_template_strings(evaluated);
  EXPECT_THAT(evaluated["Description"].get<std::string>(), HasSubstr(kP.key));
}

TEST(Injection, CloudFormationYamlReadsAsTheJsonTemplate) {
  Table t = injection_table();
  Json json = Json::parse(only(synth(t, "cloudformation", "json"), ".template.json").content);
  Json yaml = yaml_to_json(YAML::Load(only(synth(t, "cloudformation", "yaml"), ".template.yaml").content));
  EXPECT_EQ(yaml, json);
  expect_template_strings(evaluate_cfn(yaml));
}

TEST(Injection, CdkTemplate) {
  Table t = injection_table();
  Json evaluated = evaluate_cfn(Json::parse(only(synth(t, "cdk", "json"), ".template.json").content));
  expect_template_strings(evaluated);
  // The construct id is a segment of the construct paths of the table and its key.
  int paths = 0;
  for (const auto& [id, r] : evaluated["Resources"].items())
    if (r.contains("Metadata") && r["Metadata"].contains("aws:cdk:path"))
      paths += r["Metadata"]["aws:cdk:path"].get<std::string>().find("/" + kP.construct_id + "/") != std::string::npos;
  EXPECT_GE(paths, 2);
}

TEST(Injection, CreateTableRequest) {
  Json doc = Json::parse(only(synth(injection_table(), "create-table", "json"), ".create-table.json").content);
  std::set<std::string> defined;
  for (const auto& a : doc["AttributeDefinitions"]) defined.insert(a["AttributeName"].get<std::string>());
  for (const auto& a : kP.index_attributes()) EXPECT_TRUE(defined.count(a)) << Json(a).dump();
  EXPECT_THAT(strings_of(doc), Contains(kP.non_key1));
}

// Both syntaxes through HashiCorp's parser, evaluated as Terraform evaluates templates: an
// escape that failed would turn `${x}` into a reference (an error here) or change a value.
TEST(Injection, TerraformHclAndJson) {
  Table t = injection_table();
  Json evaluated[2];
  const char* formats[] = {"hcl", "json"};
  for (int i = 0; i < 2; ++i) {
    evaluated[i] = evaluated_terraform(t, formats[i]);
    ASSERT_TRUE(evaluated[i].is_object()) << formats[i];
    auto strings = strings_of(evaluated[i], true);  // policies are jsonencode()d: their strings too
    for (const auto& a : kP.attributes()) EXPECT_THAT(strings, Contains(a)) << formats[i] << " " << Json(a).dump();
    EXPECT_THAT(strings, Contains(kP.role_arn)) << formats[i];
    const Json& hosted = evaluated[i]["resource"]["aws_appconfig_hosted_configuration_version"];
    ASSERT_EQ(hosted.size(), 1u);
    expect_runtime_config(hosted.begin()->at("content").get<std::string>());
  }
  EXPECT_EQ(evaluated[0]["resource"], evaluated[1]["resource"]);
  EXPECT_EQ(evaluated[0]["output"], evaluated[1]["output"]);
}

// The TypeScript app construct of a JSON config names its path in a string; of a YAML config,
// embeds the config as an object literal and names the path in a comment.
TEST(Injection, CdkTypeScript) {
  for (const char* ext : {".json", ".yaml"}) {
    Table t = injection_table(kConfigDir + "/config" + ext);
    TempDir dir;
    std::string files;
    fs::path app;
    for (const auto& f : synth(t, "cdk-ts", "ts")) {
      fs::path p = dir.write(f);
      if (f.path.ends_with(".ts")) files += " " + quoted(p);
      if (f.path.find("/app/dynamodb/") != std::string::npos) app = p;
    }
    std::string out = run(read_output_js() + " ts" + files);
    ASSERT_FALSE(out.empty()) << ext;
    Json parsed = Json::parse(out)[app.string()];
    ASSERT_TRUE(parsed.is_object()) << ext;
    std::string comments;
    for (const auto& c : parsed["comments"]) comments += c.get<std::string>() + "\n";
    EXPECT_THAT(comments, HasSubstr(Json(kP.key).dump())) << ext;  // the key, quoted, in a doc comment
    if (std::string(ext) == ".json") {
      EXPECT_THAT(strings_of(parsed["strings"]), Contains(kConfigDir + "/config.json"));
    } else {
      EXPECT_THAT(comments, HasSubstr(kConfigDir + "\\/config.yaml")) << "the path, its */ escaped";
      ASSERT_EQ(parsed["constants"].size(), 1u) << parsed.dump();
      // As JavaScript evaluates the literal: the whole config, `__proto__` tag included.
      EXPECT_EQ(parsed["constants"].begin().value(), Json::parse(cdk_ts::config_document(t).dump()));
    }
  }
}

TEST(Injection, PynamodbBasePy) {
  TempDir dir;
  fs::path base = dir.write(OutputFile{"base.py", render_base_py(injection_table())});
  auto strings = python_strings(base);
  for (const auto& a : kP.attributes()) EXPECT_THAT(strings, Contains(a)) << Json(a).dump();
  // A payload is only ever a whole literal, never part of a longer one (or of code).
  for (const auto& s : strings)
    if (s.find(kNasty) != std::string::npos) EXPECT_THAT(kP.attributes(), Contains(s)) << Json(s).dump();
}

// `ddbsynth new` takes a name and a table name with no room for injection; what it plans parses.
TEST(Injection, NewProject) {
  TempDir dir;
  fs::path old = fs::current_path();
  fs::current_path(dir.path);
  for (const std::string bad : {"a${x}", "a\"b", "a'b", "a\\b", "a\nb", "a*/b", "a`b", "a</script>"}) {
    NewOptions name;
    name.name = bad;
    name.infra = "none";
    EXPECT_THROW(plan_new_project(name), GenerateError) << bad;
    NewOptions table = name;
    table.name = "my-table";
    table.table_name = "tbl" + bad;
    EXPECT_THROW(plan_new_project(table), GenerateError) << bad;
  }
  NewOptions o;
  o.name = "my.odd-Table_9";
  o.table_name = "my.odd-Table_9.v2";
  o.infra = "none";
  ProjectPlan plan = plan_new_project(o);
  int python = 0;
  for (const auto& f : plan.files) {
    fs::path p = dir.write(f.file);
    if (f.file.path.ends_with(".py")) {
      ++python;
      python_strings(p);  // parses
    }
    if (f.file.path.ends_with("config.json")) {
      Json c = Json::parse(f.file.content);
      // The seed's names: class name of NAME, <scope>-<kebab(--table-name)> (no package.json: monorepo).
      EXPECT_EQ(c["runtimeConfigKey"], "MyOddTable9");
      EXPECT_EQ(c["tableConfig"]["tableName"], o.table_name);
      EXPECT_EQ(c["localDev"]["tableName"], "monorepo-my-odd-table-9-v-2");
    }
    if (f.file.path.ends_with(".json")) EXPECT_TRUE(Json::accept(f.file.content)) << f.file.path;
  }
  EXPECT_GE(python, 4);
  fs::current_path(old);
}

}  // namespace
}  // namespace ddbsynth
