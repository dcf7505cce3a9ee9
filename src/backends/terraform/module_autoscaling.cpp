// Target-tracking autoscaling: per scaled capacity an aws_appautoscaling_target and its
// aws_appautoscaling_policy, saying what the cloudformation target's ScalableTarget and
// ScalingPolicy say. The table's lifecycle (module_storage.cpp) ignores the capacities it drives.
#include <fmt/format.h>

#include "backends/common/autoscaling.hpp"
#include "backends/common/naming.hpp"
#include "backends/terraform/module.hpp"

namespace ddbsynth::tf {

void add_autoscaling(const Table& t, Body& main) {
  UniqueIds names;
  for (const auto& d : scaled_dimensions(t)) {
    std::string name = names.take(fmt::format("{}_{}", d.index ? "index_" + resource_name(d.index->name) : "table",
                                              d.read ? "read" : "write"));
    std::vector<Value> id = {Value::str("table/"), ref(kTable, "name")};
    if (d.index) id.push_back(Value::str("/index/" + d.index->name));
    const Scaling& s = *d.scaling;
    Body& target = main.add_block("resource", {"aws_appautoscaling_target", name}).body;
    target.set("max_capacity", Value::integer(s.max_capacity));
    target.set("min_capacity", Value::integer(s.min_capacity));
    target.set("resource_id", Value::tmpl(std::move(id)));
    target.set("role_arn", Value::tmpl({Value::str("arn:"), ref(kPartition, "partition"), Value::str(":iam::"),
                                        ref(kAccount, "account_id"), Value::str(std::string(":") + kScalingRoleResource)}));
    target.set("scalable_dimension", Value::str(d.scalable_dimension()));
    target.set("service_namespace", Value::str("dynamodb"));
    // The table's tags, as the cloudformation and cdk targets tag each ScalableTarget (provider 4.66+).
    if (!t.tags.empty()) target.set("tags", tags(t));

    std::string address = "aws_appautoscaling_target." + name;
    Body& policy = main.add_block("resource", {"aws_appautoscaling_policy", name}).body;
    policy.set("name", Value::str(fmt::format("{}-{}", name, d.predefined_metric())));
    policy.set("policy_type", Value::str("TargetTrackingScaling"));
    policy.set("resource_id", ref(address, "resource_id"));
    policy.set("scalable_dimension", ref(address, "scalable_dimension"));
    policy.set("service_namespace", ref(address, "service_namespace"));
    Body& tracking = policy.add_block("target_tracking_scaling_policy_configuration").body;
    tracking.add_block("predefined_metric_specification")
        .body.set("predefined_metric_type", Value::str(d.predefined_metric()));
    if (s.scale_in_cooldown) tracking.set("scale_in_cooldown", Value::integer(*s.scale_in_cooldown));
    if (s.scale_out_cooldown) tracking.set("scale_out_cooldown", Value::integer(*s.scale_out_cooldown));
    tracking.set("target_value", Value::integer(s.target_utilization));
  }
}

}  // namespace ddbsynth::tf
