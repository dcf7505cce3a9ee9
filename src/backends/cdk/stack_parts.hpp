// The parts of a stack's template that the regional (stack_template) and the global
// (global_stack) trees build alike: logical IDs, resource bodies, the runtime config's L1
// elements, the role policies and the synthesizer's bootstrap parameter and rule.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backends/common/cfn.hpp"
#include "construct_tree.hpp"
#include "ddbsynth/model.hpp"
#include "stack_template.hpp"

namespace ddbsynth::cdk {

// Ids of the L1 runtime config elements under the stack (the seed's RuntimeConfig).
inline constexpr std::string_view kApp = "RcAppConfigApp";
inline constexpr std::string_view kStrategy = "RcAppConfigStrategy";
inline constexpr std::string_view kEnv = "RcAppConfigEnv";
inline constexpr std::string_view kProfile = "RcAppConfigProfiledynamodb";
inline constexpr std::string_view kVersion = "RcAppConfigVersiondynamodb";
inline constexpr std::string_view kDeploy = "RcAppConfigDeploydynamodb";
inline constexpr std::string_view kOutput = "RuntimeConfigApplicationId";

// Each construct's resource (logical ID and body), keyed by the construct's path.
using OwnedResources = std::map<std::string, std::pair<std::string, cfn::Json>>;

// The logical ID of the element at `path` (which starts with the stack's id).
std::string logical_id(const std::string& path);

cfn::Json resource(std::string_view type, cfn::Json properties, const std::string& path,
                   std::optional<RemovalPolicy> removal = std::nullopt);

SourcePos stack_name_pos(const Table& t);

// The stack's name; throws where the CDK would refuse it.
std::string checked_stack_name(const Table& t);

// The ARN of the runtime config's application; a region-bound stack's formatArn writes the
// region itself, an environment-agnostic one refers to AWS::Region.
cfn::Json app_arn(const std::optional<std::string>& region);

// Adds the runtime config's constructs under the stack, in the seed's order.
void add_runtime_config_constructs(ConstructTree& tree, const std::string& stack);

// Adds each grant's imported role under the stack (named by its role name), in grant order; their paths.
std::vector<std::string> add_role_constructs(ConstructTree& tree, const std::string& stack, const Table& t);

// Adds the synthesizer's parameter and rule unless the stack already has a "BootstrapVersion";
// true when it did.
bool add_bootstrap_constructs(ConstructTree& tree, const std::string& stack);

// The runtime config's L1 resources, whose hosted configuration names the table `table_id`.
void add_runtime_config_resources(OwnedResources& owned, const std::string& stack, const Table& t,
                                  const std::string& table_id);

// The AWS::IAM::Policy of each grant's role (at `roles[i]`) with its document.
void add_role_policies(OwnedResources& owned, const Table& t, const std::vector<std::string>& roles,
                       const std::vector<cfn::Json>& role_policies);

// The document: resources in the order synthesis visits the tree (depth first, children in JS
// order), the runtime config's output and, when `bootstrap`, the synthesizer's parameter and rule.
cfn::Json stack_document(const ConstructTree& tree, const std::string& stack, const OwnedResources& owned,
                         bool bootstrap);

}  // namespace ddbsynth::cdk
