// The global-table part of the cloudformation-vs-terraform comparison (terraform-conformance.js).
//
// flattenGlobal turns an AWS::DynamoDB::GlobalTable template into the AWS::DynamoDB::Table one the
// regional comparison reads: what the stack's own replica (tableConfig.region) says is what the
// Terraform table resource says. cfnReplicas and tfReplicas then give the rest in one shape: the
// further replicas (region, key, recovery, deletion protection, tags, contributor insights), the
// consistency, the witness and the regions output.
//
// Not compared, because the AWS provider's replica block cannot say them (the README lists them):
// a replica's table class, read capacity, on-demand read maximum and recovery window.
'use strict';
const assert = require('assert');
const { Evaluator } = require('./terraform-eval');

// Policy statements as sorted JSON lines, actions sorted.
const policy = (doc) => (doc ? doc.Statement.map((s) => JSON.stringify({ ...s, Action: [].concat(s.Action).sort() })).sort() : null);
const tags = (ts) => Object.fromEntries((ts || []).map((t) => [t.Key, t.Value]));
const insights = (c) => (c ? { mode: c.Mode || null } : null);
// A capacity the table is created with: fixed units, or an autoscaled one's seed.
const units = (s) => (s ? s.ReadCapacityUnits ?? s.WriteCapacityUnits ??
  (s.ReadCapacityAutoScalingSettings || s.WriteCapacityAutoScalingSettings).SeedCapacity : undefined);

function globalTableId(tpl) {
  return Object.keys(tpl.Resources).find((k) => tpl.Resources[k].Type === 'AWS::DynamoDB::GlobalTable');
}

function primaryOf(tpl) {
  const G = tpl.Resources[globalTableId(tpl)].Properties;
  const region = tpl.Outputs.ReplicaRegions.Value.split(',')[0];
  const primary = G.Replicas.find((r) => r.Region === region);
  assert.ok(primary, `no replica in the stack's region ${region}`);
  assert.strictEqual(G.Replicas[0], primary, "the stack's own replica comes first");
  return { G, region, primary };
}

function flattenGlobal(tpl) {
  const id = globalTableId(tpl);
  if (!id) return tpl;
  const { G, primary } = primaryOf(tpl);
  const T = { AttributeDefinitions: G.AttributeDefinitions, KeySchema: G.KeySchema };
  if (G.BillingMode === 'PAY_PER_REQUEST') T.BillingMode = G.BillingMode;
  if (G.BillingMode === 'PROVISIONED')
    T.ProvisionedThroughput = { ReadCapacityUnits: units(primary.ReadProvisionedThroughputSettings),
      WriteCapacityUnits: units(G.WriteProvisionedThroughputSettings) };
  if (G.GlobalSecondaryIndexes)
    T.GlobalSecondaryIndexes = G.GlobalSecondaryIndexes.map((g) => {
      const { WriteProvisionedThroughputSettings: w, ...rest } = g;
      const mine = (primary.GlobalSecondaryIndexes || []).find((x) => x.IndexName === g.IndexName) || {};
      return w ? { ...rest, ProvisionedThroughput: { ReadCapacityUnits: units(mine.ReadProvisionedThroughputSettings), WriteCapacityUnits: units(w) } } : rest;
    });
  if (G.LocalSecondaryIndexes) T.LocalSecondaryIndexes = G.LocalSecondaryIndexes;
  T.PointInTimeRecoverySpecification = primary.PointInTimeRecoverySpecification;
  T.DeletionProtectionEnabled = primary.DeletionProtectionEnabled;
  T.SSESpecification = { ...G.SSESpecification, KMSMasterKeyId: primary.SSESpecification.KMSMasterKeyId };
  if (primary.ResourcePolicy) T.ResourcePolicy = primary.ResourcePolicy;
  if (primary.ContributorInsightsSpecification) T.ContributorInsightsSpecification = primary.ContributorInsightsSpecification;
  // On-demand maxima: writes on the table (or index), reads per replica.
  const onDemand = (w, r) => (w || r ? { ...(r && { MaxReadRequestUnits: r.MaxReadRequestUnits }),
    ...(w && { MaxWriteRequestUnits: w.MaxWriteRequestUnits }) } : undefined);
  const od = onDemand(G.WriteOnDemandThroughputSettings, primary.ReadOnDemandThroughputSettings);
  if (od) T.OnDemandThroughput = od;
  for (const g of T.GlobalSecondaryIndexes || []) {
    const mine = (primary.GlobalSecondaryIndexes || []).find((x) => x.IndexName === g.IndexName) || {};
    if (mine.ContributorInsightsSpecification) g.ContributorInsightsSpecification = mine.ContributorInsightsSpecification;
    const god = onDemand(g.WriteOnDemandThroughputSettings, mine.ReadOnDemandThroughputSettings);
    delete g.WriteOnDemandThroughputSettings;
    if (god) g.OnDemandThroughput = god;
  }
  T.StreamSpecification = G.StreamSpecification;
  if (primary.TableClass) T.TableClass = primary.TableClass;
  if (G.TableName) T.TableName = G.TableName;
  if (primary.Tags) T.Tags = primary.Tags;
  if (G.TimeToLiveSpecification) T.TimeToLiveSpecification = G.TimeToLiveSpecification;
  // CloudFormation outputs are strings; the module's output is the list itself.
  const { ReplicaRegions, ...outputs } = tpl.Outputs;
  outputs.replica_regions = { ...ReplicaRegions, Value: ReplicaRegions.Value.split(',') };
  return { ...tpl, Resources: { ...tpl.Resources, [id]: { ...tpl.Resources[id], Type: 'AWS::DynamoDB::Table', Properties: T },
    ...embeddedScaling(id, G, primary) }, Outputs: outputs };
}

// A GlobalTable embeds its autoscaling; Terraform writes it as Application Auto Scaling resources
// in the stack's region. This spells the embedded settings as the ScalableTarget and ScalingPolicy
// pairs the regional comparison reads, so bounds, targets and cooldowns are compared too.
function embeddedScaling(tableId, G, primary) {
  const out = {};
  const role = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' },
    ':role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable']] };
  const add = (settings, index, read) => {
    if (!settings) return;
    const name = `${index || 'Table'}${read ? 'Read' : 'Write'}`;
    const resource = { 'Fn::Join': ['', ['table/', { Ref: tableId }, ...(index ? [`/index/${index}`] : [])]] };
    const c = settings.TargetTrackingScalingPolicyConfiguration;
    out[`${name}Target`] = { Type: 'AWS::ApplicationAutoScaling::ScalableTarget', Properties: {
      MaxCapacity: settings.MaxCapacity, MinCapacity: settings.MinCapacity, ResourceId: resource, RoleARN: role,
      ScalableDimension: `dynamodb:${index ? 'index' : 'table'}:${read ? 'Read' : 'Write'}CapacityUnits`, ServiceNamespace: 'dynamodb' } };
    const tracking = { PredefinedMetricSpecification: { PredefinedMetricType: `DynamoDB${read ? 'Read' : 'Write'}CapacityUtilization` },
      TargetValue: c.TargetValue };
    if (c.ScaleInCooldown !== undefined) tracking.ScaleInCooldown = c.ScaleInCooldown;
    if (c.ScaleOutCooldown !== undefined) tracking.ScaleOutCooldown = c.ScaleOutCooldown;
    out[`${name}Policy`] = { Type: 'AWS::ApplicationAutoScaling::ScalingPolicy', Properties: {
      PolicyType: 'TargetTrackingScaling', ScalingTargetId: { Ref: `${name}Target` }, TargetTrackingScalingPolicyConfiguration: tracking } };
  };
  add((G.WriteProvisionedThroughputSettings || {}).WriteCapacityAutoScalingSettings, null, false);
  add((primary.ReadProvisionedThroughputSettings || {}).ReadCapacityAutoScalingSettings, null, true);
  for (const g of G.GlobalSecondaryIndexes || []) {
    add((g.WriteProvisionedThroughputSettings || {}).WriteCapacityAutoScalingSettings, g.IndexName, false);
    const mine = (primary.GlobalSecondaryIndexes || []).find((x) => x.IndexName === g.IndexName) || {};
    add((mine.ReadProvisionedThroughputSettings || {}).ReadCapacityAutoScalingSettings, g.IndexName, true);
  }
  return out;
}

function cfnReplicas(tpl) {
  if (!globalTableId(tpl)) return null;
  const { G, region, primary } = primaryOf(tpl);
  return {
    region,
    regions: tpl.Outputs.ReplicaRegions.Value.split(','),
    consistency: G.MultiRegionConsistency || 'EVENTUAL',
    witness: G.GlobalTableWitnesses ? G.GlobalTableWitnesses.map((w) => w.Region) : [],
    replicas: G.Replicas.filter((r) => r !== primary).map((r) => ({
      region: r.Region,
      key: r.SSESpecification.KMSMasterKeyId,
      pitr: r.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled,
      deletionProtection: r.DeletionProtectionEnabled,
      tags: tags(r.Tags),
      policy: policy(r.ResourcePolicy && r.ResourcePolicy.PolicyDocument),
      insights: insights(r.ContributorInsightsSpecification),
      indexInsights: Object.fromEntries((r.GlobalSecondaryIndexes || []).filter((g) => g.ContributorInsightsSpecification)
        .map((g) => [g.IndexName, insights(g.ContributorInsightsSpecification)])),
    })),
  };
}

// `evaluated` is the module with variables at their defaults; `tree` the one as written, whose
// region guard is evaluated here for the right and a wrong provider region.
async function tfReplicas(evaluated, tree) {
  const r = evaluated.resource;
  const [T] = Object.values(r.aws_dynamodb_table);
  if (!T.replica) {
    assert.ok(!(evaluated.data && evaluated.data.aws_region), 'a regional table needs no region guard');
    return null;
  }
  const guard = tree.data.aws_region.current.lifecycle;
  const condition = [].concat([].concat(guard)[0].postcondition)[0].condition;
  const holds = (region) => new Evaluator(async (seg) => {
    assert.deepStrictEqual(seg, ['self', 'region'], 'the guard reads the provider region');
    return region;
  }).value(condition);
  const region = evaluated.output.replica_regions.value[0];
  assert.strictEqual(await holds(region), true, `the region guard refuses ${region}`);
  assert.strictEqual(await holds('xx-nowhere-1'), false, 'the region guard accepts another region');

  const modes = T.replica.map((x) => x.consistency_mode);
  assert.ok(modes.every((m) => m === modes[0]), `replicas disagree on consistency: ${modes}`);
  const inRegion = (type, region) => Object.values(r[type] || {}).filter((x) => x.region === region);
  const ci = (x) => (x ? { mode: x.mode || null } : null);
  const policyIn = (region) => {
    const [p] = inRegion('aws_dynamodb_resource_policy', region);
    if (p) assert.match(p.resource_arn, new RegExp(`^arn:\\{partition\\}:dynamodb:${region}:`));
    return p ? policy(JSON.parse(p.policy)) : null;
  };
  return {
    region,
    regions: evaluated.output.replica_regions.value,
    consistency: modes[0],
    witness: (T.global_table_witness || []).map((w) => w.region_name),
    replicas: T.replica.map((x) => {
      const tagged = inRegion('aws_dynamodb_tag', x.region_name);
      assert.ok(!(x.propagate_tags && tagged.length), `${x.region_name}: propagated and own tags`);
      for (const t of tagged) assert.match(t.resource_arn, new RegExp(`^arn:\\{partition\\}:dynamodb:${x.region_name}:`));
      const [table] = inRegion('aws_dynamodb_contributor_insights', x.region_name).filter((c) => !c.index_name);
      return {
        region: x.region_name,
        key: x.kms_key_arn,
        pitr: x.point_in_time_recovery,
        deletionProtection: x.deletion_protection_enabled,
        tags: x.propagate_tags ? T.tags || {} : tagged.length ? tagged[0].for_each : {},
        policy: policyIn(x.region_name),
        insights: ci(table),
        indexInsights: Object.fromEntries(inRegion('aws_dynamodb_contributor_insights', x.region_name)
          .filter((c) => c.index_name).map((c) => [c.index_name, ci(c)])),
      };
    }),
  };
}

module.exports = { flattenGlobal, cfnReplicas, tfReplicas };
