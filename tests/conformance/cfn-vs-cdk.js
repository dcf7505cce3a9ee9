// Checks that ddbsynth's cloudformation target says what real aws-cdk-lib says for the same config:
// every table property, the key's rotation and policy, each role's granted actions per resource,
// and the runtime config in AppConfig. Logical IDs differ by design and are normalized away.
// usage: node cfn-vs-cdk.js DDBSYNTH_BINARY WORKDIR CONFIG.json...
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const assert = require('assert');
const { readConfig } = require('./read-config');
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

// role name -> sorted list of "action @ resource" lines
function grants(template) {
  const out = {};
  for (const r of Object.values(template.Resources)) {
    if (r.Type !== 'AWS::IAM::Policy') continue;
    for (const role of r.Properties.Roles) {
      const lines = (out[role] = out[role] || []);
      for (const s of r.Properties.PolicyDocument.Statement) {
        assert.strictEqual(s.Effect, 'Allow');
        const actions = [].concat(s.Action);
        const resources = [].concat(s.Resource).map((x) => JSON.stringify(normalize(x, template)));
        for (const a of actions) for (const res of resources) lines.push(`${a} @ ${res}`);
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
  const t1 = only(ours, 'AWS::DynamoDB::Table');
  const t2 = only(real, 'AWS::DynamoDB::Table');
  const p1 = normalize(t1.Properties, ours);
  const p2 = normalize(t2.Properties, real);
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
      execFileSync(process.execPath, [path.join(__dirname, 'cdk-app.js'), path.join(dir, 'real'), config]);
      const stack = readConfig(config).cdk.stackName;
      const ours = JSON.parse(fs.readFileSync(path.join(dir, 'ours', `${stack}.template.json`), 'utf8'));
      const real = JSON.parse(fs.readFileSync(path.join(dir, 'real', `${stack}.template.json`), 'utf8'));
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
