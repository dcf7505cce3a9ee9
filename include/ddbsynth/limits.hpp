// DynamoDB's and IAM's limits that the config contract enforces, in one place.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ddbsynth::limits {

inline constexpr size_t kMaxGlobalIndexes = 20;
inline constexpr size_t kMaxLocalIndexes = 5;
inline constexpr size_t kMaxNonKeyAttributes = 100;  // distinct, across all indexes
inline constexpr size_t kMinTableName = 3, kMaxTableName = 255;
inline constexpr size_t kMinIndexName = 3, kMaxIndexName = 255;
inline constexpr size_t kMinAttributeNameBytes = 1, kMaxAttributeNameBytes = 255;
inline constexpr size_t kMinRuntimeConfigKey = 1, kMaxRuntimeConfigKey = 255;
inline constexpr size_t kMaxTags = 50;
inline constexpr size_t kMaxTagKey = 128, kMaxTagValue = 256;
inline constexpr size_t kMaxRoleName = 64;
inline constexpr size_t kMaxStackResources = 500;  // CloudFormation's resources per stack
inline constexpr size_t kMaxStackName = 128;
inline constexpr int64_t kMinCapacity = 1;
inline constexpr int64_t kMaxCapacity = 9007199254740991;  // 2^53-1: exact in every JSON reader
inline constexpr int kMinPort = 1, kMaxPort = 65535;

}  // namespace ddbsynth::limits
