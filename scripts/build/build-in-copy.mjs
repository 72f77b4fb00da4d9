// Builds one module from a copy of the workspace sources in another folder: a second, independent
// production build of the same commit (check-reproducible.mjs) or of a changed copy (the
// independent-deploy e2e), without touching this workspace's dist/ or sources.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT } from './workspace.mjs';
import { finishBuildFolder, settleBuildOutput } from './modules.mjs';

// What `ng build <module>` reads besides node_modules (which is linked, not copied), and what
// generates the API types (git-ignored, so regenerated in the copy as a clean checkout would).
const INPUTS = ['angular.json', 'tsconfig.json', 'package.json', 'package-lock.json', 'federation.shared.js', 'projects', 'mocks/openapi.yaml', 'scripts/gen-api.mjs'];
const SKIP = new Set(['node_modules', '.angular']);

/**
 * Copies the build inputs into `workDir` (emptied first), lets `edit(workDir)` change the copy, builds
 * `name` there in production mode and moves the output into `outDir/<build-id>/` with its preload graph,
 * named like scripts/build/modules.mjs names a build (`settleBuildOutput`).
 * Returns `{ buildId, folder, seconds }`.
 */
export function buildInCopy(name, { workDir, outDir, edit } = {}) {
  const started = Date.now();
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  for (const input of INPUTS) {
    fs.cpSync(path.join(ROOT, input), path.join(workDir, input), { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) && !src.includes('/generated') });
  }
  // Packages are linked one by one, but not node_modules/.cache: Native Federation caches the shared
  // packages' bundles there, and a clean build must bundle them itself.
  fs.mkdirSync(path.join(workDir, 'node_modules'));
  for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (entry !== '.cache') fs.symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(workDir, 'node_modules', entry));
  }
  edit?.(workDir);
  execFileSync(process.execPath, [path.join(workDir, 'scripts/gen-api.mjs'), '--force'], { cwd: workDir, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(process.execPath, [path.join(workDir, 'node_modules/@angular/cli/bin/ng.js'), 'build', name], {
    cwd: workDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
  });
  const built = path.join(workDir, 'dist/modules', name);
  const buildId = settleBuildOutput(built);
  const folder = path.join(outDir, buildId);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  fs.cpSync(built, folder, { recursive: true });
  finishBuildFolder(folder);
  fs.rmSync(workDir, { recursive: true, force: true });
  return { buildId, folder, seconds: (Date.now() - started) / 1000 };
}

/** Every file under `a` and `b` (relative paths) that differs, is missing on one side, or is extra. */
export function compareFolders(a, b) {
  const list = (root, dir = '') =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.join(dir, entry.name);
      return entry.isDirectory() ? list(root, relative) : [relative];
    });
  const left = new Set(list(a));
  const right = new Set(list(b));
  const differences = [];
  for (const file of [...new Set([...left, ...right])].sort()) {
    if (!left.has(file)) differences.push(`${file}: only in ${b}`);
    else if (!right.has(file)) differences.push(`${file}: only in ${a}`);
    else if (!fs.readFileSync(path.join(a, file)).equals(fs.readFileSync(path.join(b, file)))) differences.push(`${file}: contents differ`);
  }
  return differences;
}
