// Findings for the capacity section: autoscaling, on-demand maximums, warm throughput.
#include "review/plan_rules.hpp"

namespace ddbsynth::review {

std::string owner_of(const Change& c, const Table& t) {
  static const std::string kGsis = "tableConfig.globalSecondaryIndexes[";
  if (c.path.rfind(kGsis, 0) != 0) return "the table";
  size_t i = std::stoul(c.path.substr(kGsis.size()));
  return i < t.gsis.size() ? fmt::format("global secondary index \"{}\"", t.gsis[i].name) : "an index";
}

namespace {

bool is_index(const Change& c) { return c.path.rfind("tableConfig.globalSecondaryIndexes[", 0) == 0; }

// "read" or "write" for a path ending in autoScaling.read / maxReadRequestUnits.
std::string dimension(const Change& c) {
  return c.path.find("Read") != std::string::npos || c.path.ends_with(".read") ? "read" : "write";
}

std::string bounds(const Json& s) {
  return fmt::format("{}-{} at {}% utilization", s["minCapacity"].get<int64_t>(), s["maxCapacity"].get<int64_t>(),
                     s["targetUtilization"].get<int>());
}

// The terraform module cannot ignore one index's capacity: once an index autoscales it ignores
// all of global_secondary_index (as terraform-aws-modules does), which hides index changes.
std::string tf_index_note(const Context& x) {
  bool any = std::any_of(x.new_table.gsis.begin(), x.new_table.gsis.end(),
                         [](const GlobalSecondaryIndex& g) { return !g.auto_scaling.empty(); });
  return any ? "; as an index autoscales, the terraform module ignores changes to global_secondary_index, so "
               "terraform plan shows no change of index capacities"
             : "";
}

void auto_scaling(const Change& c, Context& x) {
  std::string owner = owner_of(c, c.old_only ? x.old_table : x.new_table), dim = dimension(c);
  if (c.old_value.is_null()) {
    x.add(c, "AUTOSCALING_ADDED",
          fmt::format("{} capacity of {} autoscales from now on ({}): Application Auto Scaling owns it, and "
                      "CloudFormation's and Terraform's configured capacity is only where it starts{}",
                      dim, owner, bounds(c.new_value), is_index(c) ? tf_index_note(x) : ""));
    return;
  }
  if (c.new_value.is_null()) {
    x.add(c, "AUTOSCALING_REMOVED",
          fmt::format("autoscaling of {}'s {} capacity is removed ({}): CloudFormation deletes the scalable target "
                      "and its policy and leaves the capacity where the autoscaler left it, as the template's "
                      "capacity did not change; Terraform's module stops ignoring the capacity, so terraform plan "
                      "sets it back to the configured one. Set the capacity you want explicitly",
                      owner, dim, bounds(c.old_value)));
    return;
  }
  int64_t old_max = c.old_value["maxCapacity"], new_max = c.new_value["maxCapacity"];
  int64_t old_min = c.old_value["minCapacity"], new_min = c.new_value["minCapacity"];
  if (new_max < old_max) {
    x.add(c, "AUTOSCALING_MAX_LOWERED",
          fmt::format("the maximum {} capacity of {} lowers from {} to {}: the autoscaler may hold it above {} now, "
                      "and then scales it down to {}; demand beyond that is throttled (DynamoDB limits how many "
                      "decreases a table may have per day)",
                      dim, owner, old_max, new_max, new_max, new_max));
  }
  if (new_min != old_min || new_max > old_max)
    x.add(c, "AUTOSCALING_BOUNDS_CHANGE",
          fmt::format("the {} capacity bounds of {} change from {}-{} to {}-{}{}", dim, owner, old_min, old_max, new_min,
                      new_max, new_min > old_min ? fmt::format(": the capacity rises to at least {} (and costs)", new_min)
                                                 : ""));
  Json o = c.old_value, n = c.new_value;
  for (auto* j : {&o, &n}) j->erase("minCapacity"), j->erase("maxCapacity");
  if (o != n)
    x.add(c, "AUTOSCALING_TARGET_CHANGE",
          fmt::format("the {} scaling policy of {} changes (target utilization and cooldowns): {} -> {}", dim, owner,
                      o.dump(), n.dump()));
}

void max_request_units(const Change& c, Context& x) {
  std::string owner = owner_of(c, c.old_only ? x.old_table : x.new_table), dim = dimension(c);
  bool lowered = !c.new_value.is_null() && (c.old_value.is_null() || c.new_value < c.old_value);
  if (lowered)
    x.add(c, "MAX_REQUEST_UNITS_LOWERED",
          fmt::format("the on-demand maximum {} request units of {} {} {}: requests beyond {} per second are "
                      "throttled",
                      dim, owner, c.old_value.is_null() ? "are set to" : "lower from " + show(c.old_value) + " to",
                      show(c.new_value), show(c.new_value)));
  else
    x.add(c, "MAX_REQUEST_UNITS_RAISED",
          fmt::format("the on-demand maximum {} request units of {} {}", dim, owner,
                      c.new_value.is_null() ? "are removed (was " + show(c.old_value) + "): no cap on its spend"
                                            : "rise from " + show(c.old_value) + " to " + show(c.new_value)));
}

// DynamoDB never lowers warm throughput; the provider replaces the table instead (its
// CustomizeDiff forces a new resource when a warm_throughput value decreases).
bool warm_lowered(const Json& o, const Json& n) {
  if (o.is_null() || n.is_null()) return false;
  for (const char* k : {"readUnitsPerSecond", "writeUnitsPerSecond"})
    if (o.contains(k) && n.contains(k) && n[k] < o[k]) return true;
  return false;
}

void warm_throughput(const Change& c, Context& x) {
  std::string owner = owner_of(c, c.old_only ? x.old_table : x.new_table);
  if (warm_lowered(c.old_value, c.new_value)) {
    bool table = !is_index(c);
    x.add(c, "WARM_THROUGHPUT_LOWERED",
          fmt::format("the warm throughput of {} lowers from {} to {}, which DynamoDB cannot do: the CloudFormation "
                      "update fails (\"decreasing WarmThroughput is not supported\"); {}. Keep the higher value",
                      owner, c.old_value.dump(), c.new_value.dump(),
                      table ? x.tf_replaces("the provider forces a new resource when warm_throughput decreases")
                            : "Terraform's update fails the same way"),
          x.engines(Effect::Fail, table ? Effect::Replace : Effect::Fail));
    return;
  }
  x.add(c, "WARM_THROUGHPUT_CHANGE",
        c.new_value.is_null()
            ? fmt::format("warm throughput of {} is no longer configured (was {}): the table keeps it, as DynamoDB "
                          "never lowers it, and Terraform plans no change",
                          owner, c.old_value.dump())
            : fmt::format("the warm throughput of {} rises from {} to {}: DynamoDB pre-warms it in the background "
                          "(billed once); it can never be lowered again",
                          owner, show(c.old_value), c.new_value.dump()),
        c.new_value.is_null() ? std::optional(x.engines(Effect::NoChange, Effect::NoChange)) : std::nullopt);
}

}  // namespace

const Rules& capacity_rules() {
  static const Rules rules = {
      {"auto_scaling_changed", auto_scaling},
      {"max_request_units_changed", max_request_units},
      {"warm_throughput_changed", warm_throughput},
  };
  return rules;
}

}  // namespace ddbsynth::review
