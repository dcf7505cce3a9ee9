// The shared sources of the cdk-ts target: the constructs every table's app construct builds
// on, kept in TypeScript as the seed vends them. Generated tables differ only in their
// app construct and index (see cdk_ts.cpp).
#include "ts_sources.hpp"

namespace ddbsynth::cdk_ts {

// core/workspace.ts: finds the workspace root and reads config files at synth time.
const std::string_view kWorkspaceTs = R"ts(// Reading workspace files at synth time. Node's fs and path come from
// process.getBuiltinModule, declared here, so these constructs compile without @types/node and
// run unchanged as CommonJS or as ES modules.
interface NodeFs {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf-8'): string;
}

interface NodePath {
  dirname(path: string): string;
  isAbsolute(path: string): boolean;
  join(...parts: string[]): string;
}

declare const process: {
  cwd(): string;
  getBuiltinModule(id: 'node:fs'): NodeFs;
  getBuiltinModule(id: 'node:path'): NodePath;
};

/** The workspace root: the nearest directory, from `from` up, that holds `relativePath`. */
export function findWorkspaceRoot(relativePath: string, from: string = process.cwd()): string {
  const fs = process.getBuiltinModule('node:fs');
  const path = process.getBuiltinModule('node:path');
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, relativePath))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`${relativePath} is not in ${from} or any directory above it`);
  }
}

/** Parses a JSON file given relative to the workspace root (or absolute). */
export function readWorkspaceJson(file: string): unknown {
  const fs = process.getBuiltinModule('node:fs');
  const path = process.getBuiltinModule('node:path');
  const full = path.isAbsolute(file) ? file : path.join(findWorkspaceRoot(file), file);
  return JSON.parse(fs.readFileSync(full, 'utf-8'));
}
)ts";

// core/runtime-config.ts: the seed's RuntimeConfig (AppConfig), creating its resources eagerly
// so the template lists them where the spec's tree has them.
const std::string_view kRuntimeConfigTs = R"ts(import { ArnFormat, CfnOutput, Lazy, Names, Stack, Stage } from 'aws-cdk-lib';
import {
  CfnApplication,
  CfnConfigurationProfile,
  CfnDeployment,
  CfnDeploymentStrategy,
  CfnEnvironment,
  CfnHostedConfigurationVersion,
} from 'aws-cdk-lib/aws-appconfig';
import { Grant, IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

const RuntimeConfigKey = '__RuntimeConfig__';

/**
 * App-wide runtime configuration in AWS AppConfig: one hosted JSON configuration profile per
 * namespace (`dynamodb` maps each table's runtimeConfigKey to its name). A stack gets its
 * AppConfig resources when one of its constructs first sets a value, under the logical IDs of
 * the seed's RuntimeConfig; the content is rendered at synth time, so every value set lands.
 */
export class RuntimeConfig extends Construct {
  static ensure(scope: Construct): RuntimeConfig {
    const parent = Stage.of(scope) ?? Stack.of(scope);
    const existing = parent.node.tryFindChild(RuntimeConfigKey) as RuntimeConfig | undefined;
    return existing ?? new RuntimeConfig(parent, RuntimeConfigKey);
  }

  private readonly namespaces: Record<string, Record<string, unknown>> = {};

  /** Sets `key` in `namespace`, delivered by the AppConfig application of `scope`'s stack. */
  set(scope: Construct, namespace: string, key: string, value: unknown): void {
    const data = (this.namespaces[namespace] = this.namespaces[namespace] ?? {});
    data[key] = value;
    this.addProfile(Stack.of(scope), namespace, data);
  }

  /** Lets `grantee` read the runtime config of `scope`'s stack. */
  grantRead(scope: Construct, grantee: IGrantable): Grant {
    const stack = Stack.of(scope);
    return Grant.addToPrincipal({
      grantee,
      actions: ['appconfig:StartConfigurationSession', 'appconfig:GetLatestConfiguration'],
      resourceArns: [
        stack.formatArn({
          service: 'appconfig',
          resource: 'application',
          resourceName: `${this.application(stack).ref}/*`,
          arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
        }),
      ],
    });
  }

  private application(stack: Stack): CfnApplication {
    const existing = stack.node.tryFindChild('RcAppConfigApp') as CfnApplication | undefined;
    if (existing) return existing;
    const name = Names.uniqueResourceName(this, { maxLength: 64, separator: '-' });
    const application = new CfnApplication(stack, 'RcAppConfigApp', { name });
    new CfnDeploymentStrategy(stack, 'RcAppConfigStrategy', {
      name,
      deploymentDurationInMinutes: 0,
      growthFactor: 100,
      replicateTo: 'NONE',
      finalBakeTimeInMinutes: 0,
    });
    new CfnEnvironment(stack, 'RcAppConfigEnv', { applicationId: application.ref, name: 'default' });
    return application;
  }

  private addProfile(stack: Stack, namespace: string, data: Record<string, unknown>): void {
    if (stack.node.tryFindChild(`RcAppConfigProfile${namespace}`)) return;
    const application = this.application(stack);
    const strategy = stack.node.findChild('RcAppConfigStrategy') as CfnDeploymentStrategy;
    const environment = stack.node.findChild('RcAppConfigEnv') as CfnEnvironment;
    const profile = new CfnConfigurationProfile(stack, `RcAppConfigProfile${namespace}`, {
      applicationId: application.ref,
      name: namespace,
      locationUri: 'hosted',
      type: 'AWS.Freeform',
    });
    const version = new CfnHostedConfigurationVersion(stack, `RcAppConfigVersion${namespace}`, {
      applicationId: application.ref,
      configurationProfileId: profile.ref,
      contentType: 'application/json',
      content: Lazy.string({ produce: () => stack.toJsonString(data) }),
    });
    new CfnDeployment(stack, `RcAppConfigDeploy${namespace}`, {
      applicationId: application.ref,
      configurationProfileId: profile.ref,
      configurationVersion: version.ref,
      deploymentStrategyId: strategy.ref,
      environmentId: environment.ref,
    });
    if (!stack.node.tryFindChild('RuntimeConfigApplicationId')) {
      new CfnOutput(stack, 'RuntimeConfigApplicationId', { value: application.ref });
    }
  }
}
)ts";

// core/dynamodb.ts: the generic table construct, built from a config of the contract.
const std::string_view kDynamoDbTs = R"ts(import { RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import {
  Attribute,
  AttributeType,
  BillingMode,
  ITable,
  ProjectionType,
  StreamViewType,
  Table,
  TableClass,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { IRole, Role } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { RuntimeConfig } from './runtime-config.js';
import {
  autoScaleTable,
  AutoScalingConfig,
  CapacityConfig,
  capacityProps,
  ContributorInsightsConfig,
  ImportSourceConfig,
  importSourceProps,
  KinesisStreamConfig,
  kinesisProps,
  PolicyDocumentConfig,
  resourcePolicyProps,
  WarmThroughputConfig,
} from './table-options.js';

/** A key attribute: a name (of type S) or a name and a type. */
export type KeyConfig = string | { readonly name: string; readonly type: 'S' | 'N' | 'B' };

export interface ProjectionConfig {
  readonly projectionType?: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  readonly nonKeyAttributes?: string[];
}

export interface GlobalSecondaryIndexConfig extends ProjectionConfig, CapacityConfig {
  readonly indexName: string;
  readonly partitionKey: KeyConfig;
  readonly sortKey?: KeyConfig | null;
  readonly readCapacity?: number;
  readonly writeCapacity?: number;
}

export interface LocalSecondaryIndexConfig extends ProjectionConfig {
  readonly indexName: string;
  readonly sortKey: KeyConfig;
}

export type Access = 'read' | 'write' | 'readWrite' | 'full' | 'streamRead';

/** A table's config.json (the ddbsynth config contract); absent fields take its defaults. */
export interface DynamoDBTableConfig {
  readonly runtimeConfigKey: string;
  readonly tableConfig?: {
    readonly tableName?: string;
    readonly partitionKey?: KeyConfig;
    readonly sortKey?: KeyConfig | null;
    readonly billingMode?: 'PAY_PER_REQUEST' | 'PROVISIONED';
    readonly readCapacity?: number;
    readonly writeCapacity?: number;
    readonly pointInTimeRecovery?: boolean;
    readonly deletionProtection?: boolean;
    readonly enableKeyRotation?: boolean;
    readonly removalPolicy?: 'retain' | 'destroy';
    readonly timeToLiveAttribute?: string;
    readonly stream?: 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
    readonly tableClass?: 'STANDARD' | 'STANDARD_INFREQUENT_ACCESS';
    readonly tags?: Record<string, string>;
    readonly globalSecondaryIndexes?: GlobalSecondaryIndexConfig[];
    readonly localSecondaryIndexes?: LocalSecondaryIndexConfig[];
    readonly maxReadRequestUnits?: number;
    readonly maxWriteRequestUnits?: number;
    readonly warmThroughput?: WarmThroughputConfig;
    readonly autoScaling?: AutoScalingConfig;
    readonly pointInTimeRecoveryPeriodDays?: number;
    readonly contributorInsights?: ContributorInsightsConfig;
    readonly kinesisStream?: KinesisStreamConfig;
    readonly importSource?: ImportSourceConfig;
    readonly resourcePolicy?: PolicyDocumentConfig;
  };
  readonly grants?: { readonly role: string; readonly access: Access }[];
  /** Where the app puts this construct: its stack's name and the construct's id. */
  readonly cdk?: { readonly stackName?: string; readonly constructId?: string };
}

const ATTRIBUTE_TYPES = { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY };

export function attribute(key: KeyConfig): Attribute {
  return typeof key === 'string' ? { name: key, type: AttributeType.STRING } : { name: key.name, type: ATTRIBUTE_TYPES[key.type] };
}

export function projection(index: ProjectionConfig): { projectionType: ProjectionType; nonKeyAttributes?: string[] } {
  const projectionType = ProjectionType[index.projectionType ?? 'ALL'];
  return index.nonKeyAttributes ? { projectionType, nonKeyAttributes: index.nonKeyAttributes } : { projectionType };
}

const GRANTS: Record<Access, (table: ITable, role: IRole) => void> = {
  read: (table, role) => table.grantReadData(role),
  write: (table, role) => table.grantWriteData(role),
  readWrite: (table, role) => table.grantReadWriteData(role),
  full: (table, role) => table.grantFullAccess(role),
  streamRead: (table, role) => table.grantStreamRead(role),
};

/**
 * A DynamoDB table built from its config: a customer-managed KMS key, the table (construct id:
 * the runtimeConfigKey) with its indexes and tags, its name in the runtime config under the
 * `dynamodb` namespace, and the configured grants to existing roles.
 */
export class DynamoDBTable extends Construct {
  public readonly table: Table;
  public readonly encryptionKey: Key;

  constructor(scope: Construct, id: string, config: DynamoDBTableConfig) {
    super(scope, id);
    const t = config.tableConfig ?? {};
    const provisioned = t.billingMode === 'PROVISIONED';
    const sortKey = t.sortKey === undefined ? 'sk' : t.sortKey;

    this.encryptionKey = new Key(this, 'EncryptionKey', { enableKeyRotation: t.enableKeyRotation ?? true });
    this.table = new Table(this, config.runtimeConfigKey, {
      partitionKey: attribute(t.partitionKey ?? 'pk'),
      ...(sortKey !== null ? { sortKey: attribute(sortKey) } : {}),
      ...(t.tableName !== undefined ? { tableName: t.tableName } : {}),
      billingMode: provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST,
      ...(provisioned ? { readCapacity: t.readCapacity, writeCapacity: t.writeCapacity } : {}),
      pointInTimeRecoverySpecification: {
        pointInTimeRecoveryEnabled: t.pointInTimeRecovery ?? true,
        ...(t.pointInTimeRecoveryPeriodDays !== undefined ? { recoveryPeriodInDays: t.pointInTimeRecoveryPeriodDays } : {}),
      },
      deletionProtection: t.deletionProtection ?? true,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.encryptionKey,
      removalPolicy: t.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      ...(t.timeToLiveAttribute !== undefined ? { timeToLiveAttribute: t.timeToLiveAttribute } : {}),
      ...(t.stream !== undefined ? { stream: StreamViewType[t.stream] } : {}),
      ...(t.tableClass !== undefined ? { tableClass: TableClass[t.tableClass] } : {}),
      ...capacityProps(t),
      ...kinesisProps(this, t.kinesisStream),
      ...importSourceProps(this, t.importSource),
      ...resourcePolicyProps(t.resourcePolicy),
    });
    for (const index of t.localSecondaryIndexes ?? []) {
      this.table.addLocalSecondaryIndex({ indexName: index.indexName, sortKey: attribute(index.sortKey), ...projection(index) });
    }
    for (const index of t.globalSecondaryIndexes ?? []) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        ...(index.sortKey != null ? { sortKey: attribute(index.sortKey) } : {}),
        ...projection(index),
        ...(provisioned
          ? { readCapacity: index.readCapacity ?? t.readCapacity, writeCapacity: index.writeCapacity ?? t.writeCapacity }
          : {}),
        ...capacityProps(index),
      });
    }
    autoScaleTable(this.table, t.autoScaling, t.globalSecondaryIndexes ?? []);
    const tags = t.tags ?? {};
    for (const key of Object.keys(tags)) Tags.of(this).add(key, tags[key]);

    RuntimeConfig.ensure(this).set(this, 'dynamodb', config.runtimeConfigKey, { tableName: this.table.tableName });
    for (const grant of config.grants ?? []) this.grantRole(grant.role, grant.access);
  }

  /**
   * Grants `access` (and read access to the runtime config) to an existing role, given by ARN
   * or by name and imported into the stack under its name.
   */
  grantRole(role: string, access: Access): IRole {
    return grantTableAccess(this, this.table, role, access);
  }
}

/**
 * Grants `access` to `table`, and read access to the runtime config, to an existing role given by
 * ARN or by name, imported into the stack under its name. Every table construct grants this way.
 */
export function grantTableAccess(construct: Construct, table: ITable, role: string, access: Access): IRole {
  const stack = Stack.of(construct);
  const byArn = role.indexOf('arn:') === 0;
  const name = byArn ? role.split(':').slice(5).join(':').split('/').pop()! : role;
  const imported = byArn ? Role.fromRoleArn(stack, name, role) : Role.fromRoleName(stack, name, role);
  GRANTS[access](table, imported);
  RuntimeConfig.ensure(construct).grantRead(construct, imported);
  return imported;
}
)ts";

// tsconfig.json of packages/common/constructs.
const std::string_view kTsConfigJson = R"ts({
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "declaration": true,
    "skipLibCheck": true,
    "rootDir": "src",
    "outDir": "dist"
  },
  "include": ["src"]
}
)ts";

}  // namespace ddbsynth::cdk_ts
