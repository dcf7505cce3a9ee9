// The construct tree of ../shared/spec/cdk-target.md, section "Global tables", for a config with
// replicas: a region-bound stack and a `dynamodb.TableV2` instead of the v1 `Table`. cdk-app.js
// hands such configs here; everything but the table construct is the same tree.
'use strict';
const cdk = require('aws-cdk-lib');
const { Construct } = require('constructs');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const kms = require('aws-cdk-lib/aws-kms');
const iam = require('aws-cdk-lib/aws-iam');
const kinesis = require('aws-cdk-lib/aws-kinesis');
const { key, projection, addRuntimeConfigAndGrants } = require('./cdk-app-common');

function isGlobal(cfg) {
  return (cfg.raw.tableConfig?.replicas ?? []).length > 0;
}

function autoscaled(s) {
  const options = { minCapacity: s.minCapacity, maxCapacity: s.maxCapacity };
  if (s.targetUtilization !== undefined) options.targetUtilizationPercent = s.targetUtilization;
  return dynamodb.Capacity.autoscaled(options);
}

function contributorInsights(ci) {
  if (ci === undefined) return undefined;
  if (ci === true || ci === false) return { enabled: ci };
  const out = { enabled: true };
  if (ci.mode) out.mode = dynamodb.ContributorInsightsMode[ci.mode];
  return out;
}

function warm(w) {
  if (!w) return undefined;
  const out = {};
  if (w.readUnitsPerSecond !== undefined) out.readUnitsPerSecond = w.readUnitsPerSecond;
  if (w.writeUnitsPerSecond !== undefined) out.writeUnitsPerSecond = w.writeUnitsPerSecond;
  return out;
}

// Tags in the order ddbsynth's model keeps them (String.prototype.localeCompare of the keys).
function sortedTags(tags) {
  return Object.keys(tags).sort((a, b) => a.localeCompare(b)).map((k) => ({ key: k, value: tags[k] }));
}

function buildTable(scope, cfg, encryptionKey) {
  const t = cfg.tableConfig;
  const raw = cfg.raw.tableConfig;
  const provisioned = t.billingMode === 'PROVISIONED';
  const auto = raw.autoScaling ?? {};
  const props = { partitionKey: key(t.partitionKey) };
  if (t.sortKey) props.sortKey = key(t.sortKey);
  if (t.tableName) props.tableName = t.tableName;
  if (provisioned) {
    props.billing = dynamodb.Billing.provisioned({
      readCapacity: auto.read ? autoscaled(auto.read) : dynamodb.Capacity.fixed(t.readCapacity),
      writeCapacity: autoscaled(auto.write),
    });
  } else {
    const max = {};
    if (raw.maxReadRequestUnits !== undefined) max.maxReadRequestUnits = raw.maxReadRequestUnits;
    if (raw.maxWriteRequestUnits !== undefined) max.maxWriteRequestUnits = raw.maxWriteRequestUnits;
    props.billing = dynamodb.Billing.onDemand(max);
  }
  const replicaKeys = {};
  for (const r of raw.replicas) replicaKeys[r.region] = r.kmsKeyArn;
  props.encryption = dynamodb.TableEncryptionV2.customerManagedKey(encryptionKey, replicaKeys);
  props.pointInTimeRecoverySpecification = { pointInTimeRecoveryEnabled: t.pointInTimeRecovery };
  if (raw.pointInTimeRecoveryPeriodDays !== undefined)
    props.pointInTimeRecoverySpecification.recoveryPeriodInDays = raw.pointInTimeRecoveryPeriodDays;
  props.deletionProtection = t.deletionProtection;
  props.removalPolicy = t.removalPolicy === 'destroy' ? cdk.RemovalPolicy.DESTROY : cdk.RemovalPolicy.RETAIN;
  if (t.timeToLiveAttribute) props.timeToLiveAttribute = t.timeToLiveAttribute;
  if (t.tableClass) props.tableClass = dynamodb.TableClass[t.tableClass];
  if (raw.contributorInsights !== undefined) props.contributorInsightsSpecification = contributorInsights(raw.contributorInsights);
  if (raw.warmThroughput) props.warmThroughput = warm(raw.warmThroughput);
  if (raw.multiRegionConsistency) props.multiRegionConsistency = dynamodb.MultiRegionConsistency[raw.multiRegionConsistency];
  if (raw.witnessRegion) props.witnessRegion = raw.witnessRegion;
  props.dynamoStream = dynamodb.StreamViewType.NEW_AND_OLD_IMAGES;
  // What TableV2's props cannot say, ddbsynth rejects: the tree throws for it too.
  if (raw.kinesisStream?.precision) throw new Error('TableV2 takes no kinesisPrecisionTimestamp');
  if (raw.kinesisStream) props.kinesisStream = kinesis.Stream.fromStreamArn(scope, 'KinesisStream', raw.kinesisStream.streamArn);
  if (raw.resourcePolicy) props.resourcePolicy = iam.PolicyDocument.fromJson(raw.resourcePolicy);
  for (const g of raw.globalSecondaryIndexes ?? [])
    if (g.contributorInsights !== undefined && JSON.stringify(contributorInsights(g.contributorInsights)) !== JSON.stringify(contributorInsights(raw.contributorInsights)))
      throw new Error("TableV2 gives a replica's indexes the table's contributor insights");

  props.globalSecondaryIndexes = t.globalSecondaryIndexes.map((g, i) => {
    const rg = raw.globalSecondaryIndexes[i];
    const gp = { indexName: g.indexName, partitionKey: key(g.partitionKey), ...projection(g) };
    if (g.sortKey) gp.sortKey = key(g.sortKey);
    const ga = rg.autoScaling ?? {};
    if (ga.read) gp.readCapacity = autoscaled(ga.read);
    else if (rg.readCapacity !== undefined) gp.readCapacity = dynamodb.Capacity.fixed(rg.readCapacity);
    if (ga.write) gp.writeCapacity = autoscaled(ga.write);
    if (rg.maxReadRequestUnits !== undefined) gp.maxReadRequestUnits = rg.maxReadRequestUnits;
    if (rg.maxWriteRequestUnits !== undefined) gp.maxWriteRequestUnits = rg.maxWriteRequestUnits;
    if (rg.warmThroughput) gp.warmThroughput = warm(rg.warmThroughput);
    return gp;
  });
  props.localSecondaryIndexes = t.localSecondaryIndexes.map((l) => ({ indexName: l.indexName, sortKey: key(l.sortKey), ...projection(l) }));

  props.replicas = raw.replicas.map((r) => {
    const rp = { region: r.region };
    if (r.deletionProtection !== undefined) rp.deletionProtection = r.deletionProtection;
    if (r.pointInTimeRecovery !== undefined) {
      rp.pointInTimeRecoverySpecification = { pointInTimeRecoveryEnabled: r.pointInTimeRecovery };
      // A replica's specification replaces the table's: it keeps the table's restore window.
      if (r.pointInTimeRecovery && t.pointInTimeRecovery && raw.pointInTimeRecoveryPeriodDays !== undefined)
        rp.pointInTimeRecoverySpecification.recoveryPeriodInDays = raw.pointInTimeRecoveryPeriodDays;
    }
    if (r.tableClass) rp.tableClass = dynamodb.TableClass[r.tableClass];
    if (r.contributorInsights !== undefined) rp.contributorInsightsSpecification = contributorInsights(r.contributorInsights);
    if (r.readCapacity !== undefined) rp.readCapacity = dynamodb.Capacity.fixed(r.readCapacity);
    if (r.maxReadRequestUnits !== undefined) rp.maxReadRequestUnits = r.maxReadRequestUnits;
    if (r.tags) rp.tags = sortedTags(r.tags);
    return rp;
  });
  return new dynamodb.TableV2(scope, cfg.runtimeConfigKey, props);
}

function buildGlobalStack(app, cfg) {
  const t = cfg.tableConfig;
  const stack = new cdk.Stack(app, cfg.cdk.stackName, { env: { region: cfg.raw.tableConfig.region } });
  const scope = new Construct(stack, cfg.cdk.constructId);
  const encryptionKey = new kms.Key(scope, 'EncryptionKey', { enableKeyRotation: t.enableKeyRotation });
  const table = buildTable(scope, cfg, encryptionKey);
  for (const [k, v] of Object.entries(t.tags)) cdk.Tags.of(scope).add(k, v);

  addRuntimeConfigAndGrants(app, stack, cfg, table);
  return stack;
}

module.exports = { isGlobal, buildGlobalStack };
