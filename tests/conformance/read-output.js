// What the injection and IAM tests (tests/unit/injection_test.cpp, iam_policy_test.cpp) need from
// the outputs only JavaScript tools read, printed as JSON on stdout; a file that does not parse
// exits 1.
//
//   ts FILE...            per file: `strings` (every string literal's value), `comments` (every
//                         comment's text) and `constants` (each `export const` initialized with an
//                         object literal, evaluated by JavaScript itself, so `__proto__` and the
//                         like count as they would at run time). TypeScript's parser and
//                         transpiler (the pinned typescript package) must report no diagnostics.
//   terraform FORMAT DIR...  per directory, its module (hcl or json) through HashiCorp's HCL
//                         parser (@cdktf/hcl2json), evaluated as Terraform would
//                         (terraform-module.js), references as symbols.
'use strict';
const fs = require('fs');
const vm = require('vm');
const ts = require('typescript');

function typescript(files) {
  const out = {};
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const transpiled = ts.transpileModule(text, {
      fileName: file,
      reportDiagnostics: true,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true },
    });
    if (transpiled.diagnostics.length) {
      for (const d of transpiled.diagnostics) console.error(`${file}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      process.exit(1);
    }
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const strings = [];
    const comments = new Set();
    const constants = {};
    const visit = (node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.push(node.text);
      for (const ranges of [ts.getLeadingCommentRanges(text, node.pos), ts.getTrailingCommentRanges(text, node.end)])
        for (const r of ranges || []) comments.add(text.slice(r.pos, r.end));
      if (ts.isVariableStatement(node) && node.modifiers && node.modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
        for (const d of node.declarationList.declarations)
          if (d.initializer && ts.isObjectLiteralExpression(d.initializer)) {
            const js = ts.transpile(`(${d.initializer.getText(source)})`, { target: ts.ScriptTarget.ES2022 });
            constants[d.name.getText(source)] = vm.runInNewContext(js.replace(/;\s*$/, ''));
          }
      ts.forEachChild(node, visit);
    };
    visit(source);
    out[file] = { strings, comments: [...comments], constants };
  }
  return out;
}

async function terraform(format, dirs) {
  const { ProviderSchema } = require('./terraform-schema');
  const { readModule, evaluateModule } = require('./terraform-module');
  const providers = new ProviderSchema();
  const out = {};
  for (const dir of dirs) out[dir] = await evaluateModule(await readModule(dir, format), providers, format);
  return out;
}

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  let out;
  if (mode === 'ts') out = typescript(args);
  else if (mode === 'terraform') out = await terraform(args[0], args.slice(1));
  else throw new Error('usage: read-output.js ts FILE... | terraform FORMAT DIR...');
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
