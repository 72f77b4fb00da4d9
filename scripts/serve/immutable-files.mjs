// The immutable build folders (/modules/<name>/<build id>/, /platform/<build id>/) served from memory.
//
// A cold page asks for ~33 files at once, and the start server shares the machine with the browser:
// @fastify/static's path per file (stats of the .br/.gz/plain copies, a read stream, the send pipeline)
// cost the server ~25 ms of CPU per cold page, ~7 ms from memory (ADR 0020).
// A file in a build folder never changes (its folder is named after its content), so it is read once,
// with its precompressed copies, and answered from memory; a stat per request still notices a folder
// that was removed or rewritten (a new build of the same content in development), and then reads again.
import fs from 'node:fs';
import path from 'node:path';
import { acceptedEncodings } from './page-encoding.mjs';

const TYPES = { '.js': 'application/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json; charset=utf-8' };

/**
 * A Fastify route handler for `prefix` (`/modules/`, `/platform/`) serving files under `root` from
 * memory, with the headers @fastify/static sent (content type, ETag, Last-Modified, Vary) and the
 * caller's `headers(file)` (Cache-Control, nosniff). Ranges are not served: module scripts are never
 * asked for by range, and a request with a Range header gets the whole file (RFC 9110 allows it).
 * @param {string} root
 * @param {string} prefix
 * @param {(file: string) => Record<string, string>} headers
 */
export function immutableFiles(root, prefix, headers) {
  const cache = new Map();
  const load = (file) => {
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      cache.delete(file);
      return null;
    }
    if (!stat.isFile()) return null;
    const known = cache.get(file);
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known;
    // Each copy with the validators @fastify/static gave it: from that copy's own size and time.
    const copy = (suffix, copyStat) => {
      try {
        const own = copyStat ?? fs.statSync(file + suffix);
        return { body: fs.readFileSync(file + suffix), etag: `W/"${own.size.toString(16)}-${own.mtime.getTime().toString(16)}"`, lastModified: own.mtime.toUTCString() };
      } catch {
        return null;
      }
    };
    const entry = {
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      copies: { identity: copy('', stat), br: copy('.br'), gzip: copy('.gz') },
      type: TYPES[path.extname(file)] ?? 'application/octet-stream',
      headers: headers(file),
    };
    cache.set(file, entry);
    return entry;
  };
  return (request, reply) => {
    let relative;
    try {
      relative = decodeURIComponent(request.url.split('?')[0].slice(prefix.length));
    } catch {
      return reply.callNotFound();
    }
    const file = path.join(root, relative);
    // Only files inside the root: `..`, absolute paths and NUL never reach the file system.
    if (relative.includes('\0') || !file.startsWith(root + path.sep) || relative.split('/').includes('..')) return reply.callNotFound();
    const entry = load(file);
    if (!entry) return reply.callNotFound();
    const encoding = acceptedEncodings(request.headers['accept-encoding']).find((e) => entry.copies[e]);
    const sent = entry.copies[encoding ?? 'identity'];
    if (!sent) return reply.callNotFound();
    reply.header('ETag', sent.etag).header('Last-Modified', sent.lastModified).header('Vary', 'accept-encoding');
    for (const [name, value] of Object.entries(entry.headers)) reply.header(name, value);
    if (request.headers['if-none-match'] === sent.etag) return reply.code(304).send();
    if (encoding) reply.header('Content-Encoding', encoding);
    return reply.type(entry.type).send(sent.body);
  };
}
