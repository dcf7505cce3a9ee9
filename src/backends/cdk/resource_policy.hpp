// The table's resource-based policy as aws-cdk-lib renders iam.PolicyDocument.fromJson(...):
// each statement rebuilt by PolicyStatement.fromJson and written back by toStatementJson
// (fixed key order, one-element lists as strings, duplicate actions and resources dropped,
// Effect defaulting to Allow, other keys dropped; Version is always 2012-10-17). The grants'
// statements for roles by ARN are appended to it by the caller, as Table.addToResourcePolicy does.
#pragma once

#include "backends/common/cfn.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth::cdk {

// The user's statements (an empty array when the config has no resourcePolicy). Throws
// BackendError, at tableConfig.resourcePolicy, where PolicyDocument.fromJson throws.
cfn::Json user_policy_statements(const Table& t);

}  // namespace ddbsynth::cdk
