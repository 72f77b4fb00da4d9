// Facts about the workspace that the build, the start server and the bench share.
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Modules: every folder under projects/ (but shared/) that has a federation.config.js. */
export function moduleNames() {
  return fs
    .readdirSync(path.join(ROOT, 'projects'))
    .filter((name) => name !== 'shared' && fs.existsSync(path.join(ROOT, 'projects', name, 'federation.config.js')))
    .sort();
}

/** Exact versions of the packages modules share at runtime, as the lockfile installed them. */
export function sharedVersions() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const versions = {};
  for (const name of Object.keys(pkg.dependencies)) {
    const file = path.join(ROOT, 'node_modules', name, 'package.json');
    if (fs.existsSync(file)) versions[name] = JSON.parse(fs.readFileSync(file, 'utf8')).version;
  }
  return versions;
}
