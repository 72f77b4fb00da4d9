// Each widget parcel's own JS (gzip), beyond the shared frameworks, read from the production build
// in dist/ (no browser needed). The lead wires it into `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'](\.\/[^"']+)["']\s*\)/g;
const gzip = (buffer) => zlib.gzipSync(buffer).length;

/**
 * For every parcel of `dist/shell/mfe-manifest.json`: the bytes its exposed entry loads by static
 * imports inside its remote (chunks shared with the remote's other entries included, shared
 * framework packages excluded: they come from the import map), and, apart, what it may load later by
 * dynamic imports (translations, lazily opened dialogs).
 *
 * @param {{ dist?: string }} [options] the dist folder (default: ./dist of the current directory)
 * @returns {{ parcel: string, remote: string, entry: string, gzip: number, raw: number, files: number,
 *             lazyGzip: number, lazyFiles: number }[]}
 */
export function widgetBytes({ dist = path.resolve('dist') } = {}) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'shell/mfe-manifest.json'), 'utf8'));
  return Object.entries(manifest.parcels ?? {}).map(([parcel, { remote, exposed }]) => {
    const entryUrl = manifest.remotes[remote];
    const folder = path.join(dist, path.dirname(entryUrl.replace(/^\//, '')));
    const remoteEntry = JSON.parse(fs.readFileSync(path.join(folder, 'remoteEntry.json'), 'utf8'));
    const entry = remoteEntry.exposes.find((e) => e.key === exposed)?.outFileName;
    if (!entry) throw new Error(`${remote} does not expose ${exposed}`);
    const shared = new Set(remoteEntry.shared.map((s) => s.outFileName));
    const eager = closure(folder, [entry], shared, STATIC_IMPORT);
    const lazyRoots = [...eager].flatMap((file) => imports(folder, file, DYNAMIC_IMPORT)).filter((f) => !eager.has(f) && !shared.has(f));
    const lazy = closure(folder, lazyRoots, new Set([...shared, ...eager]), STATIC_IMPORT);
    const sum = (files, measure) => [...files].reduce((total, f) => total + measure(fs.readFileSync(path.join(folder, f))), 0);
    return {
      parcel,
      remote,
      entry,
      gzip: sum(eager, gzip),
      raw: sum(eager, (b) => b.length),
      files: eager.size,
      lazyGzip: sum(lazy, gzip),
      lazyFiles: lazy.size,
    };
  });
}

function imports(folder, file, pattern) {
  const source = fs.readFileSync(path.join(folder, file), 'utf8');
  return [...source.matchAll(pattern)].map((m) => path.normalize(m[1]));
}

function closure(folder, roots, excluded, pattern) {
  const seen = new Set();
  const queue = roots.filter((f) => !excluded.has(f));
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of imports(folder, file, pattern)) if (!seen.has(next) && !excluded.has(next)) queue.push(next);
  }
  return seen;
}

// `node bench/lib/widget-bytes.mjs`: print the figures against the 40 KiB budget.
if (import.meta.url === `file://${process.argv[1]}`) {
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  for (const w of widgetBytes()) {
    console.log(`${w.parcel.padEnd(22)} ${kib(w.gzip)} gzip (${kib(w.raw)} raw, ${w.files} files) ${w.gzip <= 40 * 1024 ? 'ok' : 'OVER'} ≤ 40 KiB; lazy ${kib(w.lazyGzip)} (${w.lazyFiles} files)`);
  }
}
