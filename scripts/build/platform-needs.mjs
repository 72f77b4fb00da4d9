// What a module build imports from the shared packages, name by name (docs/adr/0018): written as
// needs.json next to its remoteEntry.json. The platform bundle is built from the union of the
// manifest's modules' needs, and the start server uses it on a page only if it covers every module.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parse } = require('@babel/parser');
const traverse = require('@babel/traverse').default;

/** Every export of the specifier: `export * from`, a namespace used as a value, `import()`. */
export const ALL = '*';

const isShared = (specifier) => !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('@nf-internal/') && !/^[a-z]+:/.test(specifier);

/**
 * The names one ES module's code imports from bare specifiers: `{ [specifier]: Set<name> }`.
 * `import * as ns` is resolved through its uses (`ns.name`, `ns['name']`), as the Angular compiler
 * emits it for every template; any other use of the namespace needs all of it.
 * @param {string} code
 */
export function importedNames(code) {
  const needs = new Map();
  const add = (specifier, name) => {
    if (!needs.has(specifier)) needs.set(specifier, new Set());
    if (name !== undefined) needs.get(specifier).add(name);
  };
  const ast = parse(code, { sourceType: 'module' });
  traverse(ast, {
    ImportDeclaration(p) {
      const specifier = p.node.source.value;
      if (!isShared(specifier)) return;
      add(specifier); // a side-effect import still needs the package
      for (const s of p.node.specifiers) {
        if (s.type === 'ImportSpecifier') add(specifier, s.imported.type === 'StringLiteral' ? s.imported.value : s.imported.name);
        else if (s.type === 'ImportDefaultSpecifier') add(specifier, 'default');
        else {
          for (const ref of p.scope.getBinding(s.local.name)?.referencePaths ?? []) {
            const member = ref.parentPath;
            const isObject = (member.isMemberExpression() || member.isOptionalMemberExpression()) && member.node.object === ref.node;
            if (isObject && !member.node.computed) add(specifier, member.node.property.name);
            else if (isObject && member.node.property.type === 'StringLiteral') add(specifier, member.node.property.value);
            else add(specifier, ALL);
          }
        }
      }
    },
    ExportNamedDeclaration(p) {
      const specifier = p.node.source?.value;
      if (!specifier || !isShared(specifier)) return;
      for (const s of p.node.specifiers) {
        if (s.type === 'ExportNamespaceSpecifier') add(specifier, ALL);
        else add(specifier, s.local.type === 'StringLiteral' ? s.local.value : s.local.name);
      }
    },
    ExportAllDeclaration(p) {
      if (isShared(p.node.source.value)) add(p.node.source.value, ALL);
    },
    Import(p) {
      const argument = p.parentPath.node.arguments[0];
      if (argument?.type === 'StringLiteral' && isShared(argument.value)) add(argument.value, ALL);
    },
  });
  return needs;
}

/**
 * The needs of a build folder: every JS file of the module's own (not the shared bundles its
 * remoteEntry.json lists), merged. Sorted, so the file is the same for the same build.
 * @param {string} folder a module's build folder
 * @returns {Record<string, string[]>}
 */
export function collectNeeds(folder) {
  const entry = JSON.parse(fs.readFileSync(path.join(folder, 'remoteEntry.json'), 'utf8'));
  const sharedFiles = new Set((entry.shared ?? []).map((s) => s.outFileName));
  const merged = new Map();
  for (const file of fs.readdirSync(folder).sort()) {
    if (!file.endsWith('.js') || sharedFiles.has(file)) continue;
    for (const [specifier, names] of importedNames(fs.readFileSync(path.join(folder, file), 'utf8'))) {
      if (!merged.has(specifier)) merged.set(specifier, new Set());
      for (const name of names) merged.get(specifier).add(name);
    }
  }
  return Object.fromEntries([...merged.keys()].sort().map((specifier) => [specifier, [...merged.get(specifier)].sort()]));
}

/** Writes needs.json into a module's build folder (before it is precompressed). */
export function writeNeeds(folder) {
  const needs = collectNeeds(folder);
  fs.writeFileSync(path.join(folder, 'needs.json'), JSON.stringify(needs));
  return needs;
}

/**
 * What of `needs` the platform's `exports` lacks, as `specifier: name` strings (empty: covered).
 * @param {Record<string, string[]>} needs
 * @param {Record<string, string[]>} exports
 */
export function missingFrom(needs, exports) {
  const missing = [];
  for (const [specifier, names] of Object.entries(needs)) {
    const offered = exports[specifier];
    if (!offered) {
      missing.push(`${specifier} (not in the platform)`);
      continue;
    }
    if (offered.includes(ALL)) continue;
    const set = new Set(offered);
    for (const name of names) if (!set.has(name)) missing.push(`${specifier}: ${name}`);
  }
  return missing;
}
