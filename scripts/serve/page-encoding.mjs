// The page itself (index.html with its nonce, inline manifest and hints) differs per response, so it
// cannot be compressed at build time like the static files: it is compressed per response instead,
// quickly (a few KB). No user input is reflected into it, so compressing it leaks nothing (BREACH).
import zlib from 'node:zlib';

/**
 * The compressed encodings a request accepts (q=0 refuses one, `*` stands for the others), Brotli first.
 * Also how the start server picks the precompressed copy of a build file (immutable-files.mjs).
 * @param {string | undefined} acceptEncoding
 * @returns {('br' | 'gzip')[]}
 */
export function acceptedEncodings(acceptEncoding) {
  const accepted = new Map();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const ok = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return /** @type {('br' | 'gzip')[]} */ (['br', 'gzip'].filter(ok));
}

/**
 * The encoding to send `body` with, from the request's Accept-Encoding, preferring Brotli.
 * @param {string | undefined} acceptEncoding
 * @returns {'br' | 'gzip' | null}
 */
export function pageEncoding(acceptEncoding) {
  return acceptedEncodings(acceptEncoding)[0] ?? null;
}

/** `body` encoded as `encoding` (fast settings: this runs per page response). */
export function encodePage(body, encoding) {
  if (encoding === 'br') return zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
  if (encoding === 'gzip') return zlib.gzipSync(body, { level: 6 });
  return Buffer.from(body);
}
