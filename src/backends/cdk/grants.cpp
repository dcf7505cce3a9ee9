#include "grants.hpp"

#include "ddbsynth/iam.hpp"

namespace ddbsynth::cdk {
namespace {

using cfn::Json;

// One call a TableGrants / StreamGrants method makes, in the order it makes them
// (aws-dynamodb/lib/table-grants.js, stream-grants.js).
enum class Step {
  Key,            // encryptedResource.grantOnKey: principal, and key policy for ARN roles
  Table,          // actions(): principal, and table resource policy for ARN roles
  PrincipalOnly,  // Grant.addToPrincipal on the table ARNs (stream reads)
  ListStreams,    // dynamodb:ListStreams on "*"
  Stream,         // Grant.addToPrincipal on the stream ARN
};

const std::vector<Step>& steps_for(Access a) {
  static const std::vector<Step> kSteps[] = {
      /* Read */ {Step::Key, Step::Table, Step::PrincipalOnly},
      /* Write */ {Step::Table, Step::Key},
      /* ReadWrite */ {Step::Table, Step::Key, Step::PrincipalOnly},
      /* Full */ {Step::Table, Step::Key},
      /* StreamRead */ {Step::ListStreams, Step::Key, Step::Stream},
  };
  return kSteps[static_cast<int>(a)];
}

// The table's ARNs stay a list even when the index ARN (a lazy value) resolves to nothing.
Json table_arns(const GrantTargets& t) {
  Json arns = Json::array({cfn::get_att(t.table_id, "Arn")});
  if (t.table_has_index) arns.push_back(cfn::join(Json::array({cfn::get_att(t.table_id, "Arn"), "/index/*"})));
  return arns;
}

}  // namespace

Json grant_statement(std::span<const std::string_view> actions, Json resource, const Json* principal) {
  Json s;
  s["Action"] = cfn::actions(actions);
  s["Effect"] = "Allow";
  if (principal) s["Principal"] = *principal;
  s["Resource"] = std::move(resource);
  return s;
}

GrantedPolicies gather_grants(const Table& t, const GrantTargets& targets, GrantStatementsFn statements) {
  GrantedPolicies out{Json::array(),
                      Json::array({Json{{"Action", "kms:*"},
                                        {"Effect", "Allow"},
                                        {"Principal", Json{{"AWS", cfn::account_root_arn()}}},
                                        {"Resource", "*"}}}),
                      {}};
  for (const auto& g : t.grants) {
    GrantStatements s = statements(g, targets);
    for (auto& x : s.table_policy) out.table_statements.push_back(std::move(x));
    for (auto& x : s.key_policy) out.key_statements.push_back(std::move(x));
    out.role_policies.push_back(policy_document(s.role_policy));
  }
  return out;
}

GrantStatements grant_statements(const Grant& g, const GrantTargets& targets) {
  using namespace std::string_view_literals;
  static constexpr std::string_view kListStreams[] = {"dynamodb:ListStreams"sv};
  const AccessActions& a = actions_for(g.access);
  Json principal{{"AWS", g.role}};
  GrantStatements out;
  for (Step step : steps_for(g.access)) {
    switch (step) {
      case Step::Key:
        out.role_policy.push_back(grant_statement(a.key, cfn::get_att(targets.key_id, "Arn")));
        if (g.by_arn) out.key_policy.push_back(grant_statement(a.key, "*", &principal));
        break;
      case Step::Table:
        out.role_policy.push_back(grant_statement(a.table, table_arns(targets)));
        if (g.by_arn) out.table_policy.push_back(grant_statement(a.table, "*", &principal));
        break;
      case Step::PrincipalOnly:
        out.role_policy.push_back(grant_statement(a.principal_only, table_arns(targets)));
        break;
      case Step::ListStreams:
        out.role_policy.push_back(grant_statement(kListStreams, "*"));
        break;
      case Step::Stream:
        out.role_policy.push_back(grant_statement(a.stream, cfn::get_att(targets.table_id, "StreamArn")));
        break;
    }
  }
  out.role_policy.push_back(grant_statement(appconfig_read_actions(), targets.app_arn));
  return out;
}

Json policy_document(const Json& statements) {
  Json unique = Json::array();
  for (const auto& s : statements)
    if (std::find(unique.begin(), unique.end(), s) == unique.end()) unique.push_back(s);
  return Json{{"Statement", std::move(unique)}, {"Version", "2012-10-17"}};
}

}  // namespace ddbsynth::cdk
