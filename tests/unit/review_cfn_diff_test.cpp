// Conformance of `plan` with the real @aws-cdk/cloudformation-diff (tests/package.json): for every
// change pair of the plan tests, both templates of the cloudformation target are diffed, and
// wherever cloudformation-diff says the table is replaced, plan's CloudFormation effect is
// "replace", and the reverse. A resource type change (AWS::DynamoDB::Table to GlobalTable under
// one logical ID) CloudFormation refuses: there plan must say the update fails.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "ddbsynth/backend.hpp"
#include "review_plan_cases.hpp"

using namespace plan_cases;
namespace fs = std::filesystem;

namespace {

struct Pair {
  std::string name;
  Table old_table, new_table;
};

// The code cases, and the pairs other plan tests build from the base config.
std::vector<Pair> pairs() {
  std::vector<Pair> out;
  for (const auto& c : code_cases()) {
    CaseTables t = tables_of(c);
    out.push_back({c.code, std::move(t.old_table), std::move(t.new_table)});
  }
  auto pair = [&](std::string name, const Edit& edit_old, const Edit& edit_new) {
    J o = base(), n = base();
    edit_old(o);
    edit_new(n);
    out.push_back({std::move(name), table(o, "old.json"), table(n, "new.json")});
  };
  auto none = [](J&) {};
  pair("table name added", none, [](J& c) { c["tableConfig"]["tableName"] = "orders-table"; });
  pair("sort key removed", none, [](J& c) { c["tableConfig"]["sortKey"] = nullptr; });
  pair("sort key type", [](J& c) { c["tableConfig"]["sortKey"] = {{"name", "sk"}, {"type", "S"}}; },
       [](J& c) { c["tableConfig"]["sortKey"] = {{"name", "sk"}, {"type", "N"}}; });
  pair("lsi and key", none, [](J& c) {
    c["tableConfig"]["partitionKey"] = "id";
    c["tableConfig"]["localSecondaryIndexes"] = {{{"indexName", "byStatus"}, {"sortKey", "status"}}};
  });
  pair("lsi removed", [](J& c) { c["tableConfig"]["localSecondaryIndexes"] = {{{"indexName", "byState"}, {"sortKey", "state"}}}; },
       none);
  pair("runtime key, fixed stack", [](J& c) { c["cdk"] = {{"stackName", "OrdersStack"}}; },
       [](J& c) {
         c["cdk"] = {{"stackName", "OrdersStack"}};
         c["runtimeConfigKey"] = "orders_v2";
       });
  pair("construct id", none, [](J& c) { c["cdk"] = {{"constructId", "Orders"}}; });
  pair("gsi projection", none, [](J& c) { gsis(c)[0]["projectionType"] = "KEYS_ONLY"; });
  return out;
}

std::string template_of(const Table& t) {
  auto files = find_backend("cloudformation")->synth(t, BackendOptions{"json"});
  return files.at(0).content;
}

std::string run(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  EXPECT_EQ(pclose(p), 0) << command << "\n" << out;
  return out;
}

bool says(const Plan& plan, Effect e) {
  for (const auto& f : plan.findings)
    if (f.engines.cloudformation == e) return true;
  return false;
}

}  // namespace

TEST(ReviewCfnDiff, CloudFormationReplacesExactlyWhereCloudFormationDiffSays) {
  fs::path dir = fs::temp_directory_path() / ("ddbsynth-cfn-diff-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::vector<Pair> all = pairs();
  J list = J::array();
  std::map<std::string, const Pair*> by_name;
  size_t compared = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    std::string o = template_of(all[i].old_table), n = template_of(all[i].new_table);
    // A field the target does not write yet cannot be compared here.
    if (o == n) continue;
    ++compared;
    fs::path po = dir / (std::to_string(i) + "-old.json"), pn = dir / (std::to_string(i) + "-new.json");
    std::ofstream(po) << o;
    std::ofstream(pn) << n;
    list.push_back({{"name", all[i].name}, {"old", po.string()}, {"new", pn.string()}});
    by_name[all[i].name] = &all[i];
  }
  std::ofstream(dir / "pairs.json") << list.dump();
  std::string source = DDBSYNTH_SOURCE_DIR;
  std::string out = run("cd '" + source + "/tests' && node conformance/cfn-diff-replacement.js '" +
                        (dir / "pairs.json").string() + "' 2>&1");
  fs::remove_all(dir);
  std::istringstream lines(out);
  size_t verdicts = 0;
  for (std::string line; std::getline(lines, line);) {
    J v = J::parse(line);
    const Pair& p = *by_name.at(v["name"].get<std::string>());
    Plan plan = make_plan(p.old_table, p.new_table);
    ++verdicts;
    if (v["typeChanged"].get<bool>()) {
      EXPECT_TRUE(says(plan, Effect::Fail)) << p.name << ": the resource type changes, and plan does not say it fails";
      continue;
    }
    EXPECT_EQ(v["replaced"].get<bool>(), says(plan, Effect::Replace))
        << p.name << ": cloudformation-diff says " << (v["replaced"].get<bool>() ? "" : "not ") << "replaced";
  }
  EXPECT_EQ(verdicts, compared) << out;
  // The round-1 pairs alone differ in the template: the comparison is never empty.
  EXPECT_GE(compared, 20u);
}
