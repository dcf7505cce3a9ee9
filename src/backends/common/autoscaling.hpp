// The capacities a table's autoscaling drives, in the order the CDK target scales them (the
// table's read, its write, then each GSI's read and write in config order).
#pragma once

#include <string>
#include <vector>

#include "ddbsynth/model.hpp"

namespace ddbsynth {

struct ScaledDimension {
  const GlobalSecondaryIndex* index = nullptr;  // null: the table's own capacity
  bool read = true;
  const Scaling* scaling = nullptr;

  // Application Auto Scaling's names: "dynamodb:table:ReadCapacityUnits",
  // "DynamoDBReadCapacityUtilization".
  std::string scalable_dimension() const;
  std::string predefined_metric() const;
};

std::vector<ScaledDimension> scaled_dimensions(const Table& t);

// DynamoDB's service-linked role for Application Auto Scaling, after "arn:<partition>:iam::<account>:".
inline constexpr const char* kScalingRoleResource =
    "role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/"
    "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";

}  // namespace ddbsynth
