// The differences between two models, as plan `changes`.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "review/plan.hpp"

namespace ddbsynth::review {
namespace {

Json key_json(const KeyAttribute& k) { return Json{{"name", k.name}, {"type", to_string(k.type)}}; }

template <class T, class F>
Json optional_json(const std::optional<T>& v, F&& to_json) {
  return v ? Json(to_json(*v)) : Json();
}

Json projection_json(Projection p, const std::vector<std::string>& non_key, Json out) {
  out["projectionType"] = to_string(p);
  if (p == Projection::Include) out["nonKeyAttributes"] = non_key;
  return out;
}

Json gsi_json(const GlobalSecondaryIndex& g) {
  Json out{{"indexName", g.name}, {"partitionKey", key_json(g.partition_key)}};
  if (g.sort_key) out["sortKey"] = key_json(*g.sort_key);
  out = projection_json(g.projection, g.non_key_attributes, std::move(out));
  if (g.capacity) {
    out["readCapacity"] = g.capacity->read;
    out["writeCapacity"] = g.capacity->write;
  }
  return out;
}

Json lsi_json(const LocalSecondaryIndex& l) {
  return projection_json(l.projection, l.non_key_attributes,
                         Json{{"indexName", l.name}, {"sortKey", key_json(l.sort_key)}});
}

Json scaling_json(const Scaling& s) {
  Json out{{"minCapacity", s.min_capacity}, {"maxCapacity", s.max_capacity}, {"targetUtilization", s.target_utilization}};
  if (s.scale_in_cooldown) out["scaleInCooldown"] = *s.scale_in_cooldown;
  if (s.scale_out_cooldown) out["scaleOutCooldown"] = *s.scale_out_cooldown;
  return out;
}

Json warm_json(const WarmThroughput& w) {
  Json out = Json::object();
  if (w.read_units_per_second) out["readUnitsPerSecond"] = *w.read_units_per_second;
  if (w.write_units_per_second) out["writeUnitsPerSecond"] = *w.write_units_per_second;
  return out;
}

Json insights_json(const ContributorInsights& c) {
  Json out{{"enabled", true}};
  if (c.mode) out["mode"] = to_string(*c.mode);
  return out;
}

Json kinesis_json(const KinesisDestination& k) {
  Json out{{"streamArn", k.stream_arn}};
  if (k.precision) out["precision"] = to_string(*k.precision);
  return out;
}

Json import_json(const ImportSource& i) {
  Json out{{"bucket", i.bucket}};
  if (i.key_prefix) out["keyPrefix"] = *i.key_prefix;
  if (i.bucket_owner) out["bucketOwner"] = *i.bucket_owner;
  out["inputFormat"] = to_string(i.format);
  if (i.csv_delimiter) out["csvDelimiter"] = *i.csv_delimiter;
  if (i.csv_header) out["csvHeader"] = *i.csv_header;
  if (i.compression) out["compression"] = to_string(*i.compression);
  return out;
}

Json tags_json(const std::vector<std::pair<std::string, std::string>>& tags) {
  Json out = Json::object();
  for (const auto& [k, v] : tags) out[k] = v;
  return out;
}

Json replica_json(const Replica& r) {
  Json out{{"region", r.region}, {"kmsKeyArn", r.kms_key_arn}};
  if (r.deletion_protection) out["deletionProtection"] = *r.deletion_protection;
  if (r.point_in_time_recovery) out["pointInTimeRecovery"] = *r.point_in_time_recovery;
  if (r.table_class) out["tableClass"] = to_string(*r.table_class);
  if (r.contributor_insights) out["contributorInsights"] = insights_json(*r.contributor_insights);
  if (r.read_capacity) out["readCapacity"] = *r.read_capacity;
  if (r.max_read_request_units) out["maxReadRequestUnits"] = *r.max_read_request_units;
  if (r.tags) out["tags"] = tags_json(*r.tags);
  return out;
}

// The capacity settings a table and each GSI have: (kind, member of the owner's path, value).
struct Setting {
  const char* kind;
  const char* member;
  Json value;
  bool both_sides = false;  // a change only when set on both sides (another change covers its coming and going)
};
std::vector<Setting> capacity_settings(const OnDemandThroughput& od, const std::optional<WarmThroughput>& warm,
                                       const AutoScaling& as) {
  auto n = [](const std::optional<int64_t>& v) { return v ? Json(*v) : Json(); };
  return {{"auto_scaling_changed", "autoScaling.read", optional_json(as.read, scaling_json)},
          {"auto_scaling_changed", "autoScaling.write", optional_json(as.write, scaling_json)},
          {"max_request_units_changed", "maxReadRequestUnits", n(od.max_read_request_units)},
          {"max_request_units_changed", "maxWriteRequestUnits", n(od.max_write_request_units)},
          {"warm_throughput_changed", "warmThroughput", optional_json(warm, warm_json)}};
}
std::vector<Setting> table_settings(const Table& t) {
  auto out = capacity_settings(t.on_demand, t.warm, t.auto_scaling);
  auto str = [](const std::optional<std::string>& v) { return v ? Json(*v) : Json(); };
  // The restore window's default is DynamoDB's 35 days; it exists only with recovery on.
  Json pitr = t.point_in_time_recovery ? Json(t.options.pitr_period_days.value_or(35)) : Json();
  Json policy = t.options.resource_policy ? Json::parse(*t.options.resource_policy) : Json();
  out.insert(out.end(),
             {{"pitr_period_changed", "pointInTimeRecoveryPeriodDays", pitr, true},
              {"contributor_insights_changed", "contributorInsights",
               optional_json(t.options.contributor_insights, insights_json)},
              {"kinesis_stream_changed", "kinesisStream", optional_json(t.options.kinesis, kinesis_json)},
              {"import_source_changed", "importSource", optional_json(t.options.import_source, import_json)},
              {"resource_policy_changed", "resourcePolicy", policy},
              {"region_changed", "region", str(t.global.region)},
              {"multi_region_consistency_changed", "multiRegionConsistency",
               t.is_global() ? Json(to_string(t.global.consistency)) : Json(), true},
              {"witness_region_changed", "witnessRegion", str(t.global.witness_region)}});
  return out;
}
std::vector<Setting> gsi_settings(const GlobalSecondaryIndex& g) {
  auto out = capacity_settings(g.on_demand, g.warm, g.auto_scaling);
  out.push_back({"contributor_insights_changed", "contributorInsights", optional_json(g.contributor_insights, insights_json)});
  return out;
}

// What the live index is: keys and projection (attribute order does not matter to DynamoDB).
auto index_shape(const GlobalSecondaryIndex& g) {
  auto attrs = g.non_key_attributes;
  std::sort(attrs.begin(), attrs.end());
  return std::tuple(g.partition_key, g.sort_key, g.projection, attrs);
}
auto index_shape(const LocalSecondaryIndex& l) {
  auto attrs = l.non_key_attributes;
  std::sort(attrs.begin(), attrs.end());
  return std::tuple(l.sort_key, l.projection, attrs);
}

// An index's capacity changes only while the table stays provisioned (a billing switch covers
// capacities coming and going).
bool capacity_changed(const GlobalSecondaryIndex& a, const GlobalSecondaryIndex& b) {
  return a.capacity && b.capacity && a.capacity != b.capacity;
}
bool capacity_changed(const LocalSecondaryIndex&, const LocalSecondaryIndex&) { return false; }

// Table-level fields, in config order. `both_sides`: only a change when set on both sides
// (capacities exist only while provisioned; a billing switch covers their coming and going).
struct Field {
  const char* kind;
  const char* path;
  Json (*value)(const Table&);
  bool both_sides = false;
  // A key: its name is the table's key schema, its type only an attribute definition. Engines
  // treat the two differently, so a type alone is "<key>_type_changed".
  bool key = false;
};

const Field kFields[] = {
    {"runtime_config_key_changed", "runtimeConfigKey", [](const Table& t) { return Json(t.runtime_config_key); }},
    {"table_name_changed", "tableConfig.tableName",
     [](const Table& t) { return optional_json(t.table_name, [](auto& s) { return s; }); }},
    {"partition_key_changed", "tableConfig.partitionKey", [](const Table& t) { return key_json(t.partition_key); },
     false, true},
    {"sort_key_changed", "tableConfig.sortKey", [](const Table& t) { return optional_json(t.sort_key, key_json); },
     false, true},
    {"billing_mode_changed", "tableConfig.billingMode", [](const Table& t) { return Json(to_string(t.billing)); }},
    {"read_capacity_changed", "tableConfig.readCapacity",
     [](const Table& t) { return optional_json(t.capacity, [](auto& c) { return c.read; }); }, true},
    {"write_capacity_changed", "tableConfig.writeCapacity",
     [](const Table& t) { return optional_json(t.capacity, [](auto& c) { return c.write; }); }, true},
    {"point_in_time_recovery_changed", "tableConfig.pointInTimeRecovery",
     [](const Table& t) { return Json(t.point_in_time_recovery); }},
    {"deletion_protection_changed", "tableConfig.deletionProtection",
     [](const Table& t) { return Json(t.deletion_protection); }},
    {"key_rotation_changed", "tableConfig.enableKeyRotation", [](const Table& t) { return Json(t.key_rotation); }},
    {"removal_policy_changed", "tableConfig.removalPolicy", [](const Table& t) { return Json(to_string(t.removal)); }},
    {"time_to_live_changed", "tableConfig.timeToLiveAttribute",
     [](const Table& t) { return optional_json(t.ttl_attribute, [](auto& s) { return s; }); }},
    {"stream_changed", "tableConfig.stream",
     [](const Table& t) { return optional_json(t.stream, [](auto s) { return to_string(s); }); }},
    // Unset means the service default, so unset and STANDARD are the same live table.
    {"table_class_changed", "tableConfig.tableClass",
     [](const Table& t) { return Json(to_string(t.table_class.value_or(TableClass::Standard))); }},
};

const Field kCdkFields[] = {
    {"stack_name_changed", "cdk.stackName", [](const Table& t) { return Json(t.cdk_stack_name); }},
    {"construct_id_changed", "cdk.constructId", [](const Table& t) { return Json(t.cdk_construct_id); }},
};

class Differ {
 public:
  Differ(const Table& o, const Table& n) : old_(o), new_(n) {}

  std::vector<Change> run() {
    fields(kFields);
    settings("tableConfig", table_settings(old_), table_settings(new_));
    tags();
    indexes("lsi", "tableConfig.localSecondaryIndexes", old_.lsis, new_.lsis, lsi_json);
    gsis();
    replicas();
    grants();
    fields(kCdkFields);
    return std::move(out_);
  }

 private:
  void add(std::string kind, std::string path, Json o, Json n, bool old_only = false) {
    out_.push_back(Change{std::move(kind), std::move(path), std::move(o), std::move(n), old_only});
  }

  template <size_t N>
  void fields(const Field (&table)[N]) {
    for (const auto& f : table) {
      Json o = f.value(old_), n = f.value(new_);
      if (o == n || (f.both_sides && (o.is_null() || n.is_null()))) continue;
      std::string kind = f.kind;
      if (f.key && o.is_object() && n.is_object() && o["name"] == n["name"])
        kind.insert(kind.size() - std::string("changed").size(), "type_");
      add(kind, f.path, o, n);
    }
  }

  void tags() {
    auto find = [](const Table& t, const std::string& k) -> const std::string* {
      for (const auto& [key, value] : t.tags)
        if (key == k) return &value;
      return nullptr;
    };
    for (const auto& [k, v] : old_.tags)
      if (!find(new_, k)) add("tag_removed", member_path("tableConfig.tags", k), v, Json(), true);
    for (const auto& [k, v] : new_.tags) {
      const std::string* before = find(old_, k);
      if (!before)
        add("tag_added", member_path("tableConfig.tags", k), Json(), v);
      else if (*before != v)
        add("tag_changed", member_path("tableConfig.tags", k), *before, v);
    }
  }

  // Indexes are matched by name: removals (old order), then changes and additions (new order).
  template <class Index, class ToJson>
  void indexes(const std::string& what, const std::string& array, const std::vector<Index>& olds,
               const std::vector<Index>& news, ToJson to_json) {
    auto named = [](const std::vector<Index>& v, const std::string& name) -> const Index* {
      for (const auto& ix : v)
        if (ix.name == name) return &ix;
      return nullptr;
    };
    for (size_t i = 0; i < olds.size(); ++i)
      if (!named(news, olds[i].name))
        add(what + "_removed", fmt::format("{}[{}]", array, i), to_json(olds[i]), Json(), true);
    for (size_t i = 0; i < news.size(); ++i) {
      std::string path = fmt::format("{}[{}]", array, i);
      const Index* before = named(olds, news[i].name);
      if (!before)
        add(what + "_added", path, Json(), to_json(news[i]));
      else if (index_shape(*before) != index_shape(news[i]))
        add(what + "_changed", path, to_json(*before), to_json(news[i]));
      else if (capacity_changed(*before, news[i]))
        add(what + "_capacity_changed", path, to_json(*before), to_json(news[i]));
    }
  }

  void gsis() {
    indexes("gsi", "tableConfig.globalSecondaryIndexes", old_.gsis, new_.gsis, gsi_json);
    // The settings of an index that stays (an added or removed one brings or takes its own).
    for (size_t i = 0; i < new_.gsis.size(); ++i)
      for (const auto& before : old_.gsis)
        if (before.name == new_.gsis[i].name && index_shape(before) == index_shape(new_.gsis[i]))
          settings(fmt::format("tableConfig.globalSecondaryIndexes[{}]", i), gsi_settings(before),
                   gsi_settings(new_.gsis[i]));
  }

  void settings(const std::string& owner, const std::vector<Setting>& olds, const std::vector<Setting>& news) {
    for (size_t i = 0; i < olds.size(); ++i)
      if (olds[i].value != news[i].value &&
          !(olds[i].both_sides && (olds[i].value.is_null() || news[i].value.is_null())))
        add(olds[i].kind, owner + "." + olds[i].member, olds[i].value, news[i].value, news[i].value.is_null());
  }

  // Replicas are matched by region, like indexes by name.
  void replicas() {
    const auto& olds = old_.global.replicas;
    const auto& news = new_.global.replicas;
    auto in = [](const std::vector<Replica>& v, const std::string& region) -> const Replica* {
      for (const auto& r : v)
        if (r.region == region) return &r;
      return nullptr;
    };
    for (size_t i = 0; i < olds.size(); ++i)
      if (!in(news, olds[i].region))
        add("replica_removed", fmt::format("tableConfig.replicas[{}]", i), replica_json(olds[i]), Json(), true);
    for (size_t i = 0; i < news.size(); ++i) {
      std::string path = fmt::format("tableConfig.replicas[{}]", i);
      const Replica* before = in(olds, news[i].region);
      if (!before)
        add("replica_added", path, Json(), replica_json(news[i]));
      else if (*before != news[i])
        add("replica_changed", path, replica_json(*before), replica_json(news[i]));
    }
  }

  void grants() {
    auto has = [](const Table& t, const Grant& g) {
      return std::any_of(t.grants.begin(), t.grants.end(),
                         [&](const Grant& x) { return x.role == g.role && x.access == g.access; });
    };
    auto json = [](const Grant& g) { return Json{{"role", g.role}, {"access", to_string(g.access)}}; };
    for (size_t i = 0; i < old_.grants.size(); ++i)
      if (!has(new_, old_.grants[i]))
        add("grant_removed", fmt::format("grants[{}]", i), json(old_.grants[i]), Json(), true);
    for (size_t i = 0; i < new_.grants.size(); ++i)
      if (!has(old_, new_.grants[i])) add("grant_added", fmt::format("grants[{}]", i), Json(), json(new_.grants[i]));
  }

  const Table& old_;
  const Table& new_;
  std::vector<Change> out_;
};

}  // namespace

std::string member_path(const std::string& parent, const std::string& key) {
  static const std::regex kIdentifier("[A-Za-z_$][A-Za-z0-9_$]*");
  if (std::regex_match(key, kIdentifier)) return parent + "." + key;
  return parent + "[" + Json(key).dump() + "]";
}

std::string parent_path(const std::string& path) {
  if (path.empty()) return path;
  if (path.back() == ']') {
    // A quoted member may hold '[' itself; its opening quote follows the '[' that starts it.
    size_t open = path.size() >= 2 && path[path.size() - 2] == '"' ? path.rfind("[\"") : path.rfind('[');
    return open == std::string::npos ? std::string() : path.substr(0, open);
  }
  size_t dot = path.rfind('.');
  return dot == std::string::npos ? std::string() : path.substr(0, dot);
}

std::vector<Change> model_changes(const Table& old_table, const Table& new_table) {
  return Differ(old_table, new_table).run();
}

}  // namespace ddbsynth::review
