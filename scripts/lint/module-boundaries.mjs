// ARCHITECTURE §2: a module never imports another module; what two modules need lives in projects/shared.
// Also: the shell imports only the account context of our libraries.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../build/workspace.mjs';

const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'));
const aliases = Object.entries(tsconfig.compilerOptions.paths ?? {}).map(([alias, [target]]) => [alias, path.join(ROOT, target)]);
const IMPORT = /(?:from|import\s*\(|import)\s*['"]([^'"]+)['"]/g;

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.name === 'node_modules' || entry.name === 'generated') return [];
    return entry.isDirectory() ? walk(full) : /\.(ts|mjs|js)$/.test(entry.name) ? [full] : [];
  });
}

/** Which top-level area (`projects/<name>`, `shell`) a path belongs to. */
function owner(file) {
  const rel = path.relative(ROOT, file).split(path.sep);
  if (rel[0] === 'projects') return rel[1] === 'shared' ? `shared/${rel[2]}` : rel[1];
  return rel[0];
}

export function moduleBoundaryViolations() {
  const violations = [];
  const areas = [...fs.readdirSync(path.join(ROOT, 'projects')).filter((d) => d !== 'shared').map((d) => path.join(ROOT, 'projects', d)), path.join(ROOT, 'shell')];
  for (const area of areas) {
    if (!fs.statSync(area).isDirectory()) continue;
    for (const file of walk(area)) {
      const from = owner(file);
      for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : aliases.find(([alias]) => alias === spec)?.[1];
        if (!target) continue;
        const to = owner(target);
        if (to === from) continue;
        if (from === 'shell' && to !== 'shared/account-context') violations.push(`${path.relative(ROOT, file)}: the shell may import only @wechat-mfe/account-context, not '${spec}'`);
        else if (from !== 'shell' && !to.startsWith('shared/')) violations.push(`${path.relative(ROOT, file)}: module '${from}' imports module '${to}' ('${spec}'); move the shared piece to projects/shared/`);
      }
    }
  }
  return violations;
}
