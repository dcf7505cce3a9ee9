// The KMS key and the table: every feature of the model, with the per-environment toggles
// read from variables.
#include <fmt/format.h>

#include <cctype>

#include "backends/terraform/module.hpp"
#include "ddbsynth/iam.hpp"

namespace ddbsynth::tf {
namespace {

constexpr size_t kSuffixLength = 8;

// The table name's stem when none is configured: the runtime config key's characters that
// table names allow, leaving room for "-" and the random suffix.
std::string name_stem(const Table& t) {
  std::string stem;
  for (char c : t.runtime_config_key)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-') stem += c;
  if (stem.empty()) stem = "table";
  return stem.substr(0, 255 - 1 - kSuffixLength);
}

void prevent_destroy(const Table& t, Body& resource) {
  if (t.removal == RemovalPolicy::Retain)
    resource.add_block("lifecycle").body.set("prevent_destroy", Value::boolean(true));
}

// The capacities the autoscaler owns once the table exists, so that a plan after it scaled shows
// no change: the table's own per dimension; an index's only through the whole
// global_secondary_index set, which the provider cannot ignore one index at a time.
Value ignored_capacities(const Table& t) {
  std::vector<Value> names;
  if (t.auto_scaling.read) names.push_back(Value::type("read_capacity"));
  if (t.auto_scaling.write) names.push_back(Value::type("write_capacity"));
  for (const auto& g : t.gsis)
    if (!g.auto_scaling.empty()) {
      names.push_back(Value::type("global_secondary_index"));
      break;
    }
  return Value::list(std::move(names));
}

void table_lifecycle(const Table& t, Body& table) {
  Value ignored = ignored_capacities(t);
  if (t.removal != RemovalPolicy::Retain && ignored.items.empty()) return;
  Body& b = table.add_block("lifecycle").body;
  if (!ignored.items.empty()) b.set("ignore_changes", std::move(ignored));
  if (t.removal == RemovalPolicy::Retain) b.set("prevent_destroy", Value::boolean(true));
}

void add_on_demand(Body& b, const OnDemandThroughput& o) {
  if (o.empty()) return;
  Body& d = b.add_block("on_demand_throughput").body;
  if (o.max_read_request_units) d.set("max_read_request_units", Value::integer(*o.max_read_request_units));
  if (o.max_write_request_units) d.set("max_write_request_units", Value::integer(*o.max_write_request_units));
}

void add_warm(Body& b, const std::optional<WarmThroughput>& w) {
  if (!w) return;
  Body& d = b.add_block("warm_throughput").body;
  if (w->read_units_per_second) d.set("read_units_per_second", Value::integer(*w->read_units_per_second));
  if (w->write_units_per_second) d.set("write_units_per_second", Value::integer(*w->write_units_per_second));
}

void add_import(Body& table, const ImportSource& i) {
  Body& b = table.add_block("import_table").body;
  if (i.compression) b.set("input_compression_type", Value::str(to_string(*i.compression)));
  b.set("input_format", Value::str(to_string(i.format)));
  if (i.format == InputFormat::Csv && (i.csv_delimiter || i.csv_header)) {
    Body& csv = b.add_block("input_format_options").body.add_block("csv").body;
    if (i.csv_delimiter) csv.set("delimiter", Value::str(*i.csv_delimiter));
    if (i.csv_header) {
      std::vector<Value> names;
      for (const auto& h : *i.csv_header) names.push_back(Value::str(h));
      csv.set("header_list", Value::list(std::move(names)));
    }
  }
  Body& s3 = b.add_block("s3_bucket_source").body;
  s3.set("bucket", Value::str(i.bucket));
  if (i.bucket_owner) s3.set("bucket_owner", Value::str(*i.bucket_owner));
  if (i.key_prefix) s3.set("key_prefix", Value::str(*i.key_prefix));
}

Value root_principal_arn() {
  return Value::tmpl({Value::str("arn:"), ref(kPartition, "partition"), Value::str(":iam::"),
                      ref(kAccount, "account_id"), Value::str(":root")});
}

void add_key(const Table& t, Body& main) {
  std::vector<Value> statements;
  std::vector<Value::Field> root = {{"Action", Value::str("kms:*"), true},
                                    {"Effect", Value::str("Allow"), true},
                                    {"Principal", Value::object({{"AWS", root_principal_arn(), true}}), true},
                                    {"Resource", Value::str("*"), true}};
  statements.push_back(Value::object(std::move(root)));
  // Roles granted by ARN may be in another account: the key policy must allow them too.
  for (const auto& g : t.grants) {
    if (!g.by_arn) continue;
    statements.push_back(allow(actions(actions_for(g.access).key), Value::str("*"), g.role));
  }

  Body& key = main.add_block("resource", {"aws_kms_key", "table"}).body;
  key.set("description", Value::str("Encrypts DynamoDB table " + t.runtime_config_key));
  key.set("enable_key_rotation", Value::raw("var.enable_key_rotation"));
  key.set("policy", Value::call("jsonencode", {policy_document(std::move(statements))}));
  if (!t.tags.empty()) key.set("tags", tags(t));
  prevent_destroy(t, key);
}

Value capacity(const std::optional<Capacity>& own, const std::optional<Capacity>& table, bool read) {
  auto units = [&](const Capacity& c) { return read ? c.read : c.write; };
  std::string local = read ? "local.read_capacity" : "local.write_capacity";
  if (!own || (table && units(*own) == units(*table))) return Value::raw(local);
  return Value::raw(fmt::format("local.provisioned ? {} : null", units(*own)));
}

void add_attribute(Body& table, const KeyAttribute& a) {
  Body& b = table.add_block("attribute").body;
  b.set("name", Value::str(a.name));
  b.set("type", Value::str(to_string(a.type)));
}

void add_projection(Body& index, Projection p, const std::vector<std::string>& non_key) {
  index.set("projection_type", Value::str(to_string(p)));
  if (p != Projection::Include) return;
  std::vector<Value> names;
  for (const auto& n : non_key) names.push_back(Value::str(n));
  index.set("non_key_attributes", Value::list(std::move(names)));
}

void add_table(const Table& t, Body& main) {
  Body& table = main.add_block("resource", {"aws_dynamodb_table", "table"}).body;
  table.set("name", Value::raw(needs_random(t) ? "local.table_name" : "var.table_name"));
  table.set("billing_mode", Value::raw("var.billing_mode"));
  table.set("read_capacity", Value::raw("local.read_capacity"));
  table.set("write_capacity", Value::raw("local.write_capacity"));
  table.set("hash_key", Value::str(t.partition_key.name));
  if (t.sort_key) table.set("range_key", Value::str(t.sort_key->name));
  table.set("deletion_protection_enabled", Value::raw("var.deletion_protection"));
  if (t.stream || t.is_global()) {
    // Replication needs both images: a global table always has this stream.
    table.set("stream_enabled", Value::boolean(true));
    table.set("stream_view_type", Value::str(to_string(t.stream.value_or(StreamView::NewAndOldImages))));
  }
  if (t.table_class) table.set("table_class", Value::str(to_string(*t.table_class)));
  if (!t.tags.empty()) table.set("tags", tags(t));

  // Exactly the attributes some key uses: Terraform rejects an unused one.
  for (const auto& a : t.attribute_definitions()) add_attribute(table, a);
  for (const auto& g : t.gsis) {
    Body& b = table.add_block("global_secondary_index").body;
    b.set("name", Value::str(g.name));
    b.set("hash_key", Value::str(g.partition_key.name));
    if (g.sort_key) b.set("range_key", Value::str(g.sort_key->name));
    add_projection(b, g.projection, g.non_key_attributes);
    b.set("read_capacity", capacity(g.capacity, t.capacity, true));
    b.set("write_capacity", capacity(g.capacity, t.capacity, false));
    add_on_demand(b, g.on_demand);
    add_warm(b, g.warm);
  }
  for (const auto& l : t.lsis) {
    Body& b = table.add_block("local_secondary_index").body;
    b.set("name", Value::str(l.name));
    b.set("range_key", Value::str(l.sort_key.name));
    add_projection(b, l.projection, l.non_key_attributes);
  }
  if (t.options.import_source) add_import(table, *t.options.import_source);
  add_on_demand(table, t.on_demand);
  Body& pitr = table.add_block("point_in_time_recovery").body;
  pitr.set("enabled", Value::raw("var.point_in_time_recovery"));
  // DynamoDB takes a restore window only while recovery is on.
  if (t.options.pitr_period_days)
    pitr.set("recovery_period_in_days",
             Value::raw(fmt::format("var.point_in_time_recovery ? {} : null", *t.options.pitr_period_days)));
  Body& sse = table.add_block("server_side_encryption").body;
  sse.set("enabled", Value::boolean(true));
  sse.set("kms_key_arn", ref(kKey, "arn"));
  if (t.ttl_attribute) {
    Body& ttl = table.add_block("ttl").body;
    ttl.set("attribute_name", Value::str(*t.ttl_attribute));
    ttl.set("enabled", Value::boolean(true));
  }
  add_warm(table, t.warm);
  add_replicas(t, table);
  table_lifecycle(t, table);
}

void add_locals(const Table& t, Body& main) {
  Body& locals = main.add_block("locals").body;
  if (needs_random(t))
    locals.set("table_name",
               Value::call("coalesce", {Value::raw("var.table_name"),
                                        Value::tmpl({Value::str(name_stem(t) + "-"),
                                                     Value::raw("random_string.table_name.result")})}));
  locals.set("provisioned", Value::raw("var.billing_mode == \"PROVISIONED\""));
  locals.set("read_capacity", Value::raw("local.provisioned ? var.read_capacity : null"));
  locals.set("write_capacity", Value::raw("local.provisioned ? var.write_capacity : null"));
}

}  // namespace

Value tags(const Table& t) {
  std::vector<Value::Field> f;
  for (const auto& [k, v] : t.tags) f.push_back({k, Value::str(v)});
  return Value::object(std::move(f));
}

void add_storage(const Table& t, Body& main) {
  main.add_block("data", {"aws_partition", "current"});
  main.add_block("data", {"aws_caller_identity", "current"});
  if (needs_random(t)) {
    // Lower-case letters and digits: valid in a table name, and stable once created.
    Body& r = main.add_block("resource", {"random_string", "table_name"}).body;
    r.set("length", Value::integer(kSuffixLength));
    r.set("special", Value::boolean(false));
    r.set("upper", Value::boolean(false));
  }
  add_locals(t, main);
  add_key(t, main);
  add_table(t, main);
}

}  // namespace ddbsynth::tf
