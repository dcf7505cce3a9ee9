// Findings for the global tables section: replicas, the table's region, consistency.
#include "review/plan_rules.hpp"

namespace ddbsynth::review {
namespace {

std::string region_of(const Change& c) { return changed_name(c, "region"); }

void replica_added(const Change& c, Context& x) {
  x.add(c, "REPLICA_ADDED",
        fmt::format("a replica in {} is added: DynamoDB copies the table there (minutes for an empty table, hours for "
                    "a large one)",
                    region_of(c)));
}

void replica_removed(const Change& c, Context& x) {
  x.add(c, "REPLICA_REMOVED",
        fmt::format("the replica in {} (was at {}) is removed: that region's copy of the table and its data are "
                    "deleted, and applications reading there fail",
                    region_of(c), x.was_at(c)));
}

void replica_changed(const Change& c, Context& x) {
  if (c.old_value["kmsKeyArn"] != c.new_value["kmsKeyArn"]) {
    x.add(c, "REPLICA_KEY_CHANGE",
          fmt::format("the KMS key of the replica in {} changes: CloudFormation re-encrypts the replica in place; "
                      "Terraform removes the replica and creates it anew (the provider cannot update kms_key_arn), "
                      "so that region's copy is deleted and copied again",
                      region_of(c)),
          x.engines(Effect::Update, Effect::Update));
    return;
  }
  std::string parts;
  for (const auto& [k, v] : c.new_value.items())
    if (c.old_value.value(k, Json()) != v) parts += fmt::format("{}{} {} -> {}", parts.empty() ? "" : ", ", k,
                                                                show(c.old_value.value(k, Json())), v.dump());
  for (const auto& [k, v] : c.old_value.items())
    if (!c.new_value.contains(k)) parts += fmt::format("{}{} {} -> (the table's)", parts.empty() ? "" : ", ", k, v.dump());
  x.add(c, "REPLICA_SETTINGS_CHANGE", fmt::format("the replica in {} changes: {}", region_of(c), parts));
}

// CloudFormation adds or removes one replica per update.
void replica_sequence(const std::vector<Change>& changes, Context& x) {
  if (!x.old_table.is_global() || !x.new_table.is_global() || x.fresh_table()) return;
  std::vector<std::string> steps;
  for (const char* kind : {"replica_removed", "replica_added"})
    for (const auto& c : changes)
      if (c.kind == kind) steps.push_back(fmt::format("{} {}", c.kind == "replica_added" ? "add" : "remove", region_of(c)));
  if (steps.size() < 2) return;
  std::string plan;
  for (size_t i = 0; i < steps.size(); ++i) plan += fmt::format("{}deploy {}: {}", i ? "; " : "", i + 1, steps[i]);
  Change where{"", "tableConfig.replicas", {}, {}, false};
  x.add(where, "MULTIPLE_REPLICA_CHANGES",
        fmt::format("{} replicas are added or removed in one deploy, but CloudFormation allows one per update, so its "
                    "update fails; deploy in steps: {} (Terraform makes them in one apply)",
                    steps.size(), plan),
        x.engines(Effect::Fail, Effect::Update));
}

// The first replica makes AWS::DynamoDB::Table an AWS::DynamoDB::GlobalTable under the same
// logical ID, a type change CloudFormation refuses; AWS's documented way is to retain the table,
// remove it from the stack and import it as a global table.
void global_conversion(const std::vector<Change>& changes, Context& x) {
  if (x.old_table.is_global() == x.new_table.is_global() || x.stack_renamed || x.cfn_replaced) return;
  bool to_global = x.new_table.is_global();
  Change where{"", "tableConfig.replicas", {}, {}, !to_global};
  x.add(where, "GLOBAL_TABLE_CONVERSION",
        to_global
            ? "the first replica turns the regional table into a global one: CloudFormation would change the "
              "resource's type from AWS::DynamoDB::Table to AWS::DynamoDB::GlobalTable, which it cannot do in place "
              "(the update fails, or with another logical ID the old table is deleted and a new, empty one created). "
              "Migrate instead: deploy 1: keep the table regional with removalPolicy retain (DeletionPolicy and "
              "UpdateReplacePolicy Retain); deploy 2: remove the table from the stack (it stays in the account); "
              "then import the existing table into the stack as AWS::DynamoDB::GlobalTable (a resource import with "
              "the same table name and only the stack's region as replica); deploy 3: add the replicas, one per "
              "update. Terraform adds replica blocks to the same aws_dynamodb_table in place"
            : "the last replica is removed, turning the global table back into a regional one: CloudFormation would "
              "change the resource's type from AWS::DynamoDB::GlobalTable to AWS::DynamoDB::Table, which it cannot "
              "do in place: remove the replicas one per update first, then retain the table, remove it from the "
              "stack and import it as AWS::DynamoDB::Table. Terraform removes the replica blocks in place",
        x.engines(Effect::Fail, Effect::Update));
}

void region(const Change& c, Context& x) {
  if (c.old_value.is_null() || c.new_value.is_null()) {
    x.add(c, "REGION_CHANGE",
          fmt::format("tableConfig.region is {} {}: nothing changes as long as it is the region the table is "
                      "deployed in (the cdk target's stack is bound to it, the terraform module checks the provider's)",
                      c.new_value.is_null() ? "no longer set, was" : "set to",
                      show(changed_value(c))),
          std::nullopt, Severity::Info);
    return;
  }
  x.add(c, "REGION_CHANGE",
        fmt::format("the table's region changes from {} to {}, and a table cannot move: the cdk target's stack is "
                    "bound to the region, so deploying creates a second stack with a new, empty table there (the old "
                    "one stays); the cloudformation target's stack in {} cannot drop its own region's replica, so its "
                    "update fails; Terraform's region check fails until the provider moves, and then it creates a "
                    "new table there and loses track of the old one. To move, add {} as a replica, let it copy, then "
                    "make it the table's region in a new stack",
                    show(c.old_value), show(c.new_value), show(c.old_value), show(c.new_value)),
        Engines{Effect::Fail, Effect::SecondTable, Effect::Fail});
}

void consistency(const Change& c, Context& x) {
  x.add(c, c.kind == "witness_region_changed" ? "WITNESS_REGION_CHANGE" : "CONSISTENCY_CHANGE",
        fmt::format("{} changes from {} to {}: DynamoDB sets a global table's consistency mode and witness only "
                    "when its replicas are created, so the update fails on both engines; remove the replicas (one "
                    "per update), then add them back with the new mode",
                    c.kind == "witness_region_changed" ? "the witness region" : "multiRegionConsistency",
                    show(c.old_value), show(c.new_value)),
        x.engines(Effect::Fail, Effect::Fail));
}

}  // namespace

void replica_sequences(const std::vector<Change>& changes, Context& x) {
  global_conversion(changes, x);
  replica_sequence(changes, x);
}

const Rules& replica_rules() {
  static const Rules rules = {
      {"replica_added", replica_added},       {"replica_removed", replica_removed},
      {"replica_changed", replica_changed},   {"region_changed", region},
      {"multi_region_consistency_changed", consistency}, {"witness_region_changed", consistency},
  };
  return rules;
}

}  // namespace ddbsynth::review
