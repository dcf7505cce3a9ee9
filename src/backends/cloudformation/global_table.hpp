// AWS::DynamoDB::GlobalTable for a table with replicas (DynamoDB global tables, 2019.11.21).
#pragma once

#include "backends/common/cfn.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth::cfn {

// The GlobalTable's properties in alphabetical order, as CDK's TableV2 writes them. The first
// replica is tableConfig.region, encrypted with `key_arn` (the stack's own key); each further
// replica carries its own key. `resource_policy` (a PolicyDocument, or null for none) goes on
// every replica: its statements name no region-bound resource.
Json global_table_properties(const Table& t, const Json& key_arn, const Json& resource_policy);

// The regions the table lives in, tableConfig.region first: "us-east-1,eu-west-1".
std::string replica_regions(const Table& t);

}  // namespace ddbsynth::cfn
