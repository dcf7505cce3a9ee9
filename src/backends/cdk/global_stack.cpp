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
#include "stack_parts.hpp"
#include "unique_id.hpp"

namespace ddbsynth::cdk {
namespace {

using cfn::Json;

constexpr size_t kFixedResources = 8;  // key, table, six runtime config elements

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
  r.stack_name = checked_stack_name(t);
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
  add_runtime_config_constructs(tree, r.stack);
  r.roles = add_role_constructs(tree, r.stack, t);
  r.bootstrap = add_bootstrap_constructs(tree, r.stack);
  return r;
}

}  // namespace

void check_global_buildable(const Table& t) { build_tree(t); }

StackTemplate global_stack_template(const Table& t) {
  Tree r = build_tree(t);
  const std::string key_path = r.key + "/Resource", table_path = r.table + "/Resource";
  const std::string key_id = logical_id(key_path), table_id = logical_id(table_path);
  GrantTargets targets{table_id, key_id, !t.gsis.empty() || !t.lsis.empty(), app_arn(t.global.region)};
  auto [table_statements, key_statements, role_policies] = gather_grants(t, targets, table_v2_grant_statements);

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

  OwnedResources owned;
  owned[r.key] = {key_id, resource("AWS::KMS::Key", key_props, key_path, RemovalPolicy::Retain)};
  owned[r.table] = {table_id, resource("AWS::DynamoDB::GlobalTable",
                                          global_table_properties(t, key_id, resource_policy), table_path, t.removal)};
  add_runtime_config_resources(owned, r.stack, t, table_id);
  add_role_policies(owned, t, r.roles, role_policies);

  StackTemplate out;
  out.stack_name = r.stack_name;
  out.doc = stack_document(r.tree, r.stack, owned, r.bootstrap);
  return out;
}

}  // namespace ddbsynth::cdk
