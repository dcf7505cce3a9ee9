#include "backends/cloudformation/autoscaling.hpp"

#include <fmt/format.h>

#include "backends/common/autoscaling.hpp"

namespace ddbsynth::cfn {
namespace {

Json scaling_role_arn() {
  return join(Json::array({"arn:", cfn::ref("AWS::Partition"), ":iam::", cfn::ref("AWS::AccountId"), std::string(":") + kScalingRoleResource}));
}

Json resource_id(const ScaledDimension& d, std::string_view table_id) {
  Json parts = Json::array({"table/", cfn::ref(table_id)});
  if (d.index) parts.push_back("/index/" + d.index->name);
  return join(std::move(parts));
}

}  // namespace

void add_autoscaling(const Table& t, std::string_view table_id, Json& resources, UniqueIds& ids) {
  // The table's tags reach its scalable targets too, as Tags.of(construct) tags them in the CDK.
  // A copy: adding resources below may move the table's (the object keeps insertion order in a vector).
  const Json tags = resources[std::string(table_id)]["Properties"].value("Tags", Json());
  for (const auto& d : scaled_dimensions(t)) {
    std::string stem = fmt::format("{}{}Scaling", d.index ? "Index" + alnum_id(d.index->name) : std::string("Table"),
                                   d.read ? "Read" : "Write");
    std::string target = ids.take(stem + "Target");
    std::string policy = ids.take(stem + "Policy");
    const Scaling& s = *d.scaling;
    resources[target] = Json{{"Type", "AWS::ApplicationAutoScaling::ScalableTarget"},
                             {"Properties", Json{{"MaxCapacity", s.max_capacity},
                                                 {"MinCapacity", s.min_capacity},
                                                 {"ResourceId", resource_id(d, table_id)},
                                                 {"RoleARN", scaling_role_arn()},
                                                 {"ScalableDimension", d.scalable_dimension()},
                                                 {"ServiceNamespace", "dynamodb"}}}};
    if (!tags.is_null()) resources[target]["Properties"]["Tags"] = tags;
    Json tracking{{"PredefinedMetricSpecification", Json{{"PredefinedMetricType", d.predefined_metric()}}}};
    if (s.scale_in_cooldown) tracking["ScaleInCooldown"] = *s.scale_in_cooldown;
    if (s.scale_out_cooldown) tracking["ScaleOutCooldown"] = *s.scale_out_cooldown;
    tracking["TargetValue"] = s.target_utilization;
    Json props;
    props["PolicyName"] = policy;
    props["PolicyType"] = "TargetTrackingScaling";
    props["ScalingTargetId"] = cfn::ref(target);
    props["TargetTrackingScalingPolicyConfiguration"] = std::move(tracking);
    resources[policy] = Json{{"Type", "AWS::ApplicationAutoScaling::ScalingPolicy"}, {"Properties", std::move(props)}};
  }
}

}  // namespace ddbsynth::cfn
