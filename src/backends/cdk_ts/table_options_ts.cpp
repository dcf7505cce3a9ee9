// core/table-options.ts: the round-2 fields of a table's config (capacity and table options)
// turned into aws-cdk-lib props, shared by every table construct of the cdk-ts target.
#include "ts_sources.hpp"

namespace ddbsynth::cdk_ts {

const std::string_view kTableOptionsTs = R"ts(import { Duration } from 'aws-cdk-lib';
import {
  ApproximateCreationDateTimePrecision,
  ContributorInsightsMode,
  ContributorInsightsSpecification,
  ImportSourceSpecification,
  InputCompressionType,
  InputFormat,
  IScalableTableAttribute,
  Table,
  WarmThroughput,
} from 'aws-cdk-lib/aws-dynamodb';
import { PolicyDocument } from 'aws-cdk-lib/aws-iam';
import { IStream, Stream } from 'aws-cdk-lib/aws-kinesis';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Target-tracking autoscaling of one capacity dimension (Application Auto Scaling). */
export interface ScalingConfig {
  readonly minCapacity: number;
  readonly maxCapacity: number;
  /** Percent of the capacity to keep in use, 10-90; default 70. */
  readonly targetUtilization?: number;
  /** Seconds; unset, the service's default. */
  readonly scaleInCooldown?: number;
  readonly scaleOutCooldown?: number;
}

export interface AutoScalingConfig {
  readonly read?: ScalingConfig;
  readonly write?: ScalingConfig;
}

export interface WarmThroughputConfig {
  readonly readUnitsPerSecond?: number;
  readonly writeUnitsPerSecond?: number;
}

/** `true`: enabled in the service's default mode; `false`: off. */
export type ContributorInsightsConfig = boolean | { readonly mode: 'ACCESSED_AND_THROTTLED_KEYS' | 'THROTTLED_KEYS' };

/** The capacity fields of a table and of each of its GSIs. */
export interface CapacityConfig {
  readonly maxReadRequestUnits?: number;
  readonly maxWriteRequestUnits?: number;
  readonly warmThroughput?: WarmThroughputConfig;
  readonly autoScaling?: AutoScalingConfig;
  readonly contributorInsights?: ContributorInsightsConfig;
}

export interface KinesisStreamConfig {
  readonly streamArn: string;
  readonly precision?: 'MILLISECOND' | 'MICROSECOND';
}

export interface ImportSourceConfig {
  readonly bucket: string;
  readonly keyPrefix?: string;
  readonly bucketOwner?: string;
  readonly inputFormat: 'DYNAMODB_JSON' | 'ION' | 'CSV';
  readonly csvDelimiter?: string;
  readonly csvHeader?: string[];
  readonly compression?: 'GZIP' | 'ZSTD' | 'NONE';
}

/** An IAM policy document, as iam.PolicyDocument.fromJson takes it. */
export interface PolicyDocumentConfig {
  readonly Version?: string;
  readonly Statement: unknown[];
}

export function contributorInsightsSpecification(
  insights: ContributorInsightsConfig | undefined,
): ContributorInsightsSpecification | undefined {
  if (insights === undefined || insights === false) return undefined;
  return insights === true ? { enabled: true } : { enabled: true, mode: ContributorInsightsMode[insights.mode] };
}

export function warmThroughput(warm: WarmThroughputConfig): WarmThroughput {
  return {
    ...(warm.readUnitsPerSecond !== undefined ? { readUnitsPerSecond: warm.readUnitsPerSecond } : {}),
    ...(warm.writeUnitsPerSecond !== undefined ? { writeUnitsPerSecond: warm.writeUnitsPerSecond } : {}),
  };
}

/** A table's or GSI's on-demand maximums, warm throughput and Contributor Insights: only those set. */
export function capacityProps(config: CapacityConfig): {
  maxReadRequestUnits?: number;
  maxWriteRequestUnits?: number;
  warmThroughput?: WarmThroughput;
  contributorInsightsSpecification?: ContributorInsightsSpecification;
} {
  const insights = contributorInsightsSpecification(config.contributorInsights);
  return {
    ...(config.maxReadRequestUnits !== undefined ? { maxReadRequestUnits: config.maxReadRequestUnits } : {}),
    ...(config.maxWriteRequestUnits !== undefined ? { maxWriteRequestUnits: config.maxWriteRequestUnits } : {}),
    ...(config.warmThroughput !== undefined ? { warmThroughput: warmThroughput(config.warmThroughput) } : {}),
    ...(insights !== undefined ? { contributorInsightsSpecification: insights } : {}),
  };
}

/** The Kinesis destination, imported into `scope` as `KinesisStream`. */
export function kinesisProps(
  scope: Construct,
  kinesis: KinesisStreamConfig | undefined,
): { kinesisStream?: IStream; kinesisPrecisionTimestamp?: ApproximateCreationDateTimePrecision } {
  if (kinesis === undefined) return {};
  return {
    kinesisStream: Stream.fromStreamArn(scope, 'KinesisStream', kinesis.streamArn),
    ...(kinesis.precision !== undefined
      ? { kinesisPrecisionTimestamp: ApproximateCreationDateTimePrecision[kinesis.precision] }
      : {}),
  };
}

/** The import from S3, its bucket imported into `scope` as `ImportBucket`. */
export function importSourceProps(
  scope: Construct,
  source: ImportSourceConfig | undefined,
): { importSource?: ImportSourceSpecification } {
  if (source === undefined) return {};
  const inputFormat =
    source.inputFormat === 'CSV'
      ? InputFormat.csv({ delimiter: source.csvDelimiter, headerList: source.csvHeader })
      : source.inputFormat === 'ION'
        ? InputFormat.ion()
        : InputFormat.dynamoDBJson();
  return {
    importSource: {
      bucket: Bucket.fromBucketName(scope, 'ImportBucket', source.bucket),
      inputFormat,
      ...(source.compression !== undefined ? { compressionType: InputCompressionType[source.compression] } : {}),
      ...(source.bucketOwner !== undefined ? { bucketOwner: source.bucketOwner } : {}),
      ...(source.keyPrefix !== undefined ? { keyPrefix: source.keyPrefix } : {}),
    },
  };
}

export function resourcePolicyProps(policy: PolicyDocumentConfig | undefined): { resourcePolicy?: PolicyDocument } {
  return policy === undefined ? {} : { resourcePolicy: PolicyDocument.fromJson(policy) };
}

function scaleOnUtilization(attribute: IScalableTableAttribute, scaling: ScalingConfig): void {
  attribute.scaleOnUtilization({
    targetUtilizationPercent: scaling.targetUtilization ?? 70,
    ...(scaling.scaleInCooldown !== undefined ? { scaleInCooldown: Duration.seconds(scaling.scaleInCooldown) } : {}),
    ...(scaling.scaleOutCooldown !== undefined ? { scaleOutCooldown: Duration.seconds(scaling.scaleOutCooldown) } : {}),
  });
}

function bounds(scaling: ScalingConfig): { minCapacity: number; maxCapacity: number } {
  return { minCapacity: scaling.minCapacity, maxCapacity: scaling.maxCapacity };
}

/**
 * Autoscaling of a table's provisioned capacities, once its indexes are added: the table's read
 * and write, then each GSI's read and write, in config order.
 */
export function autoScaleTable(
  table: Table,
  scaling: AutoScalingConfig | undefined,
  indexes: readonly { readonly indexName: string; readonly autoScaling?: AutoScalingConfig }[],
): void {
  if (scaling?.read) scaleOnUtilization(table.autoScaleReadCapacity(bounds(scaling.read)), scaling.read);
  if (scaling?.write) scaleOnUtilization(table.autoScaleWriteCapacity(bounds(scaling.write)), scaling.write);
  for (const index of indexes) {
    const { read, write } = index.autoScaling ?? {};
    if (read) scaleOnUtilization(table.autoScaleGlobalSecondaryIndexReadCapacity(index.indexName, bounds(read)), read);
    if (write) scaleOnUtilization(table.autoScaleGlobalSecondaryIndexWriteCapacity(index.indexName, bounds(write)), write);
  }
}
)ts";

}  // namespace ddbsynth::cdk_ts
