// The global-tables section: tableConfig.region, replicas[], multiRegionConsistency and
// witnessRegion, and what DynamoDB and the CDK's TableV2 refuse of a global table.
#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <unordered_map>

#include "checker.hpp"
#include "ddbsynth/limits.hpp"

namespace ddbsynth {
namespace {

constexpr EnumName<Consistency> kConsistencies[] = {{"EVENTUAL", Consistency::Eventual},
                                                    {"STRONG", Consistency::Strong}};
constexpr std::string_view kReplicaFields[] = {"region",      "kmsKeyArn",           "deletionProtection",
                                               "pointInTimeRecovery", "tableClass", "contributorInsights",
                                               "readCapacity", "maxReadRequestUnits", "tags"};

std::optional<std::string> region(Checker& c, const Value& v, const std::string& what) {
  auto s = c.string_of(v, what);
  if (s && !is_region(*s)) {
    c.error(v.pos, fmt::format("{} {} is not an AWS region name (like us-east-1)", what, shown(*s)));
    return std::nullopt;
  }
  return s;
}

// The region set of strong consistency that holds `region`, or -1.
int region_set(std::string_view region) {
  for (size_t i = 0; i < std::size(limits::kStrongConsistencyRegionSets); ++i)
    for (auto r : limits::kStrongConsistencyRegionSets[i])
      if (!r.empty() && r == region) return static_cast<int>(i);
  return -1;
}

std::string region_sets() {
  std::string out;
  for (const auto& set : limits::kStrongConsistencyRegionSets) {
    std::string one;
    for (auto r : set)
      if (!r.empty()) one += (one.empty() ? "" : ", ") + std::string(r);
    out += (out.empty() ? "" : "; ") + one;
  }
  return out;
}

void replica(Checker& c, const Value& v, const std::string& what, bool provisioned) {
  if (!c.object(v, what)) return;
  c.record(what, v);
  c.fields(v, kReplicaFields, what);
  Table& t = c.table();
  Replica r;
  if (auto* x = c.required(v, "region", what))
    if (auto s = region(c, *x, what + ".region")) r.region = *s;
  if (auto* x = c.required(v, "kmsKeyArn", what)) {
    static const std::regex kKey(
        R"(arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):kms:([a-z0-9-]+):[0-9]{12}:key/(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))");
    if (auto s = c.string_of(*x, what + ".kmsKeyArn")) {
      std::smatch m;
      if (!std::regex_match(*s, m, kKey))
        c.error(x->pos, fmt::format("{}.kmsKeyArn {} is not a KMS key ARN "
                                    "(arn:<partition>:kms:<region>:<12 digits>:key/<key id>)", what, shown(*s)));
      else if (!r.region.empty() && m[2] != r.region)
        c.error(x->pos, fmt::format("{}.kmsKeyArn is a key in {}, not in the replica's region {}: a "
                                    "customer-managed key serves one region", what, m[2].str(), r.region));
      else
        r.kms_key_arn = *s;
    }
  }
  if (auto* x = v.get("deletionProtection")) r.deletion_protection = c.bool_of(*x, what + ".deletionProtection");
  if (auto* x = v.get("pointInTimeRecovery")) r.point_in_time_recovery = c.bool_of(*x, what + ".pointInTimeRecovery");
  if (auto* x = v.get("tableClass")) r.table_class = c.enum_of(*x, what + ".tableClass", kTableClasses);
  if (auto* x = v.get("contributorInsights"))
    r.contributor_insights = read_contributor_insights(c, *x, what + ".contributorInsights");
  if (auto* x = v.get("readCapacity")) {
    r.read_capacity = c.int_of(*x, what + ".readCapacity", limits::kMinCapacity, limits::kMaxCapacity);
    if (r.read_capacity && !provisioned) {
      c.error(x->pos, fmt::format("{}.readCapacity is only allowed with billingMode PROVISIONED", what));
      r.read_capacity.reset();
    }
  }
  if (auto* x = v.get("maxReadRequestUnits")) {
    r.max_read_request_units = c.int_of(*x, what + ".maxReadRequestUnits", limits::kMinRequestUnits,
                                        limits::kMaxRequestUnits);
    if (r.max_read_request_units && provisioned) {
      c.error(x->pos, fmt::format("{}.maxReadRequestUnits is only allowed with billingMode PAY_PER_REQUEST", what));
      r.max_read_request_units.reset();
    }
  }
  if (auto* x = v.get("tags")) {
    Tags tags;
    c.tag_map(*x, what + ".tags", tags);
    r.tags = std::move(tags);
  }
  t.global.replicas.push_back(std::move(r));
}

}  // namespace

void read_global_table(Checker& c, const Value& tc) {
  Table& t = c.table();
  bool provisioned = t.billing == BillingMode::Provisioned;
  if (auto* v = tc.get("region")) {
    c.record("tableConfig.region", *v);
    t.global.region = region(c, *v, "tableConfig.region");
  }
  if (auto* v = tc.get("replicas")) {
    c.record("tableConfig.replicas", *v);
    if (c.expect(*v, Value::Kind::Array, "tableConfig.replicas")) {
      for (size_t i = 0; i < v->items.size(); ++i)
        replica(c, v->items[i], fmt::format("tableConfig.replicas[{}]", i), provisioned);
    }
  }
  if (auto* v = tc.get("multiRegionConsistency")) {
    c.record("tableConfig.multiRegionConsistency", *v);
    if (auto e = c.enum_of(*v, "tableConfig.multiRegionConsistency", kConsistencies)) t.global.consistency = *e;
  }
  if (auto* v = tc.get("witnessRegion")) {
    c.record("tableConfig.witnessRegion", *v);
    t.global.witness_region = region(c, *v, "tableConfig.witnessRegion");
  }
}

void check_global_table(Checker& c, const Value& tc) {
  Table& t = c.table();
  const Value* replicas = tc.get("replicas");
  bool global = replicas && replicas->kind == Value::Kind::Array && !replicas->items.empty();
  if (const Value* mrc = tc.get("multiRegionConsistency"); mrc && !global)
    c.error(mrc->pos, "tableConfig.multiRegionConsistency is only allowed with replicas");
  const Value* witness = tc.get("witnessRegion");
  if (witness && t.global.consistency != Consistency::Strong)
    c.error(witness->pos, "tableConfig.witnessRegion is only allowed with multiRegionConsistency STRONG");
  if (!global) return;
  if (!tc.get("region"))
    c.error(replicas->pos, "tableConfig.replicas needs tableConfig.region: the region the table is deployed in, "
                           "its first replica");
  // Regions: each once, and never the table's own.
  std::unordered_map<std::string, size_t> seen;
  for (size_t i = 0; i < t.global.replicas.size(); ++i) {
    const std::string& r = t.global.replicas[i].region;
    if (r.empty()) continue;
    const Value& at = *replicas->items[i].get("region");
    if (t.global.region && r == *t.global.region)
      c.error(at.pos, fmt::format("replica region {} is tableConfig.region: the table is already there", shown(r)));
    else if (auto [first, added] = seen.emplace(r, i); !added)
      c.error(at.pos, fmt::format("replica region {} is already tableConfig.replicas[{}]", shown(r), first->second));
  }
  if (t.global.consistency == Consistency::Strong && t.global.region) {
    const Value& at = *tc.get("multiRegionConsistency");
    std::vector<std::string> regions{*t.global.region};
    for (const auto& r : t.global.replicas) regions.push_back(r.region);
    size_t needed = limits::kStrongConsistencyRegions - (t.global.witness_region ? 1 : 0);
    if (regions.size() != needed)
      c.error(at.pos, fmt::format("multiRegionConsistency STRONG needs {} regions in all ({} with witnessRegion), "
                                  "found {}{}", limits::kStrongConsistencyRegions,
                                  limits::kStrongConsistencyRegions - 1, regions.size(),
                                  t.global.witness_region ? " and a witness" : ""));
    if (t.global.witness_region) {
      regions.push_back(*t.global.witness_region);
      if (std::count(regions.begin(), regions.end(), *t.global.witness_region) > 1)
        c.error(witness->pos, fmt::format("tableConfig.witnessRegion {} is also a replica region: the witness must "
                                          "be a region of its own", shown(*t.global.witness_region)));
    }
    int set = region_set(regions.front());
    bool same = set >= 0 && std::all_of(regions.begin(), regions.end(), [&](const std::string& r) {
      return r.empty() || region_set(r) == set;
    });
    if (!same)
      c.error(at.pos, fmt::format("multiRegionConsistency STRONG needs every region (replicas and witness) in one "
                                  "region set: {}", region_sets()));
  }
  // Replicated tables carry every change to every region through a NEW_AND_OLD_IMAGES stream.
  if (const Value* s = tc.get("stream"); s && t.stream && *t.stream != StreamView::NewAndOldImages)
    c.error(s->pos, fmt::format("a table with replicas streams NEW_AND_OLD_IMAGES: tableConfig.stream {} cannot be "
                                "used (leave it out or set NEW_AND_OLD_IMAGES)", to_string(*t.stream)));
  t.stream = StreamView::NewAndOldImages;
  if (const Value* imp = tc.get("importSource"))
    c.error(imp->pos, "tableConfig.importSource is not available on a global table: import into a regional table, "
                      "then add replicas");
  if (t.billing == BillingMode::Provisioned) {
    if (!t.auto_scaling.write)
      c.error(tc.get("billingMode")->pos, "a provisioned table with replicas needs autoScaling.write: global "
                                         "tables autoscale their write capacity");
    if (const Value* gsis = tc.get("globalSecondaryIndexes"); gsis && gsis->kind == Value::Kind::Array)
      for (size_t i = 0; i < gsis->items.size(); ++i)
        if (const Value* w = gsis->items[i].get("writeCapacity"))
          c.error(w->pos, fmt::format("tableConfig.globalSecondaryIndexes[{}].writeCapacity is fixed, but a "
                                      "provisioned global table autoscales write capacity: set the index's "
                                      "autoScaling.write or leave it out to follow the table", i));
  }
}

}  // namespace ddbsynth
