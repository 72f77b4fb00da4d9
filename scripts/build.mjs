// `npm run build`: the whole product in production mode: API types, shell, every module, manifest.
// Flags: --force rebuilds unchanged modules; module names limit the module builds to those.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, moduleNames, sharedVersions } from './build/workspace.mjs';
import { buildShell } from './build/shell.mjs';
import { buildModule, checkSharedVersions, currentBuild, writeManifest } from './build/modules.mjs';
import { buildPlatform, neededByAll, unionOfNeeds } from './build/platform.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
const only = args.filter((a) => !a.startsWith('--'));
const timings = [];
const time = async (label, fn) => {
  const started = Date.now();
  const result = await fn();
  timings.push([label, (Date.now() - started) / 1000]);
  return result;
};

await time('api types', () => execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-api.mjs')], { stdio: 'inherit' }));
await time('shell', () => buildShell());
const builds = {};
for (const name of moduleNames()) {
  if (only.length && !only.includes(name)) continue;
  builds[name] = await time(`module ${name}`, () => buildModule(name, { force }));
}
const skew = moduleNames().flatMap((name) => checkSharedVersions(name, sharedVersions()));
if (skew.length) {
  console.error(`build: version skew, refusing to publish a manifest:\n  ${skew.join('\n  ')}`);
  process.exit(1);
}
// Built from every module the manifest will list, so that it covers them all (docs/adr/0018).
const needsList = moduleNames()
  .map((name) => readNeeds(name, builds[name] ?? currentBuild(name)))
  .filter(Boolean);
const platform = await time('platform', () => buildPlatform(unionOfNeeds(needsList), { everywhere: neededByAll(needsList) }));
await time('manifest', () => writeManifest(builds, platform));
console.log(`platform ${platform.buildId}${platform.reused ? ' (unchanged)' : ''}`);
console.log('\nbuild timings:');
for (const [label, seconds] of timings) console.log(`  ${label.padEnd(28)} ${seconds.toFixed(1)} s`);

function readNeeds(name, build) {
  if (!build) return null;
  const file = path.join(ROOT, 'dist/modules', name, build.buildId, 'needs.json');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
