// --target cloudformation: a complete, readable stack per table.
#include <cctype>
#include <fmt/format.h>

#include "backends/cdk/unique_id.hpp"
#include "backends/cloudformation/autoscaling.hpp"
#include "backends/cloudformation/global_table.hpp"
#include "backends/common/autoscaling.hpp"
#include "backends/common/cfn.hpp"
#include "backends/common/resource_policy.hpp"
#include "backends/common/naming.hpp"
#include "backends/common/yaml_writer.hpp"
#include "backends/factories.hpp"
#include "ddbsynth/backend.hpp"
#include "ddbsynth/limits.hpp"
#include "ddbsynth/iam.hpp"

namespace ddbsynth {
namespace {

using cfn::Json;

constexpr std::string_view kKey = "EncryptionKey";
constexpr std::string_view kTable = "Table";
constexpr std::string_view kApp = "RuntimeConfigApplication";
constexpr std::string_view kEnv = "RuntimeConfigEnvironment";
constexpr std::string_view kStrategy = "RuntimeConfigDeploymentStrategy";
constexpr std::string_view kProfile = "RuntimeConfigProfile";
constexpr std::string_view kVersion = "RuntimeConfigVersion";
constexpr std::string_view kDeployment = "RuntimeConfigDeployment";

Json retention(Json resource, RemovalPolicy policy) {
  const char* p = policy == RemovalPolicy::Retain ? "Retain" : "Delete";
  resource["UpdateReplacePolicy"] = p;
  resource["DeletionPolicy"] = p;
  return resource;
}

Json statement(Json actions, Json resource) {
  return Json{{"Action", std::move(actions)}, {"Effect", "Allow"}, {"Resource", std::move(resource)}};
}

Json table_and_indexes(const Table& t) {
  Json arns = Json::array({cfn::get_att(kTable, "Arn")});
  if (!t.gsis.empty() || !t.lsis.empty()) arns.push_back(cfn::join(Json::array({cfn::get_att(kTable, "Arn"), "/index/*"})));
  return arns;
}

Json app_arn() {
  return cfn::join(Json::array({"arn:", cfn::ref("AWS::Partition"), ":appconfig:", cfn::ref("AWS::Region"), ":",
                                cfn::ref("AWS::AccountId"), ":application/", cfn::ref(kApp), "/*"}));
}

// The policy document a role gets for one grant: the same actions the CDK grants, per resource.
Json grant_policy(const Table& t, const Grant& g) {
  const AccessActions& a = actions_for(g.access);
  Json st = Json::array();
  if (a.list_streams) st.push_back(statement("dynamodb:ListStreams", "*"));
  if (!a.table.empty()) st.push_back(statement(cfn::actions(a.table), table_and_indexes(t)));
  if (!a.principal_only.empty()) st.push_back(statement(cfn::actions(a.principal_only), table_and_indexes(t)));
  if (!a.stream.empty()) st.push_back(statement(cfn::actions(a.stream), cfn::get_att(kTable, "StreamArn")));
  st.push_back(statement(cfn::actions(a.key), cfn::get_att(kKey, "Arn")));
  st.push_back(statement(cfn::actions(appconfig_read_actions()), app_arn()));
  return Json{{"Statement", st}, {"Version", "2012-10-17"}};
}

// A role given by ARN may live in another account; like the CDK, also allow it on the key
// policy (and, in table_policy_statements, on the table's resource policy), which is harmless
// within one account.
void add_key_grants(const Table& t, Json& key_statements) {
  for (const auto& g : t.grants)
    if (g.by_arn)
      key_statements.push_back(Json{{"Action", cfn::actions(actions_for(g.access).key)},
                                    {"Effect", "Allow"},
                                    {"Principal", Json{{"AWS", g.role}}},
                                    {"Resource", "*"}});
}

// The properties with ResourcePolicy in its alphabetical place, before SSESpecification.
Json with_resource_policy(const Table& t, Json table_props) {
  Json statements = cfn::table_policy_statements(t);
  if (statements.empty()) return table_props;
  Json ordered;
  for (auto& [k, v] : table_props.items()) {
    if (k == "SSESpecification") ordered["ResourcePolicy"] = Json{{"PolicyDocument", cfn::policy_document(statements)}};
    ordered[k] = v;
  }
  return ordered;
}

Json build(const Table& t) {
  // The key, the table, six AppConfig resources, a policy per grant and two resources per scaled
  // capacity: a stack CloudFormation would refuse is an error here, not at deploy time.
  if (size_t n = 8 + t.grants.size() + (t.is_global() ? 0 : 2 * scaled_dimensions(t).size()); n > limits::kMaxStackResources)
    throw BackendError{t.where(fmt::format("grants[{}]", limits::kMaxStackResources - 8)),
                       fmt::format("the stack would have {} resources; CloudFormation allows at most {}: split the "
                                   "grants across roles or stacks",
                                   n, limits::kMaxStackResources)};
  Json resources;
  Json key_statements = Json::array(
      {Json{{"Action", "kms:*"}, {"Effect", "Allow"}, {"Principal", Json{{"AWS", cfn::account_root_arn()}}}, {"Resource", "*"}}});
  Json table_props;
  if (t.is_global()) {
    Json statements = cfn::table_policy_statements(t);
    Json policy = statements.empty() ? Json() : cfn::policy_document(statements);
    table_props = cfn::global_table_properties(t, cfn::get_att(kKey, "Arn"), policy);
  } else {
    table_props = with_resource_policy(t, cfn::table_properties(t, cfn::get_att(kKey, "Arn")));
  }
  add_key_grants(t, key_statements);

  Json key_props;
  key_props["Description"] = fmt::format("Encrypts DynamoDB table {}", t.runtime_config_key);
  key_props["EnableKeyRotation"] = t.key_rotation;
  key_props["KeyPolicy"] = Json{{"Statement", key_statements}, {"Version", "2012-10-17"}};
  if (!t.tags.empty()) {
    Json tags = Json::array();
    for (const auto& [k, v] : t.tags) tags.push_back(Json{{"Key", k}, {"Value", v}});
    key_props["Tags"] = tags;
  }
  resources[kKey] = retention(Json{{"Type", "AWS::KMS::Key"}, {"Properties", key_props}}, t.removal);
  const char* table_type = t.is_global() ? "AWS::DynamoDB::GlobalTable" : "AWS::DynamoDB::Table";
  resources[kTable] = retention(Json{{"Type", table_type}, {"Properties", table_props}}, t.removal);

  std::string app_name = runtime_config_app_name();
  resources[kApp] = Json{{"Type", "AWS::AppConfig::Application"}, {"Properties", Json{{"Name", app_name}}}};
  resources[kEnv] = Json{{"Type", "AWS::AppConfig::Environment"},
                         {"Properties", Json{{"ApplicationId", cfn::ref(kApp)}, {"Name", "default"}}}};
  resources[kStrategy] = Json{{"Type", "AWS::AppConfig::DeploymentStrategy"},
                              {"Properties", Json{{"DeploymentDurationInMinutes", 0},
                                                  {"FinalBakeTimeInMinutes", 0},
                                                  {"GrowthFactor", 100},
                                                  {"Name", app_name},
                                                  {"ReplicateTo", "NONE"}}}};
  resources[kProfile] = Json{{"Type", "AWS::AppConfig::ConfigurationProfile"},
                             {"Properties", Json{{"ApplicationId", cfn::ref(kApp)},
                                                 {"LocationUri", "hosted"},
                                                 {"Name", "dynamodb"},
                                                 {"Type", "AWS.Freeform"}}}};
  resources[kVersion] = Json{{"Type", "AWS::AppConfig::HostedConfigurationVersion"},
                             {"Properties", Json{{"ApplicationId", cfn::ref(kApp)},
                                                 {"ConfigurationProfileId", cfn::ref(kProfile)},
                                                 {"Content", runtime_config_content(t, cfn::ref(kTable))},
                                                 {"ContentType", "application/json"}}}};
  resources[kDeployment] = Json{{"Type", "AWS::AppConfig::Deployment"},
                                {"Properties", Json{{"ApplicationId", cfn::ref(kApp)},
                                                    {"ConfigurationProfileId", cfn::ref(kProfile)},
                                                    {"ConfigurationVersion", cfn::ref(kVersion)},
                                                    {"DeploymentStrategyId", cfn::ref(kStrategy)},
                                                    {"EnvironmentId", cfn::ref(kEnv)}}}};

  UniqueIds ids;
  for (const auto& g : t.grants) {
    std::string id = ids.take(fmt::format("{}Policy", alnum_id(g.role_name)));
    resources[id] = Json{{"Type", "AWS::IAM::Policy"},
                         {"Properties", Json{{"PolicyDocument", grant_policy(t, g)},
                                             {"PolicyName", policy_name(t, g)},
                                             {"Roles", Json::array({g.role_name})}}}};
  }
  // A global table's replicas autoscale within the GlobalTable: no Application Auto Scaling.
  if (!t.is_global()) cfn::add_autoscaling(t, kTable, resources, ids);

  Json outputs;
  auto output = [&](std::string_view id, std::string description, Json value) {
    outputs[id] = Json{{"Description", std::move(description)}, {"Value", std::move(value)}};
  };
  output("TableName", "Name of the DynamoDB table", cfn::ref(kTable));
  output("TableArn", "ARN of the DynamoDB table", cfn::get_att(kTable, "Arn"));
  if (t.stream || t.is_global()) output("TableStreamArn", "ARN of the table's stream", cfn::get_att(kTable, "StreamArn"));
  if (t.is_global()) output("ReplicaRegions", "Regions of the table's replicas, its own region first", cfn::replica_regions(t));
  output("EncryptionKeyArn", "ARN of the table's KMS key", cfn::get_att(kKey, "Arn"));
  output("RuntimeConfigApplicationId", "AppConfig application of the runtime config", cfn::ref(kApp));

  Json doc;
  doc["AWSTemplateFormatVersion"] = "2010-09-09";
  doc["Description"] = fmt::format("DynamoDB table {}, generated by ddbsynth", t.runtime_config_key);
  doc["Resources"] = resources;
  doc["Outputs"] = outputs;
  return doc;
}

class CloudFormationBackend : public Backend {
 public:
  std::string_view name() const override { return "cloudformation"; }
  std::string_view description() const override {
    return "CloudFormation template: KMS key, table, runtime config in AppConfig, IAM grants";
  }
  std::vector<std::string_view> formats() const override { return {"json", "yaml"}; }
  std::vector<OutputFile> synth(const Table& t, const BackendOptions& o) const override {
    Json doc = build(t);
    // The name the CDK gives the stack: a long runtimeConfigKey is shortened with a hash, as a
    // file name must be (255 bytes at most).
    std::string stack = cdk::stack_name_for_id(t.cdk_stack_name);
    if (o.format == "yaml") return {{stack + ".template.yaml", to_yaml(doc)}};
    return {{stack + ".template.json", doc.dump(2) + "\n"}};
  }
};

}  // namespace

std::unique_ptr<Backend> make_cloudformation_backend() { return std::make_unique<CloudFormationBackend>(); }

}  // namespace ddbsynth
