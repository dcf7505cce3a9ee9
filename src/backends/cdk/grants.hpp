// What the CDK's grant methods write for each configured grant: the statements of the role's
// inline policy, and for roles imported by ARN (a literal account the CDK cannot prove is
// the stack's own) the statements Grant.addToPrincipalOrResource also puts on the table's
// resource policy and the key policy.
#pragma once

#include <vector>

#include "backends/common/cfn.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth::cdk {

// The logical IDs and values the statements refer to.
struct GrantTargets {
  std::string table_id;
  std::string key_id;
  bool table_has_index = false;  // adds "<table arn>/index/*" to table statements
  cfn::Json app_arn;             // the runtime config's AppConfig application, "/*"
};

struct GrantStatements {
  cfn::Json role_policy = cfn::Json::array();  // one role's policy, in grant call order
  cfn::Json table_policy = cfn::Json::array();  // added to the table's ResourcePolicy
  cfn::Json key_policy = cfn::Json::array();    // added to the key policy
};

GrantStatements grant_statements(const Grant& g, const GrantTargets& targets);

// PolicyDocument rendering: identical statements (after the first) are dropped.
cfn::Json policy_document(const cfn::Json& statements);

}  // namespace ddbsynth::cdk
