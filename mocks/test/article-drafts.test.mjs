import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPIDS, setUpSuite, signIn, tearDownSuite } from './helpers.mjs';
import { ARTICLE_DRAFT_MAX_CONTENT_BYTES, articleDraftErrors } from '../src/rules/article-drafts.mjs';
import { seededMediaId } from '../seed/materials.mjs';

const drafts = (key, appid = APPIDS.smart) => `/api/wechat/accounts/${appid}/article-drafts/${key}`;
const materials = (appid = APPIDS.smart) => `/api/wechat/accounts/${appid}/materials`;
const COVER = seededMediaId(APPIDS.smart, 'spring');

/** An editor state as the article editor sends it: work in progress (no cover, no body yet is fine). */
const item = (patch = {}) => ({
  title: '', author: '', digest: '', thumbMediaId: '', thumbUrl: null, thumbName: '', content: '', contentSourceUrl: '', showCoverPic: true,
  ...patch,
});
const doc = (patch = {}) => ({ articles: [item()], index: 0, savedId: null, ...patch });
/** A saveable article item (WeChat's rules hold). */
const saveable = (title) => ({ title, thumbMediaId: COVER, content: `<p>${title}</p>` });

describe('article draft rules', () => {
  it('bound the bodies in all, naming the item where the limit is crossed, and the shown index', () => {
    assert.deepEqual(articleDraftErrors({ articles: [item({ content: 'x'.repeat(10) })], index: 0 }, 10), []);
    assert.deepEqual(
      articleDraftErrors({ articles: [item({ content: 'x'.repeat(6) }), item({ content: 'y'.repeat(5) }), item()], index: 0 }, 10).map((e) => e.field),
      ['articles[1].content'],
    );
    // Bytes, not characters: 4 Chinese characters are 12 bytes of UTF-8.
    assert.deepEqual(articleDraftErrors({ articles: [item({ content: '双十一预' })], index: 0 }, 10).map((e) => e.field), ['articles[0].content']);
    assert.deepEqual(articleDraftErrors({ articles: [item(), item()], index: 2 }).map((e) => e.field), ['index']);
  });
});

describe('article drafts', () => {
  let ctx, marketer;
  before(async () => {
    ctx = await setUpSuite();
    marketer = await signIn(ctx.app, 'marketer');
  });
  after(() => tearDownSuite(ctx));
  beforeEach(async () => {
    await ctx.control.post('/__mock/reset', { scenario: 'demo' });
  });

  it('round-trips the editor state of a new article, and Discard removes it', async () => {
    const { admin } = ctx;
    assert.deepEqual((await admin.get(drafts('new'))).body, { document: null, updatedAt: null });
    const state = doc({
      articles: [
        item({ title: '', content: '<p>还没写完</p>' }),
        item({ title: '第二篇', author: '小编', thumbMediaId: COVER, thumbUrl: `${materials()}/${COVER}/content`, thumbName: '封面.png', showCoverPic: false }),
      ],
      index: 1,
    });
    const saved = await admin.put(drafts('new'), state);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(saved.body.document, state);
    const read = await admin.get(drafts('new'));
    assert.deepEqual(read.body.document, state);
    assert.equal(read.body.updatedAt, saved.body.updatedAt);
    // A draft of another account's editor is another draft.
    assert.equal((await admin.get(drafts('new', APPIDS.subscription))).body.document, null);

    assert.equal((await admin.delete(drafts('new'))).status, 204);
    assert.deepEqual((await admin.get(drafts('new'))).body, { document: null, updatedAt: null });
    assert.equal((await admin.delete(drafts('new'))).status, 204, 'discarding twice is not an error');
  });

  it('fills in what the editor left out with the defaults', async () => {
    const saved = await ctx.admin.put(drafts('new'), { articles: [{ title: 'T', content: '' }] });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual((await ctx.admin.get(drafts('new'))).body.document, doc({ articles: [item({ title: 'T' })] }));
  });

  it('keeps each user’s drafts to that user: two users of the same account see only their own', async () => {
    const { admin } = ctx;
    assert.equal((await admin.put(drafts('new'), doc({ articles: [item({ title: '管理员的' })] }))).status, 200);
    assert.equal((await marketer.get(drafts('new'))).body.document, null, 'the marketer does not see the admin’s draft');
    assert.equal((await marketer.put(drafts('new'), doc({ articles: [item({ title: '市场部的' })] }))).status, 200);
    assert.equal((await admin.get(drafts('new'))).body.document.articles[0].title, '管理员的');
    assert.equal((await marketer.get(drafts('new'))).body.document.articles[0].title, '市场部的');
    // One user's Discard leaves the other's draft alone.
    assert.equal((await marketer.delete(drafts('new'))).status, 204);
    assert.equal((await admin.get(drafts('new'))).body.document.articles[0].title, '管理员的');
  });

  it('answers 403 for an account not allocated to the user, and writes nothing', async () => {
    for (const call of [
      () => marketer.get(drafts('new', APPIDS.demo)),
      () => marketer.put(drafts('new', APPIDS.demo), doc({ articles: [item({ title: '越权' })] })),
      () => marketer.delete(drafts('new', APPIDS.demo)),
    ]) {
      const response = await call();
      assert.equal(response.status, 403);
      assert.equal(response.body.code, 'FORBIDDEN_ACCOUNT');
    }
    const count = ctx.suite.db.prepare('SELECT COUNT(*) AS n FROM article_drafts').get().n;
    assert.equal(count, 0);
  });

  it('refuses bad input with a problem naming the field and keeps the draft it had', async () => {
    const { admin } = ctx;
    const kept = doc({ articles: [item({ title: '保留的' })] });
    assert.equal((await admin.put(drafts('new'), kept)).status, 200);
    const before = (await admin.get(drafts('new'))).body;

    const over = ARTICLE_DRAFT_MAX_CONTENT_BYTES / 2 + 1;
    const cases = [
      [doc({ articles: [item({ content: 'a'.repeat(over) }), item({ content: 'b'.repeat(over) })] }), 'articles[1].content'],
      [doc({ articles: [item(), item()], index: 2 }), 'index'],
      [doc({ articles: [] }), 'articles'],
      [doc({ articles: [item({ title: 't'.repeat(201) })] }), 'articles[0].title'],
      [doc({ savedId: 'not a media id' }), 'savedId'],
      [{ ...doc(), extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const response = await admin.put(drafts('new'), body);
      assert.equal(response.status, 400, field);
      assert.equal(response.body.code, 'VALIDATION');
      assert.ok(response.body.errors.some((e) => e.field === field), `${field}: ${JSON.stringify(response.body.errors)}`);
    }
    const badKey = await admin.get(drafts('bad key!'));
    assert.equal(badKey.status, 400);
    assert.ok(badKey.body.errors.some((e) => e.field.includes('draftKey')), JSON.stringify(badKey.body.errors));
    // A body far beyond the limit is refused before it is read, still as a problem.
    const huge = await admin.put(drafts('new'), doc({ articles: [item({ content: 'c'.repeat(7 * 1024 * 1024) })] }));
    assert.equal(huge.status, 400);
    assert.equal(huge.body.code, 'VALIDATION');

    assert.deepEqual((await admin.get(drafts('new'))).body, before);
  });

  it('has no draft for an article that does not exist (or is not an article)', async () => {
    const missing = await ctx.admin.put(drafts('NoSuchArticle'), doc());
    assert.equal(missing.status, 404);
    assert.equal((await ctx.admin.put(drafts(COVER), doc())).status, 404, 'an image has no article draft');
    assert.equal(ctx.suite.db.prepare('SELECT COUNT(*) AS n FROM article_drafts').get().n, 0);
  });

  it('are cleared for the saver by saving the article, and for everyone by deleting it', async () => {
    const { admin } = ctx;
    assert.equal((await admin.put(drafts('new'), doc({ articles: [item({ title: '新图文' })] }))).status, 200);
    assert.equal((await marketer.put(drafts('new'), doc({ articles: [item({ title: '别人的新图文' })] }))).status, 200);
    const created = await admin.post(`${materials()}/news`, { articles: [saveable('新图文')] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await admin.get(drafts('new'))).body.document, null, 'creating the article clears the creator’s new draft');
    assert.equal((await marketer.get(drafts('new'))).body.document.articles[0].title, '别人的新图文');

    const mediaId = created.body.mediaId;
    const edited = doc({ articles: [item({ title: '改了一半' })], savedId: mediaId });
    assert.equal((await admin.put(drafts(mediaId), edited)).status, 200);
    assert.equal((await marketer.put(drafts(mediaId), edited)).status, 200);
    assert.equal((await admin.put(`${materials()}/${mediaId}/news`, { articles: [saveable('改好了')] })).status, 200);
    assert.equal((await admin.get(drafts(mediaId))).body.document, null, 'updating the article clears the updater’s draft');
    assert.deepEqual((await marketer.get(drafts(mediaId))).body.document, edited, 'another user’s draft of it stays');

    // A refused save clears nothing.
    assert.equal((await admin.put(drafts(mediaId), edited)).status, 200);
    assert.equal((await admin.put(`${materials()}/${mediaId}/news`, { articles: [{ ...saveable(''), title: '' }] })).status, 400);
    assert.deepEqual((await admin.get(drafts(mediaId))).body.document, edited);

    assert.equal((await admin.delete(`${materials()}/${mediaId}`)).status, 204);
    assert.equal((await admin.get(drafts(mediaId))).body.document, null);
    assert.equal((await marketer.get(drafts(mediaId))).body.document, null, 'deleting the article clears every user’s draft');
    assert.equal((await admin.put(drafts(mediaId), edited)).status, 404, 'and none comes back from an editor still open on it');
  });
});
