// The AWS provider's resource schemas, as @cdktf/provider-aws describes them.
//
// The package is code generated from the provider's schema (`terraform providers schema -json`),
// and its jsii manifest (.jsii) keeps that schema in machine-readable form:
// - each resource or data source is a class whose docs say "Represents a {@link
//   .../docs/resources/<name> aws_<name>}" and whose constructor takes a `<Name>Config` interface;
// - each property of that interface is one argument or nested block: its docs link ends in
//   "#<terraform_name>", `optional` is absent for required ones, nested blocks are documented
//   as "<name> block." and typed with a struct (a single one when the block allows at most one);
// - the class's other properties (not `...Input`) are the attributes a reference may read.
'use strict';
const fs = require('fs');
const path = require('path');

const JSII = path.join(path.dirname(require.resolve('@cdktf/provider-aws/package.json')), '.jsii');

const snake = (camel) => camel.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

function tfName(prop) {
  const docs = `${prop.docs.summary || ''} ${prop.docs.remarks || ''}`;
  const m = docs.match(/#(\w+) \w+#\w+\}/);
  return m ? m[1] : snake(prop.name);
}

// The struct a property is typed with, if any, and whether it is a single one.
function structOf(type) {
  if (type.fqn && !type.fqn.startsWith('cdktf.')) return { fqn: type.fqn, single: true };
  if (type.collection) {
    const e = structOf(type.collection.elementtype);
    return e && { fqn: e.fqn, single: false };
  }
  if (type.union) for (const t of type.union.types) { const s = structOf(t); if (s) return s; }
  return null;
}

// Parsing the 130 MB manifest takes seconds, and many tests read the schema: the first reader
// keeps what the modules use (every class name, the types of these submodules) in a small file
// beside it. A type missing from that file loads the whole manifest, so the cache can only be slow.
const CACHED = /^(dynamodb|kms|appconfig|iam|appautoscaling|dataAws(Partition|CallerIdentity|Region)\b)/;

function parse(file) {
  const jsii = JSON.parse(fs.readFileSync(file, 'utf8'));
  const types = jsii.types;
  let version = (types[Object.keys(types)[0]].docs.summary || '').match(/aws\/(\d[\d.]*)\//)?.[1];
  const byName = {};  // "resource aws_x" / "data aws_x" -> class fqn
  for (const [fqn, t] of Object.entries(types)) {
    const m = t.kind === 'class' && (t.docs.summary || '').match(/^Represents a \{@link \S+\/docs\/(resources|data-sources)\/\S+ (\w+)\}/);
    if (!m) continue;
    byName[`${m[1] === 'resources' ? 'resource' : 'data'} ${m[2]}`] = fqn;
    if (!version) version = t.docs.summary.match(/hashicorp\/aws\/([\d.]+)\//)?.[1];
  }
  return { types, version, byName };
}

function load(file) {
  const stat = fs.statSync(file);
  const cache = path.join(path.dirname(file), `.ddbsynth-schema-${stat.size}-${Math.floor(stat.mtimeMs)}.json`);
  try {
    return { ...JSON.parse(fs.readFileSync(cache, 'utf8')), partial: true };
  } catch {
    const full = parse(file);
    const types = Object.fromEntries(Object.entries(full.types).filter(([fqn]) => CACHED.test(fqn.split('.')[1] || '')));
    const tmp = `${cache}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, JSON.stringify({ types, version: full.version, byName: full.byName }));
      fs.renameSync(tmp, cache);  // atomic: parallel tests read a whole file or none
    } catch {
      fs.rmSync(tmp, { force: true });  // a read-only node_modules: no cache, still correct
    }
    return { ...full, partial: false };
  }
}

class ProviderSchema {
  constructor(file = JSII) {
    this.file = file;
    const { types, version, byName, partial } = load(file);
    this.types = types;
    this.version = version;
    this.byName = byName;
    this.partial = partial;
    this.cache = {};
  }

  type(fqn) {
    if (!(fqn in this.types) && this.partial) {
      this.types = parse(this.file).types;
      this.partial = false;
    }
    return this.types[fqn];
  }

  // { args: {name: {required, block: null | {single, schema}}}, attributes: Set } or null.
  lookup(kind, type) {
    const key = `${kind} ${type}`;
    if (key in this.cache) return this.cache[key];
    const fqn = this.byName[key];
    let schema = null;
    if (fqn) {
      const cls = this.type(fqn);
      const config = cls.initializer.parameters.find((p) => p.name === 'config').type.fqn;
      schema = this.struct(config);
      schema.attributes = new Set(Object.keys(schema.args));
      for (const p of cls.properties || [])
        if (!p.static && !p.name.endsWith('Input')) schema.attributes.add(snake(p.name));
    }
    return (this.cache[key] = schema);
  }

  struct(fqn) {
    const args = {};
    const visit = (f) => {
      const t = this.type(f);
      for (const i of t.interfaces || []) if (!i.startsWith('cdktf.')) visit(i);
      for (const p of t.properties || []) {
        const s = structOf(p.type);
        const isBlock = s && / block\.$/.test(p.docs.summary || '');
        args[tfName(p)] = {
          required: !p.optional,
          block: isBlock ? { single: s.single, schema: this.struct(s.fqn) } : null,
        };
      }
    };
    visit(fqn);
    return { args };
  }
}

module.exports = { ProviderSchema };
