import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentSecurityPolicy, createServer, moduleOrigins, trustedTypesMode } from '../../scripts/serve.mjs';
import { prepareDataDir, removeDataDir } from './helpers.mjs';

/** The start server's Content-Security-Policy (issue #10): strict, nonce-based, module origins from the manifest. */
const directives = (header) => new Map(header.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('Content-Security-Policy', () => {
  it('is strict: no eval, no inline script or style without the nonce, no plugins, no <base>', () => {
    const policy = directives(contentSecurityPolicy('abc123=='));
    assert.deepEqual(policy.get('script-src'), ["'self'", "'nonce-abc123=='"]);
    assert.deepEqual(policy.get('style-src'), ["'self'", "'nonce-abc123=='"]);
    assert.deepEqual(policy.get('object-src'), ["'none'"]);
    assert.deepEqual(policy.get('base-uri'), ["'none'"]);
    assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
    for (const [name, values] of policy) {
      for (const forbidden of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", '*', 'http:', 'https:']) {
        assert.ok(!values.includes(forbidden), `${name} allows ${forbidden}`);
      }
    }
  });

  it('enforces Trusted Types by default, from the product\'s policies only, each created once', () => {
    const policy = directives(contentSecurityPolicy('n'));
    assert.deepEqual(policy.get('require-trusted-types-for'), ["'script'"]);
    assert.deepEqual(policy.get('trusted-types'), ['angular', 'wechat-mfe', 'wechat-mfe#root', 'wechat-mfe#article']);
    // No duplicates (another script could then create a permissive policy under one of our names), no wildcard.
    assert.ok(!policy.get('trusted-types').includes("'allow-duplicates'"));
    assert.ok(!policy.get('trusted-types').includes('*'));
    const off = directives(contentSecurityPolicy('n', { trustedTypes: false }));
    assert.equal(off.has('require-trusted-types-for'), false);
    assert.equal(off.has('trusted-types'), false);
  });

  it('CSP_TRUSTED_TYPES overrides the default with off, report or enforce, and refuses anything else', () => {
    assert.equal(trustedTypesMode(undefined), 'enforce');
    for (const mode of ['off', 'report', 'enforce']) assert.equal(trustedTypesMode(mode), mode);
    for (const typo of ['', 'on', 'Enforce', 'false']) assert.throws(() => trustedTypesMode(typo), /CSP_TRUSTED_TYPES must be one of/);
  });

  it('takes module origins from the manifest: absolute http(s) remotes only, canonical, once each', () => {
    const manifest = {
      remotes: {
        fans: '/modules/fans/abc/remoteEntry.json',
        menus: 'https://cdn.example.com/modules/menus/1/remoteEntry.json',
        qr: 'https://CDN.example.com:443/modules/qr/2/remoteEntry.json',
        messaging: 'http://localhost:4301/modules/messaging/3/remoteEntry.json',
        evil: "https://x.example.com' 'unsafe-inline'/remoteEntry.json",
        data: 'data:text/javascript,alert(1)',
        bad: 42,
      },
      applications: [],
    };
    // The quoted one is no valid URL at all: it never reaches the header.
    assert.deepEqual(moduleOrigins(manifest), ['http://localhost:4301', 'https://cdn.example.com']);
    assert.deepEqual(moduleOrigins(undefined), []);
    assert.deepEqual(moduleOrigins({ remotes: 'x' }), []);
    const policy = directives(contentSecurityPolicy('n', { moduleOrigins: moduleOrigins(manifest) }));
    for (const name of ['script-src', 'style-src', 'connect-src', 'font-src', 'img-src']) {
      assert.ok(policy.get(name).includes('https://cdn.example.com'), name);
    }
    assert.ok(!policy.get('script-src').includes("'unsafe-inline'"));
    assert.deepEqual(policy.get('object-src'), ["'none'"]);
  });

  describe('served with the page', () => {
    let app, dataDir, dist;
    before(async () => {
      dataDir = prepareDataDir();
      dist = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-dist-'));
      fs.mkdirSync(path.join(dist, 'shell'), { recursive: true });
      fs.mkdirSync(path.join(dist, 'modules'), { recursive: true });
      fs.writeFileSync(path.join(dist, 'shell/index.html'), '<script src="/shell.js" nonce="__CSP_NONCE__"></script>');
      app = await createServer({ dataDir, dist });
    });
    after(async () => {
      await app.close();
      removeDataDir(dataDir);
      fs.rmSync(dist, { recursive: true, force: true });
    });

    it('a fresh nonce per response, the same in the page and the header; the manifest read per page', async () => {
      const manifest = (remotes) => fs.writeFileSync(path.join(dist, 'shell/mfe-manifest.json'), JSON.stringify({ remotes, applications: [] }));
      manifest({ fans: '/modules/fans/1/remoteEntry.json' });
      const first = await app.inject({ method: 'GET', url: '/wechat/fans' });
      const second = await app.inject({ method: 'GET', url: '/' });
      const nonceOf = (response) => /nonce="([^"]+)"/.exec(response.body)[1];
      assert.notEqual(nonceOf(first), nonceOf(second));
      assert.ok(directives(first.headers['content-security-policy']).get('script-src').includes(`'nonce-${nonceOf(first)}'`));
      assert.deepEqual(directives(first.headers['content-security-policy']).get('connect-src'), ["'self'"]);

      // A new deployment moves one module to another origin: the next page allows it.
      manifest({ fans: '/modules/fans/1/remoteEntry.json', menus: 'https://modules.example.net/menus/7/remoteEntry.json' });
      const moved = directives((await app.inject({ method: 'GET', url: '/wechat/menus' })).headers['content-security-policy']);
      assert.deepEqual(moved.get('script-src').slice(0, 2), ["'self'", 'https://modules.example.net']);
      assert.ok(moved.get('connect-src').includes('https://modules.example.net'));
    });

    it('enforces Trusted Types on the page (the server default), with no report-only header', async () => {
      const response = await app.inject({ method: 'GET', url: '/wechat/messaging/materials' });
      const policy = directives(response.headers['content-security-policy']);
      assert.deepEqual(policy.get('require-trusted-types-for'), ["'script'"]);
      assert.deepEqual(policy.get('trusted-types'), ['angular', 'wechat-mfe', 'wechat-mfe#root', 'wechat-mfe#article']);
      assert.equal(response.headers['content-security-policy-report-only'], undefined);
    });
  });

  for (const [mode, enforced, reported] of [['off', false, false], ['report', false, true], ['enforce', true, false]]) {
    it(`with CSP_TRUSTED_TYPES=${mode} the page ${enforced ? 'enforces' : reported ? 'reports' : 'leaves out'} Trusted Types`, async () => {
      const dataDir = prepareDataDir();
      const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-dist-'));
      fs.mkdirSync(path.join(dist, 'shell'), { recursive: true });
      fs.mkdirSync(path.join(dist, 'modules'), { recursive: true });
      fs.writeFileSync(path.join(dist, 'shell/index.html'), '<p>shell</p>');
      const app = await createServer({ dataDir, dist, trustedTypes: mode });
      try {
        const response = await app.inject({ method: 'GET', url: '/' });
        const enforcedPolicy = directives(response.headers['content-security-policy']);
        assert.equal(enforcedPolicy.has('require-trusted-types-for'), enforced);
        assert.deepEqual(enforcedPolicy.get('object-src'), ["'none'"], 'the rest of the CSP is enforced either way');
        const reportOnly = response.headers['content-security-policy-report-only'];
        assert.equal(reportOnly !== undefined, reported);
        if (reported) assert.deepEqual(directives(reportOnly).get('require-trusted-types-for'), ["'script'"]);
      } finally {
        await app.close();
        removeDataDir(dataDir);
        fs.rmSync(dist, { recursive: true, force: true });
      }
    });
  }
});
