// Target-tracking autoscaling of the table's and its indexes' capacities: per scaled dimension an
// AWS::ApplicationAutoScaling::ScalableTarget and its ScalingPolicy, as Table.autoScale*Capacity
// and scaleOnUtilization write them.
#pragma once

#include <string_view>

#include "backends/common/cfn.hpp"
#include "backends/common/naming.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth::cfn {

// Adds the resources of every scaled dimension of `t` to `resources`, `table_id` being the
// table's logical ID; logical IDs come from `ids`.
void add_autoscaling(const Table& t, std::string_view table_id, Json& resources, UniqueIds& ids);

}  // namespace ddbsynth::cfn
