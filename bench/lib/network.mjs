// Records what a browser context fetches, so byte figures come from what the browser really
// received (not from the dist folder, which may hold files no page loads).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const isJs = (url, contentType) => /javascript|ecmascript/i.test(contentType ?? '') || /\.m?js$/.test(new URL(url).pathname);

/** gzip at zlib's default level (6), file by file: roughly what a web server sends with on-the-fly compression. */
export const gzipSize = (buffer) => zlib.gzipSync(buffer).length;

/**
 * Watches every request of `context`. Each finished JS response becomes an entry with its raw and gzip
 * size, the bytes actually sent (`wire`), and the browser's wall-clock start time, so a caller can split "before content was visible"
 * from "after". `distDir` is the fallback body source if the browser already dropped a body.
 */
export function recordNetwork(context, { distDir }) {
  let entries = [];
  let pending = [];
  let timeline = []; // every request, JS or not: where the cold start spends its time
  const problems = [];
  let inflight = 0;
  let lastActivity = Date.now();
  // EventSource streams stay open for the page's lifetime; they must not keep "network quiet" from ever happening.
  const counts = (request) => request.resourceType() !== 'eventsource' && request.resourceType() !== 'websocket';

  context.on('request', (request) => {
    lastActivity = Date.now();
    if (counts(request)) inflight++;
  });
  context.on('requestfailed', (request) => {
    lastActivity = Date.now();
    if (counts(request)) inflight--;
    // An aborted request on unmount is normal; a failed script is not.
    if (request.resourceType() === 'script') problems.push(`script failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  context.on('requestfinished', (request) => {
    lastActivity = Date.now();
    if (counts(request)) inflight--;
    const timing = request.timing();
    timeline.push({ path: new URL(request.url()).pathname, type: request.resourceType(), start: timing.startTime, end: timing.startTime + timing.responseEnd });
    const job = collect(request).catch((error) => problems.push(`could not read ${request.url()}: ${error.message}`));
    pending.push(job);
  });

  async function collect(request) {
    const url = request.url();
    if (!/^https?:/.test(url)) return;
    const response = await request.response();
    if (!response) return;
    const contentType = response.headers()['content-type'];
    if (!isJs(url, contentType)) return;
    const startTime = request.timing().startTime; // ms since the epoch, browser clock
    let body;
    let fromDisk = false;
    try {
      body = await response.body();
    } catch {
      body = fs.readFileSync(fileFor(distDir, new URL(url).pathname));
      fromDisk = true;
    }
    // What crossed the wire: the server's precompressed Brotli copy where the browser took it.
    const sizes = await request.sizes().catch(() => null);
    const wire = sizes && sizes.responseBodySize > 0 ? sizes.responseBodySize : body.length;
    entries.push({ url, path: new URL(url).pathname, status: response.status(), startTime, raw: body.length, gzip: gzipSize(body), wire, encoding: response.headers()['content-encoding'] ?? null, fromDisk });
  }

  return {
    problems,
    /** All JS entries finished so far (waits for bodies still being read). */
    async entries() {
      await Promise.all(pending);
      return [...entries].sort((a, b) => a.startTime - b.startTime);
    },
    /** Every finished request with its start and end (ms since the epoch, browser clock), by start. */
    timeline() {
      return [...timeline].sort((a, b) => a.start - b.start);
    },
    /** Forgets everything recorded so far: the next figure starts from zero. */
    async reset() {
      await Promise.all(pending);
      entries = [];
      pending = [];
      timeline = [];
    },
    /** Resolves once nothing was requested or finished for `quietMs` and nothing is in flight (at most `capMs`). */
    async quiet({ quietMs = 500, capMs = 8000 } = {}) {
      const started = Date.now();
      while (Date.now() - started < capMs) {
        if (inflight <= 0 && Date.now() - lastActivity >= quietMs) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    },
  };
}

function fileFor(distDir, urlPath) {
  const relative = decodeURIComponent(urlPath).replace(/^\/+/, '');
  return relative.startsWith('modules/') ? path.join(distDir, relative) : path.join(distDir, 'shell', relative);
}
