#include "table_v2_grants.hpp"

#include "ddbsynth/iam.hpp"

namespace ddbsynth::cdk {
namespace {

using cfn::Json;

// TableBaseV2 lists the index ARN only when there are indexes (v1's lazy one always makes a
// list); one resource is written as a string.
Json table_arns(const GrantTargets& t) {
  if (!t.table_has_index) return cfn::get_att(t.table_id, "Arn");
  return Json::array({cfn::get_att(t.table_id, "Arn"), cfn::join(Json::array({cfn::get_att(t.table_id, "Arn"), "/index/*"}))});
}

}  // namespace

GrantStatements table_v2_grant_statements(const Grant& g, const GrantTargets& targets) {
  using namespace std::string_view_literals;
  static constexpr std::string_view kListStreams[] = {"dynamodb:ListStreams"sv};
  const AccessActions& a = actions_for(g.access);
  const Json principal{{"AWS", g.role}};
  const Json stream_arn = cfn::get_att(targets.table_id, "StreamArn");
  GrantStatements out;
  // grantStreamRead lists the table's streams on its stream ARN, before the key grant.
  if (a.list_streams) out.role_policy.push_back(grant_statement(kListStreams, stream_arn));
  out.role_policy.push_back(grant_statement(a.key, cfn::get_att(targets.key_id, "Arn")));
  if (g.by_arn) out.key_policy.push_back(grant_statement(a.key, "*", &principal));
  if (!a.table.empty()) {
    out.role_policy.push_back(grant_statement(a.table, table_arns(targets)));
    if (g.by_arn) out.table_policy.push_back(grant_statement(a.table, "*", &principal));
  }
  if (!a.principal_only.empty()) out.role_policy.push_back(grant_statement(a.principal_only, table_arns(targets)));
  if (!a.stream.empty()) out.role_policy.push_back(grant_statement(a.stream, stream_arn));
  out.role_policy.push_back(grant_statement(appconfig_read_actions(), targets.app_arn));
  return out;
}

}  // namespace ddbsynth::cdk
