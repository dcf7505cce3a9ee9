// Reads a generated Terraform module (native *.tf through HashiCorp's HCL parser, or
// *.tf.json), checks it against the provider schema, and evaluates it with the variables'
// defaults: the shape the other checks compare.
'use strict';
const fs = require('fs');
const path = require('path');
const { parse } = require('@cdktf/hcl2json');
const { Evaluator } = require('./terraform-eval');

// hashicorp/random is not in @cdktf/provider-aws; its one resource used here, as the
// provider's documentation (3.x) lists it.
const RANDOM_STRING = {
  args: Object.fromEntries(
    ['keepers', 'lower', 'min_lower', 'min_numeric', 'min_special', 'min_upper', 'number', 'numeric',
      'override_special', 'special', 'upper'].map((a) => [a, { required: false, block: null }])
      .concat([['length', { required: true, block: null }]])),
  attributes: new Set(['id', 'result', 'length', 'keepers', 'lower', 'numeric', 'special', 'upper']),
};

const LABELS = { resource: 2, data: 2, variable: 1, output: 1, terraform: 0, locals: 0 };
const RESOURCE_META = new Set(['count', 'for_each', 'provider', 'depends_on']);
const LIFECYCLE = new Set(['create_before_destroy', 'prevent_destroy', 'ignore_changes', 'replace_triggered_by',
  'precondition', 'postcondition']);
const VARIABLE = { args: new Set(['description', 'type', 'default', 'sensitive', 'nullable']), blocks: new Set(['validation']) };
const OUTPUT = new Set(['description', 'value', 'sensitive', 'depends_on']);
// Values Terraform JSON reads as literals, not templates.
const JSON_LITERAL = { variable: new Set(['default', 'description', 'type', 'sensitive', 'nullable']) };

// Symbols for the attributes the comparison with CloudFormation needs to line up.
const SYMBOLS = {
  'data.aws_partition.current.partition': '{partition}',
  'data.aws_caller_identity.current.account_id': '{account}',
  'aws_dynamodb_table.table.name': '{table.name}',
  'aws_dynamodb_table.table.arn': '{table.arn}',
  'aws_dynamodb_table.table.stream_arn': '{table.stream_arn}',
  'aws_kms_key.table.arn': '{key.arn}',
  'aws_appconfig_application.runtime_config.id': '{app.id}',
  'aws_appconfig_application.runtime_config.arn': 'arn:{partition}:appconfig:{region}:{account}:application/{app.id}',
  'random_string.table_name.result': '{random}',
};

const one = (x, what) => {
  if (!Array.isArray(x)) return x;
  if (x.length !== 1) throw new Error(`${what} is defined ${x.length} times`);
  return x[0];
};

// Files of the module merged into {resource: {type: {name: body}}, data: ..., variable: {name:
// body}, output: ..., terraform: body, locals: body}.
async function readModule(dir, format) {
  const files = fs.readdirSync(dir).filter((f) => (format === 'json' ? f.endsWith('.tf.json') : f.endsWith('.tf'))).sort();
  const tree = { resource: {}, data: {}, variable: {}, output: {}, terraform: {}, locals: {} };
  const sources = {};
  const put = (into, key, body, where) => {
    if (key in into) throw new Error(`${where} is defined twice`);
    into[key] = body;
  };
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    sources[f] = text;
    const doc = format === 'json' ? JSON.parse(text) : await parse(f, text);
    delete doc['//'];
    for (const [kind, v] of Object.entries(doc)) {
      if (!(kind in LABELS)) throw new Error(`${f}: unexpected top-level ${kind}`);
      if (LABELS[kind] === 2)
        for (const [type, byName] of Object.entries(v))
          for (const [name, body] of Object.entries(byName))
            put((tree[kind][type] = tree[kind][type] || {}), name, one(body, `${kind}.${type}.${name}`), `${kind}.${type}.${name}`);
      else if (LABELS[kind] === 1)
        for (const [name, body] of Object.entries(v)) put(tree[kind], name, one(body, `${kind}.${name}`), `${kind}.${name}`);
      else
        for (const body of blocks(v)) for (const [k, x] of Object.entries(body)) put(tree[kind], k, x, `${kind}.${k}`);
    }
  }
  return { tree, sources, files };
}

// Nested blocks as arrays of bodies (Terraform JSON allows one object for a single block).
const blocks = (v) => (Array.isArray(v) ? v : [v]);

function schemaFor(providers, kind, type) {
  if (kind === 'resource' && type === 'random_string') return RANDOM_STRING;
  return providers.lookup(kind, type);
}

// Errors in arguments and blocks of one resource or data source body, against its schema.
function checkBody(body, schema, where, errors, resourceLevel) {
  for (const [k, v] of Object.entries(body)) {
    if (resourceLevel && RESOURCE_META.has(k)) continue;
    if (resourceLevel && k === 'lifecycle') {
      for (const b of blocks(v)) for (const x of Object.keys(b)) if (!LIFECYCLE.has(x)) errors.push(`${where}: lifecycle has no ${x}`);
      continue;
    }
    const arg = schema.args[k];
    if (!arg) {
      errors.push(`${where}: unknown argument or block ${k}`);
      continue;
    }
    if (!arg.block) continue;
    const bs = blocks(v);
    if (arg.block.single && bs.length > 1) errors.push(`${where}: at most one ${k} block, found ${bs.length}`);
    bs.forEach((b, i) => {
      if (!b || typeof b !== 'object' || Array.isArray(b)) errors.push(`${where}: ${k} is not a block`);
      else checkBody(b, arg.block.schema, `${where}.${k}[${i}]`, errors, false);
    });
  }
  for (const [k, arg] of Object.entries(schema.args))
    if (arg.required && (!(k in body) || body[k] === null)) errors.push(`${where}: required ${arg.block ? 'block' : 'argument'} ${k} is missing`);
}

// In native syntax, a block written as an argument (`attribute = [...]`) or an argument as a
// block (`tags { }`) parses to the same JSON; the source tells them apart.
function checkSyntaxForms(source, schema, errors, where) {
  for (const [k, arg] of Object.entries(schema.args)) {
    // The body's own lines are indented by two spaces (terraform fmt); deeper ones belong to
    // nested blocks, whose arguments may share a name with a block here (replica's
    // point_in_time_recovery).
    const asArg = new RegExp(`^ {2}${k}\\s*=`, 'm').test(source);
    const asBlock = new RegExp(`^ {2}${k}\\s*\\{`, 'm').test(source);
    if (arg.block && asArg) errors.push(`${where}: ${k} is a block but written as an argument`);
    if (!arg.block && asBlock) errors.push(`${where}: ${k} is an argument but written as a block`);
  }
}

function checkModule(mod, providers, format) {
  const errors = [];
  const t = mod.tree;
  for (const kind of ['resource', 'data'])
    for (const [type, byName] of Object.entries(t[kind] || {})) {
      const schema = schemaFor(providers, kind, type);
      if (!schema) {
        errors.push(`${kind} type ${type} does not exist in the provider`);
        continue;
      }
      for (const [name, body] of Object.entries(byName)) {
        checkBody(body, schema, `${kind}.${type}.${name}`, errors, true);
        if (format === 'hcl') {
          const src = Object.values(mod.sources).join('\n');
          const start = src.indexOf(`${kind} "${type}" "${name}"`);
          const end = src.indexOf('\n}\n', start);
          checkSyntaxForms(src.slice(start, end), schema, errors, `${kind}.${type}.${name}`);
        }
      }
    }
  for (const [name, v] of Object.entries(t.variable || {}))
    for (const k of Object.keys(v))
      if (!VARIABLE.args.has(k) && !VARIABLE.blocks.has(k)) errors.push(`variable ${name}: unknown ${k}`);
  for (const [name, v] of Object.entries(t.output || {})) {
    for (const k of Object.keys(v)) if (!OUTPUT.has(k)) errors.push(`output ${name}: unknown ${k}`);
    if (!('value' in v)) errors.push(`output ${name}: no value`);
  }
  return errors;
}

// The module with every expression evaluated: variables at their defaults, references to
// resources as symbols (SYMBOLS, else "{address}"), each checked to exist.
async function evaluateModule(mod, providers, format) {
  const t = mod.tree;
  const vars = {};
  const literal = (kind, k) => format === 'json' && JSON_LITERAL[kind] && JSON_LITERAL[kind].has(k);
  const ev = new Evaluator(resolve);
  const locals = {};
  const localSrc = t.locals;

  async function resolve(seg) {
    const [head, ...rest] = seg;
    if (head === 'var') {
      if (!(rest[0] in vars)) throw new Error(`undeclared variable var.${rest[0]}`);
      return vars[rest[0]];
    }
    if (head === 'local') {
      if (!(rest[0] in localSrc)) throw new Error(`undeclared local.${rest[0]}`);
      if (!(rest[0] in locals)) locals[rest[0]] = await ev.value(localSrc[rest[0]]);
      return locals[rest[0]];
    }
    // A condition's `self` (lifecycle pre/postconditions), a for_each's `each`: symbols, checked
    // where they matter.
    if (head === 'self' || head === 'each') return `{${seg.join('.')}}`;
    const [kind, type, name, attr] = head === 'data' ? seg : ['resource', ...seg];
    if (seg.length !== (kind === 'data' ? 4 : 3)) throw new Error(`unsupported reference ${seg.join('.')}`);
    if (!t[kind] || !t[kind][type] || !t[kind][type][name]) throw new Error(`reference to undeclared ${seg.slice(0, -1).join('.')}`);
    const schema = schemaFor(providers, kind, type);
    if (!schema.attributes.has(attr)) throw new Error(`${type} has no attribute ${attr} (in ${seg.join('.')})`);
    const address = seg.join('.');
    return SYMBOLS[address] || `{${address}}`;
  }

  const out = { variable: {}, output: {}, resource: {}, data: {}, locals: {} };
  // Literal in both syntaxes; nested required_providers as one block.
  out.terraform = { ...t.terraform, required_providers: blocks(t.terraform.required_providers || []) };
  for (const [name, v] of Object.entries(t.variable || {})) {
    const body = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'validation') continue;
      body[k] = literal('variable', k) ? x : k === 'type' ? x : await ev.value(x);
    }
    body.type = String(body.type).replace(/^\$\{(.*)\}$/, '$1');
    vars[name] = body.default === undefined ? null : body.default;
    out.variable[name] = body;
  }
  for (const [name, v] of Object.entries(t.variable || {}))
    if (v.validation)
      out.variable[name].validation = await Promise.all(blocks(v.validation).map((b) => ev.value(b)));
  for (const name of Object.keys(localSrc)) out.locals[name] = await resolve(['local', name]);
  for (const kind of ['resource', 'data'])
    for (const [type, byName] of Object.entries(t[kind] || {})) {
      out[kind][type] = {};
      const schema = schemaFor(providers, kind, type);
      for (const [name, body] of Object.entries(byName)) out[kind][type][name] = await evalBody(ev, body, schema, true);
    }
  for (const [name, v] of Object.entries(t.output || {})) out.output[name] = await ev.value(v);
  return out;
}

// A lifecycle block. ignore_changes names attributes: bare traversals in native syntax (which the
// parser gives as "${a}" strings), plain strings in Terraform JSON; both become the names. Its
// pre/postconditions are blocks (an object or a list of them in JSON).
async function evalLifecycle(ev, body) {
  const out = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === 'ignore_changes') continue;
    out[k] = /condition$/.test(k) ? await Promise.all(blocks(v).map((b) => ev.value(b))) : await ev.value(v);
  }
  const ignored = body.ignore_changes;
  if (ignored === undefined) return out;
  if (!Array.isArray(ignored)) throw new Error(`ignore_changes is not a list of attribute names: ${ignored}`);
  out.ignore_changes = ignored.map((x) => String(x).replace(/^\$\{(.*)\}$/, '$1'));
  for (const n of out.ignore_changes) if (!/^[a-z_]+$/.test(n)) throw new Error(`ignore_changes names no attribute: ${n}`);
  return out;
}

// Block bodies keep their shape, nested blocks (per the schema) as arrays, values evaluated.
async function evalBody(ev, body, schema, resourceLevel) {
  const out = {};
  for (const [k, v] of Object.entries(body)) {
    const arg = schema.args[k];
    if (resourceLevel && k === 'lifecycle') out[k] = await Promise.all(blocks(v).map((b) => evalLifecycle(ev, b)));
    else if (arg && arg.block) out[k] = await Promise.all(blocks(v).map((b) => evalBody(ev, b, arg.block.schema, false)));
    else out[k] = await ev.value(v);
  }
  return out;
}

module.exports = { readModule, checkModule, evaluateModule, SYMBOLS };
