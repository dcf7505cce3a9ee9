// What plan's rules share: the context of one plan and the helpers their messages use. The
// rules of each config section live in a file of their own (plan_findings*.cpp).
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "review/finding_codes.hpp"
#include "review/plan.hpp"

namespace ddbsynth::review {

// A key attribute as `name (S)`; a name with quotes, backslashes or control characters (attribute
// names may hold any) in JSON quotes, so that a finding stays on its line.
inline std::string show(const Json& v) {
  if (v.is_null()) return "(none)";
  if (v.is_object() && v.contains("name") && v.contains("type")) {
    const std::string& name = v["name"].get_ref<const std::string&>();
    bool plain = std::none_of(name.begin(), name.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '"' || c == '\\';
    });
    return fmt::format("{} ({})", plain ? name : v["name"].dump(), v["type"].get<std::string>());
  }
  return v.dump();
}

// The value a change is about: the new one, or the old one of a removal.
inline const Json& changed_value(const Change& c) { return c.new_value.is_null() ? c.old_value : c.new_value; }

// A string member of that value (an index's "indexName", a replica's "region").
inline std::string changed_name(const Change& c, const char* member) {
  return changed_value(c)[member].get<std::string>();
}

inline std::string position(const SourcePos& p) { return fmt::format("{}:{}:{}", p.file, p.line, p.column); }

struct Context {
  const Table& old_table;
  const Table& new_table;
  bool stack_renamed = false;
  bool cfn_replaced = false;  // a create-only property of AWS::DynamoDB::Table changes (both CFN targets)
  bool cdk_replaced = false;  // that, or the cdk target's logical ID
  bool tf_replaced = false;   // an argument of aws_dynamodb_table that forces a new resource
  std::vector<Finding> findings;

  // The deploy makes a new table (new stack, or replacement): in-place update limits do not apply.
  bool fresh_table() const { return stack_renamed || cfn_replaced; }

  // Each engine's effect for a change it would make `cfn` / `tf` on its own, when the deploy
  // replaces the table or makes a second one anyway.
  Engines engines(Effect cfn, Effect tf) const {
    auto fold = [&](bool replaced, Effect e) {
      return stack_renamed ? Effect::SecondTable : replaced ? Effect::Replace : e;
    };
    return Engines{fold(cfn_replaced, cfn), fold(cdk_replaced, cfn), tf_replaced ? Effect::Replace : tf};
  }

  // `effects` default to an in-place update on every engine, folded as above.
  void add(const Change& c, std::string_view code, std::string message, std::optional<Engines> effects = {},
           std::optional<Severity> severity = {}) {
    const FindingCode* known = find_code(code);
    Finding f{std::string(code), severity.value_or(known ? known->severity : Severity::Info), std::move(message),
              c.path, {}, effects.value_or(engines(Effect::Update, Effect::Update))};
    std::string at = c.old_only ? parent_path(c.path) : c.path;
    for (;; at = parent_path(at)) {
      if (auto it = new_table.positions.find(at); it != new_table.positions.end()) {
        f.pos = it->second;
        break;
      }
      if (at.empty()) {
        f.pos = SourcePos{new_table.source_file, 1, 1};
        break;
      }
    }
    findings.push_back(std::move(f));
  }

  // Where a field of the old config was, for messages about things the new one dropped.
  std::string was_at(const Change& c) const { return position(old_table.where(c.path)); }

  // What CloudFormation does with the table it stops managing (policy of the template that drops it).
  static std::string old_table_fate(RemovalPolicy policy) {
    return policy == RemovalPolicy::Retain
               ? "the old table and its data stay in the account, outside the stack (removalPolicy retain)"
               : "the old table is deleted with its data (removalPolicy destroy)";
  }

  std::string fixed_name_note() const {
    if (!new_table.table_name || old_table.table_name != new_table.table_name) return "";
    return fmt::format(
        "; and as the table name is fixed (tableConfig.tableName \"{}\"), CloudFormation cannot "
        "create the new table while the old one holds the name: the deploy fails unless the name "
        "changes too",
        *new_table.table_name);
  }

  // "CloudFormation replaces the table (KeySchema is create-only) ...": both CloudFormation targets.
  std::string cfn_replaces(std::string_view why, RemovalPolicy policy) const {
    return fmt::format("CloudFormation replaces the table with a new, empty one ({}); {}{}", why,
                       old_table_fate(policy), fixed_name_note());
  }

  // Terraform destroys the old table first; the module's prevent_destroy (retain) refuses that.
  std::string tf_replaces(std::string_view why) const {
    return fmt::format("Terraform replaces the table ({}): {}", why,
                       new_table.removal == RemovalPolicy::Retain
                           ? "the module's lifecycle prevent_destroy (removalPolicy retain) stops terraform plan "
                             "with an error until it is lifted"
                           : "it destroys the old table with its data, then creates the new one");
  }
};

using Rule = void (*)(const Change&, Context&);

using Rules = std::map<std::string, Rule, std::less<>>;

// The rules of the round-2 sections, by change kind.
const Rules& capacity_rules();
const Rules& option_rules();
const Rules& replica_rules();
// Findings about the replicas as a whole (conversion to or from a global table, several at once).
void replica_sequences(const std::vector<Change>& changes, Context& x);

// "global secondary index \"byX\"" or "the table", for a path under either.
std::string owner_of(const Change& c, const Table& t);

}  // namespace ddbsynth::review
