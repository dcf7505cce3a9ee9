// Random configs for the cdk conformance test: valid by the contract, varied where the CDK's
// algorithms branch (ids with odd characters and lengths, hidden ids, suffix repeats, every
// access level, ARN roles in every partition and with paths, capacities, projections, tags).
// With --round2, the configs also use the capacity and table-option fields (autoscaling of the
// table and its GSIs, on-demand maximums, warm throughput, Contributor Insights, restore window,
// Kinesis, S3 import, resource policies); without it, a seed writes the configs it always wrote.
// The same seed writes the same configs.
// usage: node cdk-random.js OUTDIR COUNT [SEED] [--round2]
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

function generator(seed, round2) {
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

  // Round 2 values.
  const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'];
  const REGIONS = ['us-east-1', 'eu-west-3', 'ap-southeast-2', 'cn-north-1', 'us-gov-west-1'];
  const account = () => text([...'0123456789'], 12, 12);
  const LOWER = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
  const ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PutItem', 'dynamodb:BatchGetItem',
    'dynamodb:DescribeTable', 'dynamodb:Get*', 'dynamodb:*'];

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
    if (round2) {
      addCapacity(t);
      addOptions(t);
      // The ids the table's props import under the construct: sometimes the table's own.
      if (chance(0.03)) cfg.runtimeConfigKey = pick(['KinesisStream', 'ImportBucket']);
    }
    return cfg;
  };

  // Round 2, capacity: autoscaling around the configured capacities of a provisioned table and
  // its GSIs, or on-demand maximums; warm throughput and Contributor Insights on either.
  function scaling(capacity) {
    const s = { minCapacity: int(1, capacity), maxCapacity: capacity + pick([0, int(0, 50), int(0, 40000)]) };
    if (chance(0.6)) s.targetUtilization = pick([10, 90, int(10, 90)]);
    if (chance(0.4)) s.scaleInCooldown = pick([0, int(0, 3600)]);
    if (chance(0.4)) s.scaleOutCooldown = pick([0, int(0, 3600)]);
    return s;
  }
  function capacityOf(x, readCapacity, writeCapacity, provisioned) {
    if (provisioned) {
      const a = {};
      if (chance(0.5)) a.read = scaling(readCapacity);
      if (chance(0.5)) a.write = scaling(writeCapacity);
      if (a.read || a.write) x.autoScaling = a;
    } else {
      if (chance(0.4)) x.maxReadRequestUnits = int(1, 100000);
      if (chance(0.4)) x.maxWriteRequestUnits = int(1, 100000);
    }
    if (chance(0.3)) {
      const w = {};
      if (chance(0.7)) w.readUnitsPerSecond = int(1, 60000);
      if (!w.readUnitsPerSecond || chance(0.5)) w.writeUnitsPerSecond = int(1, 30000);
      x.warmThroughput = w;
    }
    if (chance(0.25)) x.contributorInsights = pick([true, false, { mode: 'ACCESSED_AND_THROTTLED_KEYS' }, { mode: 'THROTTLED_KEYS' }]);
  }
  function addCapacity(t) {
    const provisioned = t.billingMode === 'PROVISIONED';
    capacityOf(t, t.readCapacity, t.writeCapacity, provisioned);
    for (const g of t.globalSecondaryIndexes || [])
      capacityOf(g, g.readCapacity ?? t.readCapacity, g.writeCapacity ?? t.writeCapacity, provisioned);
  }

  // Round 2, table options.
  function bucketName() {
    let name;
    do name = Array.from({ length: int(1, 4) }, () => text(LOWER, 1, 12)).join(pick(['.', '-', '-']));
    while (name.length < 3 || name.length > 63 || /^\d+\.\d+\.\d+\.\d+$/.test(name) || name.startsWith('xn--'));
    return name;
  }
  function statement(t, i) {
    const s = {};
    if (chance(0.6)) s.Sid = pick(['Stmt', 'Audit', 'ReadOnly']) + i;
    if (chance(0.8)) s.Effect = pick(['Allow', 'Allow', 'Deny']);
    s.Principal = pick([
      { AWS: `arn:${pick(PARTITIONS)}:iam::${account()}:root` },
      { AWS: [`arn:aws:iam::${account()}:root`, `arn:aws:iam::${account()}:role/${text(ALNUM, 1, 10)}`] },
      { AWS: [`arn:aws:iam::${account()}:root`] },
      '*',
    ]);
    const actions = Array.from({ length: int(1, 4) }, () => pick(ACTIONS));
    s.Action = actions.length === 1 && chance(0.5) ? actions[0] : actions;
    const arn = t.tableName ? `arn:aws:dynamodb:us-east-1:123456789012:table/${t.tableName}` : '*';
    s.Resource = pick([arn, [arn], [arn, `${arn === '*' ? 'arn:aws:dynamodb:us-east-1:123456789012:table/x' : arn}/index/*`], '*']);
    if (chance(0.3))
      s.Condition = pick([{ Bool: { 'aws:SecureTransport': 'true' } },
        { StringEquals: { 'aws:PrincipalOrgID': 'o-' + text(LOWER, 10, 12) }, IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } }]);
    return s;
  }
  function addOptions(t) {
    if (t.pointInTimeRecovery !== false && chance(0.3)) t.pointInTimeRecoveryPeriodDays = pick([1, 35, int(1, 35)]);
    if (chance(0.25)) {
      t.kinesisStream = { streamArn: `arn:${pick(PARTITIONS)}:kinesis:${pick(REGIONS)}:${account()}:stream/${text([...ALNUM, '_', '.', '-'], 1, 40)}` };
      if (chance(0.5)) t.kinesisStream.precision = pick(['MILLISECOND', 'MICROSECOND']);
    }
    if (chance(0.2)) {
      const i = { bucket: bucketName(), inputFormat: pick(['DYNAMODB_JSON', 'ION', 'CSV']) };
      if (chance(0.5)) i.keyPrefix = pick(['', 'exports/', text([...ALNUM, '/', '-', '_', '.'], 1, 30)]);
      if (chance(0.4)) i.bucketOwner = account();
      if (i.inputFormat === 'CSV' && chance(0.6)) i.csvDelimiter = pick([',', ';', ':', '|', '\t', ' ']);
      if (i.inputFormat === 'CSV' && chance(0.6)) i.csvHeader = [...new Set(Array.from({ length: int(1, 5) }, attr))];
      if (chance(0.5)) i.compression = pick(['GZIP', 'ZSTD', 'NONE']);
      t.importSource = i;
    }
    if (chance(0.3)) {
      const statements = Array.from({ length: int(1, 3) }, (_, i) => statement(t, i));
      // The same statement twice: the CDK writes it once.
      if (chance(0.1)) statements.push(statements[0]);
      t.resourcePolicy = { Version: '2012-10-17', Statement: statements };
    }
  }
}

function main() {
  const args = process.argv.slice(2);
  const round2 = args.includes('--round2');
  const [outdir, count, seed = '1'] = args.filter((a) => a !== '--round2');
  const next = generator(Number(seed), round2);
  fs.mkdirSync(outdir, { recursive: true });
  for (let i = 0; i < Number(count); i++)
    fs.writeFileSync(path.join(outdir, `random-${seed}-${i}.json`), JSON.stringify(next(), null, 2) + '\n');
}

main();
