// Writes a Brotli (.br) and a gzip (.gz) copy next to every compressible file of a build folder, once at
// build time: the start server (and any CDN that honours them) sends those instead of compressing each
// response, so a page downloads ~325 KiB of JS instead of ~1.1 MB without costing CPU per request.
// Both encoders are deterministic (zlib writes no timestamp), so reproducible builds stay byte-identical.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);
// Files that change in place after the build (the manifest moves per deployment, index.html is a
// template the server fills per response): a stale compressed copy of them would be served as current.
const NEVER = new Set(['index.html', 'mfe-manifest.json', 'build.json']);
// Below this a compressed copy saves less than a packet's worth and costs a file.
const MIN_BYTES = 1024;

/**
 * @param {string} folder a build folder (not recursive: build folders are flat)
 * @returns {{ files: number, raw: number, br: number, gzip: number }}
 */
export function precompressFolder(folder) {
  const totals = { files: 0, raw: 0, br: 0, gzip: 0 };
  for (const name of fs.readdirSync(folder).sort()) {
    const file = path.join(folder, name);
    if (NEVER.has(name) || !COMPRESSIBLE.has(path.extname(name)) || !fs.statSync(file).isFile()) continue;
    const raw = fs.readFileSync(file);
    if (raw.length < MIN_BYTES) continue;
    const br = zlib.brotliCompressSync(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    });
    const gzip = zlib.gzipSync(raw, { level: zlib.constants.Z_BEST_COMPRESSION });
    // A copy that is not smaller is not worth sending (the server falls back to the file itself).
    if (br.length < raw.length) fs.writeFileSync(`${file}.br`, br);
    if (gzip.length < raw.length) fs.writeFileSync(`${file}.gz`, gzip);
    totals.files += 1;
    totals.raw += raw.length;
    totals.br += Math.min(br.length, raw.length);
    totals.gzip += Math.min(gzip.length, raw.length);
  }
  return totals;
}
