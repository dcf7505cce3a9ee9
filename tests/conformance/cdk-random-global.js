// Random global-table configs (replicas) for the cdk conformance test: valid by the contract,
// varied where TableV2 branches (billing and capacities, autoscaling of the table and its
// indexes, on-demand maxima, warm throughput, per-replica overrides and tags, STRONG
// consistency with three regions or a witness, every access level, ARN and name roles).
// The same seed writes the same configs.
// usage: node cdk-random-global.js OUTDIR COUNT [SEED]
'use strict';
const fs = require('fs');
const path = require('path');

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3',
  'eu-central-1', 'eu-north-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2',
  'ap-northeast-3', 'ap-south-1', 'sa-east-1', 'ca-central-1'];
// TableV2's region sets of multi-region strong consistency.
const STRONG_SETS = [['us-east-1', 'us-east-2', 'us-west-2'], ['eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1'],
  ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3']];

function generator(seed) {
  const r = rng(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = (xs) => xs[int(0, xs.length - 1)];
  const chance = (p) => r() < p;
  const shuffle = (xs) => { const a = [...xs]; for (let i = a.length - 1; i > 0; i--) { const j = int(0, i); [a[i], a[j]] = [a[j], a[i]]; } return a; };
  const text = (alphabet, lo, hi) => Array.from({ length: int(lo, hi) }, () => pick(alphabet)).join('');
  const ALNUM = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
  const ODD = [...ALNUM, ...ALNUM, ' ', '-', '_', '.', '"', '\\', '✓', 'ü', '$', ':', '+'];
  const WORDS = ['Default', 'Table', 'Policy', 'Resource', 'orders', '7', '42', 'ReplicaKeyus-east-1'];
  const id = () => (chance(0.15) ? pick(WORDS) : text(ODD, 1, 24));
  const attr = () => (chance(0.8) ? text(ALNUM, 1, 12) : text(ODD, 1, 16));
  const digits = (n) => text([...'0123456789'], n, n);
  const hex = (n) => text([...'0123456789abcdef'], n, n);
  const tags = (n) => {
    const out = {};
    for (let i = n; i > 0; i--) out[chance(0.15) ? pick(['team', 'env', '10', '2', 'a', 'Z']) : text([...ALNUM, ' ', '_', '.', ':', '-'], 1, 10)] = text([...ALNUM, ' ', '-'], 0, 10);
    return out;
  };
  const scaling = (capacity) => {
    const min = int(1, Math.max(1, capacity ?? 20));
    const s = { minCapacity: min, maxCapacity: Math.max(min, capacity ?? min) + int(0, 500) };
    if (chance(0.5)) s.targetUtilization = int(20, 90);
    if (chance(0.2)) s.scaleInCooldown = int(0, 300);
    if (chance(0.2)) s.scaleOutCooldown = int(0, 300);
    return s;
  };
  const ci = () => (chance(0.5) ? true : { mode: pick(['ACCESSED_AND_THROTTLED_KEYS', 'THROTTLED_KEYS']) });
  const warm = () => {
    const w = {};
    if (chance(0.7)) w.readUnitsPerSecond = int(12000, 40000);
    if (!w.readUnitsPerSecond || chance(0.5)) w.writeUnitsPerSecond = int(4000, 20000);
    return w;
  };

  return function config() {
    const cfg = { runtimeConfigKey: id() };
    const t = {};
    cfg.tableConfig = t;
    const types = new Map();
    const key = (avoid) => {
      let name;
      do name = chance(0.3) && types.size ? pick([...types.keys()]) : attr();
      while (name === avoid);
      const type = types.get(name) ?? pick(['S', 'S', 'N', 'B']);
      types.set(name, type);
      return type === 'S' && chance(0.5) ? name : { name, type };
    };
    const nameOf = (k) => (typeof k === 'string' ? k : k.name);
    if (chance(0.4)) t.tableName = text([...ALNUM, '_', '.', '-'], 3, 30);

    // Regions first: STRONG picks them from one region set.
    const strong = chance(0.2);
    let regions;
    if (strong) {
      const set = shuffle(pick(STRONG_SETS));
      const witness = chance(0.5);
      regions = set.slice(0, witness ? 2 : 3);
      t.multiRegionConsistency = 'STRONG';
      if (witness) t.witnessRegion = set[2];
    } else {
      regions = shuffle(REGIONS).slice(0, int(2, 5));
      if (chance(0.15)) t.multiRegionConsistency = 'EVENTUAL';
    }
    t.region = regions[0];

    if (chance(0.6)) t.partitionKey = key();
    else types.set('pk', 'S');
    const tablePk = t.partitionKey ? nameOf(t.partitionKey) : 'pk';
    const hashOnly = chance(0.25);
    if (hashOnly) t.sortKey = null;
    else if (chance(0.5)) t.sortKey = key(tablePk);
    else types.set('sk', 'S');

    const provisioned = chance(0.4);
    if (provisioned) {
      Object.assign(t, { billingMode: 'PROVISIONED', readCapacity: int(1, 50), writeCapacity: int(1, 50) });
      t.autoScaling = { write: scaling(t.writeCapacity) };
      if (chance(0.5)) t.autoScaling.read = scaling(t.readCapacity);
    } else {
      if (chance(0.3)) t.maxReadRequestUnits = int(1, 5000);
      if (chance(0.3)) t.maxWriteRequestUnits = int(1, 5000);
    }
    for (const f of ['pointInTimeRecovery', 'deletionProtection', 'enableKeyRotation']) if (chance(0.3)) t[f] = chance(0.5);
    if (t.pointInTimeRecovery !== false && chance(0.3)) t.pointInTimeRecoveryPeriodDays = int(1, 35);
    if (chance(0.3)) t.removalPolicy = pick(['retain', 'destroy']);
    if (chance(0.3)) t.timeToLiveAttribute = attr();
    if (chance(0.3)) t.stream = 'NEW_AND_OLD_IMAGES';
    if (chance(0.3)) t.tableClass = pick(['STANDARD', 'STANDARD_INFREQUENT_ACCESS']);
    if (chance(0.3)) t.contributorInsights = ci();
    if (chance(0.2)) t.warmThroughput = warm();
    if (chance(0.5)) t.tags = tags(int(1, 5));
    if (chance(0.15)) t.kinesisStream = { streamArn: `arn:aws:kinesis:${t.region}:${digits(12)}:stream/${text([...ALNUM, '_', '.', '-'], 1, 20)}` };
    if (chance(0.15)) {
      const statement = { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${digits(12)}:root` }, Action: pick(['dynamodb:GetItem', ['dynamodb:Query', 'dynamodb:GetItem']]), Resource: '*' };
      if (chance(0.5)) statement.Sid = text(ALNUM, 1, 10);
      t.resourcePolicy = { Version: '2012-10-17', Statement: [statement] };
    }

    const indexNames = new Set();
    const indexName = () => {
      let n;
      do n = text([...ALNUM, '_', '.', '-'], 3, 16); while (indexNames.has(n));
      indexNames.add(n);
      return n;
    };
    const projection = (ix) => {
      ix.projectionType = pick(['ALL', 'KEYS_ONLY', 'INCLUDE', undefined]);
      if (ix.projectionType === undefined) delete ix.projectionType;
      if (ix.projectionType === 'INCLUDE') ix.nonKeyAttributes = [...new Set(Array.from({ length: int(1, 4) }, attr))];
      return ix;
    };
    if (!hashOnly && chance(0.3))
      t.localSecondaryIndexes = Array.from({ length: int(1, 3) }, () => projection({ indexName: indexName(), sortKey: key(tablePk) }));
    if (chance(0.7)) {
      t.globalSecondaryIndexes = Array.from({ length: int(1, 4) }, () => {
        const g = { indexName: indexName(), partitionKey: key() };
        if (chance(0.5)) g.sortKey = key(nameOf(g.partitionKey));
        if (provisioned) {
          if (chance(0.4)) g.readCapacity = int(1, 60);
          const a = {};
          if (chance(0.3)) a.read = scaling(g.readCapacity ?? t.readCapacity);
          if (chance(0.4)) a.write = scaling(t.writeCapacity);
          if (a.read || a.write) g.autoScaling = a;
        } else {
          if (chance(0.3)) g.maxReadRequestUnits = int(1, 3000);
          if (chance(0.3)) g.maxWriteRequestUnits = int(1, 3000);
        }
        if (chance(0.15)) g.warmThroughput = warm();
        if (t.contributorInsights !== undefined && chance(0.2)) g.contributorInsights = t.contributorInsights;
        return projection(g);
      });
    }

    t.replicas = regions.slice(1).map((region) => {
      const rp = { region, kmsKeyArn: `arn:aws:kms:${region}:${digits(12)}:key/${chance(0.3) ? 'mrk-' + hex(32) : [8, 4, 4, 4, 12].map(hex).join('-')}` };
      if (chance(0.3)) rp.deletionProtection = chance(0.5);
      if (chance(0.3)) rp.pointInTimeRecovery = chance(0.5);
      if (chance(0.3)) rp.tableClass = pick(['STANDARD', 'STANDARD_INFREQUENT_ACCESS']);
      if (chance(0.3)) rp.contributorInsights = ci();
      if (provisioned && chance(0.4)) rp.readCapacity = int(1, 80);
      if (!provisioned && chance(0.4)) rp.maxReadRequestUnits = int(1, 5000);
      if (chance(0.4)) rp.tags = tags(int(1, 4));
      return rp;
    });

    const roles = new Set();
    cfg.grants = [];
    for (let i = chance(0.8) ? int(1, 5) : 0; i > 0; i--) {
      let name;
      do name = chance(0.1) ? pick(['Default', 'Policy', '3', 'BootstrapVersion']) : text([...ALNUM, '+', '=', ',', '.', '@', '-', '_'], 1, 40);
      while (roles.has(name));
      roles.add(name);
      const access = pick(['read', 'write', 'readWrite', 'full', 'streamRead']);
      if (access === 'streamRead') t.stream = 'NEW_AND_OLD_IMAGES';
      const rolePath = chance(0.3) ? text(ALNUM, 1, 8) + '/' : '';
      const role = chance(0.5) ? name : `arn:${pick(['aws', 'aws', 'aws-cn', 'aws-us-gov'])}:iam::${digits(12)}:role/${rolePath}${name}`;
      cfg.grants.push({ role, access });
    }
    if (chance(0.5)) cfg.cdk = { stackName: pick(['G', 'Global-']) + text(ALNUM, 0, 16) };
    if (chance(0.3)) (cfg.cdk = cfg.cdk || {}).constructId = id();
    return cfg;
  };
}

function main() {
  const [outdir, count, seed = '1'] = process.argv.slice(2);
  const next = generator(Number(seed));
  fs.mkdirSync(outdir, { recursive: true });
  for (let i = 0; i < Number(count); i++)
    fs.writeFileSync(path.join(outdir, `global-${seed}-${i}.json`), JSON.stringify(next(), null, 2) + '\n');
}

main();
