// IAM grants: for each, an inline policy on the role with the actions the CloudFormation
// target grants (the CDK's), and for roles given by ARN the table's resource policy.
#include <cctype>

#include "backends/common/naming.hpp"
#include "backends/common/resource_policy.hpp"
#include "backends/terraform/module.hpp"
#include "ddbsynth/iam.hpp"

namespace ddbsynth::tf {
namespace {

// The table's ARN, and its indexes' when it has any.
Value table_and_indexes(const Table& t) {
  std::vector<Value> arns = {ref(kTable, "arn")};
  if (!t.gsis.empty() || !t.lsis.empty()) arns.push_back(Value::tmpl({ref(kTable, "arn"), Value::str("/index/*")}));
  return Value::list(std::move(arns));
}

Value identity_policy(const Table& t, const Grant& g) {
  const AccessActions& a = actions_for(g.access);
  std::vector<Value> st;
  if (a.list_streams) st.push_back(allow(Value::str("dynamodb:ListStreams"), Value::str("*")));
  if (!a.table.empty()) st.push_back(allow(actions(a.table), table_and_indexes(t)));
  if (!a.principal_only.empty()) st.push_back(allow(actions(a.principal_only), table_and_indexes(t)));
  if (!a.stream.empty()) st.push_back(allow(actions(a.stream), ref(kTable, "stream_arn")));
  st.push_back(allow(actions(a.key), ref(kKey, "arn")));
  st.push_back(allow(actions(appconfig_read_actions()), Value::tmpl({ref(kApp, "arn"), Value::str("/*")})));
  return policy_document(std::move(st));
}

// A policy as data: every string written as a string, keys quoted unless plain identifiers.
Value from_json(const cfn::Json& j) {
  if (j.is_string()) return Value::str(j.get<std::string>());
  if (j.is_boolean()) return Value::boolean(j.get<bool>());
  if (j.is_number_integer()) return Value::integer(j.get<int64_t>());
  if (j.is_array()) {
    std::vector<Value> items;
    for (const auto& x : j) items.push_back(from_json(x));
    return Value::list(std::move(items));
  }
  if (j.is_object()) {
    std::vector<Value::Field> fields;
    for (const auto& [k, v] : j.items()) fields.push_back({k, from_json(v), true});
    return Value::object(std::move(fields));
  }
  return Value::null();
}

}  // namespace

// A Terraform resource name for a role or index: letters, digits, `_` and `-`, not starting
// with a digit.
std::string resource_name(const std::string& s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
  if (out.empty() || !std::isalpha(static_cast<unsigned char>(out[0]))) out = "_" + out;
  return out;
}

bool needs_table_policy(const Table& t) { return !cfn::table_policy_statements(t).empty(); }

void add_grants(const Table& t, Body& main) {
  UniqueIds names;
  for (const auto& g : t.grants)
    main.add_block("resource", {"aws_iam_role_policy", names.take(resource_name(g.role_name))})
        .body.set("name", Value::str(policy_name(t, g)))
        .set("role", Value::str(g.role_name))
        .set("policy", Value::call("jsonencode", {identity_policy(t, g)}));

  if (!needs_table_policy(t)) return;
  main.add_block("resource", {"aws_dynamodb_resource_policy", "table"})
      .body.set("resource_arn", ref(kTable, "arn"))
      .set("policy", table_policy(t));
}

// The table's one resource policy: the user's statements and, since roles given by ARN may be
// in another account, theirs, as every target merges them.
Value table_policy(const Table& t) {
  std::vector<Value> st;
  for (const auto& s : cfn::table_policy_statements(t)) st.push_back(from_json(s));
  return Value::call("jsonencode", {policy_document(std::move(st))});
}

}  // namespace ddbsynth::tf
