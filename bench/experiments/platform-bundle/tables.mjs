// Prints the summary tables from out/report.json (written by build.mjs).
import fs from 'node:fs';
const r = JSON.parse(fs.readFileSync('out/report.json', 'utf8'));
const kib = (b) => (b / 1024).toFixed(1);
const B = r.builds;
console.log('\n== First route /wechat/fans (account-switcher ./switcher + fans ./lifecycles, static closure), shared JS only');
const rows = [
  ['today: NF shared files (real dist)', r.today.rows.length, r.today.gzip, r.today.raw],
  ['calibration: my pipeline, whole packages (export *)', B.calib_exportAll.firstRoute.files, B.calib_exportAll.firstRoute.gzip, B.calib_exportAll.firstRoute.raw],
  ['platform: union of all modules\' names', B.platform_union.firstRoute.files, B.platform_union.firstRoute.gzip, B.platform_union.firstRoute.raw],
  ['platform: first-route names only', B.platform_firstRouteOnly.firstRoute.files, B.platform_firstRouteOnly.firstRoute.gzip, B.platform_firstRouteOnly.firstRoute.raw],
  ['A stable: union + core ɵɵ* + all rxjs(/operators)', B.platform_stable.firstRoute.files, B.platform_stable.firstRoute.gzip, B.platform_stable.firstRoute.raw],
  ['B stable + public API of 7 pkgs', B.platform_stable_public.firstRoute.files, B.platform_stable_public.firstRoute.gzip, B.platform_stable_public.firstRoute.raw],
];
console.table(rows.map(([k, f, g, w]) => ({ variant: k, files: f, 'gzip -9 B': g, 'gzip KiB': kib(g), 'raw B': w, 'raw KiB': kib(w) })));
console.log('\n== Whole shared set (all modules)');
console.table([
  { variant: 'today: all unique NF shared files', files: r.todayAllShared.files, gzip: r.todayAllShared.gzip, raw: r.todayAllShared.raw },
  { variant: 'calibration export *', ...B.calib_exportAll.total },
  { variant: 'platform union (all files)', ...B.platform_union.total },
  { variant: 'platform union (files reachable from exposes)', ...B.platform_union_reachable.total },
  { variant: 'A stable: union + core ɵɵ* + all rxjs(/operators)', ...B.platform_stable.total },
  { variant: 'B stable + public API of 7 pkgs', ...B.platform_stable_public.total },
]);
// per package
const todayMap = { '@angular/core': ['@angular/core', '@angular/core/primitives/di', '@angular/core/primitives/signals', '@angular/core/rxjs-interop', '@nf-internal/chunk-2ARMVYL2', '@nf-internal/chunk-ORG75HML', '@nf-internal/chunk-RHJOTL2W', '@nf-internal/chunk-CQWIXK3Q'],
  '@angular/common': ['@angular/common', '@nf-internal/chunk-NHBO42UM'], '@angular/common/http': ['@angular/common/http'],
  '@angular/router': ['@angular/router'], '@angular/platform-browser': ['@angular/platform-browser'],
  'rxjs': ['rxjs', 'rxjs/operators', '@nf-internal/chunk-KNUKVBCT'], '@ngrx/store': ['@ngrx/store'], '@ngrx/effects': ['@ngrx/effects'],
  '@jsverse/transloco': ['@jsverse/transloco'], 'single-spa-angular': ['single-spa-angular', 'single-spa-angular/internals'],
  'openapi-fetch': ['openapi-fetch'], 'tslib': ['tslib'], '(esbuild runtime/helpers)': ['@nf-internal/chunk-4CLCTAJ7'], '(glue: import/export clauses, license comments)': [] };
const pk = (b, p) => b.firstRoute.byPkg[p] ?? { raw: 0, gzipEst: 0 };
console.log('\n== Per package, first route. today = real NF files (entry + the @nf-internal chunks it owns); others = metafile attribution, gzip split pro rata raw bytes within each output file (estimate)');
const prow = [];
for (const [p, specs] of Object.entries(todayMap)) {
  const t = r.today.rows.filter((x) => specs.includes(x.pkg));
  prow.push({ package: p, 'today gz': t.reduce((a, x) => a + x.gzip, 0), 'today raw': t.reduce((a, x) => a + x.raw, 0),
    'calib gz~': Math.round(pk(B.calib_exportAll, p).gzipEst), 'calib raw': pk(B.calib_exportAll, p).raw,
    'union gz~': Math.round(pk(B.platform_union, p).gzipEst), 'union raw': pk(B.platform_union, p).raw,
    'FRonly gz~': Math.round(pk(B.platform_firstRouteOnly, p).gzipEst), 'FRonly raw': pk(B.platform_firstRouteOnly, p).raw,
    'A gz~': Math.round(pk(B.platform_stable, p).gzipEst), 'A raw': pk(B.platform_stable, p).raw,
    'B gz~': Math.round(pk(B.platform_stable_public, p).gzipEst), 'B raw': pk(B.platform_stable_public, p).raw });
}
console.table(prow);
console.log('\n== Names: distinct imported names per specifier (union over all module files / first route)');
console.table(Object.keys(r.names.unionAllFiles).map((s) => ({ spec: s, union: r.names.unionAllFiles[s], firstRoute: r.names.firstRoute[s] ?? 0 })));
console.log('\n== Names per module, and names only that module imports');
console.table(Object.entries(r.perModule).map(([m, v]) => ({ module: m, names: v.names, unique: v.unique, uniqueNames: v.uniqueNames.join(' ') })));
console.log('\n== Namespace imports (import * as x): all property accesses resolved via Babel scope analysis');
console.table(r.namespaceImports);

console.log('\n== Stable variants: names per specifier (union / A / B) and names added on top of the union');
const S = r.stable;
console.table(Object.keys(S.namesVsUnion.B).map((s) => ({ spec: s, union: S.namesVsUnion.union[s] ?? 0, A: S.namesVsUnion.A[s] ?? 0, B: S.namesVsUnion.B[s] ?? 0,
  'A extra (whole list)': S.extraCounts.A[s] ?? 0, 'B extra (whole list)': S.extraCounts.B[s] ?? 0 })));
console.log('A extra: @angular/core exports starting with ɵɵ; every export of rxjs and rxjs/operators. B extra: every non-ɵ export of the listed packages (entry point only).');
console.log('\n== Names only one module imports that A / B would NOT cover by their extra names (would need a platform rebuild if first imported by that module)');
const tot = (o) => Object.values(o).reduce((a, v) => a + v.length, 0);
console.table(Object.keys(r.perModule).map((m) => ({ module: m, unique: r.perModule[m].unique, 'outside A': S.uniqueOutsideA[m].length, 'outside B': S.uniqueOutsideB[m].length,
  'names outside A': S.uniqueOutsideA[m].join(' ') })));
console.log(`total unique ${Object.values(r.perModule).reduce((a, v) => a + v.unique, 0)}, outside A ${tot(S.uniqueOutsideA)}, outside B ${tot(S.uniqueOutsideB)}`);
