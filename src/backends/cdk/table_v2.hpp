// The AWS::DynamoDB::GlobalTable that aws-cdk-lib's TableV2 synthesizes for a table with
// replicas (../shared/spec/cdk-target.md, "Global tables"), and what TableV2 throws on.
#pragma once

#include <string>

#include "backends/common/cfn.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth::cdk {

// Throws BackendError, located at the config field, where TableV2 (or the spec's tree, which
// cannot express the field) refuses the config.
void check_table_v2(const Table& t);

// The resource's Properties, keys in the order the CDK writes them. `key_id` is the stack key's
// logical ID; `resource_policy` the statements grants put on the table (every replica carries
// them), empty for none.
cfn::Json global_table_properties(const Table& t, const std::string& key_id, const cfn::Json& resource_policy);

}  // namespace ddbsynth::cdk
