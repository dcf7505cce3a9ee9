// Checks `ddbsynth synth --target cdk-ts`: for every config, the constructs it writes compile
// with tsc against aws-cdk-lib (with the tsconfig they come with, strict), and synthesizing the
// table's app construct in a stack named cdk.stackName, with id cdk.constructId, gives the very
// template real aws-cdk-lib gives for the spec's tree (cdk-app.js), byte for byte. Each config
// gets a workspace of its own, the config inside it as the seed has it; one tsc run compiles all.
// usage: node cdk-ts-check.js DDBSYNTH WORKDIR CONFIG...
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { cdkTemplate } = require('./cdk-app');
const { readConfig } = require('./read-config');
const { isGlobal } = require('./cdk-app-v2');

const nodeModules = path.resolve(__dirname, '..', 'node_modules');
const constructsDir = path.join('packages', 'common', 'constructs');

function run(cmd, args, options) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return r;
}

// Writes workspace `ws` for `config`; returns what the check needs, or undefined when the CDK
// (and so ddbsynth) rejects the config.
function prepare(bin, workdir, ws, config) {
  let expected;
  try {
    expected = cdkTemplate(config);
  } catch {
    return undefined;
  }
  const dir = path.join(workdir, ws);
  const rel = path.join('packages', 'table', path.basename(config));
  fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
  fs.copyFileSync(config, path.join(dir, rel));
  run(bin, ['synth', rel, '--target', 'cdk-ts', '--out', '.', '--quiet'], { cwd: dir });
  const app = fs.readdirSync(path.join(dir, constructsDir, 'src', 'app', 'dynamodb'));
  if (app.length !== 1) throw new Error(`${ws}: expected one app construct, found ${app}`);
  const source = fs.readFileSync(path.join(dir, constructsDir, 'src', 'app', 'dynamodb', app[0]), 'utf8');
  const className = /export class (\w+) extends DynamoDB(?:Global)?Table/.exec(source)[1];
  return { config, dir, ws, className, cfg: readConfig(config), expected };
}

function synthesize(workdir, item) {
  const cdk = require(path.join(nodeModules, 'aws-cdk-lib'));
  const lib = require(path.join(workdir, 'dist', item.ws, constructsDir, 'src', 'index.js'));
  const outdir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'cdkts-'));
  const cwd = process.cwd();
  try {
    process.chdir(item.dir);  // the app construct finds its config from the workspace it runs in
    const app = new cdk.App({ outdir, analyticsReporting: false, context: { 'aws:cdk:enable-path-metadata': true } });
    // A global table's stack is bound to its region, as the spec's tree has it.
    const env = isGlobal(item.cfg) ? { env: { region: item.cfg.raw.tableConfig.region } } : undefined;
    const stack = new cdk.Stack(app, item.cfg.cdk.stackName, env);
    new lib[item.className](stack, item.cfg.cdk.constructId);
    const assembly = app.synth();
    const art = assembly.getStackByName(stack.stackName);
    return { stackName: stack.stackName, text: fs.readFileSync(path.join(assembly.directory, art.templateFile), 'utf8') };
  } finally {
    process.chdir(cwd);
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function main() {
  const [bin, workdirArg, ...configs] = process.argv.slice(2);
  const workdir = path.resolve(workdirArg, 'cdk-ts');
  fs.rmSync(workdir, { recursive: true, force: true });
  fs.mkdirSync(workdir, { recursive: true });
  fs.symlinkSync(nodeModules, path.join(workdir, 'node_modules'));
  const items = configs.map((c, i) => prepare(path.resolve(bin), workdir, `ws${i}`, path.resolve(c))).filter(Boolean);
  if (!items.length) throw new Error('no config to check');
  // One program for all workspaces, with the compiler options the constructs come with.
  fs.writeFileSync(path.join(workdir, 'tsconfig.json'), JSON.stringify({
    extends: `./${items[0].ws}/${constructsDir}/tsconfig.json`,
    compilerOptions: { rootDir: '.', outDir: 'dist' },
    include: items.map((it) => `${it.ws}/${constructsDir}/src`),
  }));
  run(process.execPath, [path.join(nodeModules, 'typescript', 'bin', 'tsc'), '-p', workdir]);
  console.log(`tsc: ${items.length} workspaces compile`);
  let failed = 0;
  for (const item of items) {
    const got = synthesize(workdir, item);
    const name = path.relative(process.cwd(), item.config);
    if (got.stackName !== item.expected.stackName || got.text !== item.expected.text) {
      failed++;
      console.log(`FAIL ${name}: the ${item.className} construct synthesizes a different template than the spec's tree`);
    } else {
      console.log(`ok   ${name}: ${item.className} -> ${got.stackName}.template.json, byte-equal`);
    }
  }
  process.exit(failed ? 1 : 0);
}

main();
