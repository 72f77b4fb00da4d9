import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APPIDS, removeDataDir, signIn, startServer } from './helpers.mjs';
import { MB, detectFormat, uploadRefusal, wavDurationSeconds } from '../src/rules/materials.mjs';
import { articleTextLength, sanitizeArticleHtml } from '../src/rules/article-html.mjs';
import { SAMPLE_JPEG, gradientPng, placeholderMp4, toneWav } from '../src/wechat/sample-media.mjs';
import { insertMaterial } from '../src/repositories/materials.mjs';
import { seededMediaId } from '../seed/materials.mjs';

const base = (appid = APPIDS.smart) => `/api/wechat/accounts/${appid}/materials`;
const PNG = gradientPng('07c160', '10aeff', 8, 8);
/** Pads a file to exactly `size` bytes, keeping its real header (and so its magic bytes). */
const sized = (head, size) => Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length))]).subarray(0, size);

/** A multipart/form-data body as a browser sends it. */
function multipart(fields, file) {
  const boundary = '----wxmfe' + Math.random().toString(16).slice(2);
  const parts = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('material upload rules', () => {
  const refusal = (type, name, bytes, declaredSeconds) => uploadRefusal({ type, fileName: name, bytes, size: bytes.length, declaredSeconds });

  it('detects the real format from magic bytes', () => {
    assert.equal(detectFormat(PNG), 'png');
    assert.equal(detectFormat(SAMPLE_JPEG), 'jpeg');
    assert.equal(detectFormat(toneWav(1)), 'wav');
    assert.equal(detectFormat(placeholderMp4()), 'mp4');
    assert.equal(detectFormat(Buffer.from('GIF89a......')), 'gif');
    assert.equal(detectFormat(Buffer.from('#!AMR\n....')), 'amr');
    assert.equal(detectFormat(Buffer.from('ID3\x03\x00')), 'mp3');
    assert.equal(detectFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
  });

  it('takes each type up to its size limit and refuses one byte more with 45001', () => {
    assert.equal(refusal('image', 'a.png', sized(PNG, 10 * MB)), null);
    assert.equal(refusal('image', 'a.png', sized(PNG, 10 * MB + 1)).errcode, 45001);
    assert.equal(refusal('voice', 'a.mp3', sized(Buffer.from('ID3\x03'), 2 * MB), 10), null);
    assert.equal(refusal('voice', 'a.mp3', sized(Buffer.from('ID3\x03'), 2 * MB + 1), 10).errcode, 45001);
    assert.equal(refusal('video', 'a.mp4', sized(placeholderMp4(), 10 * MB)), null);
    assert.equal(refusal('video', 'a.mp4', sized(placeholderMp4(), 10 * MB + 1)).errcode, 45001);
    assert.equal(refusal('thumb', 'a.jpg', sized(SAMPLE_JPEG, 64 * 1024)), null);
    assert.equal(refusal('thumb', 'a.jpg', sized(SAMPLE_JPEG, 64 * 1024 + 1)).errcode, 45001);
    assert.equal(refusal('image', 'a.png', Buffer.alloc(0)).errcode, 40006);
  });

  it('refuses a wrong type by extension and by content with 40005', () => {
    assert.deepEqual(
      { ...refusal('image', 'a.svg', PNG), message: undefined },
      { errcode: 40005, field: 'media', message: undefined },
    );
    assert.equal(refusal('thumb', 'a.png', PNG).errcode, 40005); // thumbs are JPEG only
    // A PNG renamed .jpg is fine for an image (both allowed); an HTML page renamed .png is not.
    assert.equal(refusal('image', 'a.jpg', PNG), null);
    assert.equal(refusal('image', 'evil.png', Buffer.from('<html><script>alert(1)</script></html>')).errcode, 40005);
    assert.equal(refusal('video', 'a.mp4', PNG).errcode, 40005);
    assert.equal(refusal('voice', 'a.wav', PNG, 5).errcode, 40005);
  });

  it('measures WAV length and otherwise trusts the declared length, up to 60 s (45007)', () => {
    assert.equal(wavDurationSeconds(toneWav(2)), 2);
    assert.equal(refusal('voice', 'a.wav', toneWav(60)), null);
    const long = refusal('voice', 'a.wav', toneWav(61), 1);
    assert.equal(long.errcode, 45007);
    assert.equal(long.field, 'durationSeconds');
    assert.equal(refusal('voice', 'a.amr', Buffer.from('#!AMR\n....'), 60), null);
    assert.equal(refusal('voice', 'a.amr', Buffer.from('#!AMR\n....'), 60.5).errcode, 45007);
  });
});

describe('article sanitizer', () => {
  const clean = (html) => sanitizeArticleHtml(html, 'wxA');

  it('strips script tags with their content, event handlers and javascript: URLs', () => {
    assert.equal(clean('<p>Hi<script>alert(1)</script></p>'), '<p>Hi</p>');
    assert.equal(clean('<p onclick="steal()" onmouseover="x">t</p>'), '<p>t</p>');
    assert.equal(clean('<img src="https://a.example/x.png" onerror="alert(1)">'), '<img src="https://a.example/x.png" />');
    assert.equal(clean('<a href="javascript:alert(1)">x</a>'), '<a>x</a>');
    assert.equal(clean('<a href=" JaVaScRiPt:alert(1)">x</a>'), '<a>x</a>');
    assert.equal(clean('<img src="javascript:alert(1)">'), '');
    assert.equal(clean('<img src="data:image/png;base64,AAAA">'), '');
    assert.equal(clean('<iframe src="https://evil.example"></iframe><svg onload="x"><circle/></svg><style>p{}</style>'), '');
  });

  it('keeps the allow-list: formatting, lists, quotes, http(s)/mailto links, own or http(s) images', () => {
    const html = '<h2>T</h2><p><strong>b</strong><em>i</em><u>u</u><s>s</s><br /></p><ul><li>1</li></ul><ol><li>2</li></ol><blockquote>q</blockquote>';
    assert.equal(clean(html), html);
    assert.equal(clean('<a href="mailto:a@b.cn">m</a>'), '<a href="mailto:a@b.cn" rel="noopener noreferrer" target="_blank">m</a>');
    const own = '<img alt="封面" src="/api/wechat/accounts/wxA/materials/M1/content" />';
    assert.equal(clean(own), own);
    // Another account's material, or any other relative URL, is not ours to show.
    assert.equal(clean('<img src="/api/wechat/accounts/wxB/materials/M1/content">'), '');
    assert.equal(clean('<a href="/api/session">x</a>'), '<a>x</a>');
  });

  it('keeps only a few style properties with safe values', () => {
    assert.equal(
      clean('<span style="color:#ff0000;position:fixed;background-image:url(javascript:x);text-align:center">s</span>'),
      '<span style="color:#ff0000;text-align:center">s</span>',
    );
  });

  it('counts text, not markup', () => {
    assert.equal(articleTextLength('<p><strong>ab</strong> &amp; c</p><script>long</script>'), 6);
  });
});

describe('materials API', () => {
  let app;
  let dataDir;
  let suite;
  let admin;

  before(async () => {
    ({ app, dataDir, suite } = await startServer());
    admin = await signIn(app, 'admin');
  });
  after(async () => {
    await app.close();
    removeDataDir(dataDir);
  });
  beforeEach(() => suite.reset('demo'));

  const upload = async (fields, file, appid) => {
    const { payload, headers } = multipart(fields, file);
    const response = await app.inject({ method: 'POST', url: base(appid), payload, headers: { ...headers, cookie: admin.cookie } });
    return { status: response.statusCode, body: response.json() };
  };
  const articleItem = (patch = {}) => ({
    title: '标题',
    thumbMediaId: seededMediaId(APPIDS.smart, 'spring'),
    content: '<p>正文</p>',
    ...patch,
  });

  it('lists seeded materials per type with counts and permanent usage, searches and pages', async () => {
    const images = await admin.get(`${base()}?type=image&limit=2`);
    assert.equal(images.status, 200);
    assert.equal(images.body.total, 6); // five images and a thumb
    assert.equal(images.body.items.length, 2);
    assert.deepEqual(images.body.counts, { image: 6, voice: 1, video: 1, news: 2 });
    assert.deepEqual(images.body.usage, [
      { limit: 'imagesAndNews', used: 8, max: 100_000 },
      { limit: 'voice', used: 1, max: 1000 },
      { limit: 'video', used: 1, max: 1000 },
    ]);
    const second = await admin.get(`${base()}?type=image&limit=2&offset=2`);
    assert.notDeepEqual(second.body.items.map((m) => m.mediaId), images.body.items.map((m) => m.mediaId));
    const found = await admin.get(`${base()}?type=image&q=${encodeURIComponent('海报')}`);
    assert.deepEqual(found.body.items.map((m) => m.name), ['门店开业海报.png']);
    const news = await admin.get(`${base()}?type=news&q=${encodeURIComponent('门店开业')}`);
    assert.equal(news.body.total, 1, 'an article is found by the title of any of its items');
    assert.equal(news.body.items[0].itemCount, 2);
    const markup = await admin.get(`${base()}?type=news&q=strong`);
    assert.equal(markup.body.total, 0, 'bodies (and their markup) are not searched');
    const bad = await admin.get(`${base()}?type=music`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].field, 'query.type');
  });

  it('stores an uploaded image on disk and serves it back with its real type and nosniff', async () => {
    const created = await upload({ type: 'image', permanent: 'true' }, { name: '海报.PNG', bytes: PNG });
    assert.equal(created.status, 201);
    assert.equal(created.body.type, 'image');
    assert.equal(created.body.name, '海报.PNG');
    assert.equal(created.body.size, PNG.length);
    assert.equal(created.body.permanent, true);
    assert.ok(existsSync(join(dataDir, 'materials', created.body.mediaId)));
    const content = await app.inject({ method: 'GET', url: created.body.contentUrl, headers: { cookie: admin.cookie } });
    assert.equal(content.statusCode, 200);
    assert.equal(content.headers['content-type'], 'image/png');
    assert.equal(content.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(content.rawPayload, PNG);
    const list = await admin.get(`${base()}?type=image&limit=1`);
    assert.equal(list.body.items[0].mediaId, created.body.mediaId);
    assert.equal(list.body.usage[0].used, 9);

    // A reset replaces the rows the file belonged to: the file goes too (uploads used to pile up).
    suite.reset('demo');
    assert.equal(existsSync(join(dataDir, 'materials', created.body.mediaId)), false);
    const again = await upload({ type: 'image', permanent: 'true' }, { name: '海报.PNG', bytes: PNG });
    assert.equal(again.status, 201, 'uploads work after a reset removed the folder');
    assert.ok(existsSync(join(dataDir, 'materials', again.body.mediaId)));
  });

  it('refuses bad uploads with WeChat codes naming the field, and writes nothing', async () => {
    const before = (await admin.get(`${base()}?type=image`)).body.total;
    const svg = await upload({ type: 'image' }, { name: 'a.svg', bytes: Buffer.from('<svg/>') });
    assert.equal(svg.status, 422);
    assert.equal(svg.body.code, 'WECHAT_40005');
    assert.equal(svg.body.errors[0].field, 'media');
    const disguised = await upload({ type: 'image' }, { name: 'a.png', bytes: Buffer.from('<html><script>x</script></html>') });
    assert.equal(disguised.body.code, 'WECHAT_40005');
    const big = await upload({ type: 'image' }, { name: 'big.png', bytes: sized(PNG, 10 * MB + 1) });
    assert.equal(big.status, 422);
    assert.equal(big.body.code, 'WECHAT_45001');
    const thumb = await upload({ type: 'thumb' }, { name: 't.jpg', bytes: sized(SAMPLE_JPEG, 64 * 1024 + 1) });
    assert.equal(thumb.body.code, 'WECHAT_45001');
    const empty = await upload({ type: 'image' }, { name: 'e.png', bytes: Buffer.alloc(0) });
    assert.equal(empty.body.code, 'WECHAT_40006');
    const noType = await upload({}, { name: 'a.png', bytes: PNG });
    assert.equal(noType.status, 400);
    assert.equal(noType.body.errors[0].field, 'type');
    const noFile = await upload({ type: 'image' });
    assert.equal(noFile.body.errors[0].field, 'media');
    const longVoice = await upload({ type: 'voice' }, { name: 'v.wav', bytes: toneWav(61) });
    assert.equal(longVoice.body.code, 'WECHAT_45007');
    assert.equal(longVoice.body.errors[0].field, 'durationSeconds');
    const undeclared = await upload({ type: 'voice' }, { name: 'v.amr', bytes: Buffer.from('#!AMR\n....') });
    assert.equal(undeclared.status, 400);
    assert.equal(undeclared.body.errors[0].field, 'durationSeconds');
    const json = await admin.post(base(), { type: 'image' });
    assert.equal(json.status, 400);
    assert.equal((await admin.get(`${base()}?type=image`)).body.total, before);
  });

  it('takes a declared voice length and measures WAV itself', async () => {
    const amr = await upload({ type: 'voice', durationSeconds: '42' }, { name: 'v.amr', bytes: Buffer.from('#!AMR\n....') });
    assert.equal(amr.status, 201);
    assert.equal(amr.body.durationSeconds, 42);
    const wav = await upload({ type: 'voice', durationSeconds: '5' }, { name: 'v.wav', bytes: toneWav(2) });
    assert.equal(wav.body.durationSeconds, 2);
    assert.equal(wav.body.contentType, 'audio/wav');
  });

  it('stops permanent uploads at the limit (45009) but still takes temporary media', async () => {
    const now = suite.clock.iso();
    suite.db.transaction(() => {
      for (let i = 0; i < 998; i++) {
        insertMaterial(suite.db, { mediaId: `V${i}`, appid: APPIDS.smart, type: 'voice', name: `v${i}.amr`, permanent: true, createdAt: now });
      }
    })();
    const wav = { name: 'v.wav', bytes: toneWav(1) };
    assert.equal((await upload({ type: 'voice' }, wav)).status, 201); // the 1,000th
    const over = await upload({ type: 'voice' }, wav);
    assert.equal(over.status, 422);
    assert.equal(over.body.code, 'WECHAT_45009');
    assert.equal(over.body.errors[0].field, 'permanent');
    assert.equal((await upload({ type: 'voice', permanent: 'false' }, wav)).status, 201);
    // Another account has its own limit.
    assert.equal((await upload({ type: 'voice' }, wav, APPIDS.subscription)).status, 201);
  });

  it('expires temporary media 3 days after upload by the mock clock', async () => {
    const created = await upload({ type: 'image', permanent: 'false' }, { name: 't.png', bytes: PNG });
    assert.equal(created.body.permanent, false);
    assert.equal(Date.parse(created.body.expiresAt) - Date.parse(created.body.createdAt), 3 * 86_400_000);
    suite.clock.advance(3 * 86_400 - 60);
    let item = (await admin.get(`${base()}/${created.body.mediaId}`)).body;
    assert.equal(item.expired, false);
    suite.clock.advance(120);
    item = (await admin.get(`${base()}/${created.body.mediaId}`)).body;
    assert.equal(item.expired, true);
    const listed = (await admin.get(`${base()}?type=image&permanent=false`)).body;
    assert.deepEqual(listed.items.map((m) => [m.mediaId, m.expired]), [[created.body.mediaId, true]]);
    assert.equal((await admin.get(`${base()}?type=image&permanent=false&usable=true`)).body.total, 0);
    const content = await admin.get(created.body.contentUrl);
    assert.equal(content.status, 422);
    assert.equal(content.body.code, 'WECHAT_40007');
    assert.equal(listed.usage[0].used, 8, 'temporary media never counts against the permanent limits');
  });

  it('creates a two-item article with sanitized bodies and updates it', async () => {
    const created = await admin.post(`${base()}/news`, {
      articles: [
        articleItem({ title: '  第一篇 ', author: '小编', content: '<p onclick="x()">一<script>alert(1)</script></p><img src=x onerror=alert(1)>' }),
        articleItem({ title: '第二篇', content: '<a href="javascript:alert(1)">链接</a>', showCoverPic: false, contentSourceUrl: 'https://a.example' }),
      ],
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.type, 'news');
    assert.equal(created.body.name, '第一篇');
    assert.equal(created.body.itemCount, 2);
    assert.equal(created.body.articles[0].content, '<p>一</p>');
    assert.equal(created.body.articles[1].content, '<a>链接</a>');
    assert.equal(created.body.articles[0].thumbUrl, `${base()}/${seededMediaId(APPIDS.smart, 'spring')}/content`);
    const updated = await app.inject({
      method: 'PUT',
      url: `${base()}/${created.body.mediaId}/news`,
      payload: { articles: [articleItem({ title: '改过的', content: '<h2>新</h2>' })] },
      headers: { cookie: admin.cookie },
    });
    assert.equal(updated.statusCode, 200);
    assert.equal(updated.json().itemCount, 1);
    assert.equal((await admin.get(`${base()}/${created.body.mediaId}`)).body.articles[0].title, '改过的');
  });

  it('refuses to replace an article saved since the edit started (If-Match, 412 STALE, nothing written); without the header it overwrites', async () => {
    const created = await admin.post(`${base()}/news`, { articles: [articleItem({ title: '初稿', content: '<p>一</p>' })] });
    assert.equal(typeof created.body.revision, 'string');
    const url = `${base()}/${created.body.mediaId}/news`;
    const put = (payload, revision) =>
      app.inject({ method: 'PUT', url, payload, headers: { cookie: admin.cookie, ...(revision ? { 'if-match': `"${revision}"` } : {}) } });
    const first = await put({ articles: [articleItem({ title: '同事的修改', content: '<p>二</p>' })] }, created.body.revision);
    assert.equal(first.statusCode, 200);
    assert.notEqual(first.json().revision, created.body.revision);
    // Someone else saved in between: an edit that started from the created version is refused.
    const stale = await put({ articles: [articleItem({ title: '我的修改', content: '<p>三</p>' })] }, created.body.revision);
    assert.equal(stale.statusCode, 412);
    assert.equal(stale.json().code, 'STALE');
    assert.equal(stale.json().errors[0].field, 'header.If-Match');
    const now = await admin.get(`${base()}/${created.body.mediaId}`);
    assert.equal(now.body.articles[0].title, '同事的修改');
    assert.equal(now.body.revision, first.json().revision);
    const current = await put({ articles: [articleItem({ title: '我的修改', content: '<p>三</p>' })] }, first.json().revision);
    assert.equal(current.statusCode, 200);
    const forced = await put({ articles: [articleItem({ title: '覆盖保存', content: '<p>四</p>' })] });
    assert.equal(forced.statusCode, 200);
    assert.equal((await admin.get(`${base()}/${created.body.mediaId}`)).body.articles[0].title, '覆盖保存');
    // The older body field is gone: one pattern (ADR 0024).
    const old = await put({ articles: [articleItem({ title: '旧字段' })], expectedUpdatedAt: created.body.updatedAt });
    assert.equal(old.statusCode, 400);
  });

  it('checks article rules per item, naming the field, and writes nothing', async () => {
    const before = (await admin.get(`${base()}?type=news`)).body.total;
    const refuse = async (articles) => {
      const r = await admin.post(`${base()}/news`, { articles });
      return { status: r.status, code: r.body.code, fields: (r.body.errors ?? []).map((e) => e.field) };
    };
    assert.deepEqual(await refuse([]), { status: 400, code: 'VALIDATION', fields: ['articles'] });
    assert.equal((await refuse(Array.from({ length: 9 }, () => articleItem()))).status, 400);
    assert.equal((await refuse(Array.from({ length: 8 }, () => articleItem()))).status, 201);
    assert.deepEqual(
      await refuse([
        articleItem(),
        articleItem({ title: ' ', author: '一二三四五六七八九', digest: 'd'.repeat(121), contentSourceUrl: 'ftp://x', content: '<script>only</script>' }),
      ]),
      {
        status: 400,
        code: 'VALIDATION',
        fields: ['articles[1].title', 'articles[1].author', 'articles[1].digest', 'articles[1].content', 'articles[1].contentSourceUrl'],
      },
    );
    assert.equal((await refuse([articleItem({ title: '标'.repeat(64), author: '一二三四五六七八', digest: 'd'.repeat(120) })])).status, 201);
    assert.deepEqual((await refuse([articleItem({ title: '标'.repeat(65) })])).fields, ['articles[0].title']);
    assert.equal((await refuse([articleItem({ content: `<p>${'字'.repeat(19_999)}</p>` })])).status, 201);
    assert.deepEqual((await refuse([articleItem({ content: `<p>${'字'.repeat(20_000)}</p>` })])).fields, ['articles[0].content']);
    assert.deepEqual(await refuse([articleItem({ thumbMediaId: seededMediaId(APPIDS.smart, 'voice') })]), {
      status: 422, code: 'WECHAT_40007', fields: ['articles[0].thumbMediaId'],
    });
    assert.equal((await refuse([articleItem({ thumbMediaId: seededMediaId(APPIDS.subscription, 'spring') })])).code, 'WECHAT_40007');
    assert.equal((await admin.get(`${base()}?type=news`)).body.total, before + 3);
  });

  it('deletes a material and its bytes; unknown ids are NOT_FOUND', async () => {
    const created = await upload({ type: 'image' }, { name: 'd.png', bytes: PNG });
    const removed = await admin.delete(`${base()}/${created.body.mediaId}`);
    assert.equal(removed.status, 204);
    assert.equal(existsSync(join(dataDir, 'materials', created.body.mediaId)), false);
    assert.equal((await admin.get(`${base()}/${created.body.mediaId}`)).status, 404);
    assert.equal((await admin.delete(`${base()}/${created.body.mediaId}`)).status, 404);
  });

  it('serves seeded bytes and keeps other departments out', async () => {
    const voice = await admin.get(`${base()}/${seededMediaId(APPIDS.smart, 'voice')}`);
    assert.equal(voice.body.durationSeconds, 3);
    const bytes = await app.inject({ method: 'GET', url: voice.body.contentUrl, headers: { cookie: admin.cookie } });
    assert.equal(detectFormat(bytes.rawPayload), 'wav');
    const sales = await signIn(app, 'sales');
    assert.equal((await sales.get(`${base()}?type=image`)).status, 403);
    assert.equal((await sales.get(voice.body.contentUrl)).status, 403);
  });
});
