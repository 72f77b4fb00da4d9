// Native Federation names a shared package's bundle after a hash of its version, its absolute entry
// path and the federation config, not of its bytes: the same commit built in another folder gets
// other names for identical files, and a changed bundle (new esbuild, patched package) could keep
// its name. Names must mean content (immutable caching, the shell's cross-remote preload and the
// build id all rely on it), so each shared bundle is renamed after a hash of its own bytes.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const HASHED = /^(.+)\.[A-Za-z0-9_-]{10}(-dev)?\.js$/;
// Files that name the shared bundles (the app's own chunks import them by bare specifier).
const INDEXES = ['remoteEntry.json', 'importmap.json'];

/** Renames every shared bundle of a build folder after its content; returns the renames `{ old: new }`. */
export function nameSharedBundlesByContent(folder) {
  const entry = JSON.parse(fs.readFileSync(path.join(folder, 'remoteEntry.json'), 'utf8'));
  const renames = {};
  for (const { outFileName } of entry.shared ?? []) {
    const match = HASHED.exec(outFileName);
    if (!match || renames[outFileName] || !fs.existsSync(path.join(folder, outFileName))) continue;
    const bytes = fs.readFileSync(path.join(folder, outFileName));
    const hash = crypto.createHash('sha256').update(bytes).digest('base64url').slice(0, 10);
    const renamed = `${match[1]}.${hash}${match[2] ?? ''}.js`;
    if (renamed === outFileName) continue;
    fs.renameSync(path.join(folder, outFileName), path.join(folder, renamed));
    if (fs.existsSync(path.join(folder, `${outFileName}.map`))) fs.renameSync(path.join(folder, `${outFileName}.map`), path.join(folder, `${renamed}.map`));
    renames[outFileName] = renamed;
  }
  for (const index of INDEXES) {
    const file = path.join(folder, index);
    if (!fs.existsSync(file)) continue;
    let text = fs.readFileSync(file, 'utf8');
    for (const [from, to] of Object.entries(renames)) text = text.replaceAll(`"${from}"`, `"${to}"`);
    fs.writeFileSync(file, text);
  }
  return renames;
}
