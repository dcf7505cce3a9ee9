// The IAM policies every target writes (cloudformation, cdk, terraform) grant no wildcard action
// and no `Resource: "*"` beyond what the CDK itself grants (issue 9). What the CDK grants, and so
// what is allowed, is the table below; anything else with a `*` fails. (cdk-ts writes no policy:
// its constructs call the CDK's own grant methods at synth time.)
#include <gtest/gtest-spi.h>

#include <filesystem>

#include "ddbsynth/config.hpp"
#include "output_reader.hpp"
#include "test_util.hpp"

namespace ddbsynth {
namespace {

using namespace test;

enum Kind : unsigned { kIdentity = 1, kKeyPolicy = 2, kTablePolicy = 4 };  // where a statement is

// The wildcard actions the CDK grants, where, and why.
struct AllowedWildcard {
  std::string_view action;
  unsigned kinds;
  const char* why;
};
constexpr AllowedWildcard kAllowedWildcards[] = {
    {"dynamodb:*", kIdentity | kTablePolicy, "Table.grantFullAccess: only for access \"full\""},
    {"kms:*", kKeyPolicy, "the CDK's default key policy: the account root administers the key"},
    {"kms:ReEncrypt*", kIdentity | kKeyPolicy, "Key.grantEncryptDecrypt, for write access"},
    {"kms:GenerateDataKey*", kIdentity | kKeyPolicy, "Key.grantEncryptDecrypt, for write access"},
};
// `Resource: "*"` in an identity policy: only dynamodb:ListStreams (Table.grantStreamRead), an
// action without a resource. In a key policy or a table's resource policy "*" is the resource
// the policy is attached to, which is how the CDK writes them (resourceSelfArns: ["*"]).
constexpr std::string_view kIdentityStarActions[] = {"dynamodb:ListStreams"};

std::vector<std::string> as_list(const Json& j) {
  std::vector<std::string> out;
  if (j.is_string()) out.push_back(j.get<std::string>());
  if (j.is_array())
    for (const auto& v : j) out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
  if (j.is_object()) out.push_back(j.dump());
  return out;
}

const Grant* grant_of_role(const Table& t, const std::string& name_or_arn) {
  for (const auto& g : t.grants)
    if (g.role_name == name_or_arn || g.role == name_or_arn) return &g;
  return nullptr;
}

struct Counts {
  int statements = 0, full = 0, list_streams = 0, root = 0;
};

// One policy document: `roles` are the roles an identity policy is attached to.
void check_policy(const Table& t, const Json& doc, Kind kind, const std::vector<std::string>& roles, Counts& n,
                  const std::string& where) {
  ASSERT_TRUE(doc.is_object() && doc.contains("Statement")) << where << ": " << doc.dump();
  for (const auto& s : doc["Statement"]) {
    SCOPED_TRACE(where + ": " + s.dump());
    ++n.statements;
    EXPECT_EQ(s.value("Effect", ""), "Allow");
    EXPECT_FALSE(s.contains("NotAction") || s.contains("NotResource") || s.contains("NotPrincipal"));
    auto actions = as_list(s["Action"]);
    auto resources = as_list(s["Resource"]);
    std::vector<std::string> principals;
    if (s.contains("Principal")) {
      EXPECT_NE(s["Principal"], "*");
      principals = as_list(s["Principal"].value("AWS", Json()));
      for (const auto& p : principals) EXPECT_NE(p, "*") << "a public principal";
    }
    EXPECT_EQ(kind == kIdentity, !s.contains("Principal")) << "principals belong in resource policies only";
    for (const auto& a : actions) {
      EXPECT_NE(a, "*");
      if (a.find('*') == std::string::npos) continue;
      auto allowed = std::find_if(std::begin(kAllowedWildcards), std::end(kAllowedWildcards),
                                  [&](const AllowedWildcard& w) { return w.action == a && (w.kinds & kind); });
      EXPECT_NE(allowed, std::end(kAllowedWildcards)) << "wildcard action " << a << " is not one the CDK grants here";
      if (a == "dynamodb:*") {
        ++n.full;
        if (kind == kIdentity)
          EXPECT_EQ(std::find(resources.begin(), resources.end(), "*"), resources.end()) << "dynamodb:* on every resource";
        const auto& grantees = kind == kIdentity ? roles : principals;
        EXPECT_FALSE(grantees.empty());
        for (const auto& r : grantees) {
          const Grant* g = grant_of_role(t, r);
          ASSERT_NE(g, nullptr) << r << " has no grant";
          EXPECT_EQ(g->access, Access::Full) << "dynamodb:* for " << r << ", whose access is not full";
        }
      }
      if (a == "kms:*") {
        ++n.root;
        ASSERT_EQ(principals.size(), 1u);
        EXPECT_TRUE(principals[0].ends_with(":root")) << "kms:* for " << principals[0];
      }
    }
    if (kind == kIdentity && std::find(resources.begin(), resources.end(), "*") != resources.end()) {
      EXPECT_EQ(resources.size(), 1u);
      for (const auto& a : actions)
        EXPECT_NE(std::find(std::begin(kIdentityStarActions), std::end(kIdentityStarActions), a),
                  std::end(kIdentityStarActions))
            << a << " on Resource \"*\"";
      n.list_streams += actions == std::vector<std::string>{"dynamodb:ListStreams"};
    }
  }
}

bool has_statement(const Json& j) {
  if (j.is_object()) {
    if (j.contains("Statement")) return true;
    for (const auto& [k, v] : j.items())
      if (has_statement(v)) return true;
  }
  if (j.is_array())
    for (const auto& v : j)
      if (has_statement(v)) return true;
  return j.is_string() && j.get<std::string>().find("\"Statement\"") != std::string::npos;
}

// A CloudFormation template (the cloudformation and cdk targets), evaluated.
void check_template(const Table& t, const Json& doc, Counts& n) {
  for (const auto& [id, r] : doc["Resources"].items()) {
    const Json& p = r.value("Properties", Json::object());
    const std::string type = r["Type"];
    if (type == "AWS::IAM::Policy")
      check_policy(t, p["PolicyDocument"], kIdentity, as_list(p["Roles"]), n, id);
    else if (type == "AWS::KMS::Key")
      check_policy(t, p["KeyPolicy"], kKeyPolicy, {}, n, id);
    else if (type == "AWS::DynamoDB::Table" && p.contains("ResourcePolicy"))
      check_policy(t, p["ResourcePolicy"]["PolicyDocument"], kTablePolicy, {}, n, id);
    else
      EXPECT_FALSE(has_statement(p)) << id << " (" << type << ") holds a policy this test does not check";
  }
}

// A Terraform module, evaluated: policies are jsonencode()d strings.
void check_terraform(const Table& t, const Json& module, Counts& n) {
  for (const auto& [type, by_name] : module["resource"].items())
    for (const auto& [name, r] : by_name.items()) {
      std::string where = type + "." + name;
      if (type == "aws_iam_role_policy")
        check_policy(t, Json::parse(r["policy"].get<std::string>()), kIdentity, {r["role"]}, n, where);
      else if (type == "aws_kms_key")
        check_policy(t, Json::parse(r["policy"].get<std::string>()), kKeyPolicy, {}, n, where);
      else if (type == "aws_dynamodb_resource_policy")
        check_policy(t, Json::parse(r["policy"].get<std::string>()), kTablePolicy, {}, n, where);
      else
        EXPECT_FALSE(has_statement(r)) << where << " holds a policy this test does not check";
    }
}

// Every access level, to a role by name and to one by ARN (which adds resource policies).
const char* kEveryAccess = R"({"runtimeConfigKey": "grants",
  "tableConfig": {"stream": "NEW_AND_OLD_IMAGES",
    "globalSecondaryIndexes": [{"indexName": "by-a", "partitionKey": "a"}],
    "localSecondaryIndexes": [{"indexName": "by-b", "sortKey": "b"}]},
  "grants": [
    {"role": "reader", "access": "read"}, {"role": "writer", "access": "write"},
    {"role": "both", "access": "readWrite"}, {"role": "admin", "access": "full"},
    {"role": "streamer", "access": "streamRead"},
    {"role": "arn:aws:iam::111122223333:role/x/reader2", "access": "read"},
    {"role": "arn:aws:iam::111122223333:role/writer2", "access": "write"},
    {"role": "arn:aws:iam::111122223333:role/both2", "access": "readWrite"},
    {"role": "arn:aws:iam::111122223333:role/admin2", "access": "full"},
    {"role": "arn:aws:iam::111122223333:role/streamer2", "access": "streamRead"}]})";

std::vector<std::pair<std::string, Table>> configs() {
  std::vector<std::pair<std::string, Table>> out{{"every access", parse_config(kEveryAccess, "grants.json")}};
  for (const char* dir : {"/fixtures/configs", "/examples"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(DDBSYNTH_SOURCE_DIR) + dir)) {
      auto ext = e.path().extension();
      if (ext == ".json" || ext == ".yaml") out.emplace_back(e.path().string(), load_config(e.path().string()));
    }
  return out;
}

TEST(IamPolicies, CloudFormationAndCdkGrantNoMoreWildcardsThanTheCdk) {
  for (const char* target : {"cloudformation", "cdk"}) {
    Counts n;
    for (const auto& [name, t] : configs()) {
      SCOPED_TRACE(std::string(target) + " " + name);
      std::vector<OutputFile> files;
      try {
        files = synth(t, target, "json");
      } catch (const BackendError&) {
        continue;  // a config the CDK refuses
      }
      check_template(t, evaluate_cfn(Json::parse(only(files, ".template.json").content)), n);
    }
    // The checks saw the policies they are about.
    EXPECT_GT(n.statements, 50) << target;
    EXPECT_GE(n.full, 3) << target << ": dynamodb:* of the full grants";
    EXPECT_GE(n.list_streams, 2) << target;
    EXPECT_GE(n.root, 10) << target << ": one key policy per config";
  }
}

TEST(IamPolicies, TerraformGrantsNoMoreWildcardsThanTheCdk) {
  Counts n;
  auto all = configs();
  std::vector<const Table*> tables;
  for (const auto& c : all) tables.push_back(&c.second);
  auto modules = evaluated_terraform(tables, "json");
  for (size_t i = 0; i < all.size(); ++i) {
    SCOPED_TRACE(all[i].first);
    ASSERT_TRUE(modules[i].is_object());
    check_terraform(all[i].second, modules[i], n);
  }
  EXPECT_GT(n.statements, 50);
  EXPECT_GE(n.full, 3);
  EXPECT_GE(n.list_streams, 2);
  EXPECT_GE(n.root, 10);
}

// The checks fail on what they are meant to catch.
TEST(IamPolicies, TheChecksCatchWildcards) {
  Table t = parse_config(kEveryAccess, "grants.json");
  auto fails = [&](const char* statement, Kind kind, std::vector<std::string> roles) {
    Counts n;
    Json doc = {{"Statement", {Json::parse(statement)}}};
    ::testing::TestPartResultArray failures;
    {
      ::testing::ScopedFakeTestPartResultReporter reporter(
          ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
      check_policy(t, doc, kind, roles, n, "probe");
    }
    return failures.size() > 0;
  };
  EXPECT_TRUE(fails(R"({"Effect": "Allow", "Action": "*", "Resource": "arn:x"})", kIdentity, {"admin"}));
  EXPECT_TRUE(fails(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:x"})", kIdentity, {"admin"}));
  EXPECT_TRUE(fails(R"({"Effect": "Allow", "Action": "dynamodb:*", "Resource": "arn:x"})", kIdentity, {"reader"}));
  EXPECT_TRUE(fails(R"({"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"})", kIdentity, {"admin"}));
  EXPECT_TRUE(fails(R"({"Effect": "Allow", "Action": "dynamodb:Query", "Resource": "*"})", kIdentity, {"reader"}));
  EXPECT_TRUE(fails(R"({"Effect": "Allow", "Action": "kms:*", "Principal": {"AWS": "arn:aws:iam::1:role/r"},
                        "Resource": "*"})", kKeyPolicy, {}));
  EXPECT_TRUE(fails(R"({"Effect": "Allow", "Action": "dynamodb:Query", "Principal": {"AWS": "*"}, "Resource": "*"})",
                    kTablePolicy, {}));
  EXPECT_FALSE(fails(R"({"Effect": "Allow", "Action": "dynamodb:ListStreams", "Resource": "*"})", kIdentity,
                     {"streamer"}));
  EXPECT_FALSE(fails(R"({"Effect": "Allow", "Action": "dynamodb:*", "Resource": ["arn:t", "arn:t/index/*"]})",
                     kIdentity, {"admin"}));
}

}  // namespace
}  // namespace ddbsynth
