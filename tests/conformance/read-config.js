// Reads a ddbsynth config (JSON, or YAML for .yaml/.yml) with the contract's defaults
// (../shared/spec/config.md). Validation is ddbsynth's job; this only fills in defaults.
'use strict';
const fs = require('fs');
const path = require('path');

// The YAML parser aws-cdk-lib bundles, so the conformance tests need no package of their own.
function parseYaml(text) {
  const cdkDir = path.dirname(require.resolve('aws-cdk-lib/package.json'));
  return require(require.resolve('yaml', { paths: [cdkDir] })).parse(text);
}

function normKey(k, dflt) {
  if (k === undefined) return dflt;
  if (k === null) return null;
  if (typeof k === 'string') return { name: k, type: 'S' };
  return { name: k.name, type: k.type || 'S' };
}

function normIndex(ix, table) {
  const out = {
    indexName: ix.indexName,
    partitionKey: ix.partitionKey !== undefined ? normKey(ix.partitionKey) : undefined,
    sortKey: ix.sortKey ? normKey(ix.sortKey) : undefined,
    projectionType: ix.projectionType || 'ALL',
    nonKeyAttributes: ix.nonKeyAttributes,
    readCapacity: ix.readCapacity ?? table.readCapacity,
    writeCapacity: ix.writeCapacity ?? table.writeCapacity,
    ...capacityOptions(ix),
    contributorInsights: normInsights(ix.contributorInsights),
  };
  return out;
}

// `true` is enabled with the service's default mode; `false` or absent is off.
function normInsights(ci) {
  if (ci === undefined || ci === false) return undefined;
  return ci === true ? {} : { mode: ci.mode };
}

function normScaling(s) {
  if (s === undefined) return undefined;
  return { ...s, targetUtilization: s.targetUtilization ?? 70 };
}

// The capacity fields a table and a GSI share.
function capacityOptions(x) {
  const a = x.autoScaling || {};
  return {
    maxReadRequestUnits: x.maxReadRequestUnits,
    maxWriteRequestUnits: x.maxWriteRequestUnits,
    warmThroughput: x.warmThroughput,
    autoScaling: { read: normScaling(a.read), write: normScaling(a.write) },
  };
}

function roleName(role) {
  if (!role.startsWith('arn:')) return role;
  const resource = role.split(':').slice(5).join(':');
  const parts = resource.split('/');
  return parts[parts.length - 1];
}

function readConfig(file) {
  const text = fs.readFileSync(file, 'utf8');
  const raw = /\.ya?ml$/.test(file) ? parseYaml(text) : JSON.parse(text);
  const t = raw.tableConfig || {};
  const table = {
    tableName: t.tableName,
    partitionKey: normKey(t.partitionKey, { name: 'pk', type: 'S' }),
    sortKey: normKey(t.sortKey, { name: 'sk', type: 'S' }),
    billingMode: t.billingMode || 'PAY_PER_REQUEST',
    readCapacity: t.readCapacity,
    writeCapacity: t.writeCapacity,
    pointInTimeRecovery: t.pointInTimeRecovery ?? true,
    deletionProtection: t.deletionProtection ?? true,
    enableKeyRotation: t.enableKeyRotation ?? true,
    removalPolicy: t.removalPolicy || 'retain',
    timeToLiveAttribute: t.timeToLiveAttribute,
    stream: t.stream,
    tableClass: t.tableClass,
    tags: t.tags || {},
    ...capacityOptions(t),
    pointInTimeRecoveryPeriodDays: t.pointInTimeRecoveryPeriodDays,
    contributorInsights: normInsights(t.contributorInsights),
    kinesisStream: t.kinesisStream,
    importSource: t.importSource,
    resourcePolicy: t.resourcePolicy,
  };
  table.globalSecondaryIndexes = (t.globalSecondaryIndexes || []).map((g) => normIndex(g, table));
  table.localSecondaryIndexes = (t.localSecondaryIndexes || []).map((l) => normIndex(l, table));
  const cdkCfg = raw.cdk || {};
  const derived = raw.runtimeConfigKey.replace(/[^A-Za-z0-9]/g, '') + 'Stack';
  return {
    raw,  // the config as written, for the fields this file does not normalize
    runtimeConfigKey: raw.runtimeConfigKey,
    tableConfig: table,
    grants: (raw.grants || []).map((g) => ({ ...g, roleName: roleName(g.role) })),
    cdk: { stackName: cdkCfg.stackName || derived, constructId: cdkCfg.constructId || 'Table' },
  };
}

module.exports = { readConfig };
