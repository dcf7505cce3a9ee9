#include "global_sources.hpp"

namespace ddbsynth::cdk_ts {

// core/dynamodb-global.ts: a global table built from a config of the contract with replicas.
const std::string_view kDynamoDbGlobalTs = R"ts(import { RemovalPolicy, Stack, Tags, Token } from 'aws-cdk-lib';
import {
  Billing,
  Capacity,
  GlobalSecondaryIndexPropsV2,
  LocalSecondaryIndexProps,
  MultiRegionConsistency,
  ReplicaTableProps,
  StreamViewType,
  TableClass,
  TableEncryptionV2,
  TablePropsV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { IRole } from 'aws-cdk-lib/aws-iam';
import { Stream } from 'aws-cdk-lib/aws-kinesis';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { attribute, grantTableAccess, projection } from './dynamodb.js';
import type { Access, KeyConfig, LocalSecondaryIndexConfig, ProjectionConfig } from './dynamodb.js';
import { RuntimeConfig } from './runtime-config.js';
import {
  AutoScalingConfig,
  ContributorInsightsConfig,
  contributorInsightsSpecification,
  KinesisStreamConfig,
  PolicyDocumentConfig,
  resourcePolicyProps,
  ScalingConfig,
  warmThroughput,
  WarmThroughputConfig,
} from './table-options.js';

export type TableClassConfig = 'STANDARD' | 'STANDARD_INFREQUENT_ACCESS';

export interface GlobalTableIndexConfig extends ProjectionConfig {
  readonly indexName: string;
  readonly partitionKey: KeyConfig;
  readonly sortKey?: KeyConfig | null;
  readonly readCapacity?: number;
  readonly writeCapacity?: number;
  readonly maxReadRequestUnits?: number;
  readonly maxWriteRequestUnits?: number;
  readonly warmThroughput?: WarmThroughputConfig;
  readonly autoScaling?: AutoScalingConfig;
  readonly contributorInsights?: ContributorInsightsConfig;
}

/** A further region of the table; unset fields take the table's value. */
export interface ReplicaConfig {
  readonly region: string;
  /** The customer-managed key of that region. */
  readonly kmsKeyArn: string;
  readonly deletionProtection?: boolean;
  readonly pointInTimeRecovery?: boolean;
  readonly tableClass?: TableClassConfig;
  readonly contributorInsights?: ContributorInsightsConfig;
  readonly readCapacity?: number;
  readonly maxReadRequestUnits?: number;
  readonly tags?: Record<string, string>;
}

/** The config.json of a table with replicas (the ddbsynth config contract). */
export interface DynamoDBGlobalTableConfig {
  readonly runtimeConfigKey: string;
  readonly tableConfig: {
    readonly region: string;
    readonly replicas: ReplicaConfig[];
    readonly multiRegionConsistency?: 'EVENTUAL' | 'STRONG';
    readonly witnessRegion?: string;
    readonly tableName?: string;
    readonly partitionKey?: KeyConfig;
    readonly sortKey?: KeyConfig | null;
    readonly billingMode?: 'PAY_PER_REQUEST' | 'PROVISIONED';
    readonly readCapacity?: number;
    readonly writeCapacity?: number;
    readonly maxReadRequestUnits?: number;
    readonly maxWriteRequestUnits?: number;
    readonly warmThroughput?: WarmThroughputConfig;
    readonly autoScaling?: AutoScalingConfig;
    readonly pointInTimeRecovery?: boolean;
    readonly pointInTimeRecoveryPeriodDays?: number;
    readonly contributorInsights?: ContributorInsightsConfig;
    readonly deletionProtection?: boolean;
    readonly enableKeyRotation?: boolean;
    readonly removalPolicy?: 'retain' | 'destroy';
    readonly timeToLiveAttribute?: string;
    readonly stream?: 'NEW_AND_OLD_IMAGES';
    readonly tableClass?: TableClassConfig;
    readonly tags?: Record<string, string>;
    /** The stack region's Kinesis destination (TableV2 takes no precision). */
    readonly kinesisStream?: KinesisStreamConfig;
    /** The resource-based policy of every replica. */
    readonly resourcePolicy?: PolicyDocumentConfig;
    readonly globalSecondaryIndexes?: GlobalTableIndexConfig[];
    readonly localSecondaryIndexes?: LocalSecondaryIndexConfig[];
  };
  readonly grants?: { readonly role: string; readonly access: Access }[];
  readonly cdk?: { readonly stackName?: string; readonly constructId?: string };
}

function autoscaled(s: ScalingConfig): Capacity {
  return Capacity.autoscaled({
    minCapacity: s.minCapacity,
    maxCapacity: s.maxCapacity,
    ...(s.targetUtilization !== undefined ? { targetUtilizationPercent: s.targetUtilization } : {}),
  });
}

/**
 * A DynamoDB global table built from its config: the customer-managed key of the stack's region,
 * a TableV2 (construct id: the runtimeConfigKey) replicated to each configured region with that
 * region's key, its name in the runtime config and the configured grants. The stack must be
 * bound to tableConfig.region (`env: { region }`): the table's first replica is there.
 */
export class DynamoDBGlobalTable extends Construct {
  public readonly table: TableV2;
  public readonly encryptionKey: Key;

  constructor(scope: Construct, id: string, config: DynamoDBGlobalTableConfig) {
    super(scope, id);
    const t = config.tableConfig;
    const region = Stack.of(this).region;
    if (region !== t.region) {
      const found = Token.isUnresolved(region) ? 'has no region' : `is in ${region}`;
      throw new Error(`${config.runtimeConfigKey} is a global table of ${t.region}, but its stack ${found}: create the stack with env: { region: '${t.region}' }`);
    }
    const provisioned = t.billingMode === 'PROVISIONED';
    const sortKey = t.sortKey === undefined ? 'sk' : t.sortKey;
    const pitr = t.pointInTimeRecovery ?? true;
    const days = t.pointInTimeRecoveryPeriodDays;
    // What TableV2 cannot express is refused rather than dropped: the config is read at synth time.
    if (t.kinesisStream?.precision !== undefined)
      throw new Error(`${config.runtimeConfigKey}: a global table's Kinesis destination takes no precision`);
    for (const index of t.globalSecondaryIndexes ?? [])
      if (
        index.contributorInsights !== undefined &&
        (t.contributorInsights === undefined ||
          JSON.stringify(contributorInsightsSpecification(index.contributorInsights)) !== JSON.stringify(contributorInsightsSpecification(t.contributorInsights)))
      )
        throw new Error(`${config.runtimeConfigKey}: index ${index.indexName} of a global table takes the table's contributor insights`);
    const tableRead = t.autoScaling?.read ? autoscaled(t.autoScaling.read) : Capacity.fixed(t.readCapacity ?? 1);

    this.encryptionKey = new Key(this, 'EncryptionKey', { enableKeyRotation: t.enableKeyRotation ?? true });
    const kinesisStream = t.kinesisStream ? Stream.fromStreamArn(this, 'KinesisStream', t.kinesisStream.streamArn) : undefined;
    const props: TablePropsV2 = {
      partitionKey: attribute(t.partitionKey ?? 'pk'),
      ...(sortKey !== null ? { sortKey: attribute(sortKey) } : {}),
      ...(t.tableName !== undefined ? { tableName: t.tableName } : {}),
      billing: provisioned
        ? Billing.provisioned({ readCapacity: tableRead, writeCapacity: autoscaled(t.autoScaling!.write!) })
        : Billing.onDemand({
            ...(t.maxReadRequestUnits !== undefined ? { maxReadRequestUnits: t.maxReadRequestUnits } : {}),
            ...(t.maxWriteRequestUnits !== undefined ? { maxWriteRequestUnits: t.maxWriteRequestUnits } : {}),
          }),
      encryption: TableEncryptionV2.customerManagedKey(
        this.encryptionKey,
        Object.fromEntries(t.replicas.map((r) => [r.region, r.kmsKeyArn])),
      ),
      pointInTimeRecoverySpecification: {
        pointInTimeRecoveryEnabled: pitr,
        ...(days !== undefined ? { recoveryPeriodInDays: days } : {}),
      },
      deletionProtection: t.deletionProtection ?? true,
      removalPolicy: t.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      ...(t.timeToLiveAttribute !== undefined ? { timeToLiveAttribute: t.timeToLiveAttribute } : {}),
      ...(t.tableClass !== undefined ? { tableClass: TableClass[t.tableClass] } : {}),
      ...(t.contributorInsights !== undefined ? { contributorInsightsSpecification: contributorInsightsSpecification(t.contributorInsights) } : {}),
      ...(t.warmThroughput !== undefined ? { warmThroughput: warmThroughput(t.warmThroughput) } : {}),
      ...(t.multiRegionConsistency !== undefined
        ? { multiRegionConsistency: MultiRegionConsistency[t.multiRegionConsistency] }
        : {}),
      ...(t.witnessRegion !== undefined ? { witnessRegion: t.witnessRegion } : {}),
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      ...(kinesisStream ? { kinesisStream } : {}),
      ...resourcePolicyProps(t.resourcePolicy),
      globalSecondaryIndexes: (t.globalSecondaryIndexes ?? []).map((index): GlobalSecondaryIndexPropsV2 => {
        const scaling = index.autoScaling ?? {};
        return {
          indexName: index.indexName,
          partitionKey: attribute(index.partitionKey),
          ...(index.sortKey != null ? { sortKey: attribute(index.sortKey) } : {}),
          ...projection(index),
          ...(scaling.read
            ? { readCapacity: autoscaled(scaling.read) }
            : index.readCapacity !== undefined
              ? { readCapacity: Capacity.fixed(index.readCapacity) }
              : {}),
          ...(scaling.write ? { writeCapacity: autoscaled(scaling.write) } : {}),
          ...(index.maxReadRequestUnits !== undefined ? { maxReadRequestUnits: index.maxReadRequestUnits } : {}),
          ...(index.maxWriteRequestUnits !== undefined ? { maxWriteRequestUnits: index.maxWriteRequestUnits } : {}),
          ...(index.warmThroughput !== undefined ? { warmThroughput: warmThroughput(index.warmThroughput) } : {}),
        };
      }),
      localSecondaryIndexes: (t.localSecondaryIndexes ?? []).map(
        (index): LocalSecondaryIndexProps => ({ indexName: index.indexName, sortKey: attribute(index.sortKey), ...projection(index) }),
      ),
      replicas: t.replicas.map((r): ReplicaTableProps => {
        const tags = r.tags ?? {};
        return {
          region: r.region,
          ...(r.deletionProtection !== undefined ? { deletionProtection: r.deletionProtection } : {}),
          // A replica's specification replaces the table's: it keeps the table's restore window.
          ...(r.pointInTimeRecovery !== undefined
            ? {
                pointInTimeRecoverySpecification: {
                  pointInTimeRecoveryEnabled: r.pointInTimeRecovery,
                  ...(r.pointInTimeRecovery && pitr && days !== undefined ? { recoveryPeriodInDays: days } : {}),
                },
              }
            : {}),
          ...(r.tableClass !== undefined ? { tableClass: TableClass[r.tableClass] } : {}),
          ...(r.contributorInsights !== undefined ? { contributorInsightsSpecification: contributorInsightsSpecification(r.contributorInsights) } : {}),
          ...(r.readCapacity !== undefined ? { readCapacity: Capacity.fixed(r.readCapacity) } : {}),
          ...(r.maxReadRequestUnits !== undefined ? { maxReadRequestUnits: r.maxReadRequestUnits } : {}),
          ...(r.tags !== undefined
            ? { tags: Object.keys(tags).sort((a, b) => a.localeCompare(b)).map((key) => ({ key, value: tags[key] })) }
            : {}),
        };
      }),
    };
    this.table = new TableV2(this, config.runtimeConfigKey, props);
    const tags = t.tags ?? {};
    for (const key of Object.keys(tags)) Tags.of(this).add(key, tags[key]);

    RuntimeConfig.ensure(this).set(this, 'dynamodb', config.runtimeConfigKey, { tableName: this.table.tableName });
    for (const grant of config.grants ?? []) this.grantRole(grant.role, grant.access);
  }

  /**
   * Grants `access` to the table in the stack's region (and read access to the runtime config)
   * to an existing role, given by ARN or by name and imported into the stack under its name.
   */
  grantRole(role: string, access: Access): IRole {
    return grantTableAccess(this, this.table, role, access);
  }
}
)ts";

}  // namespace ddbsynth::cdk_ts
