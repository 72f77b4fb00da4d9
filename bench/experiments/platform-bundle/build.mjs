import { fileURLToPath } from 'node:url';
// Step 2+3: build tree-shaken "platform" bundles with esbuild + Angular's JavaScriptTransformer (linker +
// advanced optimizations, exactly what the Angular/Native Federation compiler plugin does for node_modules),
// and measure what the first route (/wechat/fans) would load, versus today's Native Federation shared files.
// Run: node collect.mjs && node build.mjs     (results: out/report.json, printed tables)
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
const require = createRequire(new URL('../../../package.json', import.meta.url));
const esbuild = require('esbuild');
const ngPrivate = require('@angular/build/private');

const MAIN = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
const data = JSON.parse(fs.readFileSync('out/imports.json', 'utf8'));
const FIRST_ROUTE = [['account-switcher', './switcher'], ['fans', './lifecycles']];
const gz = (buf) => execFileSync('gzip', ['-9', '-n', '-c'], { input: buf, maxBuffer: 1 << 28 }).length;
const pkgOf = (p) => {
  const m = p.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/); if (!m) return '(esbuild runtime/helpers)';
  if (m[1] === '@angular/common' && /fesm2022\/(http\.mjs|_module-chunk\.mjs|_xhr-chunk\.mjs)$/.test(p)) return '@angular/common/http';
  return m[1];
};
const isRel = (s) => s.startsWith('./') || s.startsWith('../');

// ---------- closures over own files ----------
function ownClosure(mod, startFiles, { dynamic }) {
  const info = data.modules[mod]; const seen = new Set(); const stack = [...startFiles];
  while (stack.length) {
    const f = stack.pop(); if (seen.has(f) || !info.files[f]) continue; seen.add(f);
    const fi = info.files[f];
    for (const s of [...fi.s, ...(dynamic ? fi.d : [])]) if (isRel(s)) stack.push(path.posix.normalize(s));
  }
  return [...seen];
}
const exposedFile = (mod, key) => data.modules[mod].exposes.find((e) => e.key === key).outFileName;

// union of names per specifier over a list of [mod, file]
function unionNames(pairs) {
  const u = {};
  for (const [mod, f] of pairs) for (const [spec, names] of Object.entries(data.modules[mod].files[f].imports))
    for (const n of names) (u[spec] ??= new Set()).add(n);
  return u;
}

// ---------- today's shared files in the static closure of the first route ----------
function todayFirstRoute() {
  const files = new Map(); // shared outFileName -> {mod, pkg}
  for (const [mod, key] of FIRST_ROUTE) {
    const info = data.modules[mod];
    const preload = JSON.parse(fs.readFileSync(path.join(info.dir, 'preload.json'), 'utf8')).files;
    const own = ownClosure(mod, [exposedFile(mod, key)], { dynamic: false });
    const stack = [];
    for (const f of own) for (const spec of Object.keys(info.files[f].imports)) stack.push(spec);
    const fileToPkg = Object.fromEntries(Object.entries(info.shared).map(([k, v]) => [v, k]));
    while (stack.length) {
      const spec = stack.pop(); const file = info.shared[spec];
      if (!file) throw new Error(`${mod}: specifier ${spec} not in shared`);
      if (files.has(file)) continue;
      files.set(file, { mod, pkg: fileToPkg[file], path: path.join(info.dir, file) });
      for (const s of preload[file]?.s ?? []) stack.push(s);
      if ((preload[file]?.d ?? []).length) console.warn('dynamic import inside shared file', file);
    }
  }
  const rows = [...files.entries()].map(([file, v]) => {
    const buf = fs.readFileSync(v.path); return { file, pkg: v.pkg, raw: buf.length, gzip: gz(buf) };
  }).sort((a, b) => b.gzip - a.gzip);
  return { rows, raw: rows.reduce((a, r) => a + r.raw, 0), gzip: rows.reduce((a, r) => a + r.gzip, 0) };
}

// ---------- esbuild platform build ----------
let transformer;
async function buildPlatform(label, namesBySpec) {
  const outdir = path.resolve('out', label);
  fs.rmSync(outdir, { recursive: true, force: true });
  const specs = Object.keys(namesBySpec).sort();
  const entrySrc = {};
  for (const spec of specs) {
    const names = [...namesBySpec[spec]];
    const all = names.some((n) => n.startsWith('*ALL*'));
    const named = names.filter((n) => !n.startsWith('*ALL*'));
    let src = '';
    // export * does not re-export `default`; a namespace import / import() may use it
    if (all) src += `import * as __ns from '${spec}';\nexport * from '${spec}';\nexport default __ns.default;\n`;
    const nondefault = named.filter((n) => n !== 'default');
    if (!all && nondefault.length) src += `export { ${nondefault.join(', ')} } from '${spec}';\n`;
    if (!all && named.includes('default')) src += `export { default } from '${spec}';\n`;
    if (!src) src = `import '${spec}';\n`;
    entrySrc[spec] = src;
  }
  const browsers = ngPrivate.getSupportedBrowsers(path.join(MAIN, 'projects/fans'), { warn() {} });
  const target = ngPrivate.transformSupportedBrowsersToTargets(browsers);
  transformer ??= new ngPrivate.JavaScriptTransformer({ sourcemap: false, thirdPartySourcemaps: false, advancedOptimizations: true, jit: false }, 4);
  const plugin = {
    name: 'platform',
    setup(build) {
      build.onResolve({ filter: /^platform-entry:/ }, (a) => ({ path: a.path.slice('platform-entry:'.length), namespace: 'platform-entry' }));
      build.onLoad({ filter: /.*/, namespace: 'platform-entry' }, (a) => ({ contents: entrySrc[a.path], resolveDir: MAIN, loader: 'js' }));
      // same as @angular/build compiler-plugin: every JS file goes through the JavaScriptTransformer (linker + advanced optimizations)
      build.onLoad({ filter: /\.[cm]?js$/ }, async (a) => {
        const { sideEffects } = await build.resolve(a.path, { kind: 'import-statement', resolveDir: MAIN });
        const contents = await transformer.transformFile(a.path, false, sideEffects);
        return { contents, loader: 'js', resolveDir: path.dirname(a.path) };
      });
    },
  };
  const res = await esbuild.build({
    entryPoints: specs.map((s) => ({ in: 'platform-entry:' + s, out: s.replace(/[@/\-]/g, '_') })),
    outdir, bundle: true, splitting: true, format: 'esm', minify: true, platform: 'browser', target,
    supported: { 'async-await': false, 'object-rest-spread': false },
    define: { ngDevMode: 'false', ngJitMode: 'false' },
    resolveExtensions: ['.ts', '.tsx', '.mjs', '.js', '.cjs'],
    absWorkingDir: MAIN, metafile: true, write: true, logLevel: 'warning', logOverride: { 'import-is-undefined': 'silent' }, // legalComments: esbuild default ('eof'), as in the Native Federation build

    plugins: [plugin],
  });
  fs.writeFileSync(path.join(outdir, 'metafile.json'), JSON.stringify(res.metafile));
  for (const spec of specs) fs.writeFileSync(path.join(outdir, spec.replace(/[@/\-]/g, '_') + '.entry.mjs'), entrySrc[spec]);
  // per-output sizes + per-package attribution
  const outputs = {};
  for (const [op, o] of Object.entries(res.metafile.outputs)) {
    if (!op.endsWith('.js')) continue;
    const abs = path.resolve(MAIN, op); const buf = fs.readFileSync(abs);
    const byPkg = {};
    for (const [ip, i] of Object.entries(o.inputs)) if (i.bytesInOutput) byPkg[pkgOf(ip)] = (byPkg[pkgOf(ip)] ?? 0) + i.bytesInOutput;
    // bytes not attributed to any input: import/export statements between chunks, license comments
    const glue = buf.length - Object.values(byPkg).reduce((a, b) => a + b, 0);
    if (glue > 0) byPkg['(glue: import/export clauses, license comments)'] = glue;
    outputs[op] = { raw: buf.length, gzip: gz(buf), entry: o.entryPoint?.replace('platform-entry:', ''),
      imports: o.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path), byPkg };
  }
  const entryOut = Object.fromEntries(Object.entries(outputs).filter(([, o]) => o.entry).map(([op, o]) => [o.entry, op]));
  return { label, specs, outputs, entryOut };
}

function loadSet(platform, specs) {
  const seen = new Set(); const stack = specs.map((s) => { if (!platform.entryOut[s]) throw new Error('no entry ' + s); return platform.entryOut[s]; });
  while (stack.length) { const op = stack.pop(); if (seen.has(op)) continue; seen.add(op); stack.push(...platform.outputs[op].imports); }
  const files = [...seen];
  const sum = (k) => files.reduce((a, f) => a + platform.outputs[f][k], 0);
  // per-package attribution: raw bytes from the metafile; gzip split proportionally to raw bytes within each file
  const byPkg = {};
  for (const f of files) {
    const o = platform.outputs[f]; const tot = Object.values(o.byPkg).reduce((a, b) => a + b, 0) || 1;
    for (const [p, b] of Object.entries(o.byPkg)) { byPkg[p] ??= { raw: 0, gzipEst: 0 }; byPkg[p].raw += b; byPkg[p].gzipEst += o.gzip * b / tot; }
  }
  return { files: files.length, raw: sum('raw'), gzip: sum('gzip'), byPkg };
}

// ---------- main ----------
const report = {};
const allPairs = []; const reachablePairs = [];
for (const [mod, info] of Object.entries(data.modules)) {
  for (const f of Object.keys(info.files)) allPairs.push([mod, f]);
  for (const f of ownClosure(mod, info.exposes.map((e) => e.outFileName), { dynamic: true })) reachablePairs.push([mod, f]);
}
const firstRoutePairs = FIRST_ROUTE.flatMap(([mod, key]) => ownClosure(mod, [exposedFile(mod, key)], { dynamic: false }).map((f) => [mod, f]));
const firstRouteSpecs = Object.keys(unionNames(firstRoutePairs));
const unionAll = unionNames(allPairs);
const unionReach = unionNames(reachablePairs);
report.firstRouteOwnFiles = firstRoutePairs.map(([m, f]) => `${m}/${f}`);
report.firstRouteSpecs = firstRouteSpecs;

report.today = todayFirstRoute();

// name statistics
const count = (u) => Object.fromEntries(Object.entries(u).map(([k, v]) => [k, v.size]));
report.names = { unionAllFiles: count(unionAll), unionReachableFromExposes: count(unionReach), firstRoute: count(unionNames(firstRoutePairs)) };
const perModule = {};
for (const mod of Object.keys(data.modules)) {
  const mine = unionNames(allPairs.filter(([m]) => m === mod));
  const others = unionNames(allPairs.filter(([m]) => m !== mod));
  const uniq = [];
  for (const [spec, names] of Object.entries(mine)) for (const n of names) if (!others[spec]?.has(n)) uniq.push(`${spec}:${n}`);
  perModule[mod] = { names: Object.values(mine).reduce((a, s) => a + s.size, 0), unique: uniq.length, uniqueNames: uniq.sort() };
}
report.perModule = perModule;
report.namespaceImports = Object.fromEntries(Object.entries(data.modules).map(([m, i]) => {
  const ns = Object.values(i.files).flatMap((f) => f.ns);
  return [m, { count: ns.length, refs: ns.reduce((a, n) => a + n.refs, 0), unresolved: ns.reduce((a, n) => a + n.unresolved, 0) }];
}));

// builds
const allShared = {}; for (const info of Object.values(data.modules)) for (const p of Object.keys(info.shared)) if (!p.startsWith('@nf-internal/')) allShared[p] = new Set(['*ALL*']);
const builds = {
  calib_exportAll: allShared,              // whole packages, like Native Federation today (calibration)
  platform_union: unionAll,                // every name any module file imports
  platform_union_reachable: unionReach,    // same but only files reachable from exposes (static+dynamic)
  platform_firstRouteOnly: unionNames(firstRoutePairs), // perfectly split: only first-route names
};

// ---------- "stable platform" variants (A, B): union plus whole API surfaces, so routine template/rxjs edits need no new platform ----------
// Export names of an entry point as esbuild resolves it (same resolution as the platform builds): metafile of `export * from spec`.
async function exportsOf(spec) {
  const r = await esbuild.build({ stdin: { contents: `export * from '${spec}';`, resolveDir: MAIN, loader: 'js' }, bundle: true, write: false,
    metafile: true, format: 'esm', platform: 'browser', outdir: '/tmp/exportsOf', logLevel: 'silent', absWorkingDir: MAIN,
    resolveExtensions: ['.ts', '.tsx', '.mjs', '.js', '.cjs'] });
  return Object.values(r.metafile.outputs).find((o) => o.entryPoint).exports;
}
const withExtra = (base, extra) => {
  const u = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, new Set(v)]));
  for (const [spec, names] of Object.entries(extra)) for (const n of names) (u[spec] ??= new Set()).add(n);
  return u;
};
const extraA = {}, extraB = {};
extraA['@angular/core'] = new Set((await exportsOf('@angular/core')).filter((n) => n.startsWith('ɵɵ')));   // all template/compiler instructions
for (const spec of ['rxjs', 'rxjs/operators']) extraA[spec] = new Set(await exportsOf(spec));               // everything rxjs exports
const PUBLIC_API_SPECS = ['@angular/core', '@angular/common', '@angular/router', '@angular/platform-browser', '@ngrx/store', '@ngrx/effects', '@jsverse/transloco'];
for (const spec of PUBLIC_API_SPECS) extraB[spec] = new Set((await exportsOf(spec)).filter((n) => !n.startsWith('ɵ')));  // public (non-ɵ) API
const stableA = withExtra(unionAll, extraA);
const stableB = withExtra(stableA, extraB);
builds.platform_stable = stableA;              // A: union + core ɵɵ* + all of rxjs, rxjs/operators
builds.platform_stable_public = stableB;       // B: A + every public export of core/common/router/platform-browser/store/effects/transloco
report.stable = {
  extraCounts: { A: count(extraA), B: count(extraB) },
  namesVsUnion: { union: count(unionAll), A: count(stableA), B: count(stableB) },
};
// names only one module imports that the extra (non-union) names of A / B do not cover, i.e. that would still need a platform rebuild
// if that module were the first to import them
for (const [v, extra] of [['A', extraA], ['B', withExtra(extraA, extraB)]]) {
  const out = {};
  for (const [mod, pm] of Object.entries(perModule)) out[mod] = pm.uniqueNames.filter((sn) => {
    const i = sn.indexOf(':'); const spec = sn.slice(0, i), n = sn.slice(i + 1);
    return !extra[spec]?.has(n);
  });
  report.stable['uniqueOutside' + v] = out;
}

report.builds = {};
for (const [label, names] of Object.entries(builds)) {
  const t0 = Date.now();
  const p = await buildPlatform(label, names);
  const total = { files: Object.keys(p.outputs).length, raw: 0, gzip: 0 };
  for (const o of Object.values(p.outputs)) { total.raw += o.raw; total.gzip += o.gzip; }
  report.builds[label] = { seconds: (Date.now() - t0) / 1000, total, firstRoute: loadSet(p, firstRouteSpecs) };
  console.log(label, JSON.stringify({ total, firstRoute: { ...report.builds[label].firstRoute, byPkg: undefined } }));
}
await transformer.close();
// today's whole shared set (unique files across all modules) for calibration
{
  const seen = new Map();
  for (const info of Object.values(data.modules)) for (const f of Object.values(info.shared)) if (!seen.has(f)) seen.set(f, fs.readFileSync(path.join(info.dir, f)));
  report.todayAllShared = { files: seen.size, raw: [...seen.values()].reduce((a, b) => a + b.length, 0), gzip: [...seen.values()].reduce((a, b) => a + gz(b), 0) };
}
fs.writeFileSync('out/report.json', JSON.stringify(report, null, 1));
console.log('today first route', report.today.raw, report.today.gzip, (report.today.gzip / 1024).toFixed(1) + ' KiB');
console.log('today all shared', report.todayAllShared);
