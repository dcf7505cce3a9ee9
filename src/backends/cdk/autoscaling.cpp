#include "autoscaling.hpp"

#include <fmt/format.h>

namespace ddbsynth::cdk {
namespace {

using cfn::Json;

// Table.makeScalingRole: DynamoDB's service-linked role for Application Auto Scaling.
constexpr std::string_view kScalingRoleTail =
    ":role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/"
    "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";

std::string dimension(const ScaledCapacity& s) {
  return fmt::format("dynamodb:{}:{}CapacityUnits", s.index ? "index" : "table", s.read ? "Read" : "Write");
}

}  // namespace

std::vector<ScaledCapacity> scaled_capacities(const Table& t) {
  std::vector<ScaledCapacity> out;
  auto add = [&](const AutoScaling& a, const std::optional<std::string>& index, const std::string& path) {
    std::string prefix = index.value_or("");
    if (a.read) out.push_back({prefix + "ReadScaling", index, true, *a.read, path + ".autoScaling.read"});
    if (a.write) out.push_back({prefix + "WriteScaling", index, false, *a.write, path + ".autoScaling.write"});
  };
  add(t.auto_scaling, std::nullopt, "tableConfig");
  for (size_t i = 0; i < t.gsis.size(); ++i)
    add(t.gsis[i].auto_scaling, t.gsis[i].name, fmt::format("tableConfig.globalSecondaryIndexes[{}]", i));
  return out;
}

Json scalable_target_properties(const ScaledCapacity& s, const std::string& table_id) {
  Json resource_id = Json::array({"table/", cfn::ref(table_id)});
  if (s.index) resource_id.push_back("/index/" + *s.index);
  Json role = cfn::join(Json::array(
      {"arn:", cfn::ref("AWS::Partition"), ":iam::", cfn::ref("AWS::AccountId"), std::string(kScalingRoleTail)}));
  return Json{{"MaxCapacity", s.scaling.max_capacity},
              {"MinCapacity", s.scaling.min_capacity},
              {"ResourceId", cfn::join(std::move(resource_id))},
              {"RoleARN", std::move(role)},
              {"ScalableDimension", dimension(s)},
              {"ServiceNamespace", "dynamodb"}};
}

Json scaling_policy_properties(const ScaledCapacity& s, const std::string& target_id, const std::string& policy_name) {
  Json config;
  config["PredefinedMetricSpecification"] =
      Json{{"PredefinedMetricType", s.read ? "DynamoDBReadCapacityUtilization" : "DynamoDBWriteCapacityUtilization"}};
  if (s.scaling.scale_in_cooldown) config["ScaleInCooldown"] = *s.scaling.scale_in_cooldown;
  if (s.scaling.scale_out_cooldown) config["ScaleOutCooldown"] = *s.scaling.scale_out_cooldown;
  config["TargetValue"] = s.scaling.target_utilization;
  return Json{{"PolicyName", policy_name},
              {"PolicyType", "TargetTrackingScaling"},
              {"ScalingTargetId", cfn::ref(target_id)},
              {"TargetTrackingScalingPolicyConfiguration", std::move(config)}};
}

}  // namespace ddbsynth::cdk
