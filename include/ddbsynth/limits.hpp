// DynamoDB's and IAM's limits that the config contract enforces, in one place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

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

// Capacity (round 2).
inline constexpr int64_t kMinRequestUnits = 1, kMaxRequestUnits = kMaxCapacity;
inline constexpr int64_t kMinWarmReadUnits = 1, kMinWarmWriteUnits = 1, kMaxWarmUnits = kMaxCapacity;
inline constexpr int64_t kMaxScalingCapacity = kMaxCapacity;
inline constexpr int kMinTargetUtilization = 10, kMaxTargetUtilization = 90;
inline constexpr int64_t kMaxCooldownSeconds = kMaxCapacity;

// Table options (round 2).
inline constexpr int kMinPitrPeriodDays = 1, kMaxPitrPeriodDays = 35;
inline constexpr size_t kMaxKinesisStreamName = 128;
inline constexpr size_t kMinBucketName = 3, kMaxBucketName = 63;
inline constexpr std::string_view kReservedBucketPrefixes[] = {"xn--", "sthree-", "amzn-s3-demo-"};
inline constexpr std::string_view kReservedBucketSuffixes[] = {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"};
inline constexpr size_t kMaxS3KeyPrefix = 1024;
inline constexpr const char* kCsvDelimiters = ",;:|\t ";
inline constexpr size_t kMaxCsvHeaderColumns = 255;

// Global tables (round 2). Multi-Region strong consistency works only within one of these sets
// (DynamoDB API reference, CreateGlobalTableWitnessGroupMemberAction; CloudFormation
// AWS::DynamoDB::GlobalTable GlobalTableWitness): three replicas, or two and a witness.
inline constexpr std::string_view kStrongConsistencyRegionSets[][4] = {
    {"us-east-1", "us-east-2", "us-west-2", ""},
    {"eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"},
    {"ap-northeast-1", "ap-northeast-2", "ap-northeast-3", ""}};
inline constexpr size_t kStrongConsistencyRegions = 3;  // replicas, the table's own region included

}  // namespace ddbsynth::limits
