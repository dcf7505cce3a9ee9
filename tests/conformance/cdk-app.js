// Builds the construct tree of ../shared/spec/cdk-target.md from ddbsynth configs with the real
// aws-cdk-lib and synthesizes it, exactly as `cdk synth` would run the app.
// usage: node cdk-app.js OUTDIR CONFIG...   (writes OUTDIR/<stackName>.template.json per config)
'use strict';
const fs = require('fs');
const path = require('path');
const cdk = require('aws-cdk-lib');
const { Construct } = require('constructs');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const kms = require('aws-cdk-lib/aws-kms');
const iam = require('aws-cdk-lib/aws-iam');
const kinesis = require('aws-cdk-lib/aws-kinesis');
const s3 = require('aws-cdk-lib/aws-s3');
const { readConfig } = require('./read-config');
const { isGlobal, buildGlobalStack } = require('./cdk-app-v2');
const { key, projection, addRuntimeConfigAndGrants } = require('./cdk-app-common');

// The capacity and insights props a table and a GSI share; only fields that are set.
function capacityProps(x) {
  const out = {};
  if (x.maxReadRequestUnits !== undefined) out.maxReadRequestUnits = x.maxReadRequestUnits;
  if (x.maxWriteRequestUnits !== undefined) out.maxWriteRequestUnits = x.maxWriteRequestUnits;
  if (x.warmThroughput !== undefined) out.warmThroughput = x.warmThroughput;
  if (x.contributorInsights !== undefined) {
    out.contributorInsightsSpecification = { enabled: true };
    if (x.contributorInsights.mode) out.contributorInsightsSpecification.mode = dynamodb.ContributorInsightsMode[x.contributorInsights.mode];
  }
  return out;
}

function importSource(scope, i) {
  const inputFormat = i.inputFormat === 'CSV'
    ? dynamodb.InputFormat.csv({ delimiter: i.csvDelimiter, headerList: i.csvHeader })
    : i.inputFormat === 'ION' ? dynamodb.InputFormat.ion() : dynamodb.InputFormat.dynamoDBJson();
  const out = { bucket: s3.Bucket.fromBucketName(scope, 'ImportBucket', i.bucket), inputFormat };
  if (i.compression) out.compressionType = dynamodb.InputCompressionType[i.compression];
  if (i.bucketOwner !== undefined) out.bucketOwner = i.bucketOwner;
  if (i.keyPrefix !== undefined) out.keyPrefix = i.keyPrefix;
  return out;
}

function scaleOnUtilization(attribute, s) {
  const props = { targetUtilizationPercent: s.targetUtilization };
  if (s.scaleInCooldown !== undefined) props.scaleInCooldown = cdk.Duration.seconds(s.scaleInCooldown);
  if (s.scaleOutCooldown !== undefined) props.scaleOutCooldown = cdk.Duration.seconds(s.scaleOutCooldown);
  attribute.scaleOnUtilization(props);
}

// Autoscaling in the spec's order: the table's read and write, then each GSI's, in config order.
function autoScale(table, t) {
  const bounds = (s) => ({ minCapacity: s.minCapacity, maxCapacity: s.maxCapacity });
  const { read, write } = t.autoScaling;
  if (read) scaleOnUtilization(table.autoScaleReadCapacity(bounds(read)), read);
  if (write) scaleOnUtilization(table.autoScaleWriteCapacity(bounds(write)), write);
  for (const g of t.globalSecondaryIndexes) {
    const { read: r, write: w } = g.autoScaling;
    if (r) scaleOnUtilization(table.autoScaleGlobalSecondaryIndexReadCapacity(g.indexName, bounds(r)), r);
    if (w) scaleOnUtilization(table.autoScaleGlobalSecondaryIndexWriteCapacity(g.indexName, bounds(w)), w);
  }
}

function buildStack(app, cfg) {
  if (isGlobal(cfg)) return buildGlobalStack(app, cfg);
  const t = cfg.tableConfig;
  const stack = new cdk.Stack(app, cfg.cdk.stackName);
  const scope = new Construct(stack, cfg.cdk.constructId);
  const encryptionKey = new kms.Key(scope, 'EncryptionKey', { enableKeyRotation: t.enableKeyRotation });
  const props = {
    partitionKey: key(t.partitionKey),
    billingMode: t.billingMode === 'PROVISIONED' ? dynamodb.BillingMode.PROVISIONED : dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: {
      pointInTimeRecoveryEnabled: t.pointInTimeRecovery,
      ...(t.pointInTimeRecoveryPeriodDays !== undefined ? { recoveryPeriodInDays: t.pointInTimeRecoveryPeriodDays } : {}),
    },
    deletionProtection: t.deletionProtection,
    encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    encryptionKey,
    removalPolicy: t.removalPolicy === 'destroy' ? cdk.RemovalPolicy.DESTROY : cdk.RemovalPolicy.RETAIN,
  };
  if (t.sortKey) props.sortKey = key(t.sortKey);
  if (t.tableName) props.tableName = t.tableName;
  if (t.billingMode === 'PROVISIONED') { props.readCapacity = t.readCapacity; props.writeCapacity = t.writeCapacity; }
  if (t.timeToLiveAttribute) props.timeToLiveAttribute = t.timeToLiveAttribute;
  if (t.stream) props.stream = dynamodb.StreamViewType[t.stream];
  if (t.tableClass) props.tableClass = dynamodb.TableClass[t.tableClass];
  Object.assign(props, capacityProps(t));
  if (t.kinesisStream) {
    props.kinesisStream = kinesis.Stream.fromStreamArn(scope, 'KinesisStream', t.kinesisStream.streamArn);
    if (t.kinesisStream.precision)
      props.kinesisPrecisionTimestamp = dynamodb.ApproximateCreationDateTimePrecision[t.kinesisStream.precision];
  }
  if (t.importSource) props.importSource = importSource(scope, t.importSource);
  if (t.resourcePolicy) props.resourcePolicy = iam.PolicyDocument.fromJson(t.resourcePolicy);
  const table = new dynamodb.Table(scope, cfg.runtimeConfigKey, props);
  for (const l of t.localSecondaryIndexes) {
    table.addLocalSecondaryIndex({ indexName: l.indexName, sortKey: key(l.sortKey), ...projection(l) });
  }
  for (const g of t.globalSecondaryIndexes) {
    const gp = { indexName: g.indexName, partitionKey: key(g.partitionKey), ...projection(g) };
    if (g.sortKey) gp.sortKey = key(g.sortKey);
    if (t.billingMode === 'PROVISIONED') { gp.readCapacity = g.readCapacity; gp.writeCapacity = g.writeCapacity; }
    table.addGlobalSecondaryIndex({ ...gp, ...capacityProps(g) });
  }
  autoScale(table, t);
  for (const [k, v] of Object.entries(t.tags)) cdk.Tags.of(scope).add(k, v);

  addRuntimeConfigAndGrants(app, stack, cfg, table);
  return stack;
}

// Synthesizes one config as `cdk synth` would; returns the stack's name and its template's bytes.
function cdkTemplate(file) {
  const cfg = readConfig(file);
  const outdir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'cdkout-'));
  try {
    const app = new cdk.App({
      outdir,
      analyticsReporting: false,
      context: { 'aws:cdk:enable-path-metadata': true },
    });
    const stack = buildStack(app, cfg);
    const assembly = app.synth();
    const art = assembly.getStackByName(stack.stackName);
    return { stackName: stack.stackName, text: fs.readFileSync(path.join(assembly.directory, art.templateFile), 'utf8') };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function main() {
  const [outdir, ...configs] = process.argv.slice(2);
  fs.mkdirSync(outdir, { recursive: true });
  for (const file of configs) {
    const { stackName, text } = cdkTemplate(file);
    fs.writeFileSync(path.join(outdir, `${stackName}.template.json`), text);
  }
}

if (require.main === module) main();
module.exports = { buildStack, cdkTemplate };
