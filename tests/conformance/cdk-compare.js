// Conformance of `ddbsynth synth --target cdk` with real aws-cdk-lib: for every config, the
// template ddbsynth writes must be byte-equal to the one `cdk synth` writes for the spec's
// construct tree (cdk-app.js), under the same file name. Where the CDK throws for a config,
// ddbsynth must reject it too (exit 2, a located "file:line:col: error:" message).
// A config named reject-*.json must be valid by the contract (`ddbsynth validate`) and be
// rejected by the cdk target itself, so that such a test cannot pass by a typo in the config.
// With --golden DIR, also requires DIR/<stack>.template.json (when present) to equal the CDK's.
// usage: node cdk-compare.js DDBSYNTH WORKDIR [--golden DIR] CONFIG...
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { cdkTemplate } = require('./cdk-app');

function firstDifference(a, b, where = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = firstDifference(a[k], b[k], `${where}/${k}`);
      if (d) return d;
    }
    return `${where}: key order differs: ${JSON.stringify(Object.keys(a))} vs ${JSON.stringify(Object.keys(b))}`;
  }
  return `${where}: ddbsynth ${JSON.stringify(a)} vs cdk ${JSON.stringify(b)}`;
}

function runDdbsynth(bin, config, outdir) {
  fs.rmSync(outdir, { recursive: true, force: true });
  return spawnSync(bin, ['synth', config, '--target', 'cdk', '--out', outdir, '--quiet'], { encoding: 'utf8' });
}

function compareOne(bin, workdir, golden, config) {
  const name = path.basename(config);
  const outdir = path.join(workdir, 'ddbsynth-cdk', name);
  const got = runDdbsynth(bin, config, outdir);
  let expected;
  try {
    expected = cdkTemplate(config);
  } catch (e) {
    const firstLine = String(e.message).split('\n')[0];
    if (got.status !== 2) return `cdk throws (${firstLine}) but ddbsynth exited ${got.status}`;
    if (!/^[^\n]+:\d+:\d+: error: /.test(got.stderr)) return `cdk throws, ddbsynth's message is not located: ${got.stderr}`;
    if (fs.existsSync(outdir) && fs.readdirSync(outdir).length) return 'ddbsynth rejected the config but wrote files';
    const valid = spawnSync(bin, ['validate', config], { encoding: 'utf8' }).status === 0;
    if (name.startsWith('reject-') && !valid) return `meant for the cdk target to reject, but invalid: ${got.stderr}`;
    return { ok: `both reject (${valid ? 'cdk target' : 'config validation'}): ${got.stderr.trim()}` };
  }
  if (name.startsWith('reject-')) return 'meant to be rejected, but cdk synthesizes it';
  if (got.status !== 0) return `ddbsynth exited ${got.status}: ${got.stderr}`;
  const files = fs.readdirSync(outdir);
  const want = `${expected.stackName}.template.json`;
  if (files.length !== 1 || files[0] !== want) return `ddbsynth wrote ${JSON.stringify(files)}, cdk writes ${want}`;
  const text = fs.readFileSync(path.join(outdir, want), 'utf8');
  if (text !== expected.text) {
    const jsonDiff = firstDifference(JSON.parse(text), JSON.parse(expected.text));
    return `${want} differs from cdk synth: ${jsonDiff || 'JSON-equal, bytes differ'}`;
  }
  if (golden && fs.existsSync(path.join(golden, want)) && fs.readFileSync(path.join(golden, want), 'utf8') !== expected.text)
    return `golden ${want} differs from cdk synth`;
  return { ok: want };
}

function main() {
  const args = process.argv.slice(2);
  const [bin, workdir] = args.splice(0, 2);
  let golden;
  if (args[0] === '--golden') golden = args.splice(0, 2)[1];
  let failed = 0;
  for (const config of args) {
    const r = compareOne(bin, workdir, golden, config);
    if (typeof r === 'string') {
      failed++;
      console.log(`FAIL ${config}: ${r}`);
    } else {
      console.log(`ok   ${config}: ${r.ok}`);
    }
  }
  console.log(`${args.length - failed}/${args.length} configs conform`);
  process.exit(failed ? 1 : 0);
}

main();
