// The start server: the shell, every module's build and the mock suite API on one origin.
// index.html gets a fresh CSP nonce per response; entry files are revalidated, hashed files immutable.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { immutableFiles } from './serve/immutable-files.mjs';
import { createMockSuite } from '../mocks/src/app.mjs';
import { ROOT } from './build/workspace.mjs';
import { localeOf, preloadHints, preloadLinks, remoteReader } from './serve/preload-hints.mjs';
import { encodePage, pageEncoding } from './serve/page-encoding.mjs';
import { buildFileReader, choosePlatform, platformTags, platformTurnedOff } from './serve/platform.mjs';
import { styleInliner } from './serve/inline-styles.mjs';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// Entry points must be revalidated so a new deployment is picked up; hashed chunks never change,
// nor does anything in a module's per-build folder (/modules/<name>/<build-id>/, remoteEntry.json
// included): the manifest is what moves to a new build.
const ENTRY_FILES = new Set(['mfe-manifest.json', 'index.html']);

/**
 * The origins of the manifest's remotes that are not this server's own (a module deployed on a CDN or
 * another team's host): each is allowed to serve script, styles, fonts, images and its remoteEntry.json.
 * Relative URLs are 'self'; anything that is not an http(s) URL is left out (the shell refuses it too).
 * @param {unknown} manifest the parsed mfe-manifest.json
 * @returns {string[]} serialized origins, sorted, without duplicates
 */
export function moduleOrigins(manifest) {
  const remotes = manifest && typeof manifest === 'object' ? manifest.remotes : undefined;
  if (!remotes || typeof remotes !== 'object') return [];
  const origins = new Set();
  for (const url of Object.values(remotes)) {
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) continue;
    try {
      // URL.origin is canonical (scheme://host[:port]): no path, quotes, spaces or wildcards reach the header.
      origins.add(new URL(url).origin);
    } catch {
      // Not a URL: the shell reports the entry; the policy ignores it.
    }
  }
  return [...origins].sort();
}

/**
 * The Trusted Types policies the product creates (docs/adr/0010): Angular's own (its sanitizer's inert
 * document, templates), the shell's import maps, the modules' root markup, the article editor's
 * sanitized HTML. No 'allow-duplicates': each name is created once per document.
 */
export const TRUSTED_TYPES_POLICIES = ['angular', 'wechat-mfe', 'wechat-mfe#root', 'wechat-mfe#article'];

/**
 * The Content-Security-Policy of every page: no eval, no inline script or style without the nonce,
 * module origins from the manifest, and (unless `trustedTypes` is false) Trusted Types required for
 * every script sink, from the policies above only.
 * @param {string} nonce
 * @param {{ moduleOrigins?: string[], trustedTypes?: boolean }} [options]
 */
export function contentSecurityPolicy(nonce, { moduleOrigins: origins = [], trustedTypes = true } = {}) {
  const extra = origins.length ? ` ${origins.join(' ')}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${extra} 'nonce-${nonce}'`,
    `style-src 'self'${extra} 'nonce-${nonce}'`,
    `img-src 'self'${extra} data: blob:`,
    `font-src 'self'${extra}`,
    `connect-src 'self'${extra}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(trustedTypes ? ["require-trusted-types-for 'script'", `trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')}`] : []),
  ].join('; ');
}

const TRUSTED_TYPES_MODES = ['off', 'report', 'enforce'];

/**
 * Trusted Types are enforced unless CSP_TRUSTED_TYPES (or the option) says otherwise: `report` keeps the
 * CSP without them and adds them as a report-only header (to try a change that adds a sink), `off`
 * leaves them out. Anything else is refused: a typo must not switch the protection off silently.
 * @param {string | undefined} mode
 */
export function trustedTypesMode(mode) {
  const chosen = mode ?? 'enforce';
  if (!TRUSTED_TYPES_MODES.includes(chosen)) {
    throw new Error(`CSP_TRUSTED_TYPES must be one of ${TRUSTED_TYPES_MODES.join(', ')}, not "${chosen}"`);
  }
  return chosen;
}

/**
 * The manifest as a JSON data block in the page (the shell reads it instead of fetching it: one round
 * trip less before the first module can load). `<` is escaped so no string in it can close the block.
 */
export function inlineManifest(manifest) {
  return `<script type="application/json" id="wx-mfe-manifest">${JSON.stringify(manifest).replace(/</g, '\\u003c')}</script>`;
}

/** The manifest as deployed now (it moves per deployment, so it is read per page, like index.html). */
function readManifest(dist) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dist, 'shell/mfe-manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * @param {{ dataDir?: string, dist?: string, logger?: boolean, trustedTypes?: string, preloadHints?: boolean, preloadScripts?: boolean, platform?: boolean, preloadModules?: boolean, compression?: boolean, memoryFiles?: boolean }} [options]
 *   `platform: false` never uses the platform bundle (for comparisons; docs/adr/0018), `preloadModules: false`
 *   leaves out the first modules' modulepreload hints that a page with the platform gets;
 *   `preloadHints: false` serves index.html without preload hints (for comparisons); `preloadScripts: true`
 *   also hints the first modules' script files (off by default, see ADR 0013); `compression: false` sends
 *   every file and page uncompressed (for comparisons); `memoryFiles: false` serves the build folders
 *   through @fastify/static from disk instead of from memory (for comparisons, ADR 0020); `inlineStyles: false`
 *   links the shell's stylesheets instead of writing them into the page (for comparisons, ADR 0027).
 */
export async function createServer({
  dataDir = process.env.MOCK_DATA_DIR,
  dist = path.join(ROOT, 'dist'),
  logger = false,
  trustedTypes = process.env.CSP_TRUSTED_TYPES,
  preloadHints: hinting = true,
  preloadScripts = false,
  compression = true,
  platform: platformAllowed = true,
  preloadModules = true,
  memoryFiles = true,
  inlineStyles = true,
} = {}) {
  const trustedTypesAre = trustedTypesMode(trustedTypes);
  const app = Fastify({ logger });
  const suite = await createMockSuite({ dataDir, logger });
  await app.register(suite.plugin);
  app.addHook('onClose', async () => suite.close());

  // @fastify/static 10 hands over the Fastify reply, not the raw response.
  // `file` is the copy sent: `x.js.br` when the client accepts Brotli (scripts/build/precompress.mjs).
  const cacheHeaders = (reply, file) => {
    reply.header('Cache-Control', ENTRY_FILES.has(path.basename(file).replace(/\.(br|gz)$/, '')) ? 'no-cache' : IMMUTABLE);
    reply.header('X-Content-Type-Options', 'nosniff');
  };
  // preCompressed: the build wrote .br/.gz copies; the one the client accepts is sent, with Vary: Accept-Encoding.
  const statics = { setHeaders: cacheHeaders, index: false, preCompressed: compression };
  if (memoryFiles && compression) {
    // The immutable build folders from memory (scripts/serve/immutable-files.mjs, ADR 0020).
    const headers = () => ({ 'Cache-Control': IMMUTABLE, 'X-Content-Type-Options': 'nosniff' });
    for (const folder of ['modules', 'platform']) app.get(`/${folder}/*`, immutableFiles(path.join(dist, folder), `/${folder}/`, headers));
  } else {
    await app.register(fastifyStatic, { root: path.join(dist, 'modules'), prefix: '/modules/', ...statics, decorateReply: false });
    await app.register(fastifyStatic, { root: path.join(dist, 'platform'), prefix: '/platform/', ...statics, decorateReply: false });
  }
  await app.register(fastifyStatic, { root: path.join(dist, 'shell'), prefix: '/', ...statics });

  const indexFile = path.join(dist, 'shell/index.html');
  const inlineShellStyles = inlineStyles ? styleInliner(path.join(dist, 'shell')) : (html) => html;
  const readBuildFile = buildFileReader(dist);
  const readRemote = remoteReader(readBuildFile);
  let platformReported = '';
  const sendIndex = (reply, pathname, { cookie, 'accept-encoding': acceptEncoding }) => {
    if (!fs.existsSync(indexFile)) return reply.code(503).type('text/plain').send('The shell is not built yet: run npm run build.');
    const nonce = crypto.randomBytes(16).toString('base64');
    const manifest = readManifest(dist);
    // What the page's first applications need before they load (scripts/serve/preload-hints.mjs).
    const locale = localeOf(cookie);
    // The platform bundle when it covers every module of the manifest (scripts/serve/platform.mjs);
    // each change of that decision is logged once, with the reason when it is off.
    const platform = manifest && platformAllowed && !platformTurnedOff(cookie) ? choosePlatform(manifest, readBuildFile) : null;
    if (platform?.off && platformReported !== platform.off) console.warn(`start server: whole shared packages, no platform bundle: ${platform.off}`);
    if (platform) platformReported = platform.off ?? '';
    const platformMap = platform && !platform.off ? `${platformTags(platform, nonce)}\n  ` : '';
    const found = manifest && hinting ? preloadHints(manifest, pathname, readRemote, locale, platformMap ? platform : null) : null;
    // With the platform's import map in the page the first modules' files are module-preloaded (ADR 0018).
    // Without it, script downloads only on request: measured, they gained nothing measurable on a localhost
    // cold start and, sharing a slow link with the shell script, pushed Lighthouse's mobile FCP from 1.5 s
    // to 8 s (ADR 0013).
    const hints = found
      ? preloadLinks({ data: found.data, ...(platformMap ? { modules: preloadModules ? found.scripts : [] } : { scripts: preloadScripts ? found.scripts : [] }) }, nonce)
      : '';
    const html = inlineShellStyles(fs.readFileSync(indexFile, 'utf8'), nonce)
      .replaceAll('__CSP_NONCE__', nonce)
      // The language the shell will show (its choice is mirrored into the wx-locale cookie): the static
      // frame's brand and assistive technology follow it before any script runs. A whitelisted value.
      .replace('<html lang="zh-CN">', `<html lang="${locale}">`)
      .replace('</head>', `${platformMap ? `  ${platformMap}` : ''}${manifest ? `  ${inlineManifest(manifest)}\n` : ''}${hints ? `  ${hints}\n` : ''}  </head>`);
    const origins = moduleOrigins(manifest);
    if (trustedTypesAre === 'report') {
      reply.header('Content-Security-Policy-Report-Only', contentSecurityPolicy(nonce, { moduleOrigins: origins, trustedTypes: true }));
    }
    reply
      .header('Content-Security-Policy', contentSecurityPolicy(nonce, { moduleOrigins: origins, trustedTypes: trustedTypesAre === 'enforce' }))
      .header('Cache-Control', 'no-cache')
      .header('Referrer-Policy', 'same-origin')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Vary', 'Accept-Encoding')
      .type('text/html; charset=utf-8');
    const encoding = compression ? pageEncoding(acceptEncoding) : null;
    if (encoding) reply.header('Content-Encoding', encoding);
    return reply.send(encodePage(html, encoding));
  };
  app.get('/', (request, reply) => sendIndex(reply, '/', request.headers));
  // Deep links (/wechat/fans, /settings/…) are the shell's routes: answer them with the page.
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0];
    const isPage = request.method === 'GET' && !/^\/(api|__mock|modules)\//.test(url) && !path.extname(url);
    if (isPage) return sendIndex(reply, url, request.headers);
    return reply.code(404).type('application/problem+json').send({ type: 'about:blank', title: 'Not Found', status: 404, code: 'NOT_FOUND', detail: `${request.method} ${url}` });
  });
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 4200);
  const host = process.env.HOST ?? '127.0.0.1';
  const app = await createServer();
  await app.listen({ port, host });
  console.log(`wechat-mfe is running at http://localhost:${port}`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
