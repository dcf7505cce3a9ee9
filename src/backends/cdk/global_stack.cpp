#include "global_stack.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>

#include "backends/common/naming.hpp"
#include "construct_tree.hpp"
#include "resource_policy.hpp"
#include "ddbsynth/backend.hpp"
#include "ddbsynth/iam.hpp"
#include "ddbsynth/limits.hpp"
#include "table_v2.hpp"
#include "table_v2_grants.hpp"
#include "unique_id.hpp"

namespace ddbsynth::cdk {
namespace {

using cfn::Json;

constexpr int kBootstrapVersion = 6;  // DefaultStackSynthesizer's required version
constexpr size_t kFixedResources = 8;  // key, table, six runtime config elements

// Ids of the L1 runtime config elements under the stack (the seed's RuntimeConfig).
constexpr std::string_view kApp = "RcAppConfigApp";
constexpr std::string_view kStrategy = "RcAppConfigStrategy";
constexpr std::string_view kEnv = "RcAppConfigEnv";
constexpr std::string_view kProfile = "RcAppConfigProfiledynamodb";
constexpr std::string_view kVersion = "RcAppConfigVersiondynamodb";
constexpr std::string_view kDeploy = "RcAppConfigDeploydynamodb";
constexpr std::string_view kOutput = "RuntimeConfigApplicationId";

// The logical ID of the element at `path` (which starts with the stack's id).
std::string logical_id(const std::string& path) {
  std::vector<std::string> components;
  size_t start = path.find('/') + 1;
  for (size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1)
    components.push_back(path.substr(start, slash - start));
  components.push_back(path.substr(start));
  return unique_id(std::move(components));
}

Json resource(std::string_view type, Json properties, const std::string& path,
              std::optional<RemovalPolicy> removal = std::nullopt) {
  Json r{{"Type", type}, {"Properties", std::move(properties)}};
  if (removal) {
    const char* policy = *removal == RemovalPolicy::Retain ? "Retain" : "Delete";
    r["UpdateReplacePolicy"] = policy;
    r["DeletionPolicy"] = policy;
  }
  r["Metadata"] = Json{{"aws:cdk:path", path}};
  return r;
}

SourcePos stack_name_pos(const Table& t) {
  return t.positions.count("cdk.stackName") ? t.where("cdk.stackName") : t.where("runtimeConfigKey");
}

// In a region-bound stack, formatArn writes the region itself.
Json app_arn(const std::string& region) {
  return cfn::join(Json::array({"arn:", cfn::ref("AWS::Partition"), ":appconfig:" + region + ":",
                                cfn::ref("AWS::AccountId"), ":application/", cfn::ref(kApp), "/*"}));
}

Json bootstrap_parameter() {
  return Json{{"Type", "AWS::SSM::Parameter::Value<String>"},
              {"Default", "/cdk-bootstrap/hnb659fds/version"},
              {"Description", "Version of the CDK Bootstrap resources in this environment, automatically retrieved "
                              "from SSM Parameter Store. [cdk:skip]"}};
}

Json bootstrap_rule() {
  Json old = Json::array();
  for (int v = 1; v < kBootstrapVersion; ++v) old.push_back(std::to_string(v));
  Json assertion{{"Assert", Json{{"Fn::Not", Json::array({Json{{"Fn::Contains", Json::array({old, cfn::ref("BootstrapVersion")})}}})}}},
                 {"AssertDescription", fmt::format("CDK bootstrap stack version {} required. Please run 'cdk bootstrap' "
                                                   "with a recent version of the CDK CLI.",
                                                   kBootstrapVersion)}};
  return Json{{"Assertions", Json::array({assertion})}};
}

struct Tree {
  std::string stack_name;
  ConstructTree tree;
  std::string stack, key, table;
  std::vector<std::string> roles;
  bool bootstrap = false;
  Json user_statements;  // of tableConfig.resourcePolicy
};

Tree build_tree(const Table& t) {
  Tree r;
  r.stack_name = stack_name_for_id(t.cdk_stack_name);
  if (!valid_stack_name(r.stack_name))
    throw BackendError{stack_name_pos(t),
                       fmt::format("stack name \"{}\" (the letters and digits of runtimeConfigKey, then \"Stack\") is "
                                   "not a valid CloudFormation stack name: it must start with a letter; set cdk.stackName",
                                   r.stack_name)};
  if (!t.global.region)
    throw BackendError{t.where("tableConfig.replicas"), "a table with replicas needs tableConfig.region"};
  check_table_v2(t);
  r.user_statements = user_policy_statements(t);
  const bool grants_add_statements = std::any_of(t.grants.begin(), t.grants.end(), [](const Grant& g) {
    return g.by_arn && !actions_for(g.access).table.empty();
  });
  if (t.options.resource_policy && r.user_statements.empty() && !grants_add_statements)
    throw BackendError{t.where("tableConfig.resourcePolicy"),
                       "the CDK rejects an empty tableConfig.resourcePolicy (no statement, and no grant to a role by "
                       "ARN adds one): CfnGlobalTable's ResourcePolicy needs a PolicyDocument"};
  if (kFixedResources + t.grants.size() > limits::kMaxStackResources)
    throw BackendError{t.where("grants"), fmt::format("the stack would have {} resources; the CDK allows at most {}",
                                                      kFixedResources + t.grants.size(), limits::kMaxStackResources)};

  ConstructTree& tree = r.tree;
  r.stack = tree.add("", t.cdk_stack_name, "the stack", stack_name_pos(t));
  tree.add("", "__RuntimeConfig__", "the runtime config", std::nullopt);
  std::string scope = tree.add(r.stack, t.cdk_construct_id, "the table's construct (cdk.constructId)", t.where("cdk.constructId"));
  r.key = tree.add(scope, "EncryptionKey", "the KMS key", std::nullopt);
  if (t.options.kinesis) tree.add(scope, "KinesisStream", "the imported Kinesis stream (tableConfig.kinesisStream)", std::nullopt);
  r.table = tree.add(scope, t.runtime_config_key, "the table (runtimeConfigKey)", t.where("runtimeConfigKey"));
  // TableV2 imports each replica's key (Key.fromKeyArn) before it creates its resource.
  for (const auto& replica : t.global.replicas)
    tree.add(r.table, "ReplicaKey" + replica.region, "a replica's imported key", std::nullopt);
  tree.add(r.table, "Resource", "the global table", std::nullopt);
  for (auto id : {kApp, kStrategy, kEnv, kProfile, kVersion, kDeploy, kOutput})
    tree.add(r.stack, id, fmt::format("the runtime config's {}", id), std::nullopt);
  for (size_t i = 0; i < t.grants.size(); ++i)
    r.roles.push_back(tree.add(r.stack, t.grants[i].role_name,
                               fmt::format("role \"{}\" (grants[{}])", t.grants[i].role_name, i),
                               t.where(fmt::format("grants[{}]", i))));
  r.bootstrap = !tree.has(r.stack, "BootstrapVersion");
  if (r.bootstrap) {
    tree.add(r.stack, "BootstrapVersion", "the synthesizer's bootstrap version parameter", std::nullopt);
    tree.add(r.stack, "CheckBootstrapVersion", "the synthesizer's bootstrap version rule", std::nullopt);
  }
  return r;
}

}  // namespace

void check_global_buildable(const Table& t) { build_tree(t); }

StackTemplate global_stack_template(const Table& t) {
  Tree r = build_tree(t);
  const std::string key_path = r.key + "/Resource", table_path = r.table + "/Resource";
  const std::string key_id = logical_id(key_path), table_id = logical_id(table_path);
  GrantTargets targets{table_id, key_id, !t.gsis.empty() || !t.lsis.empty(), app_arn(*t.global.region)};
  Json table_statements = Json::array();
  Json key_statements = Json::array({Json{{"Action", "kms:*"},
                                          {"Effect", "Allow"},
                                          {"Principal", Json{{"AWS", cfn::account_root_arn()}}},
                                          {"Resource", "*"}}});
  std::vector<Json> role_policies;
  for (const auto& g : t.grants) {
    GrantStatements s = table_v2_grant_statements(g, targets);
    for (auto& x : s.table_policy) table_statements.push_back(std::move(x));
    for (auto& x : s.key_policy) key_statements.push_back(std::move(x));
    role_policies.push_back(policy_document(s.role_policy));
  }

  Json key_props;
  key_props["EnableKeyRotation"] = t.key_rotation;
  key_props["KeyPolicy"] = policy_document(key_statements);
  if (!t.tags.empty()) {
    Json tags = Json::array();
    for (const auto& [k, v] : t.tags) tags.push_back(Json{{"Key", k}, {"Value", v}});
    key_props["Tags"] = tags;
  }
  // TableV2.addToResourcePolicy appends the grants' statements to the user's document, which
  // every replica carries.
  Json policy_statements = r.user_statements;
  for (auto& x : table_statements) policy_statements.push_back(std::move(x));
  Json resource_policy = policy_statements.empty() ? Json::object() : policy_document(policy_statements);

  std::map<std::string, std::pair<std::string, Json>> owned;
  owned[r.key] = {key_id, resource("AWS::KMS::Key", key_props, key_path, RemovalPolicy::Retain)};
  owned[r.table] = {table_id, resource("AWS::DynamoDB::GlobalTable",
                                          global_table_properties(t, key_id, resource_policy), table_path, t.removal)};
  const std::string name = runtime_config_app_name();
  auto l1 = [&](std::string_view id, std::string_view type, Json props) {
    std::string path = r.stack + "/" + std::string(id);
    owned[path] = {std::string(id), resource(type, std::move(props), path)};
  };
  l1(kApp, "AWS::AppConfig::Application", Json{{"Name", name}});
  l1(kStrategy, "AWS::AppConfig::DeploymentStrategy",
     Json{{"DeploymentDurationInMinutes", 0},
          {"FinalBakeTimeInMinutes", 0},
          {"GrowthFactor", 100},
          {"Name", name},
          {"ReplicateTo", "NONE"}});
  l1(kEnv, "AWS::AppConfig::Environment", Json{{"ApplicationId", cfn::ref(kApp)}, {"Name", "default"}});
  l1(kProfile, "AWS::AppConfig::ConfigurationProfile",
     Json{{"ApplicationId", cfn::ref(kApp)}, {"LocationUri", "hosted"}, {"Name", "dynamodb"}, {"Type", "AWS.Freeform"}});
  l1(kVersion, "AWS::AppConfig::HostedConfigurationVersion",
     Json{{"ApplicationId", cfn::ref(kApp)},
          {"ConfigurationProfileId", cfn::ref(kProfile)},
          {"Content", runtime_config_content(t, cfn::ref(table_id))},
          {"ContentType", "application/json"}});
  l1(kDeploy, "AWS::AppConfig::Deployment",
     Json{{"ApplicationId", cfn::ref(kApp)},
          {"ConfigurationProfileId", cfn::ref(kProfile)},
          {"ConfigurationVersion", cfn::ref(kVersion)},
          {"DeploymentStrategyId", cfn::ref(kStrategy)},
          {"EnvironmentId", cfn::ref(kEnv)}});
  for (size_t i = 0; i < t.grants.size(); ++i) {
    std::string path = r.roles[i] + "/Policy/Resource";
    std::string id = logical_id(path);
    std::string policy_name = id.size() > 128 ? id.substr(id.size() - 128) : id;  // generatePolicyName
    owned[r.roles[i]] = {id, resource("AWS::IAM::Policy",
                                Json{{"PolicyDocument", role_policies[i]},
                                     {"PolicyName", policy_name},
                                     {"Roles", Json::array({t.grants[i].role_name})}},
                                path)};
  }

  // Resources in the order synthesis visits the tree: depth first, children in JS order.
  Json resources = Json::object();
  std::function<void(const std::string&)> visit = [&](const std::string& path) {
    if (auto it = owned.find(path); it != owned.end()) resources[it->second.first] = it->second.second;
    for (const auto& child : r.tree.children(path)) visit(path + "/" + child);
  };
  visit(r.stack);

  StackTemplate out;
  out.stack_name = r.stack_name;
  out.doc["Resources"] = std::move(resources);
  out.doc["Outputs"] = Json{{kOutput, Json{{"Value", cfn::ref(kApp)}}}};
  if (r.bootstrap) {
    out.doc["Parameters"] = Json{{"BootstrapVersion", bootstrap_parameter()}};
    out.doc["Rules"] = Json{{"CheckBootstrapVersion", bootstrap_rule()}};
  }
  return out;
}

}  // namespace ddbsynth::cdk
