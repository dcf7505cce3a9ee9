// The JSON Schema of the config must accept every valid config (fixtures, examples) and reject
// each of the invalid configs in tests/schema-invalid/, agreeing with `ddbsynth validate`.
// usage: node schema-check.js DDBSYNTH
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const Ajv2020 = require('ajv/dist/2020');

const root = path.resolve(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'config.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, unicodeRegExp: true, allowUnionTypes: true, strictTuples: false, strictRequired: false });
const validate = ajv.compile(schema);

const binary = process.argv[2];
const list = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
let failed = 0, passed = 0;
function check(file, expectValid) {
  const ok = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
  const cli = spawnSync(binary, ['validate', file]).status === 0;
  if (ok === expectValid && cli === expectValid) { passed++; return; }
  failed++;
  console.log(`FAIL ${path.relative(root, file)}: schema ${ok ? 'accepts' : 'rejects'}, ddbsynth ${cli ? 'accepts' : 'rejects'}, expected ${expectValid ? 'valid' : 'invalid'}`);
  if (!ok) console.log(JSON.stringify(validate.errors, null, 1));
}
// fixtures/round2 holds the round-2 configs until they join fixtures/configs.
const round2 = path.join(root, 'fixtures', 'round2');
const valid = [...list(path.join(root, 'fixtures', 'configs')), ...list(path.join(root, 'examples'))];
if (fs.existsSync(round2)) valid.push(...list(round2));
for (const f of valid) check(f, true);
for (const f of list(path.join(__dirname, '..', 'schema-invalid'))) check(f, false);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
