import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { APPIDS, prepareDataDir, removeDataDir, startServer, signIn } from './helpers.mjs';
import { existsSync, statSync } from 'node:fs';
import { livePath } from '../src/lib/paths.mjs';

const APP_MODULE = fileURLToPath(new URL('../src/app.mjs', import.meta.url));
const account = `/api/wechat/accounts/${APPIDS.smart}`;

/**
 * The suite in a child process on a real port, so that the test can kill it the way a crash
 * would: SIGKILL runs no handler, no Fastify onClose, no database close, no WAL checkpoint.
 */
function startChild(dataDir) {
  const script = `
    const { buildServer } = await import(${JSON.stringify(APP_MODULE)});
    const app = await buildServer({ dataDir: process.env.DATA_DIR, jobStepDelayMs: 0 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    process.stdout.write('LISTENING ' + address + '\\n');
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const address = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /LISTENING (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`mock child exited (${code}) before listening`)));
  });
  return { child, address };
}

/** A fetch client with one session cookie against a real server. */
async function httpClient(base, username) {
  const session = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  assert.equal(session.status, 200);
  const cookie = session.headers.get('set-cookie').split(';')[0];
  const call = async (method, url, body) => {
    const response = await fetch(base + url, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return { get: (url) => call('GET', url), post: (url, body) => call('POST', url, body), put: (url, body) => call('PUT', url, body) };
}

describe('the mock suite killed mid-session (SIGKILL) and restarted on the same data dir', () => {
  let dataDir;
  const acknowledged = {};
  let walBytesAfterCrash = 0;

  before(async () => {
    dataDir = prepareDataDir();
    const { child, address } = startChild(dataDir);
    try {
      const api = await httpClient(await address, 'admin');
      // Every write below is acknowledged (2xx) before the crash; none may be lost.
      const qr = await api.post(`${account}/qrcodes`, { name: '崩溃前的码', kind: 'permanent', sceneStr: 'restart_probe' });
      assert.equal(qr.status, 201, JSON.stringify(qr.body));
      acknowledged.qrCodeId = qr.body.id;

      acknowledged.menu = { menus: [{ id: 'default', menuid: null, matchrule: null, button: [{ type: 'click', name: '重启菜单', key: 'RESTART' }] }] };
      const draft = await api.put(`${account}/menu/draft`, acknowledged.menu);
      assert.equal(draft.status, 200, JSON.stringify(draft.body));

      const tag = await api.post(`${account}/tags`, { name: '重启标签' });
      assert.equal(tag.status, 201, JSON.stringify(tag.body));
      acknowledged.tagId = tag.body.id;
      const fans = await api.get(`${account}/fan-openids?limit=3`);
      acknowledged.openids = fans.body.items;
      const tagged = await api.post(`${account}/tags/${tag.body.id}/fans/add`, { openids: acknowledged.openids });
      assert.deepEqual(tagged.body, { changed: 3 });

      const rule = await api.post(`${account}/auto-reply/rules`, {
        name: '重启规则',
        keywords: [{ text: '重启', match: 'full' }],
        replies: [{ type: 'text', text: '还在' }],
        mode: 'all',
      });
      assert.equal(rule.status, 201, JSON.stringify(rule.body));
      acknowledged.ruleId = rule.body.id;
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve)));
    }
    assert.equal(child.signalCode, 'SIGKILL', 'the child died by SIGKILL, without a graceful close');
    walBytesAfterCrash = existsSync(`${livePath(dataDir)}-wal`) ? statSync(`${livePath(dataDir)}-wal`).size : 0;
  });

  after(() => removeDataDir(dataDir));

  it('left the writes in the WAL (no checkpoint ran), so the restart must recover from it', () => {
    // Proof that the crash was not graceful: a close would have checkpointed and removed the -wal file.
    assert.ok(walBytesAfterCrash > 0, `a non-empty live.sqlite-wal after the crash (${walBytesAfterCrash} bytes)`);
  });

  it('finds every acknowledged write after reopening the same data dir', async () => {
    const { app } = await startServer({ dataDir });
    try {
      const api = await signIn(app, 'admin');
      const qr = await api.get(`${account}/qrcodes/${acknowledged.qrCodeId}`);
      assert.equal(qr.status, 200);
      assert.equal(qr.body.name, '崩溃前的码');

      const draft = await api.get(`${account}/menu/draft`);
      assert.deepEqual(draft.body.document, acknowledged.menu);

      const tagged = await api.get(`${account}/fans?tagId=${acknowledged.tagId}&limit=10`);
      assert.deepEqual(tagged.body.items.map((f) => f.openid).sort(), [...acknowledged.openids].sort());

      const rules = await api.get(`${account}/auto-reply/rules`);
      const rule = (rules.body.items ?? rules.body).find((r) => r.id === acknowledged.ruleId);
      assert.equal(rule?.name, '重启规则');
    } finally {
      await app.close();
    }
  });

  it('runs the live database in WAL mode with synchronous NORMAL (durable across process crashes)', async () => {
    const { app, suite } = await startServer({ dataDir });
    try {
      assert.equal(suite.db.pragma('journal_mode', { simple: true }), 'wal');
      // 1 = NORMAL: commits survive a process crash in WAL mode (only an OS crash can lose the tail).
      assert.equal(suite.db.pragma('synchronous', { simple: true }), 1);
    } finally {
      await app.close();
    }
  });
});
