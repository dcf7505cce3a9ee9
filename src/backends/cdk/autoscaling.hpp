// Target-tracking autoscaling of a v1 Table's capacities, as Table.autoScale*Capacity(...)
// .scaleOnUtilization(...) builds it: per scaled dimension, a construct under the table
// ("ReadScaling", "<index>WriteScaling", ...) holding an AWS::ApplicationAutoScaling::ScalableTarget
// ("Target") with DynamoDB's service-linked role, and its target-tracking ScalingPolicy
// ("Target/Tracking").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "backends/common/cfn.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth::cdk {

struct ScaledCapacity {
  std::string construct_id;          // the scalable attribute's id under the table
  std::optional<std::string> index;  // the GSI's name; unset for the table itself
  bool read = true;                  // read or write capacity units
  Scaling scaling;
  std::string config_path;           // "tableConfig.autoScaling.read", for messages
};

// The scaled dimensions in the order the spec's tree enables them: the table's read and
// write, then each GSI's read and write in config order.
std::vector<ScaledCapacity> scaled_capacities(const Table& t);

// CfnScalableTarget's properties for `s` of the table whose CfnTable has logical ID `table_id`.
cfn::Json scalable_target_properties(const ScaledCapacity& s, const std::string& table_id);

// CfnScalingPolicy's properties; `policy_name` is Names.uniqueId of the policy construct.
cfn::Json scaling_policy_properties(const ScaledCapacity& s, const std::string& target_id,
                                    const std::string& policy_name);

}  // namespace ddbsynth::cdk
