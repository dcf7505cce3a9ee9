// TypeScript sources the cdk-ts target writes unchanged for every table.
#pragma once

#include <string_view>

namespace ddbsynth::cdk_ts {

extern const std::string_view kWorkspaceTs;      // src/core/workspace.ts
extern const std::string_view kRuntimeConfigTs;  // src/core/runtime-config.ts
extern const std::string_view kDynamoDbTs;       // src/core/dynamodb.ts
extern const std::string_view kTableOptionsTs;   // src/core/table-options.ts
extern const std::string_view kTsConfigJson;     // tsconfig.json

}  // namespace ddbsynth::cdk_ts
