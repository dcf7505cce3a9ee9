// Config tree -> Table: every field of ../shared/spec/config.md, its default, type and limit.
// Problems are collected, not thrown one at a time, so a user fixes a file in one pass.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "ddbsynth/collate.hpp"
#include "ddbsynth/config.hpp"
#include "ddbsynth/design_review.hpp"
#include "ddbsynth/diagnostics.hpp"
#include "ddbsynth/limits.hpp"
#include "checker.hpp"
#include "tag_rules.hpp"

namespace ddbsynth {
namespace {

constexpr EnumName<AttributeType> kAttributeTypes[] = {
    {"S", AttributeType::S}, {"N", AttributeType::N}, {"B", AttributeType::B}};
constexpr EnumName<Projection> kProjections[] = {
    {"ALL", Projection::All}, {"KEYS_ONLY", Projection::KeysOnly}, {"INCLUDE", Projection::Include}};
constexpr EnumName<BillingMode> kBillingModes[] = {
    {"PAY_PER_REQUEST", BillingMode::PayPerRequest}, {"PROVISIONED", BillingMode::Provisioned}};
constexpr EnumName<RemovalPolicy> kRemovalPolicies[] = {
    {"retain", RemovalPolicy::Retain}, {"destroy", RemovalPolicy::Destroy}};
constexpr EnumName<StreamView> kStreamViews[] = {{"KEYS_ONLY", StreamView::KeysOnly},
                                                 {"NEW_IMAGE", StreamView::NewImage},
                                                 {"OLD_IMAGE", StreamView::OldImage},
                                                 {"NEW_AND_OLD_IMAGES", StreamView::NewAndOldImages}};
constexpr EnumName<Access> kAccessLevels[] = {{"read", Access::Read},
                                              {"write", Access::Write},
                                              {"readWrite", Access::ReadWrite},
                                              {"full", Access::Full},
                                              {"streamRead", Access::StreamRead}};
constexpr EnumName<ContainerEngine> kEngines[] = {{"docker", ContainerEngine::Docker},
                                                  {"podman", ContainerEngine::Podman},
                                                  {"finch", ContainerEngine::Finch}};

constexpr std::string_view kRootFields[] = {"$schema", "runtimeConfigKey", "localDev", "tableConfig",
                                            "grants", "cdk", "entities", "collections"};
constexpr std::string_view kLocalDevFields[] = {"port", "tableName", "image", "containerName",
                                                "containerEngine"};
constexpr std::string_view kTableFields[] = {
    "tableName",           "partitionKey",          "sortKey",
    "billingMode",         "readCapacity",          "writeCapacity",
    "pointInTimeRecovery", "deletionProtection",    "enableKeyRotation",
    "removalPolicy",       "timeToLiveAttribute",   "stream",
    "tableClass",          "tags",                  "globalSecondaryIndexes",
    "localSecondaryIndexes",
    // capacity
    "maxReadRequestUnits", "maxWriteRequestUnits", "warmThroughput", "autoScaling",
    // options
    "pointInTimeRecoveryPeriodDays", "contributorInsights", "kinesisStream", "importSource", "resourcePolicy",
    // global tables
    "region", "replicas", "multiRegionConsistency", "witnessRegion"};
constexpr std::string_view kKeyFields[] = {"name", "type"};
constexpr std::string_view kGsiFields[] = {"indexName",      "partitionKey",     "sortKey",
                                           "projectionType", "nonKeyAttributes", "readCapacity",
                                           "writeCapacity",  "maxReadRequestUnits", "maxWriteRequestUnits",
                                           "warmThroughput", "autoScaling",      "contributorInsights"};
constexpr std::string_view kLsiFields[] = {"indexName", "sortKey", "projectionType", "nonKeyAttributes"};
constexpr std::string_view kGrantFields[] = {"role", "access"};
constexpr std::string_view kCdkFields[] = {"stackName", "constructId"};

class Validator : public Checker {
 public:
  explicit Validator(const std::string& file) : Checker(file) {}

  Table run(const Value& root) {
    if (root.kind != Kind::Object) {
      error(root.pos, fmt::format("expected an object at the top level, found {}", kind_name(root.kind)));
      throw InputError(std::move(diags_));
    }
    fields(root, kRootFields, "");
    if (auto* v = root.get("$schema")) string_of(*v, "$schema");
    const Value* key = root.get("runtimeConfigKey");
    if (!key) {
      error(root.pos, "missing required field \"runtimeConfigKey\"");
    } else if (auto s = string_of(*key, "runtimeConfigKey")) {
      size_t n = code_points(*s);
      if (n < limits::kMinRuntimeConfigKey || n > limits::kMaxRuntimeConfigKey)
        error(key->pos, fmt::format("runtimeConfigKey must be {}-{} characters, found {}",
                                    limits::kMinRuntimeConfigKey, limits::kMaxRuntimeConfigKey, n));
      else if (s->find('/') != std::string::npos)
        error(key->pos, "runtimeConfigKey must not contain '/'");
      else if (has_control(*s))
        error(key->pos, "runtimeConfigKey must not contain control characters");
      table_.runtime_config_key = *s;
      record("runtimeConfigKey", *key);
    }
    if (auto* v = root.get("localDev")) local_dev(*v);
    const Value* tc = root.get("tableConfig");
    if (tc && object(*tc, "tableConfig")) {
      record("tableConfig", *tc);
      table_config(*tc);
    } else {
      table_.partition_key = {"pk", AttributeType::S};
      table_.sort_key = KeyAttribute{"sk", AttributeType::S};
    }
    if (auto* v = root.get("grants")) grants(*v);
    if (auto* v = root.get("cdk")) cdk(*v);
    read_design(*this, root);
    if (table_.cdk_stack_name.empty()) {
      for (char c : table_.runtime_config_key)
        if (std::isalnum(static_cast<unsigned char>(c))) table_.cdk_stack_name += c;
      table_.cdk_stack_name += "Stack";
    }
    cross_checks(root);
    if (!diags_.empty()) throw InputError(std::move(diags_));
    return std::move(table_);
  }

 private:
  std::unordered_map<std::string, size_t> granted_;  // role name -> its grants[] index

  void table_name(const Value& v, std::string_view what, std::string& out) {
    static const std::regex kName("[A-Za-z0-9_.-]+");
    auto s = string_of(v, what);
    if (!s) return;
    if (s->size() < limits::kMinTableName || s->size() > limits::kMaxTableName || !std::regex_match(*s, kName))
      error(v.pos, fmt::format("{} {} is not a valid table name: {}-{} characters of A-Z a-z 0-9 _ . -", what,
                               shown(*s), limits::kMinTableName, limits::kMaxTableName));
    out = *s;
  }

  std::optional<KeyAttribute> key(const Value& v, std::string_view what) {
    if (v.kind == Kind::String) {
      auto n = attribute_name(v, what);
      if (!n) return std::nullopt;
      return KeyAttribute{*n, AttributeType::S};
    }
    if (v.kind != Kind::Object) {
      error(v.pos, fmt::format("{} must be an attribute name or {{\"name\", \"type\"}}, found {}", what,
                               kind_name(v.kind)));
      return std::nullopt;
    }
    fields(v, kKeyFields, what);
    const Value* name = v.get("name");
    const Value* type = v.get("type");
    if (!name) error(v.pos, fmt::format("{} is missing required field \"name\"", what));
    if (!type) error(v.pos, fmt::format("{} is missing required field \"type\" (S, N or B)", what));
    if (!name || !type) return std::nullopt;
    auto n = attribute_name(*name, fmt::format("{}.name", what));
    auto t = enum_of(*type, fmt::format("{}.type", what), kAttributeTypes);
    if (!n || !t) return std::nullopt;
    return KeyAttribute{*n, *t};
  }

  // A name passed to the container engine's command line: never an option, never a control character.
  std::optional<std::string> container_arg(const Value& v, std::string_view what) {
    auto s = string_of(v, what);
    if (s && (s->empty() || (*s)[0] == '-' || has_control(*s))) {
      error(v.pos, fmt::format("{} {} must be non-empty, not start with '-' and have no control characters", what,
                               shown(*s)));
      return std::nullopt;
    }
    return s;
  }

  void local_dev(const Value& v) {
    if (!object(v, "localDev")) return;
    record("localDev", v);
    fields(v, kLocalDevFields, "localDev");
    LocalDev d;
    d.container_name = table_.runtime_config_key + "-dynamodb-local";
    if (auto* p = v.get("port"))
      if (auto n = int_of(*p, "localDev.port", limits::kMinPort, limits::kMaxPort)) d.port = static_cast<int>(*n);
    if (auto* n = v.get("tableName")) table_name(*n, "localDev.tableName", d.table_name);
    else error(v.pos, "localDev is missing required field \"tableName\"");
    if (auto* s = v.get("image"))
      if (auto x = container_arg(*s, "localDev.image")) d.image = *x;
    if (auto* s = v.get("containerName"))
      if (auto x = container_arg(*s, "localDev.containerName")) d.container_name = *x;
    if (auto* s = v.get("containerEngine"))
      if (auto e = enum_of(*s, "localDev.containerEngine", kEngines)) d.engine = *e;
    table_.local_dev = d;
  }

  std::optional<Capacity> capacity(const Value& holder, std::string_view where, bool provisioned,
                                   const std::optional<Capacity>& fallback) {
    const Value* r = holder.get("readCapacity");
    const Value* w = holder.get("writeCapacity");
    if (!provisioned) {
      for (const Value* c : {r, w})
        if (c) error(c->pos, fmt::format("{} capacity is only allowed with billingMode PROVISIONED", where));
      return std::nullopt;
    }
    Capacity out = fallback.value_or(Capacity{});
    // Where a capacity was set rather than defaulted: a global table's index inherits the
    // table's autoscaled capacity unless it sets its own.
    if (r) record(fmt::format("{}.readCapacity", where), *r);
    if (w) record(fmt::format("{}.writeCapacity", where), *w);
    if (r) {
      if (auto n = int_of(*r, fmt::format("{}.readCapacity", where), limits::kMinCapacity, limits::kMaxCapacity))
        out.read = *n;
    } else if (!fallback) {
      error(holder.pos, "billingMode PROVISIONED requires readCapacity");
    }
    if (w) {
      if (auto n = int_of(*w, fmt::format("{}.writeCapacity", where), limits::kMinCapacity, limits::kMaxCapacity))
        out.write = *n;
    } else if (!fallback) {
      error(holder.pos, "billingMode PROVISIONED requires writeCapacity");
    }
    return out;
  }

  void projection(const Value& ix, std::string_view where, Projection& projection,
                  std::vector<std::string>& non_key) {
    if (auto* p = ix.get("projectionType"))
      if (auto e = enum_of(*p, fmt::format("{}.projectionType", where), kProjections)) projection = *e;
    const Value* nk = ix.get("nonKeyAttributes");
    if (projection != Projection::Include) {
      if (nk) error(nk->pos, fmt::format("{}.nonKeyAttributes is only allowed with projectionType INCLUDE", where));
      return;
    }
    if (!nk) {
      error(ix.pos, fmt::format("{} has projectionType INCLUDE but no nonKeyAttributes", where));
      return;
    }
    if (!expect(*nk, Kind::Array, fmt::format("{}.nonKeyAttributes", where))) return;
    if (nk->items.empty()) error(nk->pos, fmt::format("{}.nonKeyAttributes must not be empty", where));
    std::unordered_set<std::string> listed;  // not a scan of non_key: a hostile list is long
    for (const auto& item : nk->items) {
      auto a = attribute_name(item, fmt::format("{}.nonKeyAttributes[]", where));
      if (!a) continue;
      if (!listed.insert(*a).second)
        error(item.pos, fmt::format("{} is listed twice in {}.nonKeyAttributes", shown(*a), where));
      else
        non_key.push_back(*a);
    }
  }

  void index_name(const Value& ix, std::string_view where, std::string& out) {
    static const std::regex kName("[A-Za-z0-9_.-]+");
    const Value* n = ix.get("indexName");
    if (!n) {
      error(ix.pos, fmt::format("{} is missing required field \"indexName\"", where));
      return;
    }
    auto s = string_of(*n, fmt::format("{}.indexName", where));
    if (!s) return;
    if (s->size() < limits::kMinIndexName || s->size() > limits::kMaxIndexName || !std::regex_match(*s, kName))
      error(n->pos, fmt::format("index name {} is not valid: {}-{} characters of A-Z a-z 0-9 _ . -", shown(*s),
                                limits::kMinIndexName, limits::kMaxIndexName));
    out = *s;
  }

  void table_config(const Value& tc) {
    fields(tc, kTableFields, "tableConfig");
    Table& t = table_;
    if (auto* v = tc.get("tableName")) {
      std::string name;
      table_name(*v, "tableConfig.tableName", name);
      t.table_name = name;
      record("tableConfig.tableName", *v);
    }
    t.partition_key = {"pk", AttributeType::S};
    if (auto* v = tc.get("partitionKey")) {
      if (auto k = key(*v, "tableConfig.partitionKey")) t.partition_key = *k;
      record("tableConfig.partitionKey", *v);
    }
    t.sort_key = KeyAttribute{"sk", AttributeType::S};
    if (auto* v = tc.get("sortKey")) {
      record("tableConfig.sortKey", *v);
      t.sort_key.reset();
      if (v->kind != Kind::Null)
        if (auto k = key(*v, "tableConfig.sortKey")) t.sort_key = *k;
    }
    if (auto* v = tc.get("billingMode")) {
      if (auto e = enum_of(*v, "tableConfig.billingMode", kBillingModes)) t.billing = *e;
      record("tableConfig.billingMode", *v);
    }
    bool provisioned = t.billing == BillingMode::Provisioned;
    t.capacity = capacity(tc, "tableConfig", provisioned, std::nullopt);
    read_capacity(*this, tc, "tableConfig", provisioned, t.capacity, {t.on_demand, t.warm, t.auto_scaling});
    struct Toggle {
      const char* name;
      bool Table::*field;
    };
    static const Toggle kToggles[] = {{"pointInTimeRecovery", &Table::point_in_time_recovery},
                                      {"deletionProtection", &Table::deletion_protection},
                                      {"enableKeyRotation", &Table::key_rotation}};
    for (const auto& tg : kToggles)
      if (auto* v = tc.get(tg.name)) {
        if (auto b = bool_of(*v, fmt::format("tableConfig.{}", tg.name))) t.*tg.field = *b;
        record(fmt::format("tableConfig.{}", tg.name), *v);
      }
    if (auto* v = tc.get("removalPolicy")) {
      if (auto e = enum_of(*v, "tableConfig.removalPolicy", kRemovalPolicies)) t.removal = *e;
      record("tableConfig.removalPolicy", *v);
    }
    if (auto* v = tc.get("timeToLiveAttribute")) {
      if (auto a = attribute_name(*v, "tableConfig.timeToLiveAttribute")) t.ttl_attribute = *a;
      record("tableConfig.timeToLiveAttribute", *v);
    }
    if (auto* v = tc.get("stream")) {
      if (auto e = enum_of(*v, "tableConfig.stream", kStreamViews)) t.stream = *e;
      record("tableConfig.stream", *v);
    }
    if (auto* v = tc.get("tableClass")) {
      if (auto e = enum_of(*v, "tableConfig.tableClass", kTableClasses)) t.table_class = *e;
      record("tableConfig.tableClass", *v);
    }
    if (auto* v = tc.get("tags")) tags(*v);
    if (auto* v = tc.get("localSecondaryIndexes")) lsis(*v);
    if (auto* v = tc.get("globalSecondaryIndexes")) gsis(*v, provisioned);
    read_global_table(*this, tc);
    read_options(*this, tc);  // after the region: the resource policy's ARNs are checked against it
    check_global_table(*this, tc);
  }

  // The replicas' tags follow the table's rules; tags() reads tableConfig.tags into the table, so
  // it is run on a saved table and its result moved out.
  void tag_map(const Value& v, const std::string& where, Tags& out) override {
    if (!object(v, where)) return;
    Tags saved = std::move(table_.tags);
    auto at = table_.positions.find("tableConfig.tags");
    std::optional<SourcePos> saved_pos;
    if (at != table_.positions.end()) saved_pos = at->second;
    table_.tags.clear();
    tags(v);
    out = std::move(table_.tags);
    table_.tags = std::move(saved);
    if (saved_pos) table_.positions["tableConfig.tags"] = *saved_pos;
    else table_.positions.erase("tableConfig.tags");
    record(where, v);
  }

  void tags(const Value& v) {
    if (!object(v, "tableConfig.tags")) return;
    record("tableConfig.tags", v);
    // AWS's tag rules (tag_rules.hpp): Unicode letters, separators and digits, _ . : / = + - @
    if (v.members.size() > limits::kMaxTags)
      error(v.pos, fmt::format("at most {} tags are allowed, found {}", limits::kMaxTags, v.members.size()));
    for (const auto& m : v.members) {
      size_t kn = tag_length(m.key);
      if (kn < 1 || kn > limits::kMaxTagKey)
        error(m.key_pos, fmt::format("tag key {} must be 1-{} characters", shown(m.key), limits::kMaxTagKey));
      else if (m.key.rfind("aws:", 0) == 0)
        error(m.key_pos, fmt::format("tag key {} uses the reserved prefix \"aws:\"", shown(m.key)));
      else if (auto c = first_char_outside_tag_pattern(m.key))
        error(m.key_pos, fmt::format("tag key {} {}", shown(m.key), tag_char_problem(*c)));
      auto s = string_of(m.value, fmt::format("tag {}", shown(m.key)));
      if (!s) continue;
      if (tag_length(*s) > limits::kMaxTagValue)
        error(m.value.pos, fmt::format("tag value for {} must be at most {} characters", shown(m.key),
                                       limits::kMaxTagValue));
      else if (auto c = first_char_outside_tag_pattern(*s))
        error(m.value.pos, fmt::format("tag value for {} {}", shown(m.key), tag_char_problem(*c)));
      table_.tags.emplace_back(m.key, *s);
    }
    if (table_.tags.size() > limits::kMaxTags) return;  // rejected above; a collated sort of 300,000 takes seconds
    sort_tags_like_cdk(table_.tags);
  }

  void gsis(const Value& v, bool provisioned) {
    if (!expect(v, Kind::Array, "tableConfig.globalSecondaryIndexes")) return;
    record("tableConfig.globalSecondaryIndexes", v);
    if (v.items.size() > limits::kMaxGlobalIndexes)
      error(v.pos, fmt::format("at most {} global secondary indexes are allowed, found {}",
                               limits::kMaxGlobalIndexes, v.items.size()));
    for (size_t i = 0; i < v.items.size(); ++i) {
      const Value& ix = v.items[i];
      std::string where = fmt::format("tableConfig.globalSecondaryIndexes[{}]", i);
      if (!object(ix, where)) continue;
      record(where, ix);
      fields(ix, kGsiFields, where);
      GlobalSecondaryIndex g;
      index_name(ix, where, g.name);
      if (auto* pk = ix.get("partitionKey")) {
        if (auto k = key(*pk, where + ".partitionKey")) g.partition_key = *k;
      } else {
        error(ix.pos, fmt::format("{} is missing required field \"partitionKey\"", where));
      }
      if (auto* sk = ix.get("sortKey"); sk && sk->kind != Kind::Null) g.sort_key = key(*sk, where + ".sortKey");
      projection(ix, where, g.projection, g.non_key_attributes);
      g.capacity = capacity(ix, where, provisioned, table_.capacity);
      read_capacity(*this, ix, where, provisioned, g.capacity, {g.on_demand, g.warm, g.auto_scaling});
      if (auto* ci = ix.get("contributorInsights")) g.contributor_insights = read_contributor_insights(*this, *ci, where + ".contributorInsights");
      table_.gsis.push_back(std::move(g));
    }
  }

  void lsis(const Value& v) {
    if (!expect(v, Kind::Array, "tableConfig.localSecondaryIndexes")) return;
    record("tableConfig.localSecondaryIndexes", v);
    if (v.items.size() > limits::kMaxLocalIndexes)
      error(v.pos, fmt::format("at most {} local secondary indexes are allowed, found {}", limits::kMaxLocalIndexes,
                               v.items.size()));
    if (!v.items.empty() && !table_.sort_key)
      error(v.pos, "local secondary indexes need a table with a sort key (tableConfig.sortKey is null)");
    for (size_t i = 0; i < v.items.size(); ++i) {
      const Value& ix = v.items[i];
      std::string where = fmt::format("tableConfig.localSecondaryIndexes[{}]", i);
      if (!object(ix, where)) continue;
      record(where, ix);
      fields(ix, kLsiFields, where);
      LocalSecondaryIndex l;
      index_name(ix, where, l.name);
      if (auto* sk = ix.get("sortKey"); sk && sk->kind != Kind::Null) {
        if (auto k = key(*sk, where + ".sortKey")) l.sort_key = *k;
      } else {
        error(ix.pos, fmt::format("{} is missing required field \"sortKey\"", where));
      }
      projection(ix, where, l.projection, l.non_key_attributes);
      table_.lsis.push_back(std::move(l));
    }
  }

  void grants(const Value& v) {
    if (!expect(v, Kind::Array, "grants")) return;
    record("grants", v);
    static const std::regex kArn(R"(arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):iam::\d{12}:role/((?:[\x21-\x7e]+/)*)([\w+=,.@-]{1,64}))");
    static const std::regex kName(R"([\w+=,.@-]{1,64})");
    for (size_t i = 0; i < v.items.size(); ++i) {
      const Value& g = v.items[i];
      std::string where = fmt::format("grants[{}]", i);
      if (!object(g, where)) continue;
      record(where, g);
      fields(g, kGrantFields, where);
      Grant out;
      const Value* role = g.get("role");
      const Value* access = g.get("access");
      if (!role) error(g.pos, fmt::format("{} is missing required field \"role\"", where));
      if (!access) error(g.pos, fmt::format("{} is missing required field \"access\"", where));
      if (role) {
        if (auto s = string_of(*role, where + ".role")) {
          std::smatch m;
          if (std::regex_match(*s, m, kArn)) {
            out.by_arn = true;
            out.role_name = m[3];
          } else if (std::regex_match(*s, kName)) {
            out.role_name = *s;
          } else if (s->rfind("arn:", 0) == 0) {
            error(role->pos, fmt::format("{} is not an IAM role ARN (arn:<partition>:iam::<12 digits>:role/[path/]name)",
                                         shown(*s)));
          } else {
            error(role->pos, fmt::format("{} is not an IAM role name (1-{} of letters, digits and _+=,.@-)", shown(*s),
                                         limits::kMaxRoleName));
          }
          out.role = *s;
        }
      }
      if (access)
        if (auto a = enum_of(*access, where + ".access", kAccessLevels)) {
          out.access = *a;
          if (*a == Access::StreamRead && !table_.stream)
            error(access->pos, "access \"streamRead\" needs a stream: set tableConfig.stream");
        }
      if (!out.role_name.empty()) {
        auto [first, added] = granted_.emplace(out.role_name, i);
        if (!added) {
          error(role->pos, fmt::format("role {} is already granted by grants[{}]: give each role one grant",
                                       shown(out.role_name), first->second));
          out.role_name.clear();
        }
      }
      if (!out.role_name.empty()) table_.grants.push_back(std::move(out));
    }
  }

  void cdk(const Value& v) {
    if (!object(v, "cdk")) return;
    record("cdk", v);
    fields(v, kCdkFields, "cdk");
    if (auto* s = v.get("stackName")) {
      static const std::regex kStack("[A-Za-z][A-Za-z0-9-]*");
      if (auto x = string_of(*s, "cdk.stackName")) {
        if (x->size() > limits::kMaxStackName || !std::regex_match(*x, kStack))
          error(s->pos, fmt::format("cdk.stackName {} is not a valid stack name: a letter, then letters, digits "
                                    "and -, at most {} characters", shown(*x), limits::kMaxStackName));
        table_.cdk_stack_name = *x;
      }
      record("cdk.stackName", *s);
    }
    if (auto* s = v.get("constructId")) {
      if (auto x = string_of(*s, "cdk.constructId")) {
        if (x->empty() || x->find('/') != std::string::npos || has_control(*x))
          error(s->pos, "cdk.constructId must be non-empty, without '/' or control characters");
        table_.cdk_construct_id = *x;
      }
      record("cdk.constructId", *s);
    }
  }

  // Limits that span several fields.
  void cross_checks(const Value& root) {
    const Value* tc = root.get("tableConfig");
    TextPos at = tc ? tc->pos : root.pos;
    // One name per index, across GSIs and LSIs.
    std::set<std::string> names;
    for (const auto& n : table_.lsis)
      if (!n.name.empty() && !names.insert(n.name).second)
        error(at, fmt::format("index name {} is used twice", shown(n.name)));
    for (const auto& n : table_.gsis)
      if (!n.name.empty() && !names.insert(n.name).second)
        error(at, fmt::format("index name {} is used twice", shown(n.name)));
    // A key schema names two different attributes.
    auto distinct = [&](const KeyAttribute& hash, const std::optional<KeyAttribute>& range, const std::string& where) {
      if (range && !hash.name.empty() && hash.name == range->name)
        error(at, fmt::format("{} uses {} as both partition and sort key: DynamoDB needs two different attributes",
                              where, shown(hash.name)));
    };
    distinct(table_.partition_key, table_.sort_key, "the table");
    for (const auto& l : table_.lsis) distinct(table_.partition_key, l.sort_key, fmt::format("index {}", shown(l.name)));
    for (const auto& g : table_.gsis) distinct(g.partition_key, g.sort_key, fmt::format("index {}", shown(g.name)));
    // One type per attribute, wherever it is a key.
    std::unordered_map<std::string, std::pair<AttributeType, std::string>> seen;  // name -> first type, where
    auto check = [&](const KeyAttribute& k, const std::string& where) {
      if (k.name.empty()) return;
      auto [first, added] = seen.try_emplace(k.name, k.type, where);
      if (!added && first->second.first != k.type)
        error(at, fmt::format("attribute {} is type {} in {} but {} in {}: an attribute has one type in every key",
                              shown(k.name), to_string(first->second.first), first->second.second,
                              to_string(k.type), where));
    };
    check(table_.partition_key, "tableConfig.partitionKey");
    if (table_.sort_key) check(*table_.sort_key, "tableConfig.sortKey");
    for (size_t i = 0; i < table_.lsis.size(); ++i)
      check(table_.lsis[i].sort_key, fmt::format("localSecondaryIndexes[{}].sortKey", i));
    for (size_t i = 0; i < table_.gsis.size(); ++i) {
      check(table_.gsis[i].partition_key, fmt::format("globalSecondaryIndexes[{}].partitionKey", i));
      if (table_.gsis[i].sort_key) check(*table_.gsis[i].sort_key, fmt::format("globalSecondaryIndexes[{}].sortKey", i));
    }
    // At most 100 distinct projected non-key attributes across all indexes.
    std::set<std::string> non_key;
    for (const auto& g : table_.gsis) non_key.insert(g.non_key_attributes.begin(), g.non_key_attributes.end());
    for (const auto& l : table_.lsis) non_key.insert(l.non_key_attributes.begin(), l.non_key_attributes.end());
    if (non_key.size() > limits::kMaxNonKeyAttributes)
      error(at, fmt::format("at most {} distinct nonKeyAttributes are allowed across all indexes, found {}",
                            limits::kMaxNonKeyAttributes, non_key.size()));
  }
};

bool is_yaml(const std::string& path) {
  auto ends = [&](std::string_view s) {
    return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0;
  };
  return ends(".yaml") || ends(".yml");
}

}  // namespace

Table parse_config(std::string_view text, const std::string& path, DesignCheck check) {
  if (text.size() > kMaxFileBytes)
    throw InputError(SourcePos{path, 1, 1},
                     fmt::format("file is larger than {} bytes, the most a config may have", kMaxFileBytes));
  Value root = is_yaml(path) ? parse_yaml(text, path) : parse_json(text, path);
  Table t = Validator(path).run(root);
  if (check == DesignCheck::Errors && !t.design.empty()) {
    std::vector<Diagnostic> errors;
    for (auto& f : review_design(t).findings)
      if (f.severity == Severity::Error) errors.push_back({f.pos, fmt::format("{} [{}]", f.message, f.code)});
    if (!errors.empty()) throw InputError(std::move(errors));
  }
  return t;
}

Table load_config(const std::string& path, DesignCheck check) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw InputError(SourcePos{path, 1, 1}, "is a directory, not a config file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(SourcePos{path, 1, 1}, "cannot read file: " + std::string(std::strerror(errno)));
  // Read one byte past the limit, never more: a device or endless pipe must not hang us. In
  // chunks, so that a config of a few KB costs a few KB, not the limit.
  std::string text;
  char chunk[16384];
  while (text.size() <= kMaxFileBytes && in) {
    in.read(chunk, static_cast<std::streamsize>(std::min(sizeof chunk, kMaxFileBytes + 1 - text.size())));
    text.append(chunk, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) throw InputError(SourcePos{path, 1, 1}, "cannot read file");
  return parse_config(text, path, check);
}

}  // namespace ddbsynth
