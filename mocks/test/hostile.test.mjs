import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, setUpSuite, tearDownSuite } from './helpers.mjs';

/**
 * /__mock/hostile writes hostile strings into every user-controlled field the UI shows; the API
 * then serves them verbatim (responses validated against openapi.yaml), which is what the e2e
 * hostile-input spec renders.
 */
const A = '<img src=x onerror="window.__xss=\'t1\'">';
const B = "{{constructor.constructor('window.__xss=1')()}}";
const C = '\u202Egnp.exe 👨‍👩‍👧‍👦 zero\u200Bwidth';
const STRINGS = [A, B, C];
const appid = APPIDS.smart;
const base = `/api/wechat/accounts/${appid}`;

describe('/__mock/hostile', () => {
  let app, dataDir, admin, control;
  before(async () => ({ app, dataDir, admin, control } = await setUpSuite()));
  after(() => tearDownSuite({ app, dataDir }));

  it('refuses an unknown field or account, naming it, and writes nothing', async () => {
    const unknown = await control.post('/__mock/hostile', { appid, nicknames: [A] });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.code, 'VALIDATION');
    assert.equal((await control.post('/__mock/hostile', { appid: 'wx0000000000000000', qrNames: [A] })).status, 404);
    const qr = await admin.get(`${base}/qrcodes`);
    assert.ok(qr.body.items.every((item) => item.name !== A));
  });

  it('writes every field in one call and the API serves the strings verbatim', async () => {
    const fields = Object.fromEntries(
      ['fanRemarks', 'contactNames', 'inboxTexts', 'inboxLinkTitles', 'materialTitles', 'articleBodies', 'articleDrafts', 'qrNames', 'menuNames', 'menuDraftNames',
        'tagNames', 'departmentNames', 'ruleNames', 'ruleKeywords', 'templateValues', 'sharingRuleNames'].map((f) => [f, STRINGS]),
    );
    const { status, body } = await control.post('/__mock/hostile', { appid, ...fields });
    assert.equal(status, 200);
    for (const [field, rows] of Object.entries(body.written)) assert.ok(rows > 0, `${field} wrote ${rows}`);
    assert.equal(Object.keys(body.written).length, 16);

    const fans = (await admin.get(`${base}/fans?limit=3`)).body.items;
    assert.ok(fans.some((fan) => STRINGS.includes(fan.remark)), JSON.stringify(fans.map((f) => f.remark)));
    const inbox = (await admin.get(`${base}/inbox/messages?limit=20`)).body.items;
    for (const s of STRINGS) assert.ok(inbox.some((m) => m.content === s || m.details?.title === s), `inbox ${s}`);
    const qr = (await admin.get(`${base}/qrcodes`)).body.items.map((item) => item.name);
    assert.deepEqual(new Set(qr), new Set(STRINGS));
    const tags = (await admin.get(`${base}/tags`)).body;
    assert.ok(JSON.stringify(tags).includes(JSON.stringify(A).slice(1, -1)));
    const materials = (await admin.get(`${base}/materials?type=news`)).body.items;
    assert.ok(materials.some((m) => STRINGS.includes(m.name)));
    const menu = JSON.stringify((await admin.get(`${base}/menu`)).body);
    const draft = JSON.stringify((await admin.get(`${base}/menu/draft`)).body);
    for (const s of STRINGS) {
      assert.ok(menu.includes(JSON.stringify(s).slice(1, -1)), `live menu ${s}`);
      assert.ok(draft.includes(JSON.stringify(s).slice(1, -1)), `draft menu ${s}`);
    }
    const rules = (await admin.get(`${base}/auto-reply/rules`)).body.items;
    assert.ok(rules.some((r) => r.name === B) && rules.some((r) => r.keywords.some((k) => k.text === C)));
    const sends = (await admin.get(`${base}/templates/sends`)).body.items;
    assert.ok(sends.some((s) => s.data.thing1.value === A));
    const departments = JSON.stringify((await admin.get('/api/departments')).body);
    assert.ok(departments.includes(JSON.stringify(C).slice(1, -1)));
    const sharing = (await admin.get('/api/contact-sharing/rules')).body.items.map((r) => r.name);
    assert.deepEqual(sharing.slice(0, 2), [A, B]);
    // The signed-in user's draft of a new article (the API validates the response against its schema).
    const articleDraft = (await admin.get(`${base}/article-drafts/new`)).body.document;
    assert.deepEqual(articleDraft.articles.map((item) => item.title), STRINGS);
    assert.ok(articleDraft.articles[0].content.includes(B), articleDraft.articles[0].content);
  });

  it('stores article bodies raw, or as the API would store them when asked to sanitize', async () => {
    const bodies = async () => {
      const [news] = (await admin.get(`${base}/materials?type=news&limit=1`)).body.items;
      return (await admin.get(`${base}/materials/${news.mediaId}`)).body.articles.map((item) => item.content).join('');
    };
    assert.equal((await control.post('/__mock/hostile', { appid, articleBodies: [A] })).status, 200);
    assert.ok((await bodies()).includes('onerror='));
    assert.equal((await control.post('/__mock/hostile', { appid, sanitizeArticles: true, articleBodies: [A] })).status, 200);
    const clean = await bodies();
    assert.ok(clean.includes('结束') && !/onerror|<script|javascript:/i.test(clean), clean);
  });
});
