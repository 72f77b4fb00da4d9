// The start server's preload hints: the files the shell will import for a page, resolved the way the
// federation runtime resolves them (first registered remote's copy of a shared package wins).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeApplications, localeOf, preloadHints, preloadLinks } from '../serve/preload-hints.mjs';

const manifest = {
  remotes: {
    switcher: '/modules/switcher/b1/remoteEntry.json',
    fans: '/modules/fans/f1/remoteEntry.json',
    menus: '/modules/menus/m1/remoteEntry.json',
    cdn: 'https://cdn.example.com/qr/q1/remoteEntry.json',
  },
  applications: [
    { remote: 'switcher', name: 'switcher', exposed: './switcher', slot: 'header', routes: ['/wechat', '/settings'] },
    { remote: 'fans', name: 'fans', exposed: './lifecycles', slot: 'main', routes: ['/wechat/fans', '/host/contacts'] },
    { remote: 'menus', name: 'menus', exposed: './lifecycles', slot: 'main', routes: ['/wechat/menus'] },
    { remote: 'cdn', name: 'qr', exposed: './lifecycles', slot: 'main', routes: ['/wechat/qrcodes'] },
  ],
};

const core = (file) => ({ packageName: '@angular/core', version: '21.2.26', outFileName: file });
const remotes = {
  '/modules/switcher/b1/remoteEntry.json': {
    entry: { exposes: [{ key: './switcher', outFileName: 'switcher-S1.js' }], shared: [core('_angular_core.A.js')] },
    graph: { files: { 'switcher-S1.js': { s: ['./chunk-S2.js', '@angular/core'], d: ['./zh-CN-T1.js', './en-T2.js'] }, 'chunk-S2.js': { s: [], d: ['./ui.zh-CN-U1.js', './ui.en-U2.js'] }, '_angular_core.A.js': { s: [], d: [] } } },
  },
  '/modules/fans/f1/remoteEntry.json': {
    entry: { exposes: [{ key: './lifecycles', outFileName: 'lifecycles-F1.js' }], shared: [core('_angular_core.A.js')] },
    graph: { files: { 'lifecycles-F1.js': { s: ['@angular/core', './chunk-F2.js'], d: ['./fan-detail-F3.js'] }, 'chunk-F2.js': { s: [], d: [] } } },
  },
  '/modules/menus/m1/remoteEntry.json': {
    entry: { exposes: [{ key: './lifecycles', outFileName: 'lifecycles-M1.js' }], shared: [core('_angular_core.A.js')] },
    graph: null, // an older build without a graph
  },
};
const read = (url) => remotes[url] ?? null;

test('the applications of a path are the shell’s: prefix by segment, manifest order, / as /wechat/qrcodes', () => {
  assert.deepEqual(activeApplications(manifest, '/wechat/fans').map((a) => a.name), ['switcher', 'fans']);
  assert.deepEqual(activeApplications(manifest, '/wechat/fans/o123').map((a) => a.name), ['switcher', 'fans']);
  assert.deepEqual(activeApplications(manifest, '/wechat/fansx').map((a) => a.name), ['switcher']);
  assert.deepEqual(activeApplications(manifest, '/').map((a) => a.name), ['switcher', 'qr']);
  assert.deepEqual(activeApplications(manifest, '/nowhere'), []);
});

test('hints every static import of the page’s main applications, shared packages from the first registered remote only', () => {
  const { scripts, data } = preloadHints(manifest, '/wechat/fans', read);
  assert.deepEqual(scripts.sort(), [
    '/modules/fans/f1/_angular_core.A.js', // fans' copy: the header's switcher registers after the main content
    '/modules/fans/f1/chunk-F2.js',
    '/modules/fans/f1/lifecycles-F1.js',
  ]);
  // The header's application loads after the main content (ADR 0020); other lazy imports (the detail
  // drawer) are left to the code that asks for them.
  assert.ok(!scripts.some((s) => /switcher|fan-detail/.test(s)));
  assert.deepEqual(data, ['/modules/fans/f1/remoteEntry.json', '/modules/fans/f1/preload.json']);
});

test('the page language’s translation chunks are hinted with the code that waits for them', () => {
  const withStrings = {
    ...remotes,
    '/modules/fans/f1/remoteEntry.json': {
      ...remotes['/modules/fans/f1/remoteEntry.json'],
      graph: { files: { 'lifecycles-F1.js': { s: ['./chunk-F2.js'], d: ['./zh-CN-T1.js', './en-T2.js', './fan-detail-F3.js'] }, 'chunk-F2.js': { s: [], d: ['./ui.zh-CN-U1.js', './ui.en-U2.js'] } } },
    },
  };
  const chinese = preloadHints(manifest, '/wechat/fans', (url) => withStrings[url] ?? null).scripts;
  assert.ok(chinese.includes('/modules/fans/f1/zh-CN-T1.js') && chinese.includes('/modules/fans/f1/ui.zh-CN-U1.js'));
  assert.ok(!chinese.some((s) => /\ben-|fan-detail/.test(s)));
  const english = preloadHints(manifest, '/wechat/fans', (url) => withStrings[url] ?? null, 'en').scripts;
  assert.ok(english.includes('/modules/fans/f1/en-T2.js') && english.includes('/modules/fans/f1/ui.en-U2.js'));
  assert.ok(!english.some((s) => s.includes('zh-CN')));
});

test('a remote without a graph, on another origin, or unreadable gets no script hints, and nothing breaks', () => {
  assert.deepEqual(preloadHints(manifest, '/wechat/menus', read).scripts.filter((s) => s.includes('/menus/')), []);
  assert.deepEqual(preloadHints(manifest, '/wechat/menus', read).data.filter((s) => s.includes('/menus/')), ['/modules/menus/m1/remoteEntry.json']);
  assert.ok(!JSON.stringify(preloadHints(manifest, '/wechat/qrcodes', read)).includes('cdn.example.com'));
  assert.deepEqual(preloadHints(manifest, '/wechat/fans', () => null), { scripts: [], data: [] });
  assert.deepEqual(preloadHints({}, '/wechat/fans', read), { scripts: [], data: [] });
});

test('the page language comes from the shell’s wx-locale cookie; anything else is zh-CN', () => {
  assert.equal(localeOf(undefined), 'zh-CN');
  assert.equal(localeOf('a=1; wx-locale=en; b=2'), 'en');
  assert.equal(localeOf('wx-locale=zh-CN'), 'zh-CN');
  assert.equal(localeOf('wx-locale=fr'), 'zh-CN');
  assert.equal(localeOf('xwx-locale=en'), 'zh-CN');
  assert.equal(localeOf('wx-locale=%E0%A4%A'), 'zh-CN'); // malformed: never a server error
});

test('links are downloads only (preload, not modulepreload), CORS like a module import, escaped', () => {
  const html = preloadLinks({ scripts: ['/modules/a/x"<.js'], data: ['/modules/a/remoteEntry.json'] }, 'n0nce');
  assert.equal(
    html.replace(/\n\s*/g, '|'),
    '<link rel="preload" as="fetch" crossorigin href="/modules/a/remoteEntry.json" nonce="n0nce" />|<link rel="preload" as="script" crossorigin href="/modules/a/x&#34;&#60;.js" nonce="n0nce" />',
  );
});

test('the start server puts the hints into the page, after the shell script (scripts only when asked), and serves every hinted file', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { createServer } = await import('../serve.mjs');
  const { prepareDataDir, removeDataDir } = await import('../../mocks/test/helpers.mjs');
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'hints-dist-'));
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    fs.writeFileSync(path.join(dist, file), text);
  };
  write('shell/index.html', '<head><script src="/shell.js" nonce="__CSP_NONCE__" defer></script></head><body></body>');
  write('shell/mfe-manifest.json', JSON.stringify({ remotes: { fans: '/modules/fans/f1/remoteEntry.json' }, applications: [manifest.applications[1]] }));
  write('modules/fans/f1/remoteEntry.json', JSON.stringify(remotes['/modules/fans/f1/remoteEntry.json'].entry));
  write('modules/fans/f1/preload.json', JSON.stringify({ files: { 'lifecycles-F1.js': { s: ['@angular/core'], d: [] } } }));
  write('modules/fans/f1/lifecycles-F1.js', 'export {};');
  write('modules/fans/f1/_angular_core.A.js', 'export {};');
  const dataDir = prepareDataDir();
  const app = await createServer({ dataDir, dist, preloadScripts: true });
  try {
    // By default only the JSON the shell fetches first is hinted (scripts compete with the shell script
    // for a slow link: ADR 0013).
    const plainDefault = await createServer({ dataDir, dist });
    const byDefault = (await plainDefault.inject({ method: 'GET', url: '/wechat/fans' })).body;
    await plainDefault.close();
    assert.deepEqual([...byDefault.matchAll(/<link rel="preload" as="(\w+)"[^>]*href="([^"]+)"/g)].map(([, as, href]) => `${as} ${href}`).sort(), [
      'fetch /modules/fans/f1/preload.json',
      'fetch /modules/fans/f1/remoteEntry.json',
    ]);
    const page = await app.inject({ method: 'GET', url: '/wechat/fans' });
    const nonce = /script src="\/shell.js" nonce="([^"]+)"/.exec(page.body)[1];
    const hinted = [...page.body.matchAll(/<link rel="preload" as="(\w+)" crossorigin href="([^"]+)" nonce="([^"]+)"/g)];
    assert.deepEqual(hinted.map(([, as, href]) => `${as} ${href}`).sort(), [
      'fetch /modules/fans/f1/preload.json',
      'fetch /modules/fans/f1/remoteEntry.json',
      'script /modules/fans/f1/_angular_core.A.js',
      'script /modules/fans/f1/lifecycles-F1.js',
    ]);
    assert.ok(hinted.every(([, , , n]) => n === nonce));
    assert.ok(page.body.indexOf('shell.js') < page.body.indexOf('rel="preload"'), 'the shell script comes first');
    // The manifest is in the page as data, the same the server read; no string in it can end the block.
    const block = /<script type="application\/json" id="wx-mfe-manifest">(.*?)<\/script>/s.exec(page.body);
    assert.deepEqual(JSON.parse(block[1]), JSON.parse(fs.readFileSync(path.join(dist, 'shell/mfe-manifest.json'), 'utf8')));
    write('shell/mfe-manifest.json', JSON.stringify({ remotes: { fans: '/modules/fans/f1/remoteEntry.json' }, applications: [], note: '</script><script>alert(1)</script>' }));
    const hostile = (await app.inject({ method: 'GET', url: '/wechat/fans' })).body;
    assert.ok(!hostile.includes('<script>alert(1)'));
    assert.equal(JSON.parse(/id="wx-mfe-manifest">(.*?)<\/script>/s.exec(hostile)[1]).note, '</script><script>alert(1)</script>');
    write('shell/mfe-manifest.json', JSON.stringify({ remotes: { fans: '/modules/fans/f1/remoteEntry.json' }, applications: [manifest.applications[1]] }));
    for (const [, , href] of hinted) assert.equal((await app.inject({ method: 'GET', url: href })).statusCode, 200, href);
    // A page no application shows gets none; the comparison switch turns them off.
    assert.ok(!(await app.inject({ method: 'GET', url: '/nowhere' })).body.includes('rel="preload"'));
    const plain = await createServer({ dataDir, dist, preloadHints: false });
    assert.ok(!(await plain.inject({ method: 'GET', url: '/wechat/fans' })).body.includes('rel="preload"'));
    await plain.close();
  } finally {
    await app.close();
    removeDataDir(dataDir);
    fs.rmSync(dist, { recursive: true, force: true });
  }
});
