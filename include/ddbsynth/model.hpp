// The validated table model: what one config means, independent of any backend.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ddbsynth/design.hpp"
#include "ddbsynth/source_pos.hpp"

namespace ddbsynth {

enum class AttributeType { S, N, B };
enum class Projection { All, KeysOnly, Include };
enum class BillingMode { PayPerRequest, Provisioned };
enum class RemovalPolicy { Retain, Destroy };
enum class StreamView { KeysOnly, NewImage, OldImage, NewAndOldImages };
enum class TableClass { Standard, StandardInfrequentAccess };
enum class Access { Read, Write, ReadWrite, Full, StreamRead };
enum class ContainerEngine { Docker, Podman, Finch };
enum class ContributorInsightsMode { AccessedAndThrottledKeys, ThrottledKeys };
enum class KinesisPrecision { Millisecond, Microsecond };
enum class InputFormat { DynamoDbJson, Ion, Csv };
enum class InputCompression { Gzip, Zstd, None };
enum class Consistency { Eventual, Strong };

struct KeyAttribute {
  std::string name;
  AttributeType type = AttributeType::S;
  bool operator==(const KeyAttribute&) const = default;
};

struct Capacity {
  int64_t read = 0;
  int64_t write = 0;
  bool operator==(const Capacity&) const = default;
};

// Target-tracking autoscaling of one capacity dimension (Application Auto Scaling).
struct Scaling {
  int64_t min_capacity = 1;
  int64_t max_capacity = 1;
  int target_utilization = 70;                 // percent, 10-90
  std::optional<int64_t> scale_in_cooldown;    // seconds; unset = the service default
  std::optional<int64_t> scale_out_cooldown;
  bool operator==(const Scaling&) const = default;
};

struct AutoScaling {
  std::optional<Scaling> read, write;
  bool empty() const { return !read && !write; }
  bool operator==(const AutoScaling&) const = default;
};

// On-demand maximum request units (OnDemandThroughput); PAY_PER_REQUEST only.
struct OnDemandThroughput {
  std::optional<int64_t> max_read_request_units, max_write_request_units;
  bool empty() const { return !max_read_request_units && !max_write_request_units; }
  bool operator==(const OnDemandThroughput&) const = default;
};

struct WarmThroughput {
  std::optional<int64_t> read_units_per_second, write_units_per_second;  // at least one set
  bool operator==(const WarmThroughput&) const = default;
};

// CloudWatch Contributor Insights, enabled; an unset mode is the service default.
struct ContributorInsights {
  std::optional<ContributorInsightsMode> mode;
  bool operator==(const ContributorInsights&) const = default;
};

struct GlobalSecondaryIndex {
  std::string name;
  KeyAttribute partition_key;
  std::optional<KeyAttribute> sort_key;
  Projection projection = Projection::All;
  std::vector<std::string> non_key_attributes;  // only with Projection::Include
  std::optional<Capacity> capacity;             // set iff the table is provisioned
  OnDemandThroughput on_demand;
  std::optional<WarmThroughput> warm;
  AutoScaling auto_scaling;
  std::optional<ContributorInsights> contributor_insights;
  bool operator==(const GlobalSecondaryIndex&) const = default;
};

struct LocalSecondaryIndex {
  std::string name;
  KeyAttribute sort_key;
  Projection projection = Projection::All;
  std::vector<std::string> non_key_attributes;
  bool operator==(const LocalSecondaryIndex&) const = default;
};

struct Grant {
  std::string role;       // as configured: an ARN or a role name
  std::string role_name;  // the name alone (last path segment of an ARN)
  bool by_arn = false;
  Access access = Access::Read;
  bool operator==(const Grant&) const = default;
};

struct LocalDev {
  int port = 8000;
  std::string table_name;
  std::string image = "public.ecr.aws/aws-dynamodb-local/aws-dynamodb-local:latest";  // the seed's
  std::string container_name;
  ContainerEngine engine = ContainerEngine::Docker;
  bool operator==(const LocalDev&) const = default;
};

struct KinesisDestination {
  std::string stream_arn;
  std::optional<KinesisPrecision> precision;
  bool operator==(const KinesisDestination&) const = default;
};

struct ImportSource {
  std::string bucket;
  std::optional<std::string> key_prefix;
  std::optional<std::string> bucket_owner;  // 12 digits
  InputFormat format = InputFormat::DynamoDbJson;
  std::optional<std::string> csv_delimiter;  // CSV only; one character
  std::optional<std::vector<std::string>> csv_header;  // CSV only
  std::optional<InputCompression> compression;
  bool operator==(const ImportSource&) const = default;
};

// The rest of the table's options: one section of the config.
struct TableOptions {
  std::optional<int> pitr_period_days;  // 1-35, only with point-in-time recovery
  std::optional<ContributorInsights> contributor_insights;
  std::optional<KinesisDestination> kinesis;
  std::optional<ImportSource> import_source;
  // The user's resource-based policy document as compact JSON, keys in config order. Statements
  // that grants to roles by ARN need are not in it: backends merge those in.
  std::optional<std::string> resource_policy;
  bool operator==(const TableOptions&) const = default;
};

// A further region of a global table. Unset fields take the table's value.
struct Replica {
  std::string region;
  std::string kms_key_arn;
  std::optional<bool> deletion_protection;
  std::optional<bool> point_in_time_recovery;
  std::optional<TableClass> table_class;
  std::optional<ContributorInsights> contributor_insights;
  std::optional<int64_t> read_capacity;           // provisioned only
  std::optional<int64_t> max_read_request_units;  // on-demand only
  std::optional<std::vector<std::pair<std::string, std::string>>> tags;  // locale_less order
  bool operator==(const Replica&) const = default;
};

// Global tables (version 2019.11.21): one section of the config.
struct GlobalTable {
  std::optional<std::string> region;  // tableConfig.region; required with replicas
  std::vector<Replica> replicas;      // config order; empty = a regional table
  Consistency consistency = Consistency::Eventual;
  std::optional<std::string> witness_region;  // STRONG only
  bool operator==(const GlobalTable&) const = default;
};

struct Table {
  std::string runtime_config_key;
  std::optional<std::string> table_name;  // physical name; unset = generated by the IaC tool
  KeyAttribute partition_key;
  std::optional<KeyAttribute> sort_key;
  BillingMode billing = BillingMode::PayPerRequest;
  std::optional<Capacity> capacity;  // set iff billing == Provisioned
  OnDemandThroughput on_demand;      // PAY_PER_REQUEST only
  std::optional<WarmThroughput> warm;
  AutoScaling auto_scaling;          // PROVISIONED only
  bool point_in_time_recovery = true;
  bool deletion_protection = true;
  bool key_rotation = true;
  RemovalPolicy removal = RemovalPolicy::Retain;
  std::optional<std::string> ttl_attribute;
  std::optional<StreamView> stream;
  std::optional<TableClass> table_class;  // unset = the service default (STANDARD), not written
  std::vector<std::pair<std::string, std::string>> tags;  // by key, in locale_less order
  std::vector<GlobalSecondaryIndex> gsis;                 // config order
  std::vector<LocalSecondaryIndex> lsis;                  // config order
  std::vector<Grant> grants;                              // config order
  TableOptions options;
  GlobalTable global;
  std::optional<LocalDev> local_dev;
  std::string cdk_stack_name;
  std::string cdk_construct_id = "Table";
  Design design;  // entities and collections; empty when the config has none

  // Where each configured field was written, by JSON path ("tableConfig.sortKey"), for messages.
  std::map<std::string, SourcePos> positions;
  std::string source_file;

  // Key attributes in the order CDK registers them (table keys, LSI sort keys, GSI keys),
  // each name once.
  std::vector<KeyAttribute> attribute_definitions() const;
  bool is_global() const { return !global.replicas.empty(); }
  // The config's stem: "orders" for "path/orders.json"; names output files.
  std::string file_stem() const;
  // Position of a field, or of the file's start when it was defaulted.
  SourcePos where(const std::string& path) const;
};

const char* to_string(AttributeType);
const char* to_string(Projection);      // "ALL", "KEYS_ONLY", "INCLUDE"
const char* to_string(BillingMode);     // "PAY_PER_REQUEST", "PROVISIONED"
const char* to_string(StreamView);      // "NEW_AND_OLD_IMAGES", ...
const char* to_string(TableClass);      // "STANDARD", "STANDARD_INFREQUENT_ACCESS"
const char* to_string(Access);          // "read", "write", "readWrite", "full", "streamRead"
const char* to_string(RemovalPolicy);   // "retain", "destroy"
const char* to_string(ContainerEngine); // "docker", "podman", "finch"
const char* to_string(ContributorInsightsMode);  // "ACCESSED_AND_THROTTLED_KEYS", "THROTTLED_KEYS"
const char* to_string(KinesisPrecision);         // "MILLISECOND", "MICROSECOND"
const char* to_string(InputFormat);              // "DYNAMODB_JSON", "ION", "CSV"
const char* to_string(InputCompression);         // "GZIP", "ZSTD", "NONE"
const char* to_string(Consistency);              // "EVENTUAL", "STRONG"

}  // namespace ddbsynth
