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

// Round 2. Each limit with where it is documented.
// Capacity. OnDemandThroughput MaxRead/WriteRequestUnits: "greater than or equal to 1" (-1 only
// removes a maximum; DynamoDB API reference, OnDemandThroughput); Long, so no upper bound but ours.
inline constexpr int64_t kMinRequestUnits = 1, kMaxRequestUnits = kMaxCapacity;
// WarmThroughput Read/WriteUnitsPerSecond: Long, minimum 1 (API reference,
// TableWarmThroughputDescription). New on-demand tables start at 12,000/4,000 (developer guide,
// "warm throughput scenarios"); lower values are accepted and leave the table at its current warmth.
inline constexpr int64_t kMinWarmUnits = 1, kMaxWarmUnits = kMaxCapacity;
// Application Auto Scaling RegisterScalableTarget MinCapacity/MaxCapacity: Integer (32 bits);
// the CDK's ScalableTarget throws when maxCapacity < minCapacity.
inline constexpr int64_t kMaxScalingCapacity = 2147483647;
// The CDK's Table scaleOnUtilization: 10-90 ("targetUtilizationPercent for DynamoDB scaling must be
// between 10 and 90 percent"); TableV2's Capacity.autoscaled (global tables): 20-90.
inline constexpr int kMinTargetUtilization = 10, kMaxTargetUtilization = 90;
inline constexpr int kMinGlobalTargetUtilization = 20;
// TargetTrackingScalingPolicyConfiguration ScaleIn/OutCooldown: Integer seconds, no documented maximum.
inline constexpr int64_t kMaxCooldownSeconds = 2147483647;

// ARNs: at most 2048 characters (IAM's and DynamoDB's ResourceArn length constraint).
inline constexpr size_t kMaxArn = 2048;

// Table options. RecoveryPeriodInDays 1-35 (CloudFormation PointInTimeRecoverySpecification; the
// CDK throws outside it).
inline constexpr int kMinPitrPeriodDays = 1, kMaxPitrPeriodDays = 35;
// Kinesis stream names: 1-128 of [a-zA-Z0-9_.-] (Kinesis API reference, CreateStream StreamName).
inline constexpr size_t kMaxKinesisStreamName = 128;
// S3 general purpose bucket naming rules (S3 user guide, "Bucket naming rules").
inline constexpr size_t kMinBucketName = 3, kMaxBucketName = 63;
inline constexpr std::string_view kReservedBucketPrefixes[] = {"xn--", "sthree-", "amzn-s3-demo-"};
inline constexpr std::string_view kReservedBucketSuffixes[] = {"-s3alias", "--ol-s3", ".mrap", "--x-s3",
                                                               "--table-s3"};
// ImportTable S3BucketSource S3KeyPrefix: at most 1024 (API reference, S3BucketSource).
inline constexpr size_t kMaxS3KeyPrefix = 1024;
// CsvOptions Delimiter: one of [,;:|\t ]; HeaderList: 1-255 items (API reference, CsvOptions).
inline constexpr const char* kCsvDelimiters = ",;:|\t ";
inline constexpr size_t kMaxCsvHeaderColumns = 255;
// "The maximum size supported for a resource-based policy document is 20 KB. DynamoDB counts
// whitespaces" (developer guide, "Resource-based policy considerations").
inline constexpr size_t kMaxResourcePolicyBytes = 20 * 1024;

// Global tables. Multi-Region strong consistency works only within one of these sets
// (API reference, CreateGlobalTableWitnessGroupMemberAction; CloudFormation GlobalTableWitness):
// three replicas, or two and a witness.
inline constexpr std::string_view kStrongConsistencyRegionSets[][4] = {
    {"us-east-1", "us-east-2", "us-west-2", ""},
    {"eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"},
    {"ap-northeast-1", "ap-northeast-2", "ap-northeast-3", ""}};
inline constexpr size_t kStrongConsistencyRegions = 3;  // replicas, the table's own region included

// Entities (../shared/spec/entities.md). Key value sizes: "The minimum length of a partition key
// value is 1 byte. The maximum length is 2048 bytes"; a sort key's is 1024 bytes (developer
// guide, "Service, account, and table quotas": Partition key / Sort key length).
inline constexpr size_t kMaxPartitionKeyBytes = 2048, kMaxSortKeyBytes = 1024;
// No DynamoDB limit: a bound on one template's placeholders, so that the exact review of many
// templates stays fast. Real designs use a handful (ElectroDB's composites rarely pass 5).
inline constexpr size_t kMaxTemplatePlaceholders = 32;
// Bounds on the review's work for hostile input, far above real designs (tens of entities).
inline constexpr size_t kMaxEntities = 1000, kMaxAccessPatterns = 10000;
// Product states the review may explore in all (a few microseconds of work each 100): past it the
// review stops with DESIGN_TOO_COMPLEX rather than run on.
inline constexpr size_t kMaxReviewStates = 4'000'000;

}  // namespace ddbsynth::limits
