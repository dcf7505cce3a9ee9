// The table's one resource-based policy, the same in every target: the user's statements
// (tableConfig.resourcePolicy) and those that grants to roles by ARN add, merged as the CDK
// merges them.
#pragma once

#include "backends/common/cfn.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth::cfn {

// The statements in the CDK's order and form: the user's first, each as PolicyStatement.fromJson
// then toStatementJson normalize it (keys in the CDK's order, one action or resource as a string,
// repeated ones dropped, Effect defaulting to Allow); then, per grant to a role by ARN, its table
// actions on "*" for that principal (a role in another account needs both sides to allow it);
// statements repeated exactly appear once (PostProcessPolicyDocument). The generated statements
// carry no Sid, as the CDK writes none. Empty: the table has no resource policy. Holds no
// intrinsic functions, so every target can write it as it is.
Json table_policy_statements(const Table& t);

// {"Statement": statements, "Version": "2012-10-17"}.
Json policy_document(Json statements);

}  // namespace ddbsynth::cfn
