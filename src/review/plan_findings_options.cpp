// Findings for the table options section: restore window, Contributor Insights, Kinesis,
// import from S3, resource policy.
#include <set>

#include "review/plan_rules.hpp"

namespace ddbsynth::review {
namespace {

void pitr_period(const Change& c, Context& x) {
  int o = c.old_value.get<int>(), n = c.new_value.get<int>();
  if (n < o)
    x.add(c, "PITR_WINDOW_SHORTENED",
          fmt::format("the point-in-time restore window shortens from {} to {} days: restore points older than {} "
                      "days are lost",
                      o, n, n));
  else
    x.add(c, "PITR_WINDOW_CHANGE",
          fmt::format("the point-in-time restore window grows from {} to {} days (older restore points build up "
                      "from now on)",
                      o, n));
}

void contributor_insights(const Change& c, Context& x) {
  std::string owner = owner_of(c, c.old_only ? x.old_table : x.new_table);
  std::string what = c.old_value.is_null()   ? "turned on" + (c.new_value.contains("mode") ? " (" + c.new_value["mode"].get<std::string>() + ")" : std::string())
                     : c.new_value.is_null() ? std::string("turned off: its key statistics stop")
                                             : "changed from " + c.old_value.dump() + " to " + c.new_value.dump();
  x.add(c, "CONTRIBUTOR_INSIGHTS_CHANGE", fmt::format("CloudWatch Contributor Insights of {} is {}", owner, what));
}

void kinesis_stream(const Change& c, Context& x) {
  if (c.old_value.is_null()) {
    x.add(c, "KINESIS_DESTINATION_ADDED",
          fmt::format("item changes are streamed to Kinesis stream {}", c.new_value["streamArn"].dump()));
    return;
  }
  x.add(c, "KINESIS_DESTINATION_CHANGE",
        c.new_value.is_null()
            ? fmt::format("the Kinesis destination {} is removed: its consumers stop receiving the table's changes",
                          c.old_value["streamArn"].dump())
            : fmt::format("the Kinesis destination changes from {} to {}: consumers of the old stream stop receiving "
                          "the table's changes, and changes during the switch may reach neither",
                          c.old_value.dump(), c.new_value.dump()));
}

// Terraform's import_table: s3_bucket_source forces a new table; the other arguments do not, and
// as the table is imported only at creation, changing them changes nothing.
bool tf_replaces_import(const Json& o, const Json& n) {
  if (o.is_null() || n.is_null()) return true;
  for (const char* k : {"bucket", "keyPrefix", "bucketOwner"})
    if (o.value(k, Json()) != n.value(k, Json())) return true;
  return false;
}

void import_source(const Change& c, Context& x) {
  std::string verb = c.old_value.is_null() ? "is added" : c.new_value.is_null() ? "is removed" : "changes";
  bool tf = tf_replaces_import(c.old_value, c.new_value);
  x.add(c, "IMPORT_SOURCE_CHANGE",
        fmt::format("importSource {}, and a table is imported only at its creation: {}; {}", verb,
                    x.cfn_replaces("ImportSourceSpecification is create-only", x.new_table.removal),
                    tf ? x.tf_replaces("import_table.s3_bucket_source forces a new resource")
                       : "Terraform updates import_table in place, which imports nothing"),
        x.engines(Effect::Replace, tf ? Effect::Replace : Effect::Update));
}

// The principals an Allow statement names, as "AWS:arn" / "Service:name" / "*".
std::set<std::string> principals(const Json& policy) {
  std::set<std::string> out;
  if (!policy.is_object()) return out;
  Json statements = policy.value("Statement", Json::array());
  if (statements.is_object()) statements = Json::array({statements});
  for (const auto& s : statements) {
    if (s.value("Effect", "") != "Allow" || !s.contains("Principal")) continue;
    const Json& p = s["Principal"];
    if (p.is_string()) {
      out.insert(p.get<std::string>());
      continue;
    }
    for (const auto& [type, ids] : p.items())
      for (const auto& id : ids.is_array() ? ids : Json::array({ids})) out.insert(type + ":" + id.dump());
  }
  return out;
}

void resource_policy(const Change& c, Context& x) {
  std::set<std::string> before = principals(c.old_value), after = principals(c.new_value);
  std::vector<std::string> gained;
  for (const auto& p : after)
    if (!before.count(p)) gained.push_back(p);
  auto count = [](const Json& p) {
    if (!p.is_object() || !p.contains("Statement")) return size_t(0);
    return p["Statement"].is_array() ? p["Statement"].size() : size_t(1);
  };
  if (!gained.empty()) {
    std::string list;
    for (const auto& p : gained) list += (list.empty() ? "" : ", ") + p;
    x.add(c, "RESOURCE_POLICY_ACCESS_GAINED",
          fmt::format("the table's resource policy allows new principals: {}; check that each should reach the table",
                      list));
    return;
  }
  x.add(c, "RESOURCE_POLICY_CHANGE",
        fmt::format("the table's resource policy changes ({} statements -> {}), no principal gains access",
                    count(c.old_value), count(c.new_value)));
}

}  // namespace

const Rules& option_rules() {
  static const Rules rules = {
      {"pitr_period_changed", pitr_period},
      {"contributor_insights_changed", contributor_insights},
      {"kinesis_stream_changed", kinesis_stream},
      {"import_source_changed", import_source},
      {"resource_policy_changed", resource_policy},
  };
  return rules;
}

}  // namespace ddbsynth::review
