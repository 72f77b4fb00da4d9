// The platform bundle (docs/adr/0018): what a module build needs, the bundle built from the union of
// the needs, and the start server's all-or-nothing decision per page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL, collectNeeds, importedNames, missingFrom } from '../build/platform-needs.mjs';
import { buildPlatform, entryGroups, entrySource, neededByAll, unionOfNeeds } from '../build/platform.mjs';
import { buildFileReader, choosePlatform, platformTags, platformTurnedOff } from '../serve/platform.mjs';

const asObject = (needs) => Object.fromEntries([...needs].map(([specifier, names]) => [specifier, [...names].sort()]));

test('a namespace import needs the names its uses read, and all of the package when used otherwise', () => {
  const code = `import * as i0 from "@angular/core"; import * as r from "rxjs";
    i0.ɵɵtext(1); i0["inject"](); const shadow = (i0) => i0.notCounted; r.of(1); use(r);`;
  assert.deepEqual(asObject(importedNames(code)), { '@angular/core': ['inject', 'ɵɵtext'], rxjs: [ALL, 'of'] });
});

test('named, renamed, default, side-effect imports, re-exports and import() are needs; relative and internal ones are not', () => {
  const code = `import { map as m, filter } from "rxjs/operators"; import uPlot from "uplot"; import "tslib";
    import { a } from "./chunk-A.js"; import { b } from "@nf-internal/chunk-B";
    export { createAction } from "@ngrx/store"; export * from "@ngrx/effects"; const lazy = () => import("openapi-fetch");
    m(a, b, filter, uPlot, lazy);`;
  assert.deepEqual(asObject(importedNames(code)), {
    'rxjs/operators': ['filter', 'map'],
    uplot: ['default'],
    tslib: [],
    '@ngrx/store': ['createAction'],
    '@ngrx/effects': [ALL],
    'openapi-fetch': [ALL],
  });
});

test("a build folder's needs leave out its shared bundles and merge its own files, sorted", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'needs-'));
  fs.writeFileSync(path.join(folder, 'remoteEntry.json'), JSON.stringify({ shared: [{ packageName: 'rxjs', outFileName: 'rxjs.ABC.js' }] }));
  fs.writeFileSync(path.join(folder, 'rxjs.ABC.js'), 'import { internal } from "@angular/core"; export const of = 1;');
  fs.writeFileSync(path.join(folder, 'main-1.js'), 'import { of } from "rxjs"; import { Component } from "@angular/core";');
  fs.writeFileSync(path.join(folder, 'chunk-2.js'), 'import { map, of } from "rxjs";');
  assert.deepEqual(collectNeeds(folder), { '@angular/core': ['Component'], rxjs: ['map', 'of'] });
});

test('the union of needs keeps every name once; a whole-package need wins', () => {
  assert.deepEqual(unionOfNeeds([{ rxjs: ['of', 'map'], tslib: [] }, { rxjs: ['map', 'filter'], uplot: [ALL] }, { uplot: ['default'] }]), {
    rxjs: ['filter', 'map', 'of'],
    tslib: [],
    uplot: [ALL],
  });
});

test('an entry re-exports exactly the needed names, everything with default, or only runs a side-effect package', () => {
  assert.equal(entrySource('rxjs', ['map', 'of']), 'export { map, of } from "rxjs";\n');
  assert.match(entrySource('uplot', [ALL]), /export \* from "uplot";\nexport default all\.default;/);
  assert.equal(entrySource('tslib', []), 'import "tslib";\n');
});

test('missing names are listed per specifier; a whole package covers any name', () => {
  assert.deepEqual(missingFrom({ rxjs: ['map', 'of'], uplot: ['default'], '@angular/forms': ['NgModel'] }, { rxjs: ['map'], uplot: [ALL] }), [
    'rxjs: of',
    '@angular/forms (not in the platform)',
  ]);
  assert.deepEqual(missingFrom({ rxjs: ['map'] }, { rxjs: ['map', 'of'] }), []);
});

// A deployment as the start server reads it: JSON files of build folders by URL.
const deployment = (files) => (url) => files[url] ?? null;
const platformJson = { imports: { rxjs: 'platform-rxjs-A.js' }, exports: { rxjs: ['map', 'of'] }, files: { 'platform-rxjs-A.js': { s: [], d: [] } } };
const manifest = { platform: '/platform/p1/platform.json', remotes: { fans: '/modules/fans/f1/remoteEntry.json', menus: '/modules/menus/m1/remoteEntry.json' } };

test('a page uses the platform when it covers every remote of the manifest, at the platform folder URLs', () => {
  const read = deployment({ '/platform/p1/platform.json': platformJson, '/modules/fans/f1/needs.json': { rxjs: ['of'] }, '/modules/menus/m1/needs.json': { rxjs: ['map'] } });
  assert.deepEqual(choosePlatform(manifest, read), { imports: { rxjs: '/platform/p1/platform-rxjs-A.js' }, files: platformJson.files });
});

test('one remote that needs more, has no needs.json, or lives elsewhere turns the platform off for the page, with the reason', () => {
  const base = { '/platform/p1/platform.json': platformJson, '/modules/fans/f1/needs.json': { rxjs: ['of'] } };
  assert.match(choosePlatform(manifest, deployment({ ...base, '/modules/menus/m1/needs.json': { rxjs: ['map', 'filter'] } })).off, /menus needs rxjs: filter/);
  assert.match(choosePlatform(manifest, deployment(base)).off, /menus .* has no needs\.json/);
  const elsewhere = { ...manifest, remotes: { ...manifest.remotes, menus: 'https://cdn.example.com/menus/m1/remoteEntry.json' } };
  assert.match(choosePlatform(elsewhere, buildFileReader('/nonexistent')).off, /cannot be read/);
  assert.match(choosePlatform({ remotes: manifest.remotes }, deployment(base)).off, /names no platform/);
});

test('the build file reader reads only build folders under dist', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-'));
  fs.mkdirSync(path.join(dist, 'platform/p1'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'platform/p1/platform.json'), '{"ok":true}');
  fs.writeFileSync(path.join(dist, 'secret.json'), '{"secret":true}');
  const read = buildFileReader(dist);
  assert.deepEqual(read('/platform/p1/platform.json'), { ok: true });
  assert.equal(read('/platform/../secret.json'), null);
  assert.equal(read('/shell/mfe-manifest.json'), null);
  assert.equal(read('https://cdn.example.com/modules/x/remoteEntry.json'), null);
});

test('the page tags carry the nonce and cannot be closed by their contents', () => {
  const tags = platformTags({ imports: { x: '/platform/p1/</script><script>alert(1)</script>.js' }, files: {} }, 'NONCE');
  assert.match(tags, /^<script type="importmap" nonce="NONCE">\{"imports":/);
  assert.equal((tags.match(/<\/script>/g) ?? []).length, 2);
  assert.match(tags, /id="wx-platform"/);
});

test('the wx-platform=off cookie turns the platform off, no other value does', () => {
  assert.equal(platformTurnedOff('a=1; wx-platform=off'), true);
  assert.equal(platformTurnedOff('wx-platform=offline'), false);
  assert.equal(platformTurnedOff(undefined), false);
});

test('the platform built from needs exports exactly them, works, and is the same bytes twice', { timeout: 120_000 }, async () => {
  const needs = { rxjs: ['BehaviorSubject', 'map'], 'rxjs/operators': ['filter'] };
  const builds = [];
  for (const run of [1, 2]) {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), `platform-${run}-`));
    const built = await buildPlatform(needs, { dist });
    const description = JSON.parse(fs.readFileSync(path.join(built.folder, 'platform.json'), 'utf8'));
    builds.push({ built, description, dist });
  }
  const [{ built, description }, second] = builds;
  assert.equal(second.built.buildId, built.buildId);
  assert.deepEqual(second.description, description);
  assert.deepEqual(description.exports, needs);
  assert.deepEqual(Object.keys(description.imports), ['rxjs', 'rxjs/operators']);
  for (const file of Object.keys(description.files)) assert.match(file, /^platform-/);
  // The bundle is browser ESM; Node runs it as ESM from a folder marked so.
  fs.writeFileSync(path.join(built.folder, 'package.json'), '{"type":"module"}');
  const rxjs = await import(pathToFileURL(path.join(built.folder, description.imports.rxjs)).href);
  const operators = await import(pathToFileURL(path.join(built.folder, description.imports['rxjs/operators'])).href);
  assert.deepEqual(Object.keys(rxjs).sort(), ['BehaviorSubject', 'map']);
  const seen = [];
  const subject = new rxjs.BehaviorSubject(1);
  subject.pipe(rxjs.map((x) => x * 10), operators.filter((x) => x > 10)).subscribe((x) => seen.push(x));
  subject.next(2);
  assert.deepEqual(seen, [20]);
  // Unchanged needs reuse the folder.
  assert.equal((await buildPlatform(needs, { dist: second.dist })).reused, true);
});

test('the packages every module imports are those in every needs list', () => {
  assert.deepEqual(neededByAll([{ rxjs: ['of'], tslib: [], uplot: [ALL] }, { uplot: ['default'], rxjs: [] }, { rxjs: ['map'], uplot: [] }]), ['rxjs', 'uplot']);
  assert.deepEqual(neededByAll([]), []);
});

test('the packages every page loads share one entry unless a name clashes or the whole package is needed; the others have their own', () => {
  const needs = {
    '@angular/core': ['DOCUMENT', 'inject', 'signal'],
    '@angular/common': ['DOCUMENT', 'DatePipe'],
    rxjs: ['map', 'of'],
    'rxjs/operators': ['map'],
    uplot: [ALL],
    '@angular/forms': ['FormControl'],
  };
  assert.deepEqual(entryGroups(needs, ['@angular/core', '@angular/common', 'rxjs', 'rxjs/operators', 'uplot']), [
    { out: 'platform-angular-common', specifiers: ['@angular/common'] },
    { out: 'platform-angular-forms', specifiers: ['@angular/forms'] },
    { out: 'platform-rxjs-operators', specifiers: ['rxjs/operators'] },
    { out: 'platform-shared', specifiers: ['@angular/core', 'rxjs'] },
    { out: 'platform-uplot', specifiers: ['uplot'] },
  ]);
  // Nothing everywhere: one entry per package, as before; a single shared one keeps its own name.
  assert.deepEqual(entryGroups(needs).map((group) => group.out), ['platform-angular-common', 'platform-angular-core', 'platform-angular-forms', 'platform-rxjs', 'platform-rxjs-operators', 'platform-uplot']);
  assert.deepEqual(entryGroups({ rxjs: ['of'], uplot: [ALL] }, ['rxjs']), [
    { out: 'platform-rxjs', specifiers: ['rxjs'] },
    { out: 'platform-uplot', specifiers: ['uplot'] },
  ]);
});

test('packages built into the shared entry are one file the import map names for each, exporting both packages’ names', { timeout: 120_000 }, async () => {
  const needs = { rxjs: ['BehaviorSubject', 'map'], 'openapi-fetch': ['default'], 'rxjs/operators': ['map'] };
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-shared-'));
  const built = await buildPlatform(needs, { dist, everywhere: ['rxjs', 'openapi-fetch', 'rxjs/operators'] });
  const description = JSON.parse(fs.readFileSync(path.join(built.folder, 'platform.json'), 'utf8'));
  assert.equal(description.imports.rxjs, description.imports['openapi-fetch']);
  assert.match(description.imports.rxjs, /^platform-shared-/);
  assert.match(description.imports['rxjs/operators'], /^platform-rxjs-operators-/);
  fs.writeFileSync(path.join(built.folder, 'package.json'), '{"type":"module"}');
  const shared = await import(pathToFileURL(path.join(built.folder, description.imports.rxjs)).href);
  const operators = await import(pathToFileURL(path.join(built.folder, description.imports['rxjs/operators'])).href);
  assert.deepEqual(Object.keys(shared).sort(), ['BehaviorSubject', 'default', 'map']);
  assert.equal(typeof shared.default, 'function');
  assert.equal(operators.map, shared.map);
});

test('the start server writes the platform into the page, module-preloads the first modules through it, and falls back by cookie', async () => {
  const { createServer } = await import('../serve.mjs');
  const { prepareDataDir, removeDataDir } = await import('../../mocks/test/helpers.mjs');
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-page-'));
  const write = (file, value) => {
    fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    fs.writeFileSync(path.join(dist, file), typeof value === 'string' ? value : JSON.stringify(value));
  };
  write('shell/index.html', '<head><script src="/shell.js" nonce="__CSP_NONCE__" defer></script></head><body></body>');
  write('shell/mfe-manifest.json', {
    platform: '/platform/p1/platform.json',
    remotes: { fans: '/modules/fans/f1/remoteEntry.json' },
    applications: [{ remote: 'fans', name: 'fans', exposed: './lifecycles', slot: 'main', routes: ['/wechat/fans'] }],
  });
  write('modules/fans/f1/remoteEntry.json', { exposes: [{ key: './lifecycles', outFileName: 'lifecycles-F1.js' }], shared: [{ packageName: 'rxjs', version: '7.8.2', outFileName: 'rxjs.W.js' }] });
  write('modules/fans/f1/preload.json', { files: { 'lifecycles-F1.js': { s: ['rxjs'], d: [] } } });
  write('modules/fans/f1/needs.json', { rxjs: ['of'] });
  write('platform/p1/platform.json', { imports: { rxjs: 'platform-rxjs-A.js' }, exports: { rxjs: ['map', 'of'] }, files: { 'platform-rxjs-A.js': { s: ['./platform-chunk-B.js'], d: [] }, 'platform-chunk-B.js': { s: [], d: [] } } });
  write('platform/p1/platform-rxjs-A.js', 'export {};');
  const dataDir = prepareDataDir();
  const warnings = [];
  const warn = console.warn;
  console.warn = (message) => warnings.push(message);
  const servers = [];
  const page = async (options, headers = {}) => {
    const app = await createServer({ dataDir, dist, ...options });
    servers.push(app);
    return (await app.inject({ method: 'GET', url: '/wechat/fans', headers })).body;
  };
  try {
    const body = await page({});
    const nonce = /script src="\/shell.js" nonce="([^"]+)"/.exec(body)[1];
    assert.match(body, new RegExp(`<script type="importmap" nonce="${nonce.replace(/[+/]/g, '\\$&')}">\\{"imports":\\{"rxjs":"/platform/p1/platform-rxjs-A.js"\\}\\}</script>`));
    assert.equal(JSON.parse(/id="wx-platform">(.*?)<\/script>/s.exec(body)[1]).imports.rxjs, '/platform/p1/platform-rxjs-A.js');
    const preloaded = [...body.matchAll(/<link rel="modulepreload" href="([^"]+)" nonce="([^"]+)"/g)];
    assert.deepEqual(preloaded.map(([, href]) => href).sort(), ['/modules/fans/f1/lifecycles-F1.js', '/platform/p1/platform-chunk-B.js', '/platform/p1/platform-rxjs-A.js']);
    assert.ok(preloaded.every(([, , n]) => n === nonce));
    assert.ok(body.indexOf('type="importmap"') < body.indexOf('rel="modulepreload"'), 'the import map comes before the module preloads');
    // The comparison switch leaves the preloads out; the cookie (and the option) the whole platform.
    assert.doesNotMatch(await page({ preloadModules: false }), /modulepreload/);
    for (const off of [await page({}, { cookie: 'wx-platform=off' }), await page({ platform: false })]) {
      assert.doesNotMatch(off, /importmap|wx-platform|modulepreload/);
    }
    assert.deepEqual(warnings, []);
    // A module that needs more than the platform has: whole packages, said once.
    write('modules/fans/f1/needs.json', { rxjs: ['of', 'filter'] });
    const app = await createServer({ dataDir, dist });
    servers.push(app);
    for (let i = 0; i < 2; i++) assert.doesNotMatch((await app.inject({ method: 'GET', url: '/wechat/fans' })).body, /importmap/);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /fans needs rxjs: filter/);
  } finally {
    console.warn = warn;
    for (const app of servers) await app.close();
    removeDataDir(dataDir);
  }
});
