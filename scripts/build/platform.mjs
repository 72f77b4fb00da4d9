// The platform bundle (docs/adr/0018): the shared packages (Angular, rxjs, NgRx, transloco…) built
// once, tree-shaken to what the manifest's modules import, into an immutable folder
// dist/platform/<build-id>/. Native Federation ships each shared package whole; the first page
// loaded 218 KiB gzip of them. The start server maps the shared specifiers to these files on a page
// when the platform covers every module of the manifest, and leaves the whole packages otherwise.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { ROOT } from './workspace.mjs';
import { ALL } from './platform-needs.mjs';
import { precompressFolder } from './precompress.mjs';
import { withEagerCompileHint } from './compile-hints.mjs';

const require = createRequire(import.meta.url);

/** File names inside the platform folder carry this prefix: the shell keys preload graphs by file name. */
const PREFIX = 'platform-';

/**
 * The union of the modules' needs: `{ [specifier]: sorted names }`, or `[ALL]` when any module needs
 * the whole package.
 * @param {Record<string, string[]>[]} needsList
 */
export function unionOfNeeds(needsList) {
  const union = new Map();
  for (const needs of needsList) {
    for (const [specifier, names] of Object.entries(needs)) {
      if (!union.has(specifier)) union.set(specifier, new Set());
      for (const name of names) union.get(specifier).add(name);
    }
  }
  return Object.fromEntries(
    [...union.keys()].sort().map((specifier) => {
      const names = union.get(specifier);
      return [specifier, names.has(ALL) ? [ALL] : [...names].sort()];
    }),
  );
}

/** The specifiers every module of `needsList` imports: every page loads them, whichever module it shows. */
export function neededByAll(needsList) {
  if (!needsList.length) return [];
  return Object.keys(needsList[0])
    .filter((specifier) => needsList.every((needs) => specifier in needs))
    .sort();
}

/**
 * The platform's entry files: `[{ out, specifiers }]`. The specifiers every page loads (`everywhere`)
 * share one entry, `platform-shared`, and the import map points each of them at it: a page fetches
 * one file for them instead of a facade per package plus the chunks esbuild splits between those
 * facades (ADR 0023). One stays apart when it needs its whole package (`export *` would clash) or
 * names what another in the shared entry exports already (`DOCUMENT` in core and common, `map` in
 * rxjs and rxjs/operators): an ES module cannot export a name twice. Larger export lists go first, so
 * the one that stays apart is the smaller facade. Every other specifier is an entry of its own,
 * fetched only by pages that import it.
 * @param {Record<string, string[]>} needs
 * @param {Iterable<string>} everywhere
 */
export function entryGroups(needs, everywhere = []) {
  const common = new Set(everywhere);
  const taken = new Set();
  const shared = [];
  const alone = [];
  const bySize = Object.keys(needs).sort((a, b) => needs[b].length - needs[a].length || (a < b ? -1 : 1));
  for (const specifier of bySize) {
    const names = needs[specifier];
    if (common.has(specifier) && !names.includes(ALL) && !names.some((name) => taken.has(name))) {
      shared.push(specifier);
      for (const name of names) taken.add(name);
    } else alone.push(specifier);
  }
  const groups = alone.sort().map((specifier) => ({ out: `${PREFIX}${fileStem(specifier)}`, specifiers: [specifier] }));
  // One specifier alone in the shared entry gains nothing from the shared name.
  if (shared.length === 1) groups.push({ out: `${PREFIX}${fileStem(shared[0])}`, specifiers: shared });
  else if (shared.length) groups.push({ out: `${PREFIX}shared`, specifiers: shared.sort() });
  return groups.sort((a, b) => (a.out < b.out ? -1 : 1));
}

/** The entry module that re-exports exactly `names` of `specifier`. */
export function entrySource(specifier, names) {
  const quoted = JSON.stringify(specifier);
  // `export *` leaves out `default`, which a namespace or import() may use.
  if (names.includes(ALL)) return `import * as all from ${quoted};\nexport * from ${quoted};\nexport default all.default;\n`;
  if (!names.length) return `import ${quoted};\n`;
  return `export { ${names.map((name) => (/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name) ? name : JSON.stringify(name))).join(', ')} } from ${quoted};\n`;
}

const fileStem = (specifier) => specifier.replace(/^@/, '').replace(/[^A-Za-z0-9]+/g, '-');

/**
 * Builds the platform for `needs` into `dist/platform/<build-id>/` (reused when that folder exists:
 * the id is a hash of the inputs) and returns `{ buildId, folder, url, seconds, reused }`.
 * Angular's packages go through Angular's own linker and optimizer (the JavaScriptTransformer the
 * Angular and Native Federation builds apply to node_modules), then esbuild bundles, splits and
 * minifies them; both are deterministic, so the same inputs give the same bytes.
 * @param {Record<string, string[]>} needs the union of the modules' needs
 */
export async function buildPlatform(needs, { dist = path.join(ROOT, 'dist'), everywhere = [] } = {}) {
  const started = Date.now();
  const groups = entryGroups(needs, everywhere);
  const inputs = crypto.createHash('sha256');
  inputs.update(JSON.stringify(needs));
  inputs.update(JSON.stringify(groups));
  for (const file of ['package-lock.json', 'scripts/build/platform.mjs', 'scripts/build/compile-hints.mjs']) inputs.update(fs.readFileSync(path.join(ROOT, file)));
  const inputHash = inputs.digest('hex');
  const root = path.join(dist, 'platform');
  const marker = path.join(root, 'build.json');
  if (fs.existsSync(marker)) {
    const previous = JSON.parse(fs.readFileSync(marker, 'utf8'));
    if (previous.inputHash === inputHash && fs.existsSync(path.join(root, previous.buildId, 'platform.json'))) {
      return { ...previous, url: platformUrl(previous.buildId), reused: true, seconds: 0 };
    }
  }

  const ng = require('@angular/build/private');
  const target = ng.transformSupportedBrowsersToTargets(ng.getSupportedBrowsers(ROOT, { warn() {} }));
  const transformer = new ng.JavaScriptTransformer({ sourcemap: false, thirdPartySourcemaps: false, advancedOptimizations: true, jit: false }, 2);
  const work = path.join(root, '.work');
  fs.rmSync(work, { recursive: true, force: true });
  try {
    const result = await esbuild.build(withEagerCompileHint({
      entryPoints: groups.map(({ out }) => ({ in: `platform-entry:${out}`, out })),
      outdir: work,
      entryNames: '[name]-[hash]',
      chunkNames: `${PREFIX}chunk-[hash]`,
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      platform: 'browser',
      target,
      define: { ngDevMode: 'false', ngJitMode: 'false' },
      resolveExtensions: ['.mjs', '.js', '.cjs'],
      // rxjs's ES2015 build, as the Angular CLI picks for applications (its default export is ES5 with tslib).
      conditions: ['es2015'],
      absWorkingDir: ROOT,
      metafile: true,
      write: true,
      logLevel: 'warning',
      plugins: [
        {
          name: 'platform',
          setup(build) {
            build.onResolve({ filter: /^platform-entry:/ }, (args) => ({ path: args.path.slice('platform-entry:'.length), namespace: 'platform-entry' }));
            build.onLoad({ filter: /.*/, namespace: 'platform-entry' }, (args) => {
              const { specifiers } = groups.find((group) => group.out === args.path);
              return { contents: specifiers.map((specifier) => entrySource(specifier, needs[specifier])).join(''), resolveDir: ROOT, loader: 'js' };
            });
            build.onLoad({ filter: /\.[cm]?js$/ }, async (args) => {
              const { sideEffects } = await build.resolve(args.path, { kind: 'import-statement', resolveDir: ROOT });
              return { contents: await transformer.transformFile(args.path, false, sideEffects), loader: 'js', resolveDir: path.dirname(args.path) };
            });
          },
        },
      ],
    }));
    const imports = {};
    const files = {};
    for (const [output, info] of Object.entries(result.metafile.outputs)) {
      const name = path.basename(output);
      if (info.entryPoint) for (const specifier of groups.find((group) => group.out === info.entryPoint.slice('platform-entry:'.length)).specifiers) imports[specifier] = name;
      files[name] = { s: info.imports.filter((i) => i.kind === 'import-statement').map((i) => `./${path.basename(i.path)}`).sort(), d: [] };
    }
    const description = { imports: sortKeys(imports), exports: needs, files: sortKeys(files) };
    const text = JSON.stringify(description);
    const buildId = crypto.createHash('sha256').update(text).digest('hex').slice(0, 12);
    fs.writeFileSync(path.join(work, 'platform.json'), text);
    precompressFolder(work);
    const folder = path.join(root, buildId);
    // Like a module's build output, only the current build stays in dist/ (a deployment keeps older folders).
    for (const entry of fs.readdirSync(root)) if (entry !== '.work') fs.rmSync(path.join(root, entry), { recursive: true, force: true });
    fs.renameSync(work, folder);
    const info = { buildId, inputHash };
    fs.writeFileSync(marker, JSON.stringify(info, null, 2));
    return { ...info, url: platformUrl(buildId), folder, reused: false, seconds: (Date.now() - started) / 1000 };
  } finally {
    await transformer.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export const platformUrl = (buildId) => `/platform/${buildId}/platform.json`;

const sortKeys = (object) => Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));
