// What the CDK's grant methods write for each configured grant: the statements of the role's
// inline policy, and for roles imported by ARN (a literal account the CDK cannot prove is
// the stack's own) the statements Grant.addToPrincipalOrResource also puts on the table's
// resource policy and the key policy.
#pragma once

#include <span>
#include <string_view>
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

// A statement as PolicyStatement.toStatementJson normalizes it: one action as a string.
cfn::Json grant_statement(std::span<const std::string_view> actions, cfn::Json resource,
                          const cfn::Json* principal = nullptr);

// Every grant's statements gathered: those for the table's resource policy, the key policy (after
// the account root's kms:* the Key construct starts it with) and each role's policy document.
struct GrantedPolicies {
  cfn::Json table_statements;
  cfn::Json key_statements;
  std::vector<cfn::Json> role_policies;
};
using GrantStatementsFn = GrantStatements (*)(const Grant&, const GrantTargets&);
GrantedPolicies gather_grants(const Table& t, const GrantTargets& targets, GrantStatementsFn statements);

// PolicyDocument rendering: identical statements (after the first) are dropped.
cfn::Json policy_document(const cfn::Json& statements);

}  // namespace ddbsynth::cdk
