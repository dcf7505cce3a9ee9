#include "stack_parts.hpp"

#include <fmt/format.h>

#include <functional>

#include "backends/common/naming.hpp"
#include "ddbsynth/backend.hpp"
#include "unique_id.hpp"

namespace ddbsynth::cdk {
namespace {

using cfn::Json;

constexpr int kBootstrapVersion = 6;  // DefaultStackSynthesizer's required version

// Names.uniqueResourceName of the App-level `__RuntimeConfig__` construct.
std::string app_config_name() {
  return unique_resource_name({"", "__RuntimeConfig__"}, ResourceNameOptions{64, "-", "", ""});
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

}  // namespace

std::string logical_id(const std::string& path) {
  std::vector<std::string> components;
  size_t start = path.find('/') + 1;
  for (size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1)
    components.push_back(path.substr(start, slash - start));
  components.push_back(path.substr(start));
  return unique_id(std::move(components));
}

Json resource(std::string_view type, Json properties, const std::string& path, std::optional<RemovalPolicy> removal) {
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

std::string checked_stack_name(const Table& t) {
  std::string name = stack_name_for_id(t.cdk_stack_name);
  if (!valid_stack_name(name))
    throw BackendError{stack_name_pos(t),
                       fmt::format("stack name \"{}\" (the letters and digits of runtimeConfigKey, then \"Stack\") is "
                                   "not a valid CloudFormation stack name: it must start with a letter; set cdk.stackName",
                                   name)};
  return name;
}

Json app_arn(const std::optional<std::string>& region) {
  if (region)
    return cfn::join(Json::array({"arn:", cfn::ref("AWS::Partition"), ":appconfig:" + *region + ":",
                                  cfn::ref("AWS::AccountId"), ":application/", cfn::ref(kApp), "/*"}));
  return cfn::join(Json::array({"arn:", cfn::ref("AWS::Partition"), ":appconfig:", cfn::ref("AWS::Region"), ":",
                                cfn::ref("AWS::AccountId"), ":application/", cfn::ref(kApp), "/*"}));
}

void add_runtime_config_constructs(ConstructTree& tree, const std::string& stack) {
  for (auto id : {kApp, kStrategy, kEnv, kProfile, kVersion, kDeploy, kOutput})
    tree.add(stack, id, fmt::format("the runtime config's {}", id), std::nullopt);
}

std::vector<std::string> add_role_constructs(ConstructTree& tree, const std::string& stack, const Table& t) {
  std::vector<std::string> roles;
  for (size_t i = 0; i < t.grants.size(); ++i)
    roles.push_back(tree.add(stack, t.grants[i].role_name,
                             fmt::format("role \"{}\" (grants[{}])", t.grants[i].role_name, i),
                             t.where(fmt::format("grants[{}]", i))));
  return roles;
}

bool add_bootstrap_constructs(ConstructTree& tree, const std::string& stack) {
  if (tree.has(stack, "BootstrapVersion")) return false;
  tree.add(stack, "BootstrapVersion", "the synthesizer's bootstrap version parameter", std::nullopt);
  tree.add(stack, "CheckBootstrapVersion", "the synthesizer's bootstrap version rule", std::nullopt);
  return true;
}

void add_runtime_config_resources(OwnedResources& owned, const std::string& stack, const Table& t,
                                  const std::string& table_id) {
  const std::string name = app_config_name();
  auto l1 = [&](std::string_view id, std::string_view type, Json props) {
    std::string path = stack + "/" + std::string(id);
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
}

void add_role_policies(OwnedResources& owned, const Table& t, const std::vector<std::string>& roles,
                       const std::vector<Json>& role_policies) {
  for (size_t i = 0; i < t.grants.size(); ++i) {
    std::string path = roles[i] + "/Policy/Resource";
    std::string id = logical_id(path);
    // Policy names default to the last 128 characters of the logical ID (generatePolicyName).
    std::string policy_name = id.size() > 128 ? id.substr(id.size() - 128) : id;
    owned[roles[i]] = {id, resource("AWS::IAM::Policy",
                                    Json{{"PolicyDocument", role_policies[i]},
                                         {"PolicyName", policy_name},
                                         {"Roles", Json::array({t.grants[i].role_name})}},
                                    path)};
  }
}

Json stack_document(const ConstructTree& tree, const std::string& stack, const OwnedResources& owned,
                    bool bootstrap) {
  Json resources = Json::object();
  std::function<void(const std::string&)> visit = [&](const std::string& path) {
    if (auto it = owned.find(path); it != owned.end()) resources[it->second.first] = it->second.second;
    for (const auto& child : tree.children(path)) visit(path + "/" + child);
  };
  visit(stack);

  Json doc;
  doc["Resources"] = std::move(resources);
  doc["Outputs"] = Json{{kOutput, Json{{"Value", cfn::ref(kApp)}}}};
  if (bootstrap) {
    doc["Parameters"] = Json{{"BootstrapVersion", bootstrap_parameter()}};
    doc["Rules"] = Json{{"CheckBootstrapVersion", bootstrap_rule()}};
  }
  return doc;
}

}  // namespace ddbsynth::cdk
