// Random configs for the cdk conformance test: valid by the contract, varied where the CDK's
// algorithms branch (ids with odd characters and lengths, hidden ids, suffix repeats, every
// access level, ARN roles in every partition and with paths, capacities, projections, tags).
// The same seed writes the same configs.
// usage: node cdk-random.js OUTDIR COUNT [SEED]
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

function generator(seed) {
  const r = rng(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = (xs) => xs[int(0, xs.length - 1)];
  const chance = (p) => r() < p;
  const text = (alphabet, lo, hi) => Array.from({ length: int(lo, hi) }, () => pick(alphabet)).join('');
  const ALNUM = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
  const ODD = [...ALNUM, ...ALNUM, ' ', '-', '_', '.', '"', '\\', "'", '✓', 'ü', '🚀', '$', '{', '}', '#', ':', '+'];
  const WORDS = ['Default', 'Resource', 'Table', 'Policy', 'EncryptionKey', 'orders', 'Orders', '7', '42', '007', '4294967294', '4294967295', '✓'];
  const id = () => (chance(0.15) ? pick(WORDS) : chance(0.1) ? text(ALNUM, 200, 255) : text(ODD, 1, 30));
  const attr = () => (chance(0.7) ? text(ALNUM, 1, 12) : text(ODD, 1, 20));

  return function config() {
    const cfg = { runtimeConfigKey: id() };
    const types = new Map();
    // DynamoDB (and ddbsynth's validation) wants a key schema's two attributes distinct.
    const key = (avoid) => {
      let name;
      do name = chance(0.3) && types.size ? pick([...types.keys()]) : attr();
      while (name === avoid);
      const type = types.get(name) ?? pick(['S', 'S', 'N', 'B']);
      types.set(name, type);
      return type === 'S' && chance(0.5) ? name : { name, type };
    };
    const t = {};
    cfg.tableConfig = t;
    if (chance(0.3)) t.tableName = text([...ALNUM, '_', '.', '-'], 3, 40);
    const nameOf = (k) => (typeof k === 'string' ? k : k.name);
    if (chance(0.6)) t.partitionKey = key();
    else types.set('pk', 'S');
    const tablePk = t.partitionKey ? nameOf(t.partitionKey) : 'pk';
    const hashOnly = chance(0.25);
    if (hashOnly) t.sortKey = null;
    else if (chance(0.5)) t.sortKey = key(tablePk);
    else types.set('sk', 'S');
    const provisioned = chance(0.3);
    if (provisioned) Object.assign(t, { billingMode: 'PROVISIONED', readCapacity: int(1, 50), writeCapacity: int(1, 50) });
    for (const f of ['pointInTimeRecovery', 'deletionProtection', 'enableKeyRotation']) if (chance(0.3)) t[f] = chance(0.5);
    if (chance(0.3)) t.removalPolicy = pick(['retain', 'destroy']);
    if (chance(0.3)) t.timeToLiveAttribute = attr();
    if (chance(0.4)) t.stream = pick(['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES']);
    if (chance(0.3)) t.tableClass = pick(['STANDARD', 'STANDARD_INFREQUENT_ACCESS']);
    if (chance(0.4)) {
      t.tags = {};
      for (let i = int(1, 6); i > 0; i--) t.tags[text([...ALNUM, ' ', '_', '.', ':', '/', '=', '+', '-', '@'], 1, 12)] = text([...ALNUM, ' ', '-'], 0, 10);
    }
    const indexNames = new Set();
    const indexName = () => {
      let n;
      do n = text([...ALNUM, '_', '.', '-'], 3, 20); while (indexNames.has(n));
      indexNames.add(n);
      return n;
    };
    const projection = (ix) => {
      ix.projectionType = pick(['ALL', 'KEYS_ONLY', 'INCLUDE', undefined]);
      if (ix.projectionType === undefined) delete ix.projectionType;
      if (ix.projectionType === 'INCLUDE') ix.nonKeyAttributes = [...new Set(Array.from({ length: int(1, 4) }, attr))];
      return ix;
    };
    if (!hashOnly && chance(0.4))
      t.localSecondaryIndexes = Array.from({ length: int(1, 3) }, () => projection({ indexName: indexName(), sortKey: key(tablePk) }));
    if (chance(0.7)) {
      t.globalSecondaryIndexes = Array.from({ length: int(0, 5) }, () => {
        const g = { indexName: indexName(), partitionKey: key() };
        if (chance(0.6)) g.sortKey = key(nameOf(g.partitionKey));
        if (provisioned && chance(0.5)) g.readCapacity = int(1, 99);
        if (provisioned && chance(0.5)) g.writeCapacity = int(1, 99);
        return projection(g);
      });
    }
    const roles = new Set();
    cfg.grants = [];
    for (let i = chance(0.8) ? int(1, 6) : 0; i > 0; i--) {
      let name;
      do name = chance(0.15) ? pick(['Default', 'Policy', 'MyPolicy', 'BootstrapVersion', '3', '12', '0', '01', '4294967295']) : text([...ALNUM, '+', '=', ',', '.', '@', '-', '_'], 1, 64);
      while (roles.has(name));
      roles.add(name);
      const access = pick(t.stream ? ['read', 'write', 'readWrite', 'full', 'streamRead'] : ['read', 'write', 'readWrite', 'full']);
      const partition = pick(['aws', 'aws', 'aws-cn', 'aws-us-gov', 'aws-iso']);
      const rolePath = chance(0.4) ? Array.from({ length: int(1, 3) }, () => text(ALNUM, 1, 8) + '/').join('') : '';
      const role = chance(0.5) ? name : `arn:${partition}:iam::${text([...'0123456789'], 12, 12)}:role/${rolePath}${name}`;
      cfg.grants.push({ role, access });
    }
    if (chance(0.5)) cfg.cdk = { stackName: pick(['S', 'My-Stack']) + text(ALNUM, 0, 20) };
    if (chance(0.4)) (cfg.cdk = cfg.cdk || {}).constructId = id();
    return cfg;
  };
}

function main() {
  const [outdir, count, seed = '1'] = process.argv.slice(2);
  const next = generator(Number(seed));
  fs.mkdirSync(outdir, { recursive: true });
  for (let i = 0; i < Number(count); i++)
    fs.writeFileSync(path.join(outdir, `random-${seed}-${i}.json`), JSON.stringify(next(), null, 2) + '\n');
}

main();
