// Two clean production builds of the same sources must be byte-identical: content-hashed file names
// are only trustworthy (and immutable caching only safe) if the same input always gives the same bytes.
// Builds each module twice, each time from a fresh copy of the sources in its own folder with no
// build cache (so neither absolute paths nor caches can leak in), and compares every file; then the
// platform bundle twice, from the needs of the first module build and the current builds of the others.
//
//   node scripts/check-reproducible.mjs              # the CI sample: qr-codes (see docs/deploy.md)
//   node scripts/check-reproducible.mjs fans menus   # those modules
//   node scripts/check-reproducible.mjs --all        # every module (on demand: ~2 builds per module)
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, moduleNames } from './build/workspace.mjs';
import { buildInCopy, compareFolders } from './build/build-in-copy.mjs';
import { currentBuild } from './build/modules.mjs';
import { buildPlatform, neededByAll, unionOfNeeds } from './build/platform.mjs';

export const CI_SAMPLE = ['qr-codes'];

const args = process.argv.slice(2);
const modules = args.includes('--all') ? moduleNames() : args.filter((a) => !a.startsWith('--'));
const names = modules.length ? modules : CI_SAMPLE;
const unknown = names.filter((n) => !moduleNames().includes(n));
if (unknown.length) {
  console.error(`check-reproducible: unknown module(s): ${unknown.join(', ')}`);
  process.exit(2);
}

const base = path.join(ROOT, 'tmp/reproducible');
let failed = false;
for (const name of names) {
  const builds = ['first', 'second'].map((run) =>
    buildInCopy(name, { workDir: path.join(base, `${run}-src`), outDir: path.join(base, run, name) }),
  );
  const [first, second] = builds;
  const differences = compareFolders(first.folder, second.folder);
  const files = fs.readdirSync(first.folder).length;
  if (first.buildId !== second.buildId || differences.length) {
    failed = true;
    console.error(`check-reproducible: ${name}: builds ${first.buildId} and ${second.buildId} differ:\n  ${differences.join('\n  ')}`);
  } else {
    console.log(`check-reproducible: ${name}: ${files} files byte-identical (build ${first.buildId}; ${builds.map((b) => `${b.seconds.toFixed(0)} s`).join(' + ')})`);
  }
}
// The platform bundle (docs/adr/0018), built twice into fresh folders from the same needs.
{
  const needsOf = (name) => {
    const folder = name === names[0] ? path.join(base, 'first', name, fs.readdirSync(path.join(base, 'first', name))[0]) : path.join(ROOT, 'dist/modules', name, currentBuild(name)?.buildId ?? '-');
    return fs.existsSync(path.join(folder, 'needs.json')) ? JSON.parse(fs.readFileSync(path.join(folder, 'needs.json'), 'utf8')) : null;
  };
  const needsList = moduleNames().map(needsOf).filter(Boolean);
  const needs = unionOfNeeds(needsList);
  const platforms = [];
  for (const run of ['first', 'second']) platforms.push(await buildPlatform(needs, { dist: path.join(base, `platform-${run}`), everywhere: neededByAll(needsList) }));
  const differences = compareFolders(platforms[0].folder, platforms[1].folder);
  if (platforms[0].buildId !== platforms[1].buildId || differences.length) {
    failed = true;
    console.error(`check-reproducible: platform: builds ${platforms[0].buildId} and ${platforms[1].buildId} differ:\n  ${differences.join('\n  ')}`);
  } else {
    console.log(`check-reproducible: platform: ${fs.readdirSync(platforms[0].folder).length} files byte-identical (build ${platforms[0].buildId}; ${platforms.map((p) => `${p.seconds.toFixed(0)} s`).join(' + ')})`);
  }
}
// Kept on failure, to diff the two builds.
if (!failed) fs.rmSync(base, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
