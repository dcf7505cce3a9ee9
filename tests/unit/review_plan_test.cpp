// `plan` findings: one case per code, each checked in the text and JSON renderings, plus the
// interactions between codes and the SARIF shape.
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "review/finding_codes.hpp"
#include "review/plan_render.hpp"
#include "review_plan_cases.hpp"

using namespace plan_cases;

namespace {

const Finding* find(const Plan& p, const std::string& code) {
  for (const auto& f : p.findings)
    if (f.code == code) return &f;
  return nullptr;
}

class PlanCode : public testing::TestWithParam<CodeCase> {};

}  // namespace

TEST_P(PlanCode, ReportedInTextAndJson) {
  const CodeCase& c = GetParam();
  Plan plan = plan_of(c);
  const Finding* f = find(plan, c.code);
  ASSERT_NE(f, nullptr) << render_text(plan, false);
  EXPECT_EQ(f->severity, c.severity);
  EXPECT_EQ(f->path, c.path);
  EXPECT_EQ(f->pos.file, "new.json");
  EXPECT_FALSE(plan.changes.empty());

  J json = J::parse(render_json(plan));
  bool in_json = false;
  for (const auto& jf : json["findings"])
    in_json |= jf == J{{"code", c.code},
                       {"severity", to_string(c.severity)},
                       {"message", f->message},
                       {"path", c.path},
                       {"engines", J::parse(engines_json(f->engines).dump())}};
  EXPECT_TRUE(in_json) << json.dump(2);

  J sarif = J::parse(render_sarif(plan, "new.json"));
  bool in_sarif = false;
  for (const auto& r : sarif["runs"][0]["results"])
    in_sarif |= r["ruleId"] == c.code && r["message"]["text"] == f->message &&
                r["properties"]["engines"] == J::parse(engines_json(f->engines).dump());
  EXPECT_TRUE(in_sarif) << sarif.dump(2);

  std::string text = render_text(plan, false);
  std::string line = "new.json:" + std::to_string(f->pos.line) + ":" + std::to_string(f->pos.column) + ": " +
                     to_string(c.severity) + ": " + c.code + ": " + f->message + "\n";
  EXPECT_NE(text.find(line), std::string::npos) << text;
}

INSTANTIATE_TEST_SUITE_P(ReviewCodes, PlanCode, testing::ValuesIn(code_cases()),
                         [](const testing::TestParamInfo<CodeCase>& i) { return i.param.code; });

TEST(ReviewPlan, EveryDocumentedCodeHasACase) {
  std::set<std::string> tested;
  for (const auto& c : code_cases()) tested.insert(c.code);
  for (const auto& c : finding_codes()) EXPECT_TRUE(tested.count(std::string(c.code))) << c.code;
  EXPECT_EQ(tested.size(), finding_codes().size());
}

TEST(ReviewPlan, NoChangeNoFindings) {
  J old_config = base(), new_config = base();
  // None of these touch the live table: index order, localDev, an explicit default table class.
  std::swap(gsis(new_config)[0], gsis(new_config)[1]);
  new_config["localDev"] = {{"tableName", "orders-local"}, {"port", 8001}};
  new_config["tableConfig"]["tableClass"] = "STANDARD";
  Plan plan = plan_of(old_config, new_config);
  EXPECT_TRUE(plan.changes.empty());
  EXPECT_TRUE(plan.findings.empty());
  EXPECT_FALSE(plan.has_errors());
  EXPECT_EQ(render_text(plan, false), "no changes\n");
  EXPECT_EQ(render_json(plan), "{\n  \"changes\": [],\n  \"findings\": []\n}\n");
}

TEST(ReviewPlan, BillingSwitchCoversCapacities) {
  J old_config = base(), new_config = base();
  provisioned(new_config);
  Plan plan = plan_of(old_config, new_config);
  ASSERT_EQ(plan.changes.size(), 1u) << render_json(plan);
  EXPECT_EQ(plan.changes[0].kind, "billing_mode_changed");
  // Once provisioned, an index's capacity is a change of its own.
  J more = new_config;
  gsis(more)[1]["readCapacity"] = 20;
  plan = plan_of(new_config, more);
  ASSERT_EQ(plan.changes.size(), 1u) << render_json(plan);
  EXPECT_EQ(plan.changes[0].kind, "gsi_capacity_changed");
  EXPECT_EQ(plan.findings[0].code, "CAPACITY_CHANGE");
  EXPECT_NE(plan.findings[0].message.find("from 5/5 to 20/5"), std::string::npos) << plan.findings[0].message;
}

TEST(ReviewPlan, ErrorsDecideTheOutcome) {
  J old_config = base(), warn = base(), err = base();
  warn["tableConfig"]["pointInTimeRecovery"] = false;
  err["tableConfig"]["sortKey"] = nullptr;
  EXPECT_FALSE(plan_of(old_config, warn).has_errors());
  Plan p = plan_of(old_config, err);
  EXPECT_TRUE(p.has_errors());
  EXPECT_EQ(find(p, "TABLE_REPLACEMENT")->path, "tableConfig.sortKey");
}

TEST(ReviewPlan, ChangesHaveAStableShape) {
  J old_config = base(), new_config = base();
  gsis(new_config).push_back({{"indexName", "gsiC"}, {"partitionKey", "x"}, {"projectionType", "KEYS_ONLY"}});
  new_config["tableConfig"]["tags"]["cost center"] = "42";
  J json = J::parse(render_json(plan_of(old_config, new_config)));
  ASSERT_EQ(json["changes"].size(), 2u);
  EXPECT_EQ(json["changes"][0],
            (J{{"kind", "tag_added"}, {"path", "tableConfig.tags[\"cost center\"]"}, {"old", nullptr}, {"new", "42"}}));
  EXPECT_EQ(json["changes"][1], J::parse(R"({"kind": "gsi_added", "path": "tableConfig.globalSecondaryIndexes[2]",
    "old": null, "new": {"indexName": "gsiC", "partitionKey": {"name": "x", "type": "S"}, "projectionType": "KEYS_ONLY"}})"));
}

TEST(ReviewPlan, EveryChangeHasAFinding) {
  for (const auto& c : code_cases()) {
    Plan plan = plan_of(c);
    for (const auto& ch : plan.changes) {
      bool covered = false;
      for (const auto& f : plan.findings) covered |= f.path == ch.path;
      EXPECT_TRUE(covered) << c.code << ": " << ch.kind << " at " << ch.path;
    }
  }
}

TEST(ReviewPlan, MultipleGsiChangesSuggestsRemovalsFirst) {
  J old_config = base(), new_config = base();
  gsis(new_config).push_back({{"indexName", "gsiC"}, {"partitionKey", "x"}});
  gsis(new_config).erase(0);
  gsis(new_config).push_back({{"indexName", "gsiD"}, {"partitionKey", "y"}});
  Plan plan = plan_of(old_config, new_config);
  const Finding* f = find(plan, "MULTIPLE_GSI_CHANGES");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("deploy 1: remove \"gsiA\"; deploy 2: add \"gsiC\"; deploy 3: add \"gsiD\""),
            std::string::npos)
      << f->message;
  // Each index still has its own info.
  EXPECT_NE(find(plan, "GSI_REMOVED"), nullptr);
  EXPECT_NE(find(plan, "GSI_ADDED"), nullptr);
  // One GSI change is fine.
  J one = base();
  gsis(one).push_back({{"indexName", "gsiC"}, {"partitionKey", "x"}});
  EXPECT_FALSE(plan_of(old_config, one).has_errors());
}

TEST(ReviewPlan, GsiKeyChangeSuggestsARename) {
  J old_config = base(), new_config = base();
  gsis(new_config)[0]["projectionType"] = "KEYS_ONLY";
  Plan plan = plan_of(old_config, new_config);
  const Finding* f = find(plan, "GSI_KEY_CHANGE");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("\"gsiA-v2\""), std::string::npos) << f->message;
  // Attribute order in an INCLUDE projection is no change to the index.
  J inc_old = base(), inc_new = base();
  gsis(inc_old)[0]["projectionType"] = gsis(inc_new)[0]["projectionType"] = "INCLUDE";
  gsis(inc_old)[0]["nonKeyAttributes"] = {"x", "y"};
  gsis(inc_new)[0]["nonKeyAttributes"] = {"y", "x"};
  EXPECT_TRUE(plan_of(inc_old, inc_new).changes.empty());
}

TEST(ReviewPlan, ANewTableLiftsInPlaceLimits) {
  J old_config = base(), new_config = base();
  new_config["tableConfig"]["partitionKey"] = "id";
  gsis(new_config)[1]["sortKey"] = "d";
  gsis(new_config).push_back({{"indexName", "gsiC"}, {"partitionKey", "x"}});
  gsis(new_config).push_back({{"indexName", "gsiD"}, {"partitionKey", "y"}});
  new_config["tableConfig"]["stream"] = "KEYS_ONLY";
  Plan plan = plan_of(old_config, new_config);
  EXPECT_EQ(find(plan, "TABLE_REPLACEMENT")->severity, Severity::Error);
  EXPECT_EQ(find(plan, "GSI_KEY_CHANGE")->severity, Severity::Info);
  EXPECT_EQ(find(plan, "STREAM_VIEW_CHANGE")->severity, Severity::Info);
  EXPECT_EQ(find(plan, "MULTIPLE_GSI_CHANGES"), nullptr);
  // Errors come first.
  EXPECT_EQ(plan.findings.front().code, "TABLE_REPLACEMENT");
}

TEST(ReviewPlan, ReplacementExplainsTheOldTablesFate) {
  J old_config = base(), new_config = base();
  old_config["tableConfig"]["tableName"] = new_config["tableConfig"]["tableName"] = "orders-table";
  new_config["tableConfig"]["sortKey"] = {{"name", "sk2"}, {"type", "N"}};
  Plan plan = plan_of(old_config, new_config);
  const Finding* f = find(plan, "TABLE_REPLACEMENT");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("sk (S) to sk2 (N)"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("removalPolicy retain"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("fails unless the name changes"), std::string::npos) << f->message;

  J lsi = base();
  lsi["tableConfig"]["localSecondaryIndexes"] = {{{"indexName", "byStatus"}, {"sortKey", "status"}}};
  lsi["tableConfig"]["removalPolicy"] = "destroy";
  Plan lsi_plan = plan_of(base(), lsi);
  EXPECT_EQ(find(lsi_plan, "TABLE_REPLACEMENT"), nullptr);  // CloudFormation does not replace for an LSI
  f = find(lsi_plan, "LSI_CHANGE");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->path, "tableConfig.localSecondaryIndexes[0]");
  EXPECT_NE(f->message.find("destroys the old table with its data"), std::string::npos) << f->message;
}

Engines engines(Effect cfn, Effect cdk, Effect tf) { return Engines{cfn, cdk, tf}; }
constexpr Effect kUpdate = Effect::Update, kReplace = Effect::Replace, kFail = Effect::Fail,
                 kNoChange = Effect::NoChange, kSecond = Effect::SecondTable;

TEST(ReviewPlan, EachEngineSaysWhatItDoes) {
  // A key name: create-only for CloudFormation (KeySchema), ForceNew for Terraform (hash_key).
  J renamed = base();
  renamed["tableConfig"]["partitionKey"] = "id";
  // Each plan is kept while its findings are read: find() points into it.
  const Plan key_renamed = plan_of(base(), renamed);
  const Finding* f = find(key_renamed, "TABLE_REPLACEMENT");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->engines, engines(kReplace, kReplace, kReplace));
  for (const char* part : {"KeySchema is create-only", "hash_key forces a new resource", "prevent_destroy"})
    EXPECT_NE(f->message.find(part), std::string::npos) << part << ": " << f->message;

  // A key's type: an attribute definition, which CloudFormation updates (and fails), while the
  // provider ignores it.
  J s_key = base(), n_key = base();
  s_key["tableConfig"]["sortKey"] = {{"name", "sk"}, {"type", "S"}};
  n_key["tableConfig"]["sortKey"] = {{"name", "sk"}, {"type", "N"}};
  Plan p = plan_of(s_key, n_key);
  ASSERT_EQ(p.changes.size(), 1u);
  EXPECT_EQ(p.changes[0].kind, "sort_key_type_changed");
  f = find(p, "KEY_TYPE_CHANGE");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::Error);
  EXPECT_EQ(f->engines, engines(kFail, kFail, kNoChange));
  EXPECT_EQ(find(p, "TABLE_REPLACEMENT"), nullptr);
  EXPECT_NE(f->message.find("keeps type S"), std::string::npos) << f->message;

  // An LSI: CloudFormation's update fails, Terraform replaces the table.
  J lsi = base();
  lsi["tableConfig"]["localSecondaryIndexes"] = {{{"indexName", "byStatus"}, {"sortKey", "status"}}};
  const Plan lsi_added = plan_of(base(), lsi);
  f = find(lsi_added, "LSI_CHANGE");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->engines, engines(kFail, kFail, kReplace));
  EXPECT_NE(f->message.find("the stack update fails and rolls back"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("local_secondary_index forces a new resource"), std::string::npos) << f->message;
  // With the key renamed too, both engines build a new table that has the LSI from the start.
  J both = lsi;
  both["tableConfig"]["partitionKey"] = "id";
  p = plan_of(base(), both);
  f = find(p, "LSI_CHANGE");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::Info);
  EXPECT_EQ(f->engines, engines(kReplace, kReplace, kReplace));
  // Every finding of a replaced table says so, e.g. the tag change alongside.
  both["tableConfig"]["tags"]["team"] = "billing";
  EXPECT_EQ(find(plan_of(base(), both), "TAG_CHANGE")->engines, engines(kReplace, kReplace, kReplace));

  // In-place limits of CloudFormation that Terraform works around.
  J gsi = base();
  gsis(gsi)[1]["sortKey"] = "d";
  EXPECT_EQ(find(plan_of(base(), gsi), "GSI_KEY_CHANGE")->engines, engines(kFail, kFail, kUpdate));
  J view = base();
  view["tableConfig"]["stream"] = "KEYS_ONLY";
  EXPECT_EQ(find(plan_of(base(), view), "STREAM_VIEW_CHANGE")->engines, engines(kFail, kFail, kUpdate));
  J ttl = base();
  ttl["tableConfig"]["timeToLiveAttribute"] = "expiresAt";
  EXPECT_EQ(find(plan_of(base(), ttl), "TTL_ATTRIBUTE_CHANGE")->engines, engines(kFail, kFail, kFail));
  J stack = base();
  stack["cdk"] = {{"stackName", "OrdersV2"}};
  EXPECT_EQ(find(plan_of(base(), stack), "STACK_RENAME")->engines, engines(kSecond, kSecond, kNoChange));
  J tag = base();
  tag["tableConfig"]["tags"]["team"] = "billing";
  EXPECT_EQ(find(plan_of(base(), tag), "TAG_CHANGE")->engines, engines(kUpdate, kUpdate, kUpdate));
}

TEST(ReviewPlan, LogicalIdChangeIsAReplacementUnlessTheStackChanges) {
  J old_config = base(), same_stack = base();
  old_config["cdk"] = same_stack["cdk"] = {{"stackName", "OrdersStack"}};
  same_stack["runtimeConfigKey"] = "orders_v2";
  Plan p = plan_of(old_config, same_stack);
  ASSERT_NE(find(p, "TABLE_REPLACEMENT"), nullptr);
  // The cdk target's logical ID and the terraform target's generated name both follow the key.
  EXPECT_EQ(find(p, "TABLE_REPLACEMENT")->engines, engines(kUpdate, kReplace, kReplace));
  EXPECT_NE(find(p, "RUNTIME_CONFIG_KEY_CHANGE"), nullptr);
  // A configured name keeps Terraform's table.
  old_config["tableConfig"]["tableName"] = same_stack["tableConfig"]["tableName"] = "orders-table";
  EXPECT_EQ(find(plan_of(old_config, same_stack), "TABLE_REPLACEMENT")->engines,
            engines(kUpdate, kReplace, kUpdate));
  // With the stack name derived from the key, the stack changes: STACK_RENAME says it for the
  // CloudFormation targets, and TABLE_REPLACEMENT only for Terraform's generated name.
  J derived = base();
  derived["runtimeConfigKey"] = "orders_v2";
  p = plan_of(base(), derived);
  EXPECT_NE(find(p, "STACK_RENAME"), nullptr);
  ASSERT_NE(find(p, "TABLE_REPLACEMENT"), nullptr);
  EXPECT_EQ(find(p, "TABLE_REPLACEMENT")->engines, engines(kSecond, kSecond, kReplace));
  EXPECT_EQ(find(p, "TABLE_REPLACEMENT")->message.find("cdk target"), std::string::npos);
  derived["tableConfig"]["tableName"] = "orders-table";
  J named = base();
  named["tableConfig"]["tableName"] = "orders-table";
  EXPECT_EQ(find(plan_of(named, derived), "TABLE_REPLACEMENT"), nullptr);
  J construct = base();
  construct["cdk"] = {{"constructId", "Orders"}};
  ASSERT_NE(find(plan_of(base(), construct), "TABLE_REPLACEMENT"), nullptr);
  EXPECT_EQ(find(plan_of(base(), construct), "TABLE_REPLACEMENT")->engines, engines(kNoChange, kReplace, kNoChange));
}

TEST(ReviewPlan, PositionsPointIntoTheNewConfigAndMentionTheOld) {
  J old_config = base(), new_config = base();
  gsis(new_config).erase(0);
  gsis(new_config).push_back({{"indexName", "gsiC"}, {"partitionKey", "x"}});
  std::string new_text = new_config.dump(2);
  Table old_table = table(old_config, "main:pkg/config.json");
  Table new_table = parse_config(new_text, "pkg/config.json");
  Plan plan = make_plan(old_table, new_table);
  const Finding* added = find(plan, "GSI_ADDED");
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->pos.file, "pkg/config.json");
  // The line of the new index's opening brace.
  size_t at = new_text.find("\"gsiC\"");
  size_t brace = new_text.rfind('{', at);
  EXPECT_EQ(added->pos.line, 1 + std::count(new_text.begin(), new_text.begin() + brace, '\n'));
  const Finding* removed = find(plan, "GSI_REMOVED");
  ASSERT_NE(removed, nullptr);
  EXPECT_EQ(removed->path, "tableConfig.globalSecondaryIndexes[0]");
  // Located at the array in the new config; the message says where it was in the old one.
  EXPECT_EQ(removed->pos.line, new_table.where("tableConfig.globalSecondaryIndexes").line);
  SourcePos was = old_table.where("tableConfig.globalSecondaryIndexes[0]");
  EXPECT_NE(removed->message.find("main:pkg/config.json:" + std::to_string(was.line) + ":"), std::string::npos)
      << removed->message;
}

TEST(ReviewPlan, SarifShape) {
  J old_config = base(), new_config = base();
  new_config["tableConfig"]["partitionKey"] = "id";
  new_config["tableConfig"]["tags"]["team"] = "billing";
  Plan plan = plan_of(old_config, new_config);
  J sarif = J::parse(render_sarif(plan, "pkg dir/config.json"));
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_EQ(sarif["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(sarif["runs"].size(), 1u);
  const J& run = sarif["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "ddbsynth");
  const J& rules = run["tool"]["driver"]["rules"];
  EXPECT_EQ(rules.size(), finding_codes().size());
  ASSERT_EQ(run["results"].size(), plan.findings.size());
  for (size_t i = 0; i < plan.findings.size(); ++i) {
    const J& r = run["results"][i];
    const Finding& f = plan.findings[i];
    EXPECT_EQ(r["ruleId"], f.code);
    EXPECT_EQ(rules[r["ruleIndex"].get<size_t>()]["id"], f.code);
    EXPECT_EQ(r["level"], f.severity == Severity::Error     ? "error"
                          : f.severity == Severity::Warning ? "warning"
                                                            : "note");
    EXPECT_EQ(r["message"]["text"], f.message);
    const J& loc = r["locations"][0];
    EXPECT_EQ(loc["physicalLocation"]["artifactLocation"]["uri"], "pkg%20dir/config.json");
    EXPECT_EQ(loc["physicalLocation"]["region"]["startLine"], f.pos.line);
    EXPECT_EQ(loc["physicalLocation"]["region"]["startColumn"], f.pos.column);
    EXPECT_EQ(loc["logicalLocations"][0]["fullyQualifiedName"], f.path);
    EXPECT_EQ(r["properties"]["engines"], J::parse(engines_json(f.engines).dump()));
  }
}

TEST(ReviewPlan, SarifUriOfAnAbsolutePath) {
  J no_grants = base();
  no_grants["grants"] = J::array();
  J sarif = J::parse(render_sarif(plan_of(base(), no_grants), "/srv/my repo/c.json"));
  EXPECT_EQ(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "file:///srv/my%20repo/c.json");
}

TEST(ReviewPlan, PathHelpers) {
  EXPECT_EQ(member_path("tableConfig.tags", "team"), "tableConfig.tags.team");
  EXPECT_EQ(member_path("tableConfig.tags", "cost.center"), "tableConfig.tags[\"cost.center\"]");
  EXPECT_EQ(parent_path("tableConfig.tags[\"cost.center\"]"), "tableConfig.tags");
  EXPECT_EQ(parent_path("tableConfig.globalSecondaryIndexes[3]"), "tableConfig.globalSecondaryIndexes");
  EXPECT_EQ(parent_path("tableConfig.globalSecondaryIndexes"), "tableConfig");
  EXPECT_EQ(parent_path("tableConfig"), "");
}
