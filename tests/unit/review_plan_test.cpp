// `plan` findings: one case per code, each checked in the text and JSON renderings, plus the
// interactions between codes and the SARIF shape.
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "ddbsynth/config.hpp"
#include "review/finding_codes.hpp"
#include "review/plan_render.hpp"

using namespace ddbsynth;
using namespace ddbsynth::review;
using J = nlohmann::json;

namespace {

J base() {
  return J::parse(R"({
    "runtimeConfigKey": "orders",
    "tableConfig": {
      "timeToLiveAttribute": "ttl",
      "stream": "NEW_IMAGE",
      "tags": {"team": "payments"},
      "globalSecondaryIndexes": [
        {"indexName": "gsiA", "partitionKey": "a"},
        {"indexName": "gsiB", "partitionKey": "b", "sortKey": "c"}
      ]
    },
    "grants": [{"role": "api", "access": "read"}]
  })");
}

Table table(const J& config, const std::string& name) { return parse_config(config.dump(2), name); }

Plan plan_of(const J& old_config, const J& new_config) {
  return make_plan(table(old_config, "old.json"), table(new_config, "new.json"));
}

using Edit = std::function<void(J&)>;

// The old config is the base with edit_old, the new one the base with edit_new.
struct CodeCase {
  std::string code;
  Severity severity;
  std::string path;
  Edit edit_new;
  Edit edit_old = [](J&) {};
};
void PrintTo(const CodeCase& c, std::ostream* os) { *os << c.code; }

void provisioned(J& c, int read = 5, int write = 5) {
  c["tableConfig"]["billingMode"] = "PROVISIONED";
  c["tableConfig"]["readCapacity"] = read;
  c["tableConfig"]["writeCapacity"] = write;
}
J& gsis(J& c) { return c["tableConfig"]["globalSecondaryIndexes"]; }
constexpr Severity E = Severity::Error, W = Severity::Warning, I = Severity::Info;

const std::vector<CodeCase>& code_cases() {
  static const std::vector<CodeCase> cases = {
      {"TABLE_REPLACEMENT", E, "tableConfig.partitionKey", [](J& c) { c["tableConfig"]["partitionKey"] = "id"; }},
      {"STACK_RENAME", E, "cdk.stackName", [](J& c) { c["cdk"]["stackName"] = "OrdersV2"; }},
      {"MULTIPLE_GSI_CHANGES", E, "tableConfig.globalSecondaryIndexes",
       [](J& c) {
         gsis(c).erase(0);
         gsis(c).push_back({{"indexName", "gsiC"}, {"partitionKey", "x"}});
         gsis(c).push_back({{"indexName", "gsiD"}, {"partitionKey", "y"}});
       }},
      {"GSI_KEY_CHANGE", E, "tableConfig.globalSecondaryIndexes[1]", [](J& c) { gsis(c)[1]["sortKey"] = "d"; }},
      {"TTL_ATTRIBUTE_CHANGE", E, "tableConfig.timeToLiveAttribute",
       [](J& c) { c["tableConfig"]["timeToLiveAttribute"] = "expiresAt"; }},
      {"STREAM_VIEW_CHANGE", E, "tableConfig.stream", [](J& c) { c["tableConfig"]["stream"] = "KEYS_ONLY"; }},
      {"DELETION_PROTECTION_DISABLED", W, "tableConfig.deletionProtection",
       [](J& c) { c["tableConfig"]["deletionProtection"] = false; }},
      {"PITR_DISABLED", W, "tableConfig.pointInTimeRecovery",
       [](J& c) { c["tableConfig"]["pointInTimeRecovery"] = false; }},
      {"KEY_ROTATION_DISABLED", W, "tableConfig.enableKeyRotation",
       [](J& c) { c["tableConfig"]["enableKeyRotation"] = false; }},
      {"RETAIN_REMOVED", W, "tableConfig.removalPolicy", [](J& c) { c["tableConfig"]["removalPolicy"] = "destroy"; }},
      {"BILLING_MODE_SWITCH", W, "tableConfig.billingMode", [](J& c) { provisioned(c); }},
      {"STREAM_DISABLED", W, "tableConfig.stream", [](J& c) { c["tableConfig"].erase("stream"); }},
      {"RUNTIME_CONFIG_KEY_CHANGE", W, "runtimeConfigKey", [](J& c) { c["runtimeConfigKey"] = "orders_v2"; }},
      {"GSI_ADDED", I, "tableConfig.globalSecondaryIndexes[2]",
       [](J& c) {
         gsis(c).push_back({{"indexName", "gsiC"}, {"partitionKey", "x"}});
       }},
      {"GSI_REMOVED", I, "tableConfig.globalSecondaryIndexes[1]", [](J& c) { gsis(c).erase(1); }},
      {"CAPACITY_CHANGE", I, "tableConfig.readCapacity", [](J& c) { provisioned(c, 10, 5); },
       [](J& c) { provisioned(c); }},
      {"DELETION_PROTECTION_ENABLED", I, "tableConfig.deletionProtection", [](J&) {},
       [](J& c) { c["tableConfig"]["deletionProtection"] = false; }},
      {"PITR_ENABLED", I, "tableConfig.pointInTimeRecovery", [](J&) {},
       [](J& c) { c["tableConfig"]["pointInTimeRecovery"] = false; }},
      {"KEY_ROTATION_ENABLED", I, "tableConfig.enableKeyRotation", [](J&) {},
       [](J& c) { c["tableConfig"]["enableKeyRotation"] = false; }},
      {"RETAIN_ADDED", I, "tableConfig.removalPolicy", [](J&) {},
       [](J& c) { c["tableConfig"]["removalPolicy"] = "destroy"; }},
      {"TTL_CHANGE", I, "tableConfig.timeToLiveAttribute", [](J& c) { c["tableConfig"].erase("timeToLiveAttribute"); }},
      {"STREAM_ENABLED", I, "tableConfig.stream", [](J&) {}, [](J& c) { c["tableConfig"].erase("stream"); }},
      {"TABLE_CLASS_CHANGE", I, "tableConfig.tableClass",
       [](J& c) { c["tableConfig"]["tableClass"] = "STANDARD_INFREQUENT_ACCESS"; }},
      {"TAG_CHANGE", I, "tableConfig.tags.team", [](J& c) { c["tableConfig"]["tags"]["team"] = "billing"; }},
      {"GRANT_CHANGE", I, "grants[1]",
       [](J& c) {
         c["grants"].push_back({{"role", "worker"}, {"access", "write"}});
       }},
  };
  return cases;
}

const Finding* find(const Plan& p, const std::string& code) {
  for (const auto& f : p.findings)
    if (f.code == code) return &f;
  return nullptr;
}

class PlanCode : public testing::TestWithParam<CodeCase> {};

}  // namespace

TEST_P(PlanCode, ReportedInTextAndJson) {
  const CodeCase& c = GetParam();
  J old_config = base(), new_config = base();
  c.edit_old(old_config);
  c.edit_new(new_config);
  Plan plan = plan_of(old_config, new_config);
  const Finding* f = find(plan, c.code);
  ASSERT_NE(f, nullptr) << render_text(plan, false);
  EXPECT_EQ(f->severity, c.severity);
  EXPECT_EQ(f->path, c.path);
  EXPECT_EQ(f->pos.file, "new.json");
  EXPECT_FALSE(plan.changes.empty());

  J json = J::parse(render_json(plan));
  bool in_json = false;
  for (const auto& jf : json["findings"])
    in_json |=
        jf == J{{"code", c.code}, {"severity", to_string(c.severity)}, {"message", f->message}, {"path", c.path}};
  EXPECT_TRUE(in_json) << json.dump(2);

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
    J old_config = base(), new_config = base();
    c.edit_old(old_config);
    c.edit_new(new_config);
    Plan plan = plan_of(old_config, new_config);
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
  new_config["tableConfig"]["sortKey"] = {{"name", "sk"}, {"type", "N"}};
  Plan plan = plan_of(old_config, new_config);
  const Finding* f = find(plan, "TABLE_REPLACEMENT");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("sk (S) to sk (N)"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("removalPolicy retain"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("fails unless the name changes"), std::string::npos) << f->message;

  J lsi = base();
  lsi["tableConfig"]["localSecondaryIndexes"] = {{{"indexName", "byStatus"}, {"sortKey", "status"}}};
  lsi["tableConfig"]["removalPolicy"] = "destroy";
  Plan lsi_plan = plan_of(base(), lsi);
  f = find(lsi_plan, "TABLE_REPLACEMENT");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->path, "tableConfig.localSecondaryIndexes[0]");
  EXPECT_NE(f->message.find("deleted with its data"), std::string::npos) << f->message;
}

TEST(ReviewPlan, LogicalIdChangeIsAReplacementUnlessTheStackChanges) {
  J old_config = base(), same_stack = base();
  old_config["cdk"] = same_stack["cdk"] = {{"stackName", "OrdersStack"}};
  same_stack["runtimeConfigKey"] = "orders_v2";
  Plan p = plan_of(old_config, same_stack);
  EXPECT_NE(find(p, "TABLE_REPLACEMENT"), nullptr);
  EXPECT_NE(find(p, "RUNTIME_CONFIG_KEY_CHANGE"), nullptr);
  // With the stack name derived from the key, the stack changes: one STACK_RENAME says it all.
  J derived = base();
  derived["runtimeConfigKey"] = "orders_v2";
  p = plan_of(base(), derived);
  EXPECT_NE(find(p, "STACK_RENAME"), nullptr);
  EXPECT_EQ(find(p, "TABLE_REPLACEMENT"), nullptr);
  J construct = base();
  construct["cdk"] = {{"constructId", "Orders"}};
  EXPECT_NE(find(plan_of(base(), construct), "TABLE_REPLACEMENT"), nullptr);
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
