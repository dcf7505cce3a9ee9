// Issue 13: every target carries Unicode tags unchanged. The config of
// tests/conformance/cdk-configs/unicode-tags.json (the example, more scripts, U+00A0,
// U+3000, U+2028, U+2029, digits that tie) goes through each target, and each output is read
// back with its own format's parser: nlohmann for JSON; yaml-cpp and, as CloudFormation reads
// templates, YAML 1.1 (tests/conformance/tag-read-yaml.js); HashiCorp's HCL parser for Terraform;
// TypeScript's for cdk-ts (tests/conformance/read-output.js).
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "output_reader.hpp"
#include "test_util.hpp"

namespace ddbsynth {
namespace {

using namespace test;
using Tags = std::vector<std::pair<std::string, std::string>>;

const std::string kConfig = DDBSYNTH_SOURCE_DIR "/tests/conformance/cdk-configs/unicode-tags.json";

std::string read(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Tags tags_list(const Json& list) {
  Tags out;
  for (const auto& tag : list) out.emplace_back(tag.at("Key").get<std::string>(), tag.at("Value").get<std::string>());
  return out;
}

// The Tags of the template's one table, in template order.
Tags table_tags(const Json& doc) {
  for (const auto& [id, r] : doc.at("Resources").items())
    if (r.at("Type") == "AWS::DynamoDB::Table") return tags_list(r.at("Properties").at("Tags"));
  ADD_FAILURE() << "no table";
  return {};
}

Tags sorted(Tags t) {
  std::sort(t.begin(), t.end());
  return t;
}

struct TagTargets : ::testing::Test {
  Table t = parse_config(read(kConfig), kConfig);
  Tags file_tags() const {  // what the config file says, straight from its JSON
    Tags out;
    Json doc = Json::parse(read(kConfig));
    for (const auto& [k, v] : doc["tableConfig"]["tags"].items()) out.emplace_back(k, v);
    return out;
  }
};

TEST_F(TagTargets, TheModelHoldsTheFilesTags) {
  ASSERT_EQ(t.tags.size(), 14u);
  EXPECT_EQ(sorted(t.tags), sorted(file_tags()));
}

TEST_F(TagTargets, CloudFormationJsonAndCdk) {
  for (const char* target : {"cloudformation", "cdk"}) {
    Json doc = Json::parse(only(synth(t, target, "json"), ".template.json").content);
    EXPECT_EQ(table_tags(doc), t.tags) << target;
  }
}

Json yaml_to_json(const YAML::Node& n) {
  if (n.IsMap()) {
    Json out = Json::object();
    for (const auto& kv : n) out[kv.first.Scalar()] = yaml_to_json(kv.second);
    return out;
  }
  if (n.IsSequence()) {
    Json out = Json::array();
    for (const auto& v : n) out.push_back(yaml_to_json(v));
    return out;
  }
  return n.IsScalar() ? Json(n.Scalar()) : Json();
}

// A raw U+2028 or U+2029 in a double-quoted scalar is a line break to YAML parsers, folded into a
// space: the writer must escape them.
TEST_F(TagTargets, CloudFormationYamlAsYamlCppAndCloudFormationReadIt) {
  TempDir dir;
  fs::path file = dir.write(only(synth(t, "cloudformation", "yaml"), ".template.yaml"));
  EXPECT_EQ(table_tags(yaml_to_json(YAML::LoadFile(file.string()))), t.tags) << "yaml-cpp";
  std::string out = run(std::string("node ") + DDBSYNTH_SOURCE_DIR "/tests/conformance/tag-read-yaml.js " + quoted(file));
  EXPECT_EQ(table_tags(Json::parse(out)), t.tags) << "YAML 1.1";
}

TEST_F(TagTargets, TerraformHclAndJson) {
  for (const char* format : {"hcl", "json"}) {
    Json module = evaluated_terraform(t, format);
    const Json& tables = module["resource"]["aws_dynamodb_table"];
    ASSERT_EQ(tables.size(), 1u) << format;
    Tags got;
    for (const auto& [k, v] : tables.begin()->at("tags").items()) got.emplace_back(k, v.get<std::string>());
    EXPECT_EQ(sorted(got), sorted(t.tags)) << format;  // a map: Terraform keeps no order
  }
}

// The cdk-ts construct of a YAML config embeds the config as an object literal: JavaScript's
// value of it must hold the tags. (Of a JSON config it reads the file at synth time; that the
// result equals real CDK's is conformance_cdk_ts's job, which covers this config.)
TEST_F(TagTargets, CdkTypeScript) {
  Table y = parse_config(read(kConfig), "dir/config.yaml");
  TempDir dir;
  std::string files;
  fs::path app;
  for (const auto& f : synth(y, "cdk-ts", "ts")) {
    fs::path p = dir.write(f);
    if (f.path.ends_with(".ts")) files += " " + quoted(p);
    if (f.path.find("/app/dynamodb/") != std::string::npos) app = p;
  }
  Json parsed = Json::parse(run(read_output_js() + " ts" + files))[app.string()];
  ASSERT_EQ(parsed["constants"].size(), 1u) << parsed.dump();
  Tags got;
  Json config = parsed["constants"].begin().value();
  for (const auto& [k, v] : config["tableConfig"]["tags"].items())
    got.emplace_back(k, v.get<std::string>());
  EXPECT_EQ(sorted(got), sorted(file_tags()));
}

}  // namespace
}  // namespace ddbsynth
