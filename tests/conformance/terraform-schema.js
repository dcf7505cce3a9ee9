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

class ProviderSchema {
  constructor(file = JSII) {
    const jsii = JSON.parse(fs.readFileSync(file, 'utf8'));
    this.types = jsii.types;
    this.version = (jsii.types[Object.keys(jsii.types)[0]].docs.summary || '').match(/aws\/(\d[\d.]*)\//)?.[1];
    this.byName = {};  // "resource aws_x" / "data aws_x" -> class fqn
    for (const [fqn, t] of Object.entries(jsii.types)) {
      const m = t.kind === 'class' && (t.docs.summary || '').match(/^Represents a \{@link \S+\/docs\/(resources|data-sources)\/\S+ (\w+)\}/);
      if (!m) continue;
      this.byName[`${m[1] === 'resources' ? 'resource' : 'data'} ${m[2]}`] = fqn;
      if (!this.version) this.version = t.docs.summary.match(/hashicorp\/aws\/([\d.]+)\//)?.[1];
    }
    this.cache = {};
  }

  // { args: {name: {required, block: null | {single, schema}}}, attributes: Set } or null.
  lookup(kind, type) {
    const key = `${kind} ${type}`;
    if (key in this.cache) return this.cache[key];
    const fqn = this.byName[key];
    let schema = null;
    if (fqn) {
      const cls = this.types[fqn];
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
      const t = this.types[f];
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
