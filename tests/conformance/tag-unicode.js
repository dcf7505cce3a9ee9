// ddbsynth's tag rules against the tools they must agree with (issue 13), through tag_probe:
//  1. AWS's tag pattern ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$ as JavaScript's Unicode regex reads it,
//     for every code point. ddbsynth takes its classes from the ICU it is built with; where that
//     ICU's Unicode is older than Node's, the characters it does not know yet are refused, and
//     only they may differ. Anything else is a failure.
//  2. The order real aws-cdk-lib's TagManager renders tags in (localeCompare in Node, stable
//     from the object's key order), for every code point the pattern allows as a one-character
//     key and for seeded random keys from many scripts, cases, accents, digits and symbols.
// usage: node tag-unicode.js TAG_PROBE
'use strict';
const { spawnSync } = require('child_process');
const cdk = require('aws-cdk-lib');

const probe = process.argv[2];
function run(args, input) {
  const r = spawnSync(probe, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`tag_probe ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

const versions = JSON.parse(run(['version']));
const collator = new Intl.Collator().resolvedOptions();
console.log(`ddbsynth: ICU ${versions.icu} (Unicode ${versions.unicode}); Node ${process.version}: ICU ${process.versions.icu} ` +
  `(Unicode ${process.versions.unicode}), default collation locale ${collator.locale}`);
let failed = 0;
function fail(msg) {
  failed++;
  console.log(`FAIL ${msg}`);
}
const hex = (s) => [...s].map((c) => 'U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')).join(' ');

// 1. The pattern.
const pattern = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const classes = run(['classify']);
if (classes.length !== 0x110000) throw new Error(`classify wrote ${classes.length} characters`);
const allowed = [];
let unknown = 0;
for (let c = 0; c <= 0x10ffff; c++) {
  const ours = classes[c];
  if (ours === '-') {
    if (c < 0xd800 || c > 0xdfff) unknown += pattern.test(String.fromCodePoint(c));
    continue;
  }
  const js = pattern.test(String.fromCodePoint(c));
  if (js !== (ours === '1')) fail(`${hex(String.fromCodePoint(c))}: JavaScript ${js ? 'allows' : 'refuses'} it, ddbsynth does not`);
  if (ours === '1') allowed.push(String.fromCodePoint(c));
}
console.log(`pattern: ${allowed.length} code points allowed, as JavaScript's regex; ${unknown} more that Node's ` +
  `Unicode ${process.versions.unicode} allows are unassigned in ICU ${versions.icu}'s Unicode ${versions.unicode}, refused`);
for (const c of [' ', '\u00a0', '\u3000', '\u2028', '\u2029', 'é', 'Ω', 'ж', '注', 'ア', 'ع', '٣', '𝐀', '_', '@'])
  if (!allowed.includes(c)) fail(`${hex(c)} must be allowed`);
for (const c of ['\t', '\n', '\r', '\u000b', '\u000c', '\u0085', '\u200b', '\u0301', '*', '$', '\ufeff'])
  if (classes[c.codePointAt(0)] !== '0') fail(`${hex(c)} must be refused`);

// 2. The order: real aws-cdk-lib's TagManager, the keys set in the config object's key order.
function cdkOrder(keys) {
  const tags = {};
  for (const k of keys) tags[k] = 'v';
  const manager = new cdk.TagManager(cdk.TagType.STANDARD, 'AWS::DynamoDB::Table');
  for (const [k, v] of Object.entries(tags)) manager.setTag(k, v);
  return manager.renderTags().map((t) => t.key);
}
function compareOrder(what, list) {
  const keys = [...new Set(list)];
  const want = cdkOrder(keys);
  const got = JSON.parse(run(['sort'], JSON.stringify(keys)));
  for (let i = 0; i < Math.max(want.length, got.length); i++)
    if (want[i] !== got[i]) {
      fail(`${what}: position ${i}: cdk ${JSON.stringify(want[i])} (${hex(want[i] || '')}), ` +
        `ddbsynth ${JSON.stringify(got[i])} (${hex(got[i] || '')})`);
      return;
    }
  console.log(`order: ${what}: ${keys.length} keys as aws-cdk-lib orders them`);
}

let seed = 20261201;  // mulberry32: the same keys on every run
function random(n) {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
}
function shuffled(a) {
  const out = a.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// ICU 76 (Unicode 16, CLDR 46) changed the root order of Han ideographs (those with simplified
// radicals), of Bopomofo and of many numbers that are not decimal digits: where one ICU is older
// than 76 and the other is not, those characters cannot agree and are left out here (the CDK's
// order for them depends on the ICU of the Node that runs it). Everything else must agree.
const major = (v) => Number(v.split('.')[0]);
const straddle = (major(versions.icu) < 76) !== (major(process.versions.icu) < 76);
const drift = /^[\p{Ideographic}\p{Script=Bopomofo}\p{No}\p{Nl}]$/u;
const stable = straddle ? allowed.filter((c) => !drift.test(c)) : allowed;
if (straddle) console.log(`order: ICU ${versions.icu} and ${process.versions.icu} straddle ICU 76; ` +
  `${allowed.length - stable.length} ideographs, Bopomofo and non-decimal numbers left out`);
compareOrder('every allowed code point, shuffled', shuffled(stable));

// Keys a user writes: scripts, cases and accents, digits of several scripts (which the collator
// holds equal to ASCII's), separators and AWS's symbols; some keys that differ only in case,
// accent or the kind of space or digit, and integer-like keys (JavaScript enumerates them first).
const alphabet = [...'aAbBeEéÉèêëoOöÖøØåÅßzZ' + 'ıİiI' + 'ΑαΒβΩωάΆ' + 'ЖжЁёЯяЙй' + '注文チームあアｱ漢字한국' +
  'عربيةٱ' + 'अआक' + '0123456789٠١٢३๓１𝟏' + ' \u00a0\u3000\u2002' + '_.:/=+-@' + '\u212b𝐀ﬁ'];
const words = ['owner', 'Owner', 'OWNER', 'équipe', 'equipe', 'Équipe', 'chef', 'Chef', 'côte', 'coté', 'cote', 'côté',
  'チーム', 'ちーむ', 'ﾁｰﾑ', '注文', 'Ωmega', 'ωmega', 'Жук', 'жук', 'فريق', '1', '١', '１', '10', '2', '02', '-1',
  '4294967294', '4294967295', 'a b', 'a\u00a0b', 'a\u3000b', 'a_b', 'a-b', 'a.b', 'a:b', 'a/b', 'a=b', 'a+b', 'a@b',
  '\u212b', '\u00c5', '\u{1d400}'];
compareOrder('words that differ by case, accent, script, digit and space', shuffled(words));
for (let round = 0; round < 200; round++) {
  const keys = new Set();
  while (keys.size < 50) {
    let k = random(4) === 0 ? words[random(words.length)] : '';
    for (let n = 1 + random(6); n > 0; n--) k += alphabet[random(alphabet.length)];
    keys.add(random(8) === 0 ? String(random(30)) : k);
  }
  compareOrder(`random keys, round ${round}`, [...keys]);
  if (failed) break;
}
console.log(failed ? `${failed} failures` : 'all agree');
process.exit(failed ? 1 : 0);
