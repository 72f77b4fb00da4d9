import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { ensureTemplates } from '../seed/build-template.mjs';
import { buildServer } from '../src/app.mjs';
import { templatePath } from '../src/lib/paths.mjs';

/** Templates are built once per seed version into a shared temp dir, then copied per test file. */
const TEMPLATE_DIR = join(tmpdir(), 'wechat-mfe-mock-test-templates');

export const APPIDS = {
  smart: 'wx5f3a9c1e7b2d4068', // Dmartech智慧营销, allocated to Marketing
  subscription: 'wx9b2d6f0a4c8e1357', // Dmartech订阅号, allocated to Marketing
  demo: 'wxd1e4a7b0c3f6a925', // DM Demo Service, 100,000 fans
  unverified: 'wx3c7e0b4f8a2d6e19', // DM 未认证服务号
  newService: 'wx7a1c5e9b3d0f8246', // DM 新品服务号, not bound
  newSubscription: 'wxe8b2f6c0a4d7e153', // DM 活动订阅号, not bound
};

export function prepareDataDir() {
  ensureTemplates(TEMPLATE_DIR);
  const dataDir = mkdtempSync(join(tmpdir(), 'wechat-mfe-mock-'));
  for (const scenario of ['demo', 'empty']) copyFileSync(templatePath(TEMPLATE_DIR, scenario), templatePath(dataDir, scenario));
  return dataDir;
}

export const removeDataDir = (dataDir) => rmSync(dataDir, { recursive: true, force: true });

/** A server on a fresh data dir, validating responses against openapi.yaml. */
export async function startServer(options = {}) {
  const dataDir = options.dataDir ?? prepareDataDir();
  const app = await buildServer({ dataDir, validateResponses: true, jobStepDelayMs: 0, ...options });
  await app.ready();
  return { app, dataDir, suite: app.mockSuite };
}

/** A tiny client over app.inject that keeps one session cookie. */
export function client(app, cookie) {
  const request = async (method, url, payload, headers = {}) => {
    const response = await app.inject({
      method,
      url,
      payload,
      headers: { ...(cookie ? { cookie } : {}), ...headers },
    });
    const type = response.headers['content-type'] ?? '';
    const body = type.includes('json') ? response.json() : response.body;
    return { status: response.statusCode, body, headers: response.headers };
  };
  return {
    cookie,
    get: (url) => request('GET', url),
    post: (url, payload) => request('POST', url, payload),
    put: (url, payload) => request('PUT', url, payload),
    delete: (url) => request('DELETE', url),
    request,
  };
}

export async function signIn(app, username) {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.body}`);
  return client(app, response.headers['set-cookie'].split(';')[0]);
}

export async function waitForJob(api, jobId, { timeoutMs = 20_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await api.get(`/api/jobs/${jobId}`);
    if (['succeeded', 'failed', 'cancelled'].includes(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Binds (or re-authorizes) an account through the mock WeChat page, as a browser would.
 * @returns {{ location: string, jobId: string, page: string }}
 */
export async function authorizeThroughPage(admin, { appid, permissions, reauthorize = false }) {
  const started = await admin.post('/api/wechat/authorizations', reauthorize ? { appid } : {});
  if (started.status !== 201) throw new Error(`authorization failed: ${JSON.stringify(started.body)}`);
  const page = await admin.get(started.body.authorizeUrl);
  const ticket = new URL(started.body.authorizeUrl, 'http://x').searchParams.get('ticket');
  const form = new URLSearchParams({ ticket, appid });
  for (const key of permissions) form.append('permissions', key);
  const posted = await admin.request('POST', '/__mock/wechat/authorize', form.toString(), {
    'content-type': 'application/x-www-form-urlencoded',
  });
  const location = posted.headers.location ?? '';
  return { status: posted.status, location, jobId: new URL(location || '/', 'http://x').searchParams.get('job'), page: page.body, ticket };
}

/**
 * Opens /api/events over a real socket and collects parsed events.
 * @returns {Promise<{ events: {event: string, data: any}[], comments: string[], next: (name: string, ms?: number) => Promise<any>, close: () => void, response: http.IncomingMessage }>}
 */
export function openEventStream(port, cookie) {
  return new Promise((resolve, reject) => {
    const events = [];
    const comments = [];
    const waiters = [];
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { cookie, accept: 'text/event-stream' } }, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = { event: 'message', data: '' };
          for (const line of frame.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('event: ')) fields.event = line.slice(7);
            else if (line.startsWith('data: ')) fields.data += line.slice(6);
            else if (line.startsWith('retry: ')) fields.retry = Number(line.slice(7));
          }
          if (fields.data) {
            const parsed = { event: fields.event, data: JSON.parse(fields.data) };
            events.push(parsed);
            for (const waiter of [...waiters]) waiter(parsed);
          } else if (fields.retry) comments.push(`retry ${fields.retry}`);
        }
      });
      resolve({
        response,
        events,
        comments,
        next(name, ms = 3000) {
          const seen = events.find((e) => e.event === name);
          if (seen) return Promise.resolve(seen.data);
          return new Promise((ok, fail) => {
            const timer = setTimeout(() => fail(new Error(`no ${name} event within ${ms} ms`)), ms);
            waiters.push((e) => {
              if (e.event !== name) return;
              clearTimeout(timer);
              ok(e.data);
            });
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', (error) => {
      if (error.code !== 'ECONNRESET') reject(error);
    });
  });
}

/** The usual `before`: a server on a fresh data dir, an admin session and a cookie-less control client. */
export async function setUpSuite(options = {}) {
  const { app, dataDir, suite } = await startServer(options);
  return { app, dataDir, suite, admin: await signIn(app, 'admin'), control: client(app) };
}

/** The usual `after`: close the server and remove its data dir. */
export async function tearDownSuite({ app, dataDir }) {
  await app?.close();
  removeDataDir(dataDir);
}
