// Checks that ddbsynth's cloudformation target says what real aws-cdk-lib says for the same config:
// every table property, the key's rotation and policy, each role's granted actions per resource,
// and the runtime config in AppConfig. Logical IDs differ by design and are normalized away.
// usage: node cfn-vs-cdk.js DDBSYNTH_BINARY WORKDIR CONFIG.json...
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const assert = require('assert');
const { cdkTemplate } = require('./cdk-app');
const { checkTemplate } = require('./cfn-spec');

// Replaces logical IDs inside Ref/GetAtt with the type of the resource they name.
function normalize(v, template) {
  const typeOf = (id) => (template.Resources[id] ? `<${template.Resources[id].Type}>` : id);
  if (Array.isArray(v)) return v.map((x) => normalize(x, template));
  if (v && typeof v === 'object') {
    if ('Ref' in v && Object.keys(v).length === 1) return { Ref: typeOf(v.Ref) };
    if ('Fn::GetAtt' in v) return { 'Fn::GetAtt': [typeOf(v['Fn::GetAtt'][0]), v['Fn::GetAtt'][1]] };
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x, template)]));
  }
  return v;
}

function only(template, type) {
  const found = Object.values(template.Resources).filter((r) => r.Type === type);
  assert.strictEqual(found.length, 1, `expected one ${type}, found ${found.length}`);
  return found[0];
}

// The table resource: AWS::DynamoDB::Table, or the GlobalTable of a config with replicas.
function tableOf(template) {
  const found = Object.values(template.Resources).filter((r) => /^AWS::DynamoDB::(Global)?Table$/.test(r.Type));
  assert.strictEqual(found.length, 1, `expected one table, found ${found.length}`);
  return found[0];
}

// A GlobalTable's properties in a form where equal meaning is equal JSON. Replicas are a set by
// region (ddbsynth writes the stack's region first, the CDK last) and their tags a map. `ours`
// loses what CDK's TableV2 cannot say: the autoscaling seed (the configured capacity, used when
// billing switches to provisioned) and the scale-in/out cooldowns; they are spec-checked instead.
function globalProperties(p, ours) {
  const out = JSON.parse(JSON.stringify(p));
  const strip = (v) => {
    if (Array.isArray(v)) v.forEach(strip);
    else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        if (ours && /AutoScalingSettings$/.test(k)) {
          delete v[k].SeedCapacity;
          delete v[k].TargetTrackingScalingPolicyConfiguration.ScaleInCooldown;
          delete v[k].TargetTrackingScalingPolicyConfiguration.ScaleOutCooldown;
        }
        strip(v[k]);
      }
    }
  };
  strip(out);
  out.Replicas.sort((a, b) => (a.Region < b.Region ? -1 : 1));
  for (const r of out.Replicas) {
    if (r.Tags) r.Tags.sort((a, b) => (a.Key < b.Key ? -1 : 1));
    if (r.ResourcePolicy) r.ResourcePolicy.PolicyDocument.Statement = r.ResourcePolicy.PolicyDocument.Statement.map((x) => JSON.stringify(x)).sort();
  }
  return out;
}

// A region-bound stack (a global table's) has CDK write its region into ARNs where ddbsynth
// writes AWS::Region, which is the same there: put the region in and merge the strings.
function foldRegion(v, region) {
  if (Array.isArray(v)) return v.map((x) => foldRegion(x, region));
  if (!v || typeof v !== 'object') return v;
  if ('Fn::Join' in v && v['Fn::Join'][0] === '') {
    const parts = [];
    for (const p of v['Fn::Join'][1].map((x) => (x && x.Ref === 'AWS::Region' && region ? region : foldRegion(x, region))))
      if (typeof p === 'string' && typeof parts[parts.length - 1] === 'string') parts[parts.length - 1] += p;
      else parts.push(p);
    return { 'Fn::Join': ['', parts] };
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, foldRegion(x, region)]));
}

// role name -> sorted list of "action @ resource" lines
function grants(template) {
  const region = template.Outputs && template.Outputs.ReplicaRegions ? template.Outputs.ReplicaRegions.Value.split(',')[0] : null;
  const out = {};
  for (const r of Object.values(template.Resources)) {
    if (r.Type !== 'AWS::IAM::Policy') continue;
    for (const role of r.Properties.Roles) {
      const lines = (out[role] = out[role] || []);
      for (const s of r.Properties.PolicyDocument.Statement) {
        assert.strictEqual(s.Effect, 'Allow');
        const actions = [].concat(s.Action);
        const resources = [].concat(s.Resource).map((x) => JSON.stringify(normalize(foldRegion(x, region), template)));
        for (const a of actions)
          for (const res of resources) {
            // TableV2's grantStreamRead allows ListStreams on the stream's ARN, the v1 Table's on
            // "*"; ddbsynth keeps "*" for both, which works whatever resource IAM evaluates.
            const listStreams = a === 'dynamodb:ListStreams' && /StreamArn/.test(res);
            lines.push(`${a} @ ${listStreams ? '"*"' : res}`);
          }
      }
    }
  }
  for (const k of Object.keys(out)) out[k] = [...new Set(out[k])].sort();
  return out;
}

function sortedStatements(doc, template) {
  return doc.Statement.map((s) => JSON.stringify(normalize({ ...s, Action: [].concat(s.Action).sort() }, template))).sort();
}

// Each scaled capacity: its ScalableTarget's properties and its ScalingPolicy's, but for the
// policy's name (the CDK derives one from the construct path), keyed by resource and dimension.
function scaling(template) {
  const out = {};
  for (const [id, r] of Object.entries(template.Resources)) {
    if (r.Type !== 'AWS::ApplicationAutoScaling::ScalableTarget') continue;
    const p = normalize(r.Properties, template);
    const policies = Object.values(template.Resources).filter((x) => x.Type === 'AWS::ApplicationAutoScaling::ScalingPolicy' &&
      x.Properties.ScalingTargetId && x.Properties.ScalingTargetId.Ref === id);
    assert.strictEqual(policies.length, 1, `expected one scaling policy on ${id}`);
    const { PolicyName, ScalingTargetId, ...policy } = policies[0].Properties;
    assert.ok(typeof PolicyName === 'string' && PolicyName.length > 0, `scaling policy of ${id} has no name`);
    out[`${JSON.stringify(p.ResourceId)} ${p.ScalableDimension}`] = { target: p, policy: normalize(policy, template) };
  }
  const policyCount = Object.values(template.Resources).filter((x) => x.Type === 'AWS::ApplicationAutoScaling::ScalingPolicy').length;
  assert.strictEqual(policyCount, Object.keys(out).length, 'a scaling policy without its target');
  return out;
}

function compare(ours, real) {
  const t1 = tableOf(ours);
  const t2 = tableOf(real);
  assert.strictEqual(t1.Type, t2.Type, 'table resource type differs');
  let p1 = normalize(t1.Properties, ours);
  let p2 = normalize(t2.Properties, real);
  if (t1.Type === 'AWS::DynamoDB::GlobalTable') [p1, p2] = [globalProperties(p1, true), globalProperties(p2, false)];
  if (p1.ResourcePolicy) p1.ResourcePolicy.PolicyDocument.Statement = sortedStatements(t1.Properties.ResourcePolicy.PolicyDocument, ours);
  if (p2.ResourcePolicy) p2.ResourcePolicy.PolicyDocument.Statement = sortedStatements(t2.Properties.ResourcePolicy.PolicyDocument, real);
  assert.deepStrictEqual(p1, p2, 'table properties differ');
  assert.strictEqual(t1.DeletionPolicy, t2.DeletionPolicy, 'table DeletionPolicy differs');
  assert.strictEqual(t1.UpdateReplacePolicy, t2.UpdateReplacePolicy, 'table UpdateReplacePolicy differs');

  const k1 = only(ours, 'AWS::KMS::Key').Properties;
  const k2 = only(real, 'AWS::KMS::Key').Properties;
  assert.strictEqual(k1.EnableKeyRotation, k2.EnableKeyRotation, 'key rotation differs');
  assert.deepStrictEqual(sortedStatements(k1.KeyPolicy, ours), sortedStatements(k2.KeyPolicy, real), 'key policy differs');
  assert.deepStrictEqual(k1.Tags, k2.Tags, 'key tags differ');

  assert.deepStrictEqual(grants(ours), grants(real), 'granted actions differ');
  assert.deepStrictEqual(scaling(ours), scaling(real), 'autoscaling differs');

  for (const type of ['AWS::AppConfig::Application', 'AWS::AppConfig::Environment', 'AWS::AppConfig::DeploymentStrategy',
    'AWS::AppConfig::ConfigurationProfile', 'AWS::AppConfig::HostedConfigurationVersion', 'AWS::AppConfig::Deployment']) {
    assert.deepStrictEqual(normalize(only(ours, type).Properties, ours), normalize(only(real, type).Properties, real), `${type} differs`);
  }
}

function main() {
  const [binary, workdir, ...configs] = process.argv.slice(2);
  let failed = 0;
  for (const config of configs) {
    const name = path.basename(config);
    const dir = fs.mkdtempSync(path.join(workdir, 'cfn-'));
    try {
      execFileSync(binary, ['synth', config, '--target', 'cloudformation', '--out', path.join(dir, 'ours'), '--quiet']);
      // In this process: loading aws-cdk-lib once, not once a config, is most of the test's time.
      const { stackName: stack, text } = cdkTemplate(config);
      const ours = JSON.parse(fs.readFileSync(path.join(dir, 'ours', `${stack}.template.json`), 'utf8'));
      const real = JSON.parse(text);
      const specErrors = checkTemplate(ours);
      assert.deepStrictEqual(specErrors, [], 'template does not match the CloudFormation spec');
      compare(ours, real);
      console.log(`ok ${name}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${e.message}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`${configs.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
