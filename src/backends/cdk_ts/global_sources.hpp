// The TypeScript of the cdk-ts target for tables with replicas: the construct that builds the
// TableV2 tree of ../shared/spec/cdk-target.md, "Global tables".
#pragma once

#include <string_view>

namespace ddbsynth::cdk_ts {

extern const std::string_view kDynamoDbGlobalTs;  // src/core/dynamodb-global.ts

}  // namespace ddbsynth::cdk_ts
