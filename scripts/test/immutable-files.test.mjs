// The start server's build folders from memory (scripts/serve/immutable-files.mjs): the same answers
// as @fastify/static gave, nothing outside the folder, and a changed or removed file noticed.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createServer } from '../serve.mjs';
import { acceptedEncodings } from '../serve/page-encoding.mjs';
import { precompressFolder } from '../build/precompress.mjs';
import { prepareDataDir, removeDataDir } from '../../mocks/test/helpers.mjs';

const script = `export const words = ${JSON.stringify('微信公众号 '.repeat(400))};\n`;

describe('the encodings a client accepts', () => {
  it('prefers Brotli, then gzip, and honours q=0 and *', () => {
    assert.deepEqual(acceptedEncodings('gzip, deflate, br'), ['br', 'gzip']);
    assert.deepEqual(acceptedEncodings('gzip'), ['gzip']);
    assert.deepEqual(acceptedEncodings('br;q=0, gzip;q=0.5'), ['gzip']);
    assert.deepEqual(acceptedEncodings('*'), ['br', 'gzip']);
    assert.deepEqual(acceptedEncodings('*, br;q=0'), ['gzip']);
    assert.deepEqual(acceptedEncodings(undefined), []);
    assert.deepEqual(acceptedEncodings('identity'), []);
  });
});

describe('build folders served from memory', () => {
  let dataDir, dist, app, fromDisk;
  before(async () => {
    dataDir = prepareDataDir();
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'immutable-dist-'));
    const build = path.join(dist, 'modules/fans/b1');
    fs.mkdirSync(build, { recursive: true });
    fs.mkdirSync(path.join(dist, 'platform/p1'), { recursive: true });
    fs.mkdirSync(path.join(dist, 'shell'), { recursive: true });
    fs.writeFileSync(path.join(build, 'chunk-A.js'), script);
    fs.writeFileSync(path.join(build, 'remoteEntry.json'), JSON.stringify({ name: 'fans' }));
    fs.writeFileSync(path.join(dist, 'platform/p1/platform-core.js'), script);
    precompressFolder(build);
    fs.writeFileSync(path.join(dist, 'shell/index.html'), '<html><head></head><body></body></html>');
    fs.writeFileSync(path.join(dist, 'shell/secret.txt'), 'not a module');
    app = await createServer({ dataDir, dist });
    fromDisk = await createServer({ dataDir, dist, memoryFiles: false });
  });
  after(async () => {
    await app.close();
    await fromDisk.close();
    removeDataDir(dataDir);
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const get = (server, url, headers = {}) => server.inject({ method: 'GET', url, headers });

  it('answers with the headers @fastify/static sent from disk', async () => {
    for (const [url, encoding] of [
      ['/modules/fans/b1/chunk-A.js', 'br, gzip'],
      ['/modules/fans/b1/chunk-A.js', 'gzip'],
      ['/modules/fans/b1/remoteEntry.json', ''],
      ['/platform/p1/platform-core.js', 'br'], // no precompressed copy: sent as it is
    ]) {
      const [memory, disk] = await Promise.all([get(app, url, { 'accept-encoding': encoding }), get(fromDisk, url, { 'accept-encoding': encoding })]);
      assert.equal(memory.statusCode, 200, url);
      for (const header of ['content-type', 'content-encoding', 'cache-control', 'x-content-type-options', 'etag', 'last-modified', 'content-length']) {
        assert.equal(memory.headers[header], disk.headers[header], `${url} (${encoding}) ${header}`);
      }
      assert.match(memory.headers.vary, /accept-encoding/i);
      assert.deepEqual(memory.rawPayload, disk.rawPayload, url);
    }
    const br = await get(app, '/modules/fans/b1/chunk-A.js', { 'accept-encoding': 'br' });
    assert.equal(zlib.brotliDecompressSync(br.rawPayload).toString(), script);
  });

  it('answers a revalidation with 304 and HEAD without a body', async () => {
    const first = await get(app, '/modules/fans/b1/chunk-A.js');
    const again = await get(app, '/modules/fans/b1/chunk-A.js', { 'if-none-match': first.headers.etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const head = await app.inject({ method: 'HEAD', url: '/modules/fans/b1/chunk-A.js' });
    assert.equal(head.statusCode, 200);
    assert.equal(head.body, '');
  });

  it('serves nothing outside its folder, and a missing file is the API’s 404', async () => {
    for (const url of ['/modules/../shell/secret.txt', '/modules/%2e%2e/shell/secret.txt', '/modules/fans/b1/%2e%2e/%2e%2e/%2e%2e/shell/secret.txt', '/modules/fans/b1/nope.js', '/modules/fans/b1', '/platform/p1/%00.js']) {
      const response = await get(app, url);
      assert.equal(response.statusCode, 404, url);
      assert.ok(!response.body.includes('not a module'), url);
    }
    // A malformed escape never reaches the handler: Fastify answers 400 itself.
    assert.equal((await get(app, '/modules/%E0%A4%A.js')).statusCode, 400);
  });

  it('notices a file rewritten or removed after it was first served', async () => {
    const file = path.join(dist, 'platform/p1/platform-core.js');
    assert.equal((await get(app, '/platform/p1/platform-core.js')).body, script);
    fs.writeFileSync(file, 'export const changed = 1;\n');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal((await get(app, '/platform/p1/platform-core.js')).body, 'export const changed = 1;\n');
    fs.rmSync(file);
    assert.equal((await get(app, '/platform/p1/platform-core.js')).statusCode, 404);
  });
});
