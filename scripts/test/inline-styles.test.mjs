// The shell's stylesheets travel inside the page (ADR 0027): no request blocks the first paint.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { styleInliner } from '../serve/inline-styles.mjs';
import { createServer } from '../serve.mjs';
import { prepareDataDir, removeDataDir } from '../../mocks/test/helpers.mjs';

const THEME = ':root{--wx-primary:#07c160}body{font-family:"Noto Sans CJK SC",sans-serif}';
const SHELL = '.suite-header{height:64px}.x::after{content:"</style><script>alert(1)</script>"}';
const PAGE = [
  '<html lang="zh-CN"><head>',
  '<link rel="stylesheet" href="/theme.abc.css" />',
  '<link rel="stylesheet" href="/shell.def.css" />',
  '<script src="/shell.js" nonce="__CSP_NONCE__" defer></script>',
  '</head><body><div id="suite"></div></body></html>',
].join('\n');

function shellFolder() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'inline-styles-'));
  fs.mkdirSync(path.join(folder, 'shell'));
  fs.writeFileSync(path.join(folder, 'shell/theme.abc.css'), THEME);
  fs.writeFileSync(path.join(folder, 'shell/shell.def.css'), SHELL);
  fs.writeFileSync(path.join(folder, 'shell/index.html'), PAGE);
  fs.writeFileSync(path.join(folder, 'shell/mfe-manifest.json'), JSON.stringify({ remotes: {}, applications: [] }));
  return folder;
}

describe('styleInliner', () => {
  it('writes each linked stylesheet into the page with the nonce, in the same order', () => {
    const folder = shellFolder();
    try {
      const html = styleInliner(path.join(folder, 'shell'))(PAGE, 'n0nce');
      assert.doesNotMatch(html, /<link rel="stylesheet"/);
      const styles = [...html.matchAll(/<style nonce="n0nce" data-href="([^"]+)">([\s\S]*?)<\/style>/g)];
      assert.deepEqual(styles.map((m) => m[1]), ['/theme.abc.css', '/shell.def.css']);
      assert.equal(styles[0][2], THEME);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('cannot be ended early by the CSS it holds', () => {
    const folder = shellFolder();
    try {
      const html = styleInliner(path.join(folder, 'shell'))(PAGE, 'n');
      // One closing tag per stylesheet, and the script text stays inside the CSS string.
      assert.equal(html.match(/<\/style>/g).length, 2);
      assert.match(html, /content:"<\\\/style><script>alert\(1\)<\/script>"/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('leaves a link to a missing file as it is', () => {
    const folder = shellFolder();
    try {
      fs.rmSync(path.join(folder, 'shell/shell.def.css'));
      const html = styleInliner(path.join(folder, 'shell'))(PAGE, 'n');
      assert.match(html, /<link rel="stylesheet" href="\/shell.def.css" \/>/);
      assert.match(html, /<style nonce="n" data-href="\/theme.abc.css">/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the start server page', () => {
  let dist, dataDir;
  before(() => {
    dist = shellFolder();
    dataDir = prepareDataDir();
  });
  after(() => {
    fs.rmSync(dist, { recursive: true, force: true });
    removeDataDir(dataDir);
  });

  it('carries the stylesheets under the nonce its CSP allows', async () => {
    const app = await createServer({ dataDir, dist, compression: false });
    try {
      const response = await app.inject({ method: 'GET', url: '/wechat/fans' });
      assert.equal(response.statusCode, 200);
      const nonce = /<style nonce="([^"]+)"/.exec(response.body)[1];
      assert.match(response.headers['content-security-policy'], new RegExp(`style-src [^;]*'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'`));
      assert.match(response.body, new RegExp(`<script src="/shell.js" nonce="${nonce.replace(/[+/=]/g, '\\$&')}"`));
      assert.equal(response.body.match(/<style nonce=/g).length, 2);
      assert.doesNotMatch(response.body, /rel="stylesheet"/);
    } finally {
      await app.close();
    }
  });

  it('links them with inlineStyles: false (for comparisons)', async () => {
    const app = await createServer({ dataDir, dist, compression: false, inlineStyles: false });
    try {
      const response = await app.inject({ method: 'GET', url: '/wechat/fans' });
      assert.match(response.body, /<link rel="stylesheet" href="\/theme.abc.css" \/>/);
      assert.doesNotMatch(response.body, /<style/);
    } finally {
      await app.close();
    }
  });
});
