// Builds each federated module with `ng build` (one after another: two at once are not faster on
// two cores), skipping a module whose inputs have not changed since its last build, and moves each
// build into an immutable folder named after its content: dist/modules/<name>/<build-id>/.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { ROOT, moduleNames } from './workspace.mjs';
import { writePreloadGraph } from './preload-graph.mjs';
import { nameSharedBundlesByContent } from './content-names.mjs';
import { minifySharedBundles } from './minify-shared.mjs';
import { precompressFolder } from './precompress.mjs';
import { addEagerCompileHint } from './compile-hints.mjs';
import { writeNeeds } from './platform-needs.mjs';

// The post-processing steps count too: they change what lands in the build folder.
const SHARED_INPUTS = [
  'projects/shared',
  'federation.shared.js',
  'angular.json',
  'tsconfig.json',
  'package-lock.json',
  'mocks/openapi.yaml',
  'scripts/build/content-names.mjs',
  'scripts/build/minify-shared.mjs',
  'scripts/build/preload-graph.mjs',
  'scripts/build/platform-needs.mjs',
  'scripts/build/precompress.mjs',
  'scripts/build/compile-hints.mjs',
];

function filesUnder(relative) {
  const full = path.join(ROOT, relative);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [relative];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules')
    .flatMap((entry) => filesUnder(path.join(relative, entry.name)))
    .sort();
}

/** A hash of everything a module's build reads, so an unchanged module is not rebuilt. */
export function fingerprint(name) {
  const hash = crypto.createHash('sha256');
  for (const file of [...filesUnder(`projects/${name}`), ...SHARED_INPUTS.flatMap(filesUnder)]) {
    if (file.endsWith('.spec.ts')) continue;
    hash.update(file).update(fs.readFileSync(path.join(ROOT, file)));
  }
  return hash.digest('hex');
}

/** The build folder of a module: dist/modules/<name>/<build-id>, or null if never built. */
export function currentBuild(name, dist = path.join(ROOT, 'dist')) {
  const dir = path.join(dist, 'modules', name);
  const marker = path.join(dir, 'build.json');
  if (!fs.existsSync(marker)) return null;
  const info = JSON.parse(fs.readFileSync(marker, 'utf8'));
  return fs.existsSync(path.join(dir, info.buildId, 'remoteEntry.json')) ? info : null;
}

export function buildModule(name, { force = false } = {}) {
  const print = fingerprint(name);
  const previous = currentBuild(name);
  if (!force && previous?.fingerprint === print) {
    console.log(`build: ${name} unchanged, reusing ${previous.buildId}`);
    return { ...previous, skipped: true };
  }
  const started = Date.now();
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@angular/cli/bin/ng.js'), 'build', name], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
  });
  const dir = path.join(ROOT, 'dist/modules', name);
  const buildId = settleBuildOutput(dir);
  const target = path.join(dir, buildId);
  fs.mkdirSync(target);
  for (const entry of fs.readdirSync(dir)) {
    if (entry !== buildId) fs.renameSync(path.join(dir, entry), path.join(target, entry));
  }
  finishBuildFolder(target);
  const info = { name, buildId, fingerprint: print, seconds: (Date.now() - started) / 1000 };
  fs.writeFileSync(path.join(dir, 'build.json'), JSON.stringify(info, null, 2));
  return info;
}

/**
 * Turns what `ng build` wrote into `dir` into the files we deploy (shared bundles minified, the compile
 * hint first in every script, shared bundles named after their bytes) and returns the build id: a hash
 * of every file's name and bytes, so a folder's name means its content even when only a
 * post-processing step changed (Angular names its own chunks before these steps run).
 */
export function settleBuildOutput(dir) {
  minifySharedBundles(dir);
  addEagerCompileHint(dir);
  nameSharedBundlesByContent(dir);
  const hash = crypto.createHash('sha256');
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const file of files.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort()) {
    hash.update(`${file}\0`).update(fs.readFileSync(path.join(dir, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * What every module build folder gets once its files are final: the preload graph, the names it
 * imports from the shared packages (needs.json), and precompressed copies of everything.
 */
export function finishBuildFolder(folder) {
  writePreloadGraph(folder);
  writeNeeds(folder);
  precompressFolder(folder);
}

/**
 * Refuses version skew at build time, as the shell does at run time: every shared package a module's
 * remoteEntry.json declares must be the version this workspace's lockfile installed.
 */
export function checkSharedVersions(name, expected, dist = path.join(ROOT, 'dist')) {
  const build = currentBuild(name, dist);
  if (!build) return [];
  const entry = JSON.parse(fs.readFileSync(path.join(dist, 'modules', name, build.buildId, 'remoteEntry.json'), 'utf8'));
  const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  return entry.shared
    .filter((s) => expected[packageOf(s.packageName)] && expected[packageOf(s.packageName)] !== s.version)
    .map((s) => `${name} shares ${s.packageName}@${s.version}, the workspace has ${expected[packageOf(s.packageName)]}`);
}

/** The runtime manifest (ARCHITECTURE §3) for the current builds, from each module's applications.json. */
export function writeManifest(builds, platform) {
  const manifest = { remotes: {}, applications: [], parcels: {} };
  for (const name of moduleNames()) {
    const build = builds[name] ?? currentBuild(name);
    if (!build) continue;
    manifest.remotes[name] = `/modules/${name}/${build.buildId}/remoteEntry.json`;
    const declared = JSON.parse(fs.readFileSync(path.join(ROOT, 'projects', name, 'applications.json'), 'utf8'));
    for (const app of declared.applications ?? declared) manifest.applications.push({ remote: name, ...app });
    Object.assign(manifest.parcels, Object.fromEntries(Object.entries(declared.parcels ?? {}).map(([p, exposed]) => [p, { remote: name, exposed }])));
  }
  // The start server's business, not the shell's: it maps the shared packages to the platform's files
  // on a page when the platform covers every remote above (docs/adr/0018).
  if (platform) manifest.platform = platform.url;
  fs.mkdirSync(path.join(ROOT, 'dist/shell'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'dist/shell/mfe-manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}
