// The capacity section, for the table and for each GSI: on-demand maximums, warm throughput and
// target-tracking autoscaling. The billing mode decides which of them may be set.
#include <fmt/format.h>

#include "checker.hpp"
#include "ddbsynth/limits.hpp"

namespace ddbsynth {
namespace {

constexpr std::string_view kWarmFields[] = {"readUnitsPerSecond", "writeUnitsPerSecond"};
constexpr std::string_view kAutoScalingFields[] = {"read", "write"};
constexpr std::string_view kScalingFields[] = {"minCapacity", "maxCapacity", "targetUtilization", "scaleInCooldown",
                                               "scaleOutCooldown"};

std::optional<int64_t> request_units(Checker& c, const Value& holder, std::string_view field, const std::string& where,
                                     bool provisioned) {
  const Value* v = holder.get(field);
  if (!v) return std::nullopt;
  c.record(fmt::format("{}.{}", where, field), *v);
  auto n = c.int_of(*v, fmt::format("{}.{}", where, field), limits::kMinRequestUnits, limits::kMaxRequestUnits);
  if (n && provisioned)
    c.error(v->pos, fmt::format("{}.{} is only allowed with billingMode PAY_PER_REQUEST: a provisioned table's "
                                "throughput is its capacity", where, field));
  return n;
}

std::optional<WarmThroughput> warm(Checker& c, const Value& v, const std::string& what) {
  if (!c.object(v, what)) return std::nullopt;
  c.record(what, v);
  c.fields(v, kWarmFields, what);
  WarmThroughput w;
  if (auto* r = v.get("readUnitsPerSecond"))
    w.read_units_per_second = c.int_of(*r, what + ".readUnitsPerSecond", limits::kMinWarmReadUnits,
                                       limits::kMaxWarmUnits);
  if (auto* x = v.get("writeUnitsPerSecond"))
    w.write_units_per_second = c.int_of(*x, what + ".writeUnitsPerSecond", limits::kMinWarmWriteUnits,
                                        limits::kMaxWarmUnits);
  if (v.members.empty()) {
    c.error(v.pos, fmt::format("{} needs readUnitsPerSecond, writeUnitsPerSecond or both", what));
    return std::nullopt;
  }
  if (!w.read_units_per_second && !w.write_units_per_second) return std::nullopt;
  return w;
}

// `configured` is the capacity the table or index is created with (0 when not provisioned).
std::optional<Scaling> scaling(Checker& c, const Value& v, const std::string& what, int64_t configured,
                               std::string_view capacity_field) {
  if (!c.object(v, what)) return std::nullopt;
  c.record(what, v);
  c.fields(v, kScalingFields, what);
  Scaling s;
  const Value* lo = c.required(v, "minCapacity", what);
  const Value* hi = c.required(v, "maxCapacity", what);
  std::optional<int64_t> min, max;
  if (lo) min = c.int_of(*lo, what + ".minCapacity", limits::kMinCapacity, limits::kMaxScalingCapacity);
  if (hi) max = c.int_of(*hi, what + ".maxCapacity", limits::kMinCapacity, limits::kMaxScalingCapacity);
  if (auto* t = v.get("targetUtilization"))
    if (auto n = c.int_of(*t, what + ".targetUtilization", limits::kMinTargetUtilization,
                          limits::kMaxTargetUtilization))
      s.target_utilization = static_cast<int>(*n);
  if (auto* x = v.get("scaleInCooldown"))
    s.scale_in_cooldown = c.int_of(*x, what + ".scaleInCooldown", 0, limits::kMaxCooldownSeconds);
  if (auto* x = v.get("scaleOutCooldown"))
    s.scale_out_cooldown = c.int_of(*x, what + ".scaleOutCooldown", 0, limits::kMaxCooldownSeconds);
  if (!min || !max) return std::nullopt;
  if (*max < *min) {
    c.error(hi->pos, fmt::format("{}.maxCapacity ({}) must be at least minCapacity ({})", what, *max, *min));
    return std::nullopt;
  }
  if (configured && (configured < *min || configured > *max))
    c.error(v.pos, fmt::format("{} is {}, outside {} [{}, {}]: the capacity the table is created with must lie "
                               "within the autoscaling bounds", capacity_field, configured, what, *min, *max));
  s.min_capacity = *min;
  s.max_capacity = *max;
  return s;
}

}  // namespace

void read_capacity(Checker& c, const Value& holder, const std::string& where, bool provisioned,
                   const std::optional<Capacity>& capacity, CapacityFields out) {
  out.on_demand.max_read_request_units = request_units(c, holder, "maxReadRequestUnits", where, provisioned);
  out.on_demand.max_write_request_units = request_units(c, holder, "maxWriteRequestUnits", where, provisioned);
  if (auto* v = holder.get("warmThroughput")) out.warm = warm(c, *v, where + ".warmThroughput");
  const Value* as = holder.get("autoScaling");
  if (!as) return;
  std::string what = where + ".autoScaling";
  if (!c.object(*as, what)) return;
  c.record(what, *as);
  c.fields(*as, kAutoScalingFields, what);
  if (!provisioned) {
    c.error(as->pos, fmt::format("{} is only allowed with billingMode PROVISIONED: on-demand capacity scales by "
                                 "itself (cap it with maxReadRequestUnits/maxWriteRequestUnits)", what));
    return;
  }
  if (as->members.empty()) c.error(as->pos, fmt::format("{} needs read, write or both", what));
  Capacity cap = capacity.value_or(Capacity{});
  if (auto* r = as->get("read"))
    out.auto_scaling.read = scaling(c, *r, what + ".read", cap.read, where + ".readCapacity");
  if (auto* w = as->get("write"))
    out.auto_scaling.write = scaling(c, *w, what + ".write", cap.write, where + ".writeCapacity");
}

}  // namespace ddbsynth
