// Compression (issue #10): the build writes .br/.gz copies of its static files, the start server sends
// the copy the browser accepts and compresses the per-response page itself.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { precompressFolder } from '../build/precompress.mjs';
import { encodePage, pageEncoding } from '../serve/page-encoding.mjs';
import { createServer } from '../serve.mjs';
import { prepareDataDir, removeDataDir } from '../../mocks/test/helpers.mjs';

const script = `export const strings = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `粉丝 fan number ${i}`))};\n`;

function buildFolder() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'precompress-'));
  fs.writeFileSync(path.join(folder, 'chunk-A.js'), script);
  fs.writeFileSync(path.join(folder, 'remoteEntry.json'), JSON.stringify({ exposes: [], shared: [], pad: 'x'.repeat(2000) }));
  fs.writeFileSync(path.join(folder, 'tiny.js'), 'export {};\n');
  fs.writeFileSync(path.join(folder, 'mfe-manifest.json'), JSON.stringify({ remotes: {}, pad: 'y'.repeat(4000) }));
  fs.writeFileSync(path.join(folder, 'logo.png'), Buffer.alloc(4096, 7));
  return folder;
}

describe('precompressFolder', () => {
  it('writes Brotli and gzip copies that decode to the file, for text files worth compressing only', () => {
    const folder = buildFolder();
    try {
      const totals = precompressFolder(folder);
      assert.equal(totals.files, 2);
      for (const name of ['chunk-A.js', 'remoteEntry.json']) {
        const raw = fs.readFileSync(path.join(folder, name));
        assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(path.join(folder, `${name}.br`))), raw, `${name}.br`);
        assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(folder, `${name}.gz`))), raw, `${name}.gz`);
        assert.ok(fs.statSync(path.join(folder, `${name}.br`)).size < raw.length / 3);
      }
      // Too small, not text, or changed in place after the build (a stale copy would be served as current).
      for (const name of ['tiny.js', 'logo.png', 'mfe-manifest.json']) {
        assert.equal(fs.existsSync(path.join(folder, `${name}.br`)), false, name);
        assert.equal(fs.existsSync(path.join(folder, `${name}.gz`)), false, name);
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is deterministic: the same folder compresses to the same bytes (reproducible builds)', () => {
    const [a, b] = [buildFolder(), buildFolder()];
    try {
      precompressFolder(a);
      precompressFolder(b);
      for (const name of ['chunk-A.js.br', 'chunk-A.js.gz', 'remoteEntry.json.br', 'remoteEntry.json.gz']) {
        assert.deepEqual(fs.readFileSync(path.join(a, name)), fs.readFileSync(path.join(b, name)), name);
      }
    } finally {
      fs.rmSync(a, { recursive: true, force: true });
      fs.rmSync(b, { recursive: true, force: true });
    }
  });
});

describe('pageEncoding', () => {
  it('prefers Brotli, honours q=0 and *, and sends identity when nothing fits', () => {
    assert.equal(pageEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(pageEncoding('gzip, deflate'), 'gzip');
    assert.equal(pageEncoding('br;q=0, gzip;q=0.5'), 'gzip');
    assert.equal(pageEncoding('br;q=0, gzip;q=0'), null);
    assert.equal(pageEncoding('*'), 'br');
    assert.equal(pageEncoding('identity'), null);
    assert.equal(pageEncoding(undefined), null);
    assert.equal(pageEncoding(''), null);
  });

  it('encodes what it names', () => {
    const html = '<p>页面</p>'.repeat(50);
    assert.equal(zlib.brotliDecompressSync(encodePage(html, 'br')).toString(), html);
    assert.equal(zlib.gunzipSync(encodePage(html, 'gzip')).toString(), html);
    assert.equal(encodePage(html, null).toString(), html);
  });
});

describe('the start server', () => {
  let app, dataDir, dist;
  before(async () => {
    dataDir = prepareDataDir();
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'compression-dist-'));
    const build = path.join(dist, 'modules/fans/b1');
    fs.mkdirSync(build, { recursive: true });
    fs.mkdirSync(path.join(dist, 'shell'), { recursive: true });
    fs.writeFileSync(path.join(build, 'chunk-A.js'), script);
    precompressFolder(build);
    fs.writeFileSync(path.join(dist, 'shell/index.html'), `<html><head></head><body>${'<p>微信</p>'.repeat(100)}<script nonce="__CSP_NONCE__"></script></body></html>`);
    fs.writeFileSync(path.join(dist, 'shell/mfe-manifest.json'), JSON.stringify({ remotes: {}, applications: [] }));
    app = await createServer({ dataDir, dist });
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('sends the Brotli copy of a build file to a browser that accepts it, as JavaScript, immutable, varying on the encoding', async () => {
    const response = await app.inject({ method: 'GET', url: '/modules/fans/b1/chunk-A.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-encoding'], 'br');
    assert.match(response.headers['content-type'], /javascript/);
    assert.match(response.headers.vary, /accept-encoding/i);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(zlib.brotliDecompressSync(response.rawPayload).toString(), script);
  });

  it('sends gzip to a gzip-only client and the file itself to one that accepts no encoding', async () => {
    const gz = await app.inject({ method: 'GET', url: '/modules/fans/b1/chunk-A.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(gz.rawPayload).toString(), script);
    const plain = await app.inject({ method: 'GET', url: '/modules/fans/b1/chunk-A.js' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, script);
  });

  it('sends everything plain with compression: false (for comparisons)', async () => {
    const plainData = prepareDataDir();
    const plainApp = await createServer({ dataDir: plainData, dist, compression: false });
    try {
      for (const url of ['/modules/fans/b1/chunk-A.js', '/wechat/fans']) {
        const response = await plainApp.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
        assert.equal(response.statusCode, 200, url);
        assert.equal(response.headers['content-encoding'], undefined, url);
      }
    } finally {
      await plainApp.close();
      removeDataDir(plainData);
    }
  });

  it('compresses the page per response, nonce and all, and leaves it plain when not accepted', async () => {
    const br = await app.inject({ method: 'GET', url: '/wechat/fans', headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(br.headers.vary, /accept-encoding/i);
    const html = zlib.brotliDecompressSync(br.rawPayload).toString();
    const nonce = /nonce="([^"]+)"/.exec(html)[1];
    assert.ok(br.headers['content-security-policy'].includes(`'nonce-${nonce}'`));
    assert.match(html, /<p>微信<\/p>/);
    const plain = await app.inject({ method: 'GET', url: '/wechat/fans' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(plain.body, /<p>微信<\/p>/);
  });
});
