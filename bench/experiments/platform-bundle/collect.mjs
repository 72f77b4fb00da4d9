import { fileURLToPath } from 'node:url';
// Step 1: collect, per module and per own JS file, the names imported from each bare (shared) specifier.
// Output: out/imports.json  { modules: { <mod>: { dir, exposes, shared:{pkg:file}, files: { <file>: { s:[rel deps], d:[rel dyn deps], imports: {spec: [names] | ['*ALL*']}, ns: [...] } } } } }
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(new URL('../../../package.json', import.meta.url));
const parser = require('@babel/parser');
const traverse = require('@babel/traverse').default;

const ROOT = fileURLToPath(new URL('../../../dist/modules', import.meta.url));
const out = { modules: {} };
const isBare = (s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('@nf-internal/');

for (const mod of fs.readdirSync(ROOT).sort()) {
  const buildDir = fs.readdirSync(path.join(ROOT, mod)).find((f) => fs.statSync(path.join(ROOT, mod, f)).isDirectory());
  const dir = path.join(ROOT, mod, buildDir);
  const re = JSON.parse(fs.readFileSync(path.join(dir, 'remoteEntry.json'), 'utf8'));
  const shared = Object.fromEntries(re.shared.map((s) => [s.packageName, s.outFileName]));
  const sharedFiles = new Set(Object.values(shared));
  const files = {};
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.js') && !sharedFiles.has(f)).sort()) {
    const code = fs.readFileSync(path.join(dir, f), 'utf8');
    const ast = parser.parse(code, { sourceType: 'module', plugins: [] });
    const imports = {}; const s = new Set(); const d = new Set(); const nsInfo = [];
    const add = (spec, name) => { (imports[spec] ??= new Set()).add(name); };
    traverse(ast, {
      ImportDeclaration(p) {
        const spec = p.node.source.value;
        if (!isBare(spec)) { s.add(spec); return; }
        if (p.node.specifiers.length === 0) { (imports[spec] ??= new Set()); return; } // side-effect import
        for (const sp of p.node.specifiers) {
          if (sp.type === 'ImportSpecifier') add(spec, sp.imported.type === 'StringLiteral' ? sp.imported.value : sp.imported.name);
          else if (sp.type === 'ImportDefaultSpecifier') add(spec, 'default');
          else if (sp.type === 'ImportNamespaceSpecifier') {
            const b = p.scope.getBinding(sp.local.name);
            let resolved = 0, unresolved = 0;
            for (const ref of b.referencePaths) {
              const par = ref.parentPath;
              if (par.isMemberExpression({ object: ref.node }) || par.isOptionalMemberExpression({ object: ref.node })) {
                if (!par.node.computed) { add(spec, par.node.property.name); resolved++; continue; }
                if (par.node.property.type === 'StringLiteral') { add(spec, par.node.property.value); resolved++; continue; }
              }
              unresolved++;
              add(spec, '*ALL*');
            }
            nsInfo.push({ spec, local: sp.local.name, refs: b.referencePaths.length, resolved, unresolved });
          }
        }
      },
      ExportNamedDeclaration(p) {
        if (!p.node.source) return;
        const spec = p.node.source.value;
        if (!isBare(spec)) { s.add(spec); return; }
        for (const sp of p.node.specifiers) {
          if (sp.type === 'ExportNamespaceSpecifier') add(spec, '*ALL*');
          else add(spec, sp.local.type === 'StringLiteral' ? sp.local.value : sp.local.name);
        }
      },
      ExportAllDeclaration(p) {
        const spec = p.node.source.value;
        if (!isBare(spec)) { s.add(spec); return; }
        add(spec, '*ALL*');
      },
      Import(p) { // dynamic import()
        const arg = p.parentPath.node.arguments[0];
        if (arg?.type === 'StringLiteral') {
          if (isBare(arg.value)) add(arg.value, '*ALL*(dynamic)'); else d.add(arg.value);
        } else d.add('<non-literal>');
      },
    });
    files[f] = {
      s: [...s], d: [...d], ns: nsInfo,
      imports: Object.fromEntries(Object.entries(imports).map(([k, v]) => [k, [...v].sort()])),
    };
  }
  out.modules[mod] = { dir, exposes: re.exposes, shared, files };
}
fs.mkdirSync('out', { recursive: true });
fs.writeFileSync('out/imports.json', JSON.stringify(out, null, 1));
// quick summary
for (const [m, info] of Object.entries(out.modules)) {
  const ns = Object.values(info.files).flatMap((f) => f.ns);
  const specs = new Set(Object.values(info.files).flatMap((f) => Object.keys(f.imports)));
  console.log(m, 'ownFiles', Object.keys(info.files).length, 'specs', specs.size, 'nsImports', ns.length,
    'nsUnresolvedRefs', ns.reduce((a, n) => a + n.unresolved, 0));
}
