#include "stack_template.hpp"

#include <fmt/format.h>

#include <functional>
#include <map>
#include <set>

#include "backends/common/naming.hpp"
#include "construct_tree.hpp"
#include "global_stack.hpp"
#include "ddbsynth/backend.hpp"
#include "ddbsynth/limits.hpp"
#include "autoscaling.hpp"
#include "grants.hpp"
#include "js_object.hpp"
#include "resource_policy.hpp"
#include "table_options.hpp"
#include "stack_parts.hpp"
#include "unique_id.hpp"

namespace ddbsynth::cdk {
namespace {

using cfn::Json;

constexpr size_t kMaxNonKeyAttributes = 100;  // Table.validateNonKeyAttributes

// Names.uniqueId of the construct at `path`: makeUniqueId of every id below the app, the
// stack's included.
std::string policy_name(const std::string& path) {
  std::vector<std::string> components;
  size_t start = 0;
  for (size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1)
    components.push_back(path.substr(start, slash - start));
  components.push_back(path.substr(start));
  return unique_id(std::move(components));
}

// Table.validateNonKeyAttributes counts each index's list in full against the attributes
// already projected, so repeating attributes across indexes can reach its limit.
void check_non_key_attributes(const Table& t) {
  std::set<std::string> seen;
  auto add = [&](const std::vector<std::string>& attrs, const std::string& where) {
    if (seen.size() + attrs.size() > kMaxNonKeyAttributes)
      throw BackendError{t.where(where), fmt::format("the CDK rejects more than {} nonKeyAttributes across indexes, "
                                                     "counting each index's list in full against the attributes "
                                                     "of the indexes before it",
                                                     kMaxNonKeyAttributes)};
    seen.insert(attrs.begin(), attrs.end());
  };
  for (size_t i = 0; i < t.lsis.size(); ++i)
    add(t.lsis[i].non_key_attributes, fmt::format("tableConfig.localSecondaryIndexes[{}]", i));
  for (size_t i = 0; i < t.gsis.size(); ++i)
    add(t.gsis[i].non_key_attributes, fmt::format("tableConfig.globalSecondaryIndexes[{}]", i));
}

// A scaled dimension and the paths of its ScalableTarget and ScalingPolicy constructs.
struct Scaled {
  ScaledCapacity capacity;
  std::string target, policy;
};

// The construct tree of the spec, with the paths the template needs.
struct Tree {
  std::string stack_name;
  ConstructTree tree;
  std::string stack, key, table;
  std::vector<std::string> roles;
  std::vector<Scaled> scaled;
  Json user_statements;  // of the resource policy, as the CDK renders them
  bool bootstrap = false;
};

Tree build_tree(const Table& t) {
  Tree r;
  r.stack_name = checked_stack_name(t);
  check_non_key_attributes(t);
  std::vector<ScaledCapacity> scaled = scaled_capacities(t);
  const size_t resources = 8 + t.grants.size() + 2 * scaled.size();
  if (resources > limits::kMaxStackResources)
    throw BackendError{t.where("grants"), fmt::format("the stack would have {} resources; the CDK allows at most {}",
                                                      resources, limits::kMaxStackResources)};
  r.user_statements = user_policy_statements(t);
  check_imported_resources(t);

  // The tree, in the order the spec builds it; each add may find a clash the CDK would throw on.
  ConstructTree& tree = r.tree;
  const SourcePos construct_pos = t.where("cdk.constructId");
  r.stack = tree.add("", t.cdk_stack_name, "the stack", stack_name_pos(t));
  tree.add("", "__RuntimeConfig__", "the runtime config", std::nullopt);
  std::string scope = tree.add(r.stack, t.cdk_construct_id, "the table's construct (cdk.constructId)", construct_pos);
  r.key = tree.add(scope, "EncryptionKey", "the KMS key", std::nullopt);
  // The table's props import these before the table exists.
  if (t.options.kinesis) tree.add(scope, "KinesisStream", "the imported Kinesis stream (tableConfig.kinesisStream)", std::nullopt);
  if (t.options.import_source) tree.add(scope, "ImportBucket", "the imported S3 bucket (tableConfig.importSource)", std::nullopt);
  r.table = tree.add(scope, t.runtime_config_key, "the table (runtimeConfigKey)", t.where("runtimeConfigKey"));
  tree.add(r.table, "ScalingRole", "the table's scaling role", std::nullopt);
  for (auto& s : scaled) {
    std::string attribute = tree.add(r.table, s.construct_id, "the autoscaling of " + s.config_path, std::nullopt);
    std::string target = tree.add(attribute, "Target", "the scalable target", std::nullopt);
    std::string policy = tree.add(target, "Tracking", "the scaling policy", std::nullopt);
    r.scaled.push_back({std::move(s), target, policy});
  }
  add_runtime_config_constructs(tree, r.stack);
  r.roles = add_role_constructs(tree, r.stack, t);
  r.bootstrap = add_bootstrap_constructs(tree, r.stack);
  return r;
}

}  // namespace

void check_buildable(const Table& t) {
  if (t.is_global()) return check_global_buildable(t);
  build_tree(t);
}

StackTemplate stack_template(const Table& t) {
  if (t.is_global()) return global_stack_template(t);
  Tree r = build_tree(t);
  StackTemplate out;
  out.stack_name = r.stack_name;
  const ConstructTree& tree = r.tree;
  const std::string &stack = r.stack, &key = r.key, &table = r.table;
  const std::vector<std::string>& roles = r.roles;
  const bool bootstrap = r.bootstrap;

  const std::string key_path = key + "/Resource", table_path = table + "/Resource";
  const std::string key_id = logical_id(key_path), table_id = logical_id(table_path);
  GrantTargets targets{table_id, key_id, !t.gsis.empty() || !t.lsis.empty(), app_arn(std::nullopt)};
  auto [table_statements, key_statements, role_policies] = gather_grants(t, targets, grant_statements);

  Json table_props = cfn::table_properties(t, cfn::get_att(key_id, "Arn"));
  add_production_properties(table_props, t);
  // Table.addToResourcePolicy appends the grants' statements to the user's document.
  Json policy_statements = r.user_statements;
  for (auto& x : table_statements) policy_statements.push_back(std::move(x));
  if (!policy_statements.empty()) {
    table_props["ResourcePolicy"] = Json{{"PolicyDocument", policy_document(policy_statements)}};
    sort_properties(table_props);
  } else if (t.options.resource_policy) {
    throw BackendError{t.where("tableConfig.resourcePolicy"),
                       "the CDK rejects an empty tableConfig.resourcePolicy (no statement, and no grant to a role by "
                       "ARN adds one): CfnTable's ResourcePolicy needs a PolicyDocument"};
  }
  Json key_props;
  key_props["EnableKeyRotation"] = t.key_rotation;
  key_props["KeyPolicy"] = policy_document(key_statements);
  if (table_props.contains("Tags")) key_props["Tags"] = table_props["Tags"];

  OwnedResources owned;
  owned[key] = {key_id, resource("AWS::KMS::Key", key_props, key_path, RemovalPolicy::Retain)};
  owned[table] = {table_id, resource("AWS::DynamoDB::Table", table_props, table_path, t.removal)};
  for (const auto& s : r.scaled) {
    std::string target_id = logical_id(s.target + "/Resource"), policy_id = logical_id(s.policy + "/Resource");
    Json target_props = scalable_target_properties(s.capacity, table_id);
    // A ScalableTarget is taggable: Tags.of(construct) reaches it (after ServiceNamespace).
    if (table_props.contains("Tags")) target_props["Tags"] = table_props["Tags"];
    owned[s.target] = {target_id, resource("AWS::ApplicationAutoScaling::ScalableTarget", std::move(target_props),
                                           s.target + "/Resource")};
    owned[s.policy] = {policy_id, resource("AWS::ApplicationAutoScaling::ScalingPolicy",
                                           scaling_policy_properties(s.capacity, target_id, policy_name(s.policy)),
                                           s.policy + "/Resource")};
  }
  add_runtime_config_resources(owned, stack, t, table_id);
  add_role_policies(owned, t, roles, role_policies);
  out.doc = stack_document(tree, stack, owned, bootstrap);
  return out;
}

std::string template_text(cfn::Json doc) {
  // nlohmann's dump with a one-space indent writes what JSON.stringify(doc, undefined, 1) does:
  // the same layout, escapes (lowercase \u00xx) and raw UTF-8, and no final newline.
  to_js_key_order(doc);
  return doc.dump(1);
}

}  // namespace ddbsynth::cdk
