// What each change means for the live table: the findings of `ddbsynth plan`.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "review/plan_rules.hpp"

namespace ddbsynth::review {
namespace {

void key_replacement(const Change& c, Context& x) {
  struct Key {
    std::string_view kind, what, property, argument;
  };
  static constexpr Key kKeys[] = {
      {"table_name_changed", "the table name", "TableName", "name"},
      {"partition_key_changed", "the partition key", "KeySchema", "hash_key"},
      {"sort_key_changed", "the sort key", "KeySchema", "range_key"},
  };
  for (const auto& k : kKeys)
    if (k.kind == c.kind)
      // A replaced resource goes by its template's UpdateReplacePolicy, which follows removalPolicy.
      x.add(c, "TABLE_REPLACEMENT",
            fmt::format("{} changes from {} to {}: {}; {}", k.what, show(c.old_value), show(c.new_value),
                        x.cfn_replaces(fmt::format("{} is create-only", k.property), x.new_table.removal),
                        x.tf_replaces(fmt::format("{} forces a new resource", k.argument))),
            x.engines(Effect::Replace, Effect::Replace));
}

// The key schema names keys; their types are attribute definitions, which neither engine
// treats as creating the table anew, while DynamoDB cannot change them.
void key_type(const Change& c, Context& x) {
  std::string key = c.kind == "partition_key_type_changed" ? "partition key" : "sort key";
  std::string what = fmt::format("the {} {} changes type from {} to {}", key, Json(c.new_value["name"]).dump(),
                                 c.old_value["type"].get<std::string>(), c.new_value["type"].get<std::string>());
  Engines e = x.engines(Effect::Fail, Effect::NoChange);
  if (x.fresh_table() && x.tf_replaced) {
    x.add(c, "KEY_TYPE_CHANGE", what + " (on the new table)", e, Severity::Info);
    return;
  }
  x.add(c, "KEY_TYPE_CHANGE",
        fmt::format("{}, which no engine does: CloudFormation updates the table in place (its resource schema makes "
                    "KeySchema create-only, not AttributeDefinitions) and the update fails, as DynamoDB cannot "
                    "change a key's type; Terraform plans no change (the provider ignores attribute type changes) "
                    "and the table keeps type {}. To change it, create a new table (change tableName or the key's "
                    "name) and copy the data",
                    what, c.old_value["type"].get<std::string>()),
        e);
}

void lsi_change(const Change& c, Context& x) {
  const Json& ix = changed_value(c);
  std::string verb = c.kind == "lsi_added" ? "is added" : c.kind == "lsi_removed" ? "is removed" : "changes";
  std::string name = ix["indexName"].get<std::string>();
  std::string what = fmt::format("local secondary index \"{}\" {}{}", name, verb,
                                 c.old_only ? fmt::format(" (was at {})", x.was_at(c)) : "");
  Engines e = x.engines(Effect::Fail, Effect::Replace);
  if (x.fresh_table()) {
    x.add(c, "LSI_CHANGE", what + " (on the new table)", e, Severity::Info);
    return;
  }
  x.add(c, "LSI_CHANGE",
        fmt::format("{}, and LSIs exist only from the table's creation: CloudFormation does not replace the table "
                    "for it (LocalSecondaryIndexes: updates are not supported), so the stack update fails and rolls "
                    "back; {}. To change LSIs, create a new table (e.g. a new tableName) and copy the data",
                    what, x.tf_replaces("local_secondary_index forces a new resource")),
        e);
}

// The table's construct path in the cdk target names its logical ID, and the terraform target
// derives the generated table name from runtimeConfigKey: either way a new table (the old
// resource leaves the template, so the old template's policy decides its fate).
// `elsewhere`: what the other targets do (the runtime config key is also in descriptions).
void logical_id_change(const Change& c, Context& x, std::string_view field, bool names_tf_table, Effect elsewhere) {
  std::vector<std::string> parts;
  if (!x.stack_renamed)
    parts.push_back(fmt::format(
        "in the cdk target it is part of the table's construct path, so the table's logical ID changes and "
        "CloudFormation replaces the table with a new, empty one; {}{} (the cloudformation target keeps \"Table\")",
        Context::old_table_fate(x.old_table.removal), x.fixed_name_note()));
  if (names_tf_table)
    parts.push_back(fmt::format("the terraform target's generated table name starts with it, so the name changes: {}",
                                x.tf_replaces("name forces a new resource")));
  if (parts.empty()) return;  // covered by STACK_RENAME
  std::string message = fmt::format("{} changes from {} to {}", field, show(c.old_value), show(c.new_value));
  for (const auto& p : parts) message += "; " + p;
  x.add(c, "TABLE_REPLACEMENT", message, x.engines(elsewhere, elsewhere));
}

// Terraform's generated name: only without a configured name on either side.
bool tf_name_follows_key(const Context& x) { return !x.old_table.table_name && !x.new_table.table_name; }

void runtime_config_key(const Change& c, Context& x) {
  x.add(c, "RUNTIME_CONFIG_KEY_CHANGE",
        fmt::format(
            "runtimeConfigKey changes from {} to {}: the runtime config publishes the table name under "
            "dynamodb.{}, so applications still reading dynamodb.{} stop finding the table; deploy them together",
            show(c.old_value), show(c.new_value), c.new_value.get<std::string>(), c.old_value.get<std::string>()));
  logical_id_change(c, x, "runtimeConfigKey", tf_name_follows_key(x), Effect::Update);
}

void construct_id(const Change& c, Context& x) {
  logical_id_change(c, x, "cdk.constructId", false, Effect::NoChange);
}

void stack_name(const Change& c, Context& x) {
  bool derived = !x.new_table.positions.count("cdk.stackName");
  std::string note;
  if (x.new_table.table_name && x.old_table.table_name == x.new_table.table_name)
    note = fmt::format(
        "; with the fixed table name \"{}\" the new stack cannot create its table while the old "
        "stack's exists",
        *x.new_table.table_name);
  x.add(c, "STACK_RENAME",
        fmt::format("the stack name changes from {} to {}{}: deploying creates a second stack with a new, empty "
                    "table and leaves the old stack and its table in place{}; the terraform target writes its module "
                    "under another directory, which changes nothing as long as the module block keeps its name",
                    show(c.old_value), show(c.new_value), derived ? " (derived from runtimeConfigKey)" : "", note),
        x.engines(Effect::SecondTable, Effect::NoChange));
}

void billing_mode(const Change& c, Context& x) {
  x.add(c, "BILLING_MODE_SWITCH",
        fmt::format("billing mode switches from {} to {}: DynamoDB limits how often a table may switch, so switching "
                    "back soon may be refused",
                    show(c.old_value), show(c.new_value)));
}

bool autoscaled(const Table& t) {
  return !t.auto_scaling.empty() || std::any_of(t.gsis.begin(), t.gsis.end(), [](const GlobalSecondaryIndex& g) {
           return !g.auto_scaling.empty();
         });
}

// Autoscaling attached while the billing mode switches; Terraform's hidden index changes.
void autoscaled_changes(const std::vector<Change>& changes, Context& x) {
  for (const auto& c : changes) {
    if (c.kind == "billing_mode_changed" && autoscaled(x.old_table) && x.new_table.billing == BillingMode::PayPerRequest)
      x.add(c, "AUTOSCALING_BILLING_SWITCH",
            "the billing mode switches to PAY_PER_REQUEST while autoscaling is attached: the deploy switches the table "
            "and deletes the scaling targets and policies in one update, and a scaling policy acting on an on-demand "
            "table fails; deploy 1: remove autoScaling; deploy 2: switch the billing mode");
    if (c.kind == "billing_mode_changed" && autoscaled(x.new_table) && x.new_table.billing == BillingMode::Provisioned)
      x.add(c, "AUTOSCALING_BILLING_SWITCH",
            "the table switches to PROVISIONED with autoscaling: it starts at the configured capacities, and the "
            "autoscaler adjusts them only after its first scaling period",
            std::nullopt, Severity::Info);
    bool index_autoscales = std::any_of(x.new_table.gsis.begin(), x.new_table.gsis.end(), [](const auto& g) {
      return !g.auto_scaling.empty();
    });
    if (index_autoscales && !x.tf_replaced &&
        (c.kind == "gsi_added" || c.kind == "gsi_removed" || c.kind == "gsi_changed"))
      x.add(c, "TERRAFORM_HIDDEN_INDEX_CHANGE",
            "an index autoscales, so the terraform module ignores changes to global_secondary_index (the provider "
            "cannot ignore one index's capacity): terraform plan does not show this index change and applies "
            "nothing; make index changes in a deploy without index autoscaling, then add it back",
            x.engines(Effect::Update, Effect::NoChange));
  }
}

void capacity(const Change& c, Context& x) {
  std::string what;
  if (c.kind == "gsi_capacity_changed") {
    auto part = [](const Json& g) {
      return fmt::format("{}/{}", g.value("readCapacity", 0), g.value("writeCapacity", 0));
    };
    what = fmt::format("read/write capacity of global secondary index \"{}\" changes from {} to {}",
                       c.new_value["indexName"].get<std::string>(), part(c.old_value), part(c.new_value));
  } else {
    what = fmt::format("{} capacity changes from {} to {}", c.kind == "read_capacity_changed" ? "read" : "write",
                       show(c.old_value), show(c.new_value));
  }
  bool owned = c.kind == "read_capacity_changed"    ? x.new_table.auto_scaling.read.has_value()
               : c.kind == "write_capacity_changed" ? x.new_table.auto_scaling.write.has_value()
                                                    : false;
  if (owned) {
    x.add(c, "CAPACITY_CHANGE",
          what + ", but autoscaling owns it: CloudFormation sets it until the autoscaler next acts, the terraform "
                 "module ignores it (lifecycle ignore_changes)",
          x.engines(Effect::Update, Effect::NoChange));
    return;
  }
  x.add(c, "CAPACITY_CHANGE", what + " (DynamoDB limits how many decreases a table may have per day)");
}

// Protections: turning one off is a warning, turning it on an info.
struct Protection {
  std::string_view kind, off_code, on_code, name, off_effect;
};
constexpr Protection kProtections[] = {
    {"deletion_protection_changed", "DELETION_PROTECTION_DISABLED", "DELETION_PROTECTION_ENABLED",
     "deletion protection", "the table can then be deleted by DeleteTable, a stack update or a stack deletion"},
    {"point_in_time_recovery_changed", "PITR_DISABLED", "PITR_ENABLED", "point-in-time recovery",
     "continuous backups stop and the restore window built so far is lost"},
    {"key_rotation_changed", "KEY_ROTATION_DISABLED", "KEY_ROTATION_ENABLED",
     "automatic rotation of the table's KMS key", "the key material stays the same from then on"},
};

void protection(const Change& c, Context& x) {
  for (const auto& p : kProtections)
    if (p.kind == c.kind) {
      if (c.new_value.get<bool>())
        x.add(c, p.on_code, fmt::format("{} is turned on", p.name));
      else
        x.add(c, p.off_code, fmt::format("{} is turned off: {}", p.name, p.off_effect));
    }
}

void removal_policy(const Change& c, Context& x) {
  if (c.new_value == "destroy")
    x.add(c, "RETAIN_REMOVED",
          "removalPolicy changes from retain to destroy: removing the table from the stack, replacing it or deleting "
          "the stack then deletes the table, its data and its KMS key");
  else
    x.add(c, "RETAIN_ADDED", "removalPolicy changes from destroy to retain: the table and its key outlive the stack");
}

void time_to_live(const Change& c, Context& x) {
  if (c.old_value.is_null()) {
    x.add(c, "TTL_CHANGE",
          fmt::format("TTL is turned on for attribute {}: items whose {} is an epoch time in the past get deleted",
                      show(c.new_value), show(c.new_value)));
  } else if (c.new_value.is_null()) {
    x.add(c, "TTL_CHANGE", fmt::format("TTL on attribute {} is turned off: expired items are kept", show(c.old_value)));
  } else if (x.fresh_table()) {
    x.add(
        c, "TTL_ATTRIBUTE_CHANGE",
        fmt::format("the TTL attribute changes from {} to {} (on the new table)", show(c.old_value), show(c.new_value)),
        std::nullopt, Severity::Info);
  } else {
    x.add(c, "TTL_ATTRIBUTE_CHANGE",
          fmt::format("the TTL attribute changes from {} to {}, which DynamoDB cannot do in one step, whichever engine "
                      "asks: deploy 1: remove timeToLiveAttribute; deploy 2 (after the change settles, up to an hour): "
                      "set it to {}",
                      show(c.old_value), show(c.new_value), show(c.new_value)),
          x.engines(Effect::Fail, Effect::Fail));
  }
}

void stream(const Change& c, Context& x) {
  if (c.old_value.is_null()) {
    x.add(c, "STREAM_ENABLED", fmt::format("a stream ({}) is turned on", show(c.new_value)));
  } else if (c.new_value.is_null()) {
    x.add(c, "STREAM_DISABLED",
          fmt::format("the stream ({}) is turned off: its consumers stop receiving changes, and a stream turned on "
                      "later gets a new ARN",
                      show(c.old_value)));
  } else if (x.fresh_table()) {
    x.add(c, "STREAM_VIEW_CHANGE",
          fmt::format("the stream's view type changes from {} to {} (on the new table)", show(c.old_value),
                      show(c.new_value)),
          std::nullopt, Severity::Info);
  } else {
    x.add(c, "STREAM_VIEW_CHANGE",
          fmt::format("the stream's view type changes from {} to {}, which DynamoDB rejects while the stream is on, so "
                      "the CloudFormation update fails: deploy 1: remove stream; deploy 2: set it to {}; Terraform "
                      "disables and re-enables the stream itself in one apply. Either way the new stream has a new "
                      "ARN: update its consumers",
                      show(c.old_value), show(c.new_value), show(c.new_value)),
          x.engines(Effect::Fail, Effect::Update));
  }
}

void table_class(const Change& c, Context& x) {
  x.add(c, "TABLE_CLASS_CHANGE",
        fmt::format("the table class changes from {} to {} (DynamoDB limits how often a table may change class)",
                    show(c.old_value), show(c.new_value)));
}

void tag(const Change& c, Context& x) {
  // The key is the path's last member: ".team" or ["cost center"].
  std::string member = c.path.substr(std::string("tableConfig.tags").size());
  std::string key = member[0] == '.' ? Json(member.substr(1)).dump() : member.substr(1, member.size() - 2);
  if (c.kind == "tag_added")
    x.add(c, "TAG_CHANGE", fmt::format("tag {} is added: {}", key, show(c.new_value)));
  else if (c.kind == "tag_removed")
    x.add(c, "TAG_CHANGE", fmt::format("tag {} is removed (was {})", key, show(c.old_value)));
  else
    x.add(c, "TAG_CHANGE", fmt::format("tag {} changes from {} to {}", key, show(c.old_value), show(c.new_value)));
}

std::string index_name(const Change& c) { return changed_name(c, "indexName"); }

void gsi_added(const Change& c, Context& x) {
  x.add(c, "GSI_ADDED",
        fmt::format("global secondary index \"{}\" is created; DynamoDB backfills it from the table's items before "
                    "it can be queried",
                    index_name(c)));
}

void gsi_removed(const Change& c, Context& x) {
  x.add(c, "GSI_REMOVED",
        fmt::format("global secondary index \"{}\" (was at {}) is deleted: queries on it fail from then on",
                    index_name(c), x.was_at(c)));
}

// "projection ALL -> KEYS_ONLY, sort key gsi1sk (S) -> (none)": what differs between two indexes.
std::string index_differences(const Json& before, const Json& after) {
  static const std::pair<const char*, const char*> kParts[] = {{"partitionKey", "partition key"},
                                                               {"sortKey", "sort key"},
                                                               {"projectionType", "projection"},
                                                               {"nonKeyAttributes", "non-key attributes"}};
  std::string out;
  for (const auto& [field, name] : kParts) {
    Json o = before.value(field, Json()), n = after.value(field, Json());
    if (o != n) out += fmt::format("{}{} {} -> {}", out.empty() ? "" : ", ", name, show(o), show(n));
  }
  return out;
}

void gsi_changed(const Change& c, Context& x) {
  std::string name = index_name(c);
  if (x.fresh_table()) {
    x.add(c, "GSI_KEY_CHANGE",
          fmt::format("global secondary index \"{}\" changes ({}) on the new table", name,
                      index_differences(c.old_value, c.new_value)),
          std::nullopt, Severity::Info);
    return;
  }
  x.add(c, "GSI_KEY_CHANGE",
        fmt::format("global secondary index \"{}\" changes ({}), which DynamoDB cannot update in place, so the "
                    "CloudFormation update fails: give it a new name (e.g. \"{}-v2\"); then deploy 1: add the renamed "
                    "index and move queries to it; deploy 2: remove \"{}\". Terraform instead deletes the index and "
                    "creates it anew in one apply: queries on it fail until the new one is backfilled",
                    name, index_differences(c.old_value, c.new_value), name, name),
        x.engines(Effect::Fail, Effect::Update));
}

void grant(const Change& c, Context& x) {
  const Json& g = changed_value(c);
  x.add(c, "GRANT_CHANGE",
        fmt::format("role {} {} {} access", g["role"].dump(), c.kind == "grant_added" ? "gains" : "loses",
                    g["access"].get<std::string>()));
}

const Rules kRules = {
    {"runtime_config_key_changed", runtime_config_key},
    {"construct_id_changed", construct_id},
    {"stack_name_changed", stack_name},
    {"table_name_changed", key_replacement},
    {"partition_key_changed", key_replacement},
    {"sort_key_changed", key_replacement},
    {"partition_key_type_changed", key_type},
    {"sort_key_type_changed", key_type},
    {"lsi_added", lsi_change},
    {"lsi_removed", lsi_change},
    {"lsi_changed", lsi_change},
    {"billing_mode_changed", billing_mode},
    {"read_capacity_changed", capacity},
    {"write_capacity_changed", capacity},
    {"gsi_capacity_changed", capacity},
    {"deletion_protection_changed", protection},
    {"point_in_time_recovery_changed", protection},
    {"key_rotation_changed", protection},
    {"removal_policy_changed", removal_policy},
    {"time_to_live_changed", time_to_live},
    {"stream_changed", stream},
    {"table_class_changed", table_class},
    {"tag_added", tag},
    {"tag_removed", tag},
    {"tag_changed", tag},
    {"gsi_added", gsi_added},
    {"gsi_removed", gsi_removed},
    {"gsi_changed", gsi_changed},
    {"grant_added", grant},
    {"grant_removed", grant},
};

// Kinds that make an engine create the table anew whatever else changes: create-only
// properties of AWS::DynamoDB::Table (its resource schema), arguments of aws_dynamodb_table that
// force a new resource (the provider's schema).
struct Replacing {
  std::string_view kind;
  bool cloudformation, terraform;
};
constexpr Replacing kReplacing[] = {
    {"table_name_changed", true, true},  {"partition_key_changed", true, true}, {"sort_key_changed", true, true},
    {"lsi_added", false, true},          {"lsi_removed", false, true},          {"lsi_changed", false, true},
};

void mark_replacements(const std::vector<Change>& changes, Context& x) {
  for (const auto& c : changes) {
    if (c.kind == "stack_name_changed") x.stack_renamed = true;
    for (const auto& r : kReplacing)
      if (r.kind == c.kind) {
        x.cfn_replaced |= r.cloudformation;
        x.tf_replaced |= r.terraform;
      }
    if (c.kind == "runtime_config_key_changed" && tf_name_follows_key(x)) x.tf_replaced = true;
    // CloudFormation's ImportSourceSpecification is create-only; Terraform's import_table forces a
    // new table through s3_bucket_source; the provider forces one when the table's warm
    // throughput decreases.
    if (c.kind == "import_source_changed") {
      x.cfn_replaced = true;
      x.tf_replaced |= c.old_value.is_null() || c.new_value.is_null() ||
                       c.old_value.value("bucket", Json()) != c.new_value.value("bucket", Json()) ||
                       c.old_value.value("keyPrefix", Json()) != c.new_value.value("keyPrefix", Json()) ||
                       c.old_value.value("bucketOwner", Json()) != c.new_value.value("bucketOwner", Json());
    }
    if (c.kind == "warm_throughput_changed" && c.path == "tableConfig.warmThroughput" && c.old_value.is_object() &&
        c.new_value.is_object())
      for (const char* k : {"readUnitsPerSecond", "writeUnitsPerSecond"})
        if (c.old_value.contains(k) && c.new_value.contains(k) && c.new_value[k] < c.old_value[k]) x.tf_replaced = true;
  }
  x.cdk_replaced = x.cfn_replaced;
  for (const auto& c : changes)
    if (!x.stack_renamed && (c.kind == "runtime_config_key_changed" || c.kind == "construct_id_changed"))
      x.cdk_replaced = true;
}

// CloudFormation creates or deletes one GSI per update: more need one deploy each, removals first
// (they free index slots and need no backfill).
void gsi_sequence(const std::vector<Change>& changes, Context& x) {
  std::vector<std::string> steps;
  for (const char* kind : {"gsi_removed", "gsi_added"})
    for (const auto& c : changes)
      if (c.kind == kind)
        steps.push_back(fmt::format("{} \"{}\"", c.kind == "gsi_added" ? "add" : "remove", index_name(c)));
  if (steps.size() < 2 || x.fresh_table()) return;
  std::string plan;
  for (size_t i = 0; i < steps.size(); ++i) plan += fmt::format("{}deploy {}: {}", i ? "; " : "", i + 1, steps[i]);
  Change where{"", "tableConfig.globalSecondaryIndexes", {}, {}, false};
  x.add(where, "MULTIPLE_GSI_CHANGES",
        fmt::format("{} global secondary indexes are created or deleted in one deploy, but CloudFormation allows one "
                    "per update, so its update fails; deploy in steps, each after the previous one finished: {} "
                    "(Terraform makes them one at a time in one apply)",
                    steps.size(), plan),
        x.engines(Effect::Fail, Effect::Update));
}

}  // namespace

bool Plan::has_errors() const {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::Error; });
}

Plan make_plan(const Table& old_table, const Table& new_table) {
  Plan plan{model_changes(old_table, new_table), {}};
  Context x{old_table, new_table};
  // Rules run in order and each needs to know whether the table is new anyway: mark that first.
  mark_replacements(plan.changes, x);
  for (const auto& c : plan.changes) {
    for (const Rules* rules : {&kRules, &capacity_rules(), &option_rules(), &replica_rules()})
      if (auto it = rules->find(c.kind); it != rules->end()) {
        it->second(c, x);
        break;
      }
  }
  gsi_sequence(plan.changes, x);
  replica_sequences(plan.changes, x);
  autoscaled_changes(plan.changes, x);
  std::stable_sort(x.findings.begin(), x.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
  plan.findings = std::move(x.findings);
  return plan;
}

}  // namespace ddbsynth::review
