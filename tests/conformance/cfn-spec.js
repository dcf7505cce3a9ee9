// Loads the CloudFormation resource specification shipped by @aws-cdk/aws-service-spec and checks
// a template against it: resource types, property names and types, required properties, and
// Ref / Fn::GetAtt targets. Used by the cloudformation and cdk conformance tests.
'use strict';
const fs = require('fs');
const zlib = require('zlib');

let cache;
function spec() {
  if (cache) return cache;
  const file = require.resolve('@aws-cdk/aws-service-spec/db.json.gz');
  const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)));
  const resources = new Map(db.schema.resource.entities.map((r) => [r.cloudFormationType, r]));
  const types = new Map(db.schema.typeDefinition.entities.map((t) => [t.$id, t]));
  cache = { resources, types };
  return cache;
}

const PSEUDO = new Set(['AWS::AccountId', 'AWS::Partition', 'AWS::Region', 'AWS::StackName', 'AWS::StackId',
  'AWS::URLSuffix', 'AWS::NoValue', 'AWS::NotificationARNs']);

function checkTemplate(template) {
  const { resources, types } = spec();
  const errors = [];
  const logicalIds = new Set(Object.keys(template.Resources || {}));
  const params = new Set(Object.keys(template.Parameters || {}));

  function intrinsic(v, where) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    const keys = Object.keys(v);
    if (keys.length !== 1) return false;
    const k = keys[0];
    if (k === 'Ref') {
      if (!logicalIds.has(v.Ref) && !params.has(v.Ref) && !PSEUDO.has(v.Ref)) errors.push(`${where}: Ref to unknown ${v.Ref}`);
      return true;
    }
    if (k === 'Fn::GetAtt') {
      const [id, attr] = v[k];
      const target = template.Resources[id];
      if (!target) errors.push(`${where}: GetAtt of unknown resource ${id}`);
      else {
        const def = resources.get(target.Type);
        if (def && !(attr in (def.attributes || {}))) errors.push(`${where}: ${target.Type} has no attribute ${attr}`);
      }
      return true;
    }
    if (k === 'Fn::Join') {
      const [sep, parts] = v[k];
      if (typeof sep !== 'string' || !Array.isArray(parts)) errors.push(`${where}: malformed Fn::Join`);
      else parts.forEach((p, i) => { if (typeof p !== 'string') value(p, { type: 'string' }, `${where}/Fn::Join[${i}]`); });
      return true;
    }
    if (k.startsWith('Fn::') || k === 'Condition') {
      walkIntrinsics(v[k], where);
      return true;
    }
    return false;
  }

  function walkIntrinsics(v, where) {
    if (Array.isArray(v)) v.forEach((x, i) => walkIntrinsics(x, `${where}[${i}]`));
    else if (v && typeof v === 'object') { if (!intrinsic(v, where)) for (const [k, x] of Object.entries(v)) walkIntrinsics(x, `${where}/${k}`); }
  }

  function value(v, type, where) {
    if (intrinsic(v, where)) return;
    switch (type.type) {
      case 'string': case 'date-time':
        if (typeof v !== 'string') errors.push(`${where}: expected string, got ${JSON.stringify(v)}`); break;
      case 'integer':
        if (!Number.isInteger(v)) errors.push(`${where}: expected integer, got ${JSON.stringify(v)}`); break;
      case 'number':
        if (typeof v !== 'number') errors.push(`${where}: expected number, got ${JSON.stringify(v)}`); break;
      case 'boolean':
        if (typeof v !== 'boolean') errors.push(`${where}: expected boolean, got ${JSON.stringify(v)}`); break;
      case 'json':
        if (typeof v !== 'object' || v === null) errors.push(`${where}: expected JSON object`);
        else walkIntrinsics(v, where);
        break;
      case 'tag':
        if (!v || typeof v.Key !== 'string' || typeof v.Value !== 'string' || Object.keys(v).length !== 2)
          errors.push(`${where}: expected {Key, Value}`);
        break;
      case 'array':
        if (!Array.isArray(v)) errors.push(`${where}: expected array`);
        else v.forEach((x, i) => value(x, type.element, `${where}[${i}]`));
        break;
      case 'map':
        if (!v || typeof v !== 'object' || Array.isArray(v)) errors.push(`${where}: expected map`);
        else for (const [k, x] of Object.entries(v)) value(x, type.element, `${where}/${k}`);
        break;
      case 'union': {
        const before = errors.length;
        const ok = type.types.some((t) => { const n = errors.length; value(v, t, where); const good = errors.length === n; errors.length = n; return good; });
        errors.length = before;
        if (!ok) errors.push(`${where}: matches none of ${type.types.map((t) => t.type).join('|')}`);
        break;
      }
      case 'ref': properties(v, types.get(type.reference.$ref).properties || {}, where); break;
      default: errors.push(`${where}: unhandled spec type ${type.type}`);
    }
  }

  function properties(obj, props, where) {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) { errors.push(`${where}: expected object`); return; }
    for (const [k, v] of Object.entries(obj)) {
      if (!(k in props)) errors.push(`${where}: unknown property ${k}`);
      else value(v, props[k].type, `${where}/${k}`);
    }
    for (const [k, p] of Object.entries(props)) if (p.required && !(k in obj)) errors.push(`${where}: missing required property ${k}`);
  }

  for (const [id, r] of Object.entries(template.Resources || {})) {
    const def = resources.get(r.Type);
    if (!def) { errors.push(`${id}: unknown resource type ${r.Type}`); continue; }
    properties(r.Properties || {}, def.properties, `${id}(${r.Type})`);
    for (const k of Object.keys(r)) if (!['Type', 'Properties', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'DependsOn', 'Condition'].includes(k)) errors.push(`${id}: unknown resource attribute ${k}`);
    for (const k of ['DeletionPolicy', 'UpdateReplacePolicy']) if (k in r && !['Retain', 'Delete', 'Snapshot', 'RetainExceptOnCreate'].includes(r[k])) errors.push(`${id}: bad ${k} ${r[k]}`);
  }
  for (const [id, o] of Object.entries(template.Outputs || {})) walkIntrinsics(o.Value, `Outputs/${id}`);
  for (const k of Object.keys(template)) if (!['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs'].includes(k)) errors.push(`unknown template section ${k}`);
  if (!template.Resources || Object.keys(template.Resources).length === 0) errors.push('template has no resources');
  return errors;
}

module.exports = { checkTemplate };

// usage: node cfn-spec.js TEMPLATE.json...
if (require.main === module) {
  let bad = 0;
  for (const f of process.argv.slice(2)) {
    const errors = checkTemplate(JSON.parse(fs.readFileSync(f, 'utf8')));
    for (const e of errors) console.error(`${f}: ${e}`);
    bad += errors.length;
  }
  process.exit(bad ? 1 : 0);
}
