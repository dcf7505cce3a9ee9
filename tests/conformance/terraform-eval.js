// Evaluates the strings of a Terraform configuration as Terraform would: every string is a
// template (`$${` and `%%{` escapes, `${ expr }` interpolations), and every expression is parsed
// by HashiCorp's HCL parser (@cdktf/hcl2json's getExpressionAst) and evaluated here for the
// handful of constructs generated modules use. References to resources become symbols.
//
// HCL normalizes string literals to Unicode NFC; so does this evaluator, so a string that
// would not survive Terraform does not survive here either.
'use strict';
const { getExpressionAst } = require('@cdktf/hcl2json');

// Splits a template string into literal text and interpolated expression sources.
function splitTemplate(s) {
  const parts = [];
  let lit = '';
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('$${', i) || s.startsWith('%%{', i)) {
      lit += s[i] + '{';
      i += 3;
    } else if (s.startsWith('${', i)) {
      const end = skipExpression(s, i + 2);
      if (lit) parts.push({ lit });
      lit = '';
      parts.push({ expr: s.slice(i + 2, end) });
      i = end + 1;
    } else if (s.startsWith('%{', i)) {
      throw new Error(`template directive in ${JSON.stringify(s)}`);
    } else {
      lit += s[i++];
    }
  }
  if (lit || parts.length === 0) parts.push({ lit });
  return parts;
}

// Index of the `}` closing an interpolation whose expression starts at i.
function skipExpression(s, i) {
  let depth = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '"') {
      i = skipQuoted(s, i + 1);
      continue;
    }
    if ('{(['.includes(c)) depth++;
    if ('})]'.includes(c)) {
      if (depth === 0) return i;
      depth--;
    }
    i++;
  }
  throw new Error(`unterminated interpolation in ${JSON.stringify(s)}`);
}

function skipQuoted(s, i) {
  while (i < s.length) {
    if (s[i] === '\\') i += 2;
    else if (s[i] === '"') return i + 1;
    else if (s.startsWith('$${', i) || s.startsWith('%%{', i)) i += 3;
    else if (s.startsWith('${', i) || s.startsWith('%{', i)) i = skipExpression(s, i + 2) + 1;
    else i++;
  }
  throw new Error(`unterminated string in ${JSON.stringify(s)}`);
}

// The text of a native-syntax quoted literal (escapes as written) as a string.
function decodeLiteral(raw) {
  let out = '';
  for (let i = 0; i < raw.length; ) {
    const c = raw[i];
    if (c === '\\') {
      const e = raw[i + 1];
      const simple = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' }[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (e === 'u' || e === 'U') {
        const n = e === 'u' ? 4 : 8;
        out += String.fromCodePoint(parseInt(raw.slice(i + 2, i + 2 + n), 16));
        i += 2 + n;
      } else {
        throw new Error(`invalid escape \\${e} in ${JSON.stringify(raw)}`);
      }
    } else if (raw.startsWith('$${', i) || raw.startsWith('%%{', i)) {
      out += c + '{';
      i += 3;
    } else {
      out += c;
      i++;
    }
  }
  return out.normalize('NFC');
}

// Terraform's jsonencode: object attributes in lexical order, <>& escaped as Go does.
function jsonencode(v) {
  const sorted = (x) =>
    Array.isArray(x) ? x.map(sorted)
    : x && typeof x === 'object' ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted(x[k])]))
    : x;
  return JSON.stringify(sorted(v)).replace(/[<>&]/g, (c) => '\\u00' + c.charCodeAt(0).toString(16));
}

const FUNCTIONS = {
  jsonencode: (v) => jsonencode(v),
  jsondecode: (s) => JSON.parse(s),
  coalesce: (...xs) => {
    const v = xs.find((x) => x !== null && x !== '');
    if (v === undefined) throw new Error('coalesce: no non-null argument');
    return v;
  },
  contains: (list, v) => list.includes(v),
};

const BINARY = {
  equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  notEqual: (a, b) => JSON.stringify(a) !== JSON.stringify(b),
  logicalAnd: (a, b) => a && b,
  logicalOr: (a, b) => a || b,
};

function asString(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`cannot interpolate ${JSON.stringify(v)} into a string`);
}

class Evaluator {
  // resolve(segments) -> value, for references (var.x, local.y, aws_x.y.attr, data.x.y.attr)
  constructor(resolve) {
    this.resolve = resolve;
  }

  // A string of the configuration (a template).
  async template(s) {
    const parts = splitTemplate(s);
    if (parts.length === 1 && parts[0].expr !== undefined) return this.expression(parts[0].expr);
    let out = '';
    for (const p of parts) out += p.lit !== undefined ? p.lit.normalize('NFC') : asString(await this.expression(p.expr));
    return out;
  }

  async expression(src) {
    const ast = await getExpressionAst('expression.tf', src);
    if (!ast) throw new Error(`cannot parse expression ${src}`);
    return this.node(ast, Buffer.from(src, 'utf8'));
  }

  // Strings, lists and objects of the configuration, evaluated throughout.
  async value(v) {
    if (typeof v === 'string') return this.template(v);
    if (Array.isArray(v)) return Promise.all(v.map((x) => this.value(x)));
    if (v && typeof v === 'object') {
      const out = {};
      for (const [k, x] of Object.entries(v)) out[asString(await this.template(k))] = await this.value(x);
      return out;
    }
    return v;
  }

  async node(n, src) {
    const kids = n.children || [];
    switch (n.type) {
      case 'literalValue':
        if (n.meta.type === 'string') return decodeLiteral(n.meta.value);
        if (n.meta.type === 'number') return Number(n.meta.value);
        if (n.meta.type === 'bool') return n.meta.value === 'true';
        if (n.meta.value === 'null') return null;
        break;
      case 'template': {
        let out = '';
        for (const k of kids) out += asString(await this.node(k, src));
        return out;
      }
      case 'templateWrap':
        return this.node(kids[0], src);
      case 'scopeTraversal':
        return this.resolve(n.meta.traversal.map((t) => t.segment));
      case 'function': {
        const f = FUNCTIONS[n.meta.name];
        if (!f) throw new Error(`function ${n.meta.name} is not supported here`);
        const args = [];
        for (const k of kids) args.push(await this.node(k, src));
        return f(...args);
      }
      case 'tuple': {
        const out = [];
        for (const k of kids) out.push(await this.node(k, src));
        return out;
      }
      case 'object': {
        const out = {};
        for (let i = 0; i < kids.length; i += 2) {
          const key = kids[i];
          // A bare identifier key is literal text; anything else (quoted, parenthesized) evaluates.
          const name = key.children && key.children.length
            ? asString(await this.node(key.children[0], src))
            : src.subarray(key.range.start.byte, key.range.end.byte).toString('utf8');
          out[name] = await this.node(kids[i + 1], src);
        }
        return out;
      }
      case 'conditional': {
        const cond = await this.node(kids[0], src);
        if (typeof cond !== 'boolean') throw new Error(`condition is not a bool: ${n.meta.value}`);
        return this.node(kids[cond ? 1 : 2], src);
      }
      case 'binaryOp': {
        const op = BINARY[n.meta.operator];
        if (!op) throw new Error(`operator ${n.meta.operator} is not supported here`);
        return op(await this.node(kids[0], src), await this.node(kids[1], src));
      }
      case 'unaryOp':
        if (n.meta.operator === 'logicalNot') return !(await this.node(kids[0], src));
        break;
      case '':  // parentheses
        if (kids.length === 1) return this.node(kids[0], src);
        break;
    }
    throw new Error(`expression ${JSON.stringify(n.meta && n.meta.value)} (${n.type}) is not supported here`);
  }
}

module.exports = { Evaluator, splitTemplate, decodeLiteral, jsonencode };
