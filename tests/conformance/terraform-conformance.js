// Conformance of `--target terraform` for each config given:
//  1. the native module parses with HashiCorp's HCL parser (@cdktf/hcl2json) and the JSON one
//     as JSON; every resource's arguments and blocks match the AWS provider schema of
//     @cdktf/provider-aws (unknown or missing required ones fail), every reference names a
//     declared resource and one of its attributes;
//  2. evaluated (variables at their defaults), the native and the JSON module are equal;
//  3. they say what the CloudFormation target says: keys, attributes, indexes, billing,
//     PITR, deletion protection, rotation, TTL, stream, class, tags, key and table policies,
//     grant actions per role, the AppConfig runtime config, the outputs. Strings are compared
//     exactly, so every name survives HCL's escapes and normalization;
//  4. synthesizing twice gives the same bytes.
//
//   node tests/conformance/terraform-conformance.js DDBSYNTH WORKDIR CONFIG...
'use strict';
const assert = require('assert');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ProviderSchema } = require('./terraform-schema');
const { readModule, checkModule, evaluateModule } = require('./terraform-module');
const { unsafeSet } = require('./terraform-nfc-table');
const { flattenGlobal, cfnReplicas, tfReplicas } = require('./terraform-global');

const GENERATED = '<generated>';

// ---- CloudFormation side ----

function cfnEval(v, symbols) {
  if (Array.isArray(v)) return v.map((x) => cfnEval(x, symbols));
  if (v && typeof v === 'object') {
    if ('Ref' in v) return symbols[v.Ref] || `{cfn:${v.Ref}}`;
    if ('Fn::GetAtt' in v) return symbols[v['Fn::GetAtt'].join('.')] || `{cfn:${v['Fn::GetAtt'].join('.')}}`;
    if ('Fn::Join' in v) return cfnEval(v['Fn::Join'][1], symbols).join(v['Fn::Join'][0]);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cfnEval(x, symbols)]));
  }
  return v;
}

const list = (x) => (x === undefined ? [] : Array.isArray(x) ? [...x].sort() : [x]);
// Every element of each statement, lists sorted: the same statements in any order and form.
const statements = (doc) => {
  assert.strictEqual(doc.Version, '2012-10-17');
  const principal = (p) => (p && typeof p === 'object' ? Object.fromEntries(Object.keys(p).sort().map((k) => [k, list(p[k])])) : p || null);
  return doc.Statement.map((s) => ({ Sid: s.Sid || null, Action: list(s.Action), NotAction: list(s.NotAction), Effect: s.Effect,
    Principal: principal(s.Principal), NotPrincipal: principal(s.NotPrincipal), Resource: list(s.Resource),
    NotResource: list(s.NotResource), Condition: s.Condition || null }))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
};
const sortedBy = (xs, key) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const byName = (xs) => [...xs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

function cfnSemantics(tpl) {
  const R = tpl.Resources;
  const idOf = (type) => Object.keys(R).filter((k) => R[k].Type === type);
  const [tableId] = idOf('AWS::DynamoDB::Table');
  const [keyId] = idOf('AWS::KMS::Key');
  const [appId] = idOf('AWS::AppConfig::Application');
  const symbols = {
    'AWS::Partition': '{partition}', 'AWS::AccountId': '{account}', 'AWS::Region': '{region}',
    [tableId]: '{table.name}', [`${tableId}.Arn`]: '{table.arn}', [`${tableId}.StreamArn`]: '{table.stream_arn}',
    [`${keyId}.Arn`]: '{key.arn}', [appId]: '{app.id}',
  };
  const ev = (v) => cfnEval(v, symbols);
  const T = R[tableId].Properties;
  const K = R[keyId].Properties;
  const keyOf = (ks, type) => (ks.find((k) => k.KeyType === type) || {}).AttributeName || null;
  const capacity = (pt) => (pt ? { read: pt.ReadCapacityUnits, write: pt.WriteCapacityUnits } : null);
  const projection = (p) => ({ projection: p.ProjectionType, nonKey: p.NonKeyAttributes || null });
  const tags = (ts) => Object.fromEntries((ts || []).map((t) => [t.Key, t.Value]));
  const onDemand = (o) => (o ? { read: o.MaxReadRequestUnits ?? null, write: o.MaxWriteRequestUnits ?? null } : null);
  const warm = (w) => (w ? { read: w.ReadUnitsPerSecond ?? null, write: w.WriteUnitsPerSecond ?? null } : null);
  const insights = (c) => (c && c.Enabled ? { mode: c.Mode || null } : null);
  const scaling = sortedBy(idOf('AWS::ApplicationAutoScaling::ScalableTarget').map((id) => {
    const p = R[id].Properties;
    const [policyId] = idOf('AWS::ApplicationAutoScaling::ScalingPolicy').filter((x) => R[x].Properties.ScalingTargetId.Ref === id);
    const c = R[policyId].Properties.TargetTrackingScalingPolicyConfiguration;
    return { resource: ev(p.ResourceId), dimension: p.ScalableDimension, namespace: p.ServiceNamespace, role: ev(p.RoleARN),
      min: p.MinCapacity, max: p.MaxCapacity, type: R[policyId].Properties.PolicyType,
      metric: c.PredefinedMetricSpecification.PredefinedMetricType, target: c.TargetValue,
      scaleIn: c.ScaleInCooldown ?? null, scaleOut: c.ScaleOutCooldown ?? null, tags: tags(p.Tags) };
  }), (x) => `${x.resource} ${x.dimension}`);
  const imp = T.ImportSourceSpecification;
  const csv = imp && imp.InputFormatOptions && imp.InputFormatOptions.Csv;
  const grants = {};
  for (const id of idOf('AWS::IAM::Policy')) {
    const p = R[id].Properties;
    for (const role of p.Roles)
      (grants[role] = grants[role] || []).push({ name: p.PolicyName, statements: statements(ev(p.PolicyDocument)) });
  }
  const the = (type) => R[idOf(type)[0]].Properties;
  const refTo = (v, type) => v && v.Ref === idOf(type)[0];
  const dep = the('AWS::AppConfig::Deployment');
  const strategy = the('AWS::AppConfig::DeploymentStrategy');
  const profile = the('AWS::AppConfig::ConfigurationProfile');
  const version = the('AWS::AppConfig::HostedConfigurationVersion');
  const outputs = {};
  const OUT = { TableName: 'table_name', TableArn: 'table_arn', TableStreamArn: 'table_stream_arn',
    EncryptionKeyArn: 'encryption_key_arn', RuntimeConfigApplicationId: 'runtime_config_application_id' };
  for (const [k, o] of Object.entries(tpl.Outputs || {})) outputs[OUT[k] || k] = { description: o.Description, value: ev(o.Value) };
  return {
    tableName: T.TableName || GENERATED,
    hashKey: keyOf(T.KeySchema, 'HASH'),
    rangeKey: keyOf(T.KeySchema, 'RANGE'),
    attributes: byName(T.AttributeDefinitions.map((a) => ({ name: a.AttributeName, type: a.AttributeType }))),
    billing: T.BillingMode || 'PROVISIONED',
    capacity: capacity(T.ProvisionedThroughput),
    gsis: (T.GlobalSecondaryIndexes || []).map((g) => ({
      name: g.IndexName, hash: keyOf(g.KeySchema, 'HASH'), range: keyOf(g.KeySchema, 'RANGE'),
      ...projection(g.Projection), capacity: capacity(g.ProvisionedThroughput),
      onDemand: onDemand(g.OnDemandThroughput), warm: warm(g.WarmThroughput), insights: insights(g.ContributorInsightsSpecification) })),
    onDemand: onDemand(T.OnDemandThroughput),
    warm: warm(T.WarmThroughput),
    insights: insights(T.ContributorInsightsSpecification),
    pitrPeriod: T.PointInTimeRecoverySpecification.RecoveryPeriodInDays ?? null,
    kinesis: T.KinesisStreamSpecification ? { stream: T.KinesisStreamSpecification.StreamArn,
      precision: T.KinesisStreamSpecification.ApproximateCreationDateTimePrecision || null } : null,
    importSource: imp ? { format: imp.InputFormat, compression: imp.InputCompressionType || null,
      delimiter: (csv && csv.Delimiter) || null, header: (csv && csv.HeaderList) || null,
      bucket: imp.S3BucketSource.S3Bucket, owner: imp.S3BucketSource.S3BucketOwner || null, prefix: imp.S3BucketSource.S3KeyPrefix ?? null } : null,
    scaling,
    // What the Terraform table must ignore so as not to fight the autoscaler.
    ignored: [...new Set(scaling.map((x) => ({ 'dynamodb:table:ReadCapacityUnits': 'read_capacity',
      'dynamodb:table:WriteCapacityUnits': 'write_capacity' }[x.dimension] || 'global_secondary_index')))].sort(),
    lsis: (T.LocalSecondaryIndexes || []).map((l) => ({
      name: l.IndexName, hash: keyOf(l.KeySchema, 'HASH'), range: keyOf(l.KeySchema, 'RANGE'), ...projection(l.Projection) })),
    pitr: T.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled,
    deletionProtection: T.DeletionProtectionEnabled,
    sse: { enabled: T.SSESpecification.SSEEnabled, key: ev(T.SSESpecification.KMSMasterKeyId) },
    ttl: T.TimeToLiveSpecification && T.TimeToLiveSpecification.Enabled ? T.TimeToLiveSpecification.AttributeName : null,
    stream: T.StreamSpecification ? T.StreamSpecification.StreamViewType : null,
    tableClass: T.TableClass || null,
    tableTags: tags(T.Tags),
    tablePolicy: T.ResourcePolicy ? statements(ev(T.ResourcePolicy.PolicyDocument)) : null,
    retainTable: R[tableId].DeletionPolicy === 'Retain',
    key: { description: K.Description, rotation: K.EnableKeyRotation, tags: tags(K.Tags), policy: statements(ev(K.KeyPolicy)) },
    retainKey: R[keyId].DeletionPolicy === 'Retain',
    grants,
    appconfig: {
      application: the('AWS::AppConfig::Application').Name,
      environment: the('AWS::AppConfig::Environment').Name,
      strategy: { name: strategy.Name, duration: strategy.DeploymentDurationInMinutes, bake: strategy.FinalBakeTimeInMinutes,
        growth: strategy.GrowthFactor, replicateTo: strategy.ReplicateTo },
      profile: { name: profile.Name, locationUri: profile.LocationUri, type: profile.Type },
      content: JSON.parse(ev(version.Content)),
      contentType: version.ContentType,
      linked: refTo(dep.ApplicationId, 'AWS::AppConfig::Application') && refTo(dep.EnvironmentId, 'AWS::AppConfig::Environment') &&
        refTo(dep.DeploymentStrategyId, 'AWS::AppConfig::DeploymentStrategy') &&
        refTo(dep.ConfigurationProfileId, 'AWS::AppConfig::ConfigurationProfile') &&
        refTo(dep.ConfigurationVersion, 'AWS::AppConfig::HostedConfigurationVersion') &&
        refTo(version.ConfigurationProfileId, 'AWS::AppConfig::ConfigurationProfile'),
    },
    outputs,
  };
}

// ---- Terraform side ----

function only(byName, what) {
  const names = Object.keys(byName || {});
  assert.strictEqual(names.length, 1, `expected one ${what}, found ${names.length}`);
  return byName[names[0]];
}

function tfSemantics(m) {
  const r = m.resource;
  const T = only(r.aws_dynamodb_table, 'aws_dynamodb_table');
  const K = only(r.aws_kms_key, 'aws_kms_key');
  const app = only(r.aws_appconfig_application, 'aws_appconfig_application');
  const env = only(r.aws_appconfig_environment, 'aws_appconfig_environment');
  const strategy = only(r.aws_appconfig_deployment_strategy, 'aws_appconfig_deployment_strategy');
  const profile = only(r.aws_appconfig_configuration_profile, 'aws_appconfig_configuration_profile');
  const version = only(r.aws_appconfig_hosted_configuration_version, 'aws_appconfig_hosted_configuration_version');
  const dep = only(r.aws_appconfig_deployment, 'aws_appconfig_deployment');
  const addr = (type, attr) => `{${type}.${Object.keys(r[type])[0]}.${attr}}`;

  // One attribute block per key attribute in use, and no other.
  const used = [T.hash_key, T.range_key, ...(T.global_secondary_index || []).flatMap((g) => [g.hash_key, g.range_key]),
    ...(T.local_secondary_index || []).map((l) => l.range_key)].filter((x) => x !== undefined && x !== null);
  const attrs = (T.attribute || []).map((a) => a.name);
  assert.strictEqual(new Set(attrs).size, attrs.length, `duplicate attribute blocks: ${JSON.stringify(attrs)}`);
  assert.deepStrictEqual([...new Set(used)].sort(), [...attrs].sort(), 'attribute blocks must be exactly the key attributes in use');
  for (const a of T.attribute) assert.ok(typeof a.name === 'string' && a.name !== '', 'attribute without a name');

  const capacity = (x) => (x.read_capacity == null && x.write_capacity == null ? null : { read: x.read_capacity, write: x.write_capacity });
  const projection = (x) => ({ projection: x.projection_type, nonKey: x.non_key_attributes || null });
  const block = (x) => (x ? x[0] : undefined);
  const lifecycle = (x) => !!(x.lifecycle && x.lifecycle[0].prevent_destroy);
  const grants = {};
  for (const p of Object.values(r.aws_iam_role_policy || {}))
    (grants[p.role] = grants[p.role] || []).push({ name: p.name, statements: statements(JSON.parse(p.policy)) });
  // The table's own policy; a global table's replicas have theirs in their regions (terraform-global.js).
  const ownPolicy = Object.fromEntries(Object.entries(r.aws_dynamodb_resource_policy || {}).filter(([, p]) => !p.region));
  const tablePolicy = Object.keys(ownPolicy).length ? only(ownPolicy, 'aws_dynamodb_resource_policy') : null;
  if (tablePolicy) assert.strictEqual(tablePolicy.resource_arn, '{table.arn}');
  const ttl = block(T.ttl);
  const sse = block(T.server_side_encryption);
  const pair = (o, r, w) => (o ? { read: o[r] ?? null, write: o[w] ?? null } : null);
  const onDemand = (x) => pair(block(x.on_demand_throughput), 'max_read_request_units', 'max_write_request_units');
  const warm = (x) => pair(block(x.warm_throughput), 'read_units_per_second', 'write_units_per_second');
  const insights = {};
  // The table's own; a global table's replicas have theirs in their regions (terraform-global.js).
  for (const c of Object.values(r.aws_dynamodb_contributor_insights || {}).filter((x) => !x.region)) {
    assert.strictEqual(c.table_name, '{table.name}');
    const k = c.index_name || '';
    assert.ok(!(k in insights), `contributor insights twice for ${k || 'the table'}`);
    insights[k] = { mode: c.mode || null };
  }
  const targets = r.aws_appautoscaling_target || {};
  const scaling = sortedBy(Object.entries(targets).map(([name, p]) => {
    const policies = Object.values(r.aws_appautoscaling_policy || {}).filter((x) =>
      x.resource_id === `{aws_appautoscaling_target.${name}.resource_id}`);
    assert.strictEqual(policies.length, 1, `expected one policy on aws_appautoscaling_target.${name}`);
    const [pol] = policies;
    assert.strictEqual(pol.scalable_dimension, `{aws_appautoscaling_target.${name}.scalable_dimension}`);
    assert.strictEqual(pol.service_namespace, `{aws_appautoscaling_target.${name}.service_namespace}`);
    const c = block(pol.target_tracking_scaling_policy_configuration);
    return { resource: p.resource_id, dimension: p.scalable_dimension, namespace: p.service_namespace, role: p.role_arn,
      min: p.min_capacity, max: p.max_capacity, type: pol.policy_type,
      metric: block(c.predefined_metric_specification).predefined_metric_type, target: c.target_value,
      scaleIn: c.scale_in_cooldown ?? null, scaleOut: c.scale_out_cooldown ?? null, tags: p.tags || {} };
  }), (x) => `${x.resource} ${x.dimension}`);
  assert.strictEqual(Object.keys(r.aws_appautoscaling_policy || {}).length, scaling.length, 'a scaling policy without its target');
  const kinesis = r.aws_dynamodb_kinesis_streaming_destination ? only(r.aws_dynamodb_kinesis_streaming_destination, 'kinesis destination') : null;
  if (kinesis) assert.strictEqual(kinesis.table_name, '{table.name}');
  const imp = block(T.import_table);
  const csv = imp && block(imp.input_format_options) && block(block(imp.input_format_options).csv);
  const s3 = imp && block(imp.s3_bucket_source);
  let tableName = T.name;
  if (typeof tableName === 'string' && tableName.includes('{random}')) {
    const rs = only(r.random_string, 'random_string');
    assert.deepStrictEqual([rs.length, rs.special, rs.upper], [8, false, false]);
    assert.match(tableName, /^[A-Za-z0-9_.-]{1,246}-\{random\}$/);
    tableName = GENERATED;
  }
  return {
    tableName,
    hashKey: T.hash_key,
    rangeKey: T.range_key || null,
    attributes: byName(T.attribute.map((a) => ({ name: a.name, type: a.type }))),
    billing: T.billing_mode,
    capacity: capacity(T),
    gsis: (T.global_secondary_index || []).map((g) => ({ name: g.name, hash: g.hash_key, range: g.range_key || null, ...projection(g), capacity: capacity(g),
      onDemand: onDemand(g), warm: warm(g), insights: insights[g.name] || null })),
    onDemand: onDemand(T),
    warm: warm(T),
    insights: insights[''] || null,
    pitrPeriod: block(T.point_in_time_recovery).recovery_period_in_days ?? null,
    kinesis: kinesis ? { stream: kinesis.stream_arn, precision: kinesis.approximate_creation_date_time_precision || null } : null,
    importSource: imp ? { format: imp.input_format, compression: imp.input_compression_type || null,
      delimiter: (csv && csv.delimiter) || null, header: (csv && csv.header_list) || null,
      bucket: s3.bucket, owner: s3.bucket_owner || null, prefix: s3.key_prefix ?? null } : null,
    scaling,
    ignored: [...((T.lifecycle && T.lifecycle[0].ignore_changes) || [])].sort(),
    lsis: (T.local_secondary_index || []).map((l) => ({ name: l.name, hash: T.hash_key, range: l.range_key, ...projection(l) })),
    pitr: block(T.point_in_time_recovery).enabled,
    deletionProtection: T.deletion_protection_enabled,
    sse: { enabled: sse.enabled, key: sse.kms_key_arn },
    ttl: ttl && ttl.enabled ? ttl.attribute_name : null,
    stream: T.stream_enabled ? T.stream_view_type : null,
    tableClass: T.table_class || null,
    tableTags: T.tags || {},
    tablePolicy: tablePolicy ? statements(JSON.parse(tablePolicy.policy)) : null,
    retainTable: lifecycle(T),
    key: { description: K.description, rotation: K.enable_key_rotation, tags: K.tags || {}, policy: statements(JSON.parse(K.policy)) },
    retainKey: lifecycle(K),
    grants,
    appconfig: {
      application: app.name,
      environment: env.name,
      strategy: { name: strategy.name, duration: strategy.deployment_duration_in_minutes, bake: strategy.final_bake_time_in_minutes,
        growth: strategy.growth_factor, replicateTo: strategy.replicate_to },
      profile: { name: profile.name, locationUri: profile.location_uri, type: profile.type },
      content: JSON.parse(version.content),
      contentType: version.content_type,
      linked: [env.application_id, profile.application_id, version.application_id, dep.application_id].every((x) => x === '{app.id}') &&
        dep.environment_id === addr('aws_appconfig_environment', 'environment_id') &&
        dep.deployment_strategy_id === addr('aws_appconfig_deployment_strategy', 'id') &&
        dep.configuration_profile_id === addr('aws_appconfig_configuration_profile', 'configuration_profile_id') &&
        version.configuration_profile_id === dep.configuration_profile_id &&
        dep.configuration_version === addr('aws_appconfig_hosted_configuration_version', 'version_number'),
    },
    outputs: m.output,
  };
}

// ---- driver ----

function synth(ddbsynth, config, target, format, out) {
  fs.rmSync(out, { recursive: true, force: true });
  const args = ['synth', config, '--target', target, '--out', out, '--quiet'];
  if (format) args.push('--format', format);
  execFileSync(ddbsynth, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  return fs.readdirSync(out);
}

function snapshot(dir) {
  const out = {};
  for (const f of fs.readdirSync(dir, { recursive: true }).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) out[f] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

async function checkConfig(ddbsynth, work, config, providers) {
  const base = path.join(work, path.basename(config).replace(/\W/g, '_'));
  const [stack] = synth(ddbsynth, config, 'terraform', null, `${base}/hcl`);
  synth(ddbsynth, config, 'terraform', 'json', `${base}/json`);
  const [template] = synth(ddbsynth, config, 'cloudformation', 'json', `${base}/cfn`);

  const evaluated = {};
  for (const format of ['hcl', 'json']) {
    const dir = path.join(base, format, stack);
    const mod = await readModule(dir, format);
    const expected = format === 'json' ? ['main.tf.json', 'outputs.tf.json', 'variables.tf.json', 'versions.tf.json']
      : ['main.tf', 'outputs.tf', 'variables.tf', 'versions.tf'];
    assert.deepStrictEqual(mod.files, expected, `${format} module files`);
    const errors = checkModule(mod, providers, format);
    if (errors.length) throw new Error(`${format} module does not match the provider schema:\n  ${errors.join('\n  ')}`);
    evaluated[format] = await evaluateModule(mod, providers, format);
    for (const [name, v] of Object.entries(evaluated[format].variable))
      for (const rule of v.validation || []) assert.strictEqual(rule.condition, true, `variable ${name}: default fails its validation`);
  }
  assert.deepStrictEqual(evaluated.json, evaluated.hcl, 'the JSON module must say what the native one says');

  const versions = evaluated.hcl.terraform.required_providers[0];
  assert.strictEqual(versions.aws.source, 'hashicorp/aws');
  assert.match(versions.aws.version, /^>= [56](\.\d+)?$/);
  // The constraint must admit the provider release whose schema the module was checked against.
  const release = (v) => v.split('.').map(Number);
  const [need, have] = [release(versions.aws.version.slice(3)), release(providers.version)];
  assert.ok(need[0] < have[0] || (need[0] === have[0] && (need[1] || 0) <= have[1]),
    `aws ${versions.aws.version} excludes the schema's provider ${providers.version}`);
  assert.strictEqual(!!versions.random, !!evaluated.hcl.resource.random_string, 'random provider iff random_string is used');

  const cfn = JSON.parse(fs.readFileSync(path.join(base, 'cfn', template), 'utf8'));
  assert.deepStrictEqual(tfSemantics(evaluated.hcl), cfnSemantics(flattenGlobal(cfn)), 'terraform vs cloudformation');
  const tree = (await readModule(path.join(base, 'hcl', stack), 'hcl')).tree;
  assert.deepStrictEqual(await tfReplicas(evaluated.hcl, tree), cfnReplicas(cfn), 'terraform vs cloudformation: replicas');

  const first = snapshot(path.join(base, 'hcl'));
  synth(ddbsynth, config, 'terraform', null, `${base}/hcl`);
  assert.deepStrictEqual(snapshot(path.join(base, 'hcl')), first, 'output is deterministic');
}

// The C++ table of strings HCL would normalize must cover every such code point this Node knows.
function checkNfcTable(source) {
  const text = fs.readFileSync(source, 'utf8');
  const ranges = [...text.matchAll(/\{0x([0-9A-F]+), 0x([0-9A-F]+)\}/g)].map((m) => [parseInt(m[1], 16), parseInt(m[2], 16)]);
  const inTable = (cp) => ranges.some(([a, b]) => cp >= a && cp <= b);
  const unsafe = unsafeSet();
  const missing = [];
  for (let cp = 0; cp < unsafe.length; cp++) if (unsafe[cp] && !inTable(cp)) missing.push(cp.toString(16));
  assert.deepStrictEqual(missing.slice(0, 20), [], `${source} misses code points NFC may change (regenerate it)`);
}

async function main() {
  const [ddbsynth, work, ...configs] = process.argv.slice(2);
  if (!configs.length) {
    console.error('usage: terraform-conformance.js DDBSYNTH WORKDIR CONFIG...');
    process.exit(2);
  }
  fs.mkdirSync(work, { recursive: true });
  const providers = new ProviderSchema();
  let passed = 0, failed = 0;
  const run = async (name, f) => {
    try {
      await f();
      passed++;
      console.log(`ok   ${name}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}\n${String(e.stack || e).split('\n').slice(0, 60).join('\n')}`);
    }
  };
  await run('nfc table', () => checkNfcTable(path.join(__dirname, '../../src/backends/terraform/nfc_unsafe.cpp')));
  for (const c of configs) await run(`${path.basename(c)} (AWS provider ${providers.version})`, () => checkConfig(ddbsynth, work, c, providers));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
