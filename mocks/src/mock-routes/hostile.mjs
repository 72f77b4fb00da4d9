import { findAccountRow } from '../repositories/accounts.mjs';
import { saveArticleDraft } from '../repositories/article-drafts.mjs';
import { NEW_ARTICLE_DRAFT_KEY } from '../rules/article-drafts.mjs';
import { notFound } from '../lib/problems.mjs';
import { sanitizeArticleHtml } from '../rules/article-html.mjs';
import { APPID, bodyValidator } from './validate.mjs';

/**
 * The user-controlled fields the UI shows, and how each is written. Every writer puts its strings
 * (cycled) into the account's existing rows, or adds rows where the seed has none, straight into
 * the database: the point is how the UI renders stored data, so the API's validation is bypassed on
 * purpose. Article bodies are stored raw too (the client's own sanitizer is then the only layer),
 * unless `sanitizeArticles` asks for what the API stores on every write (its sanitizer).
 */
const FIELDS = [
  'fanRemarks',
  'contactNames',
  'inboxTexts',
  'inboxLinkTitles',
  'materialTitles',
  'articleBodies',
  'articleDrafts',
  'qrNames',
  'menuNames',
  'menuDraftNames',
  'tagNames',
  'departmentNames',
  'ruleNames',
  'ruleKeywords',
  'templateValues',
  'sharingRuleNames',
];

const STRINGS = { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', maxLength: 10_000 } };

const readBody = bodyValidator({
  type: 'object',
  required: ['appid'],
  properties: { appid: APPID, sanitizeArticles: { type: 'boolean', default: false }, ...Object.fromEntries(FIELDS.map((field) => [field, STRINGS])) },
  additionalProperties: false,
});

const pick = (strings, index) => strings[index % strings.length];

/** Renames every button of a WeChat menu (`button` / `sub_button`), depth first. */
function renameButtons(buttons, strings, counter) {
  return buttons.map((button) => ({
    ...button,
    name: pick(strings, counter.next++),
    ...(button.sub_button ? { sub_button: renameButtons(button.sub_button, strings, counter) } : {}),
  }));
}

/** @type {Record<string, (db: import('better-sqlite3').Database, appid: string, strings: string[], now: string) => number>} */
const WRITERS = {
  fanRemarks(db, appid, strings) {
    const ids = db.prepare('SELECT id FROM fans WHERE appid = ? ORDER BY id').all(appid);
    const update = db.prepare('UPDATE fans SET remark = ? WHERE id = ?');
    ids.forEach(({ id }, i) => update.run(pick(strings, i), id));
    return ids.length;
  },
  contactNames(db, appid, strings) {
    const ids = db.prepare('SELECT DISTINCT contact_id AS id FROM fans WHERE appid = ? ORDER BY contact_id').all(appid);
    const update = db.prepare('UPDATE contacts SET name = ? WHERE id = ?');
    ids.forEach(({ id }, i) => update.run(pick(strings, i), id));
    return ids.length;
  },
  inboxTexts: (db, appid, strings, now) => addInbox(db, appid, strings, now, (text) => ['text', text, {}]),
  inboxLinkTitles: (db, appid, strings, now) =>
    addInbox(db, appid, strings, now, (title) => ['link', title, { title, description: title, url: 'https://example.com/hostile' }]),
  materialTitles(db, appid, strings) {
    const rows = db.prepare('SELECT media_id, articles FROM materials WHERE appid = ? ORDER BY created_at DESC, media_id').all(appid);
    const update = db.prepare('UPDATE materials SET name = ?, articles = ? WHERE media_id = ?');
    rows.forEach((row, i) => {
      const name = pick(strings, i);
      const articles = row.articles ? JSON.parse(row.articles).map((item, j) => ({ ...item, title: j === 0 ? name : pick(strings, i + j) })) : null;
      update.run(name, articles ? JSON.stringify(articles) : null, row.media_id);
    });
    return rows.length;
  },
  articleBodies(db, appid, strings, now, { sanitizeArticles }) {
    const rows = db.prepare("SELECT media_id, articles FROM materials WHERE appid = ? AND type = 'news' ORDER BY created_at DESC, media_id").all(appid);
    const update = db.prepare('UPDATE materials SET articles = ? WHERE media_id = ?');
    let n = 0;
    for (const row of rows) {
      const articles = JSON.parse(row.articles).map((item) => {
        const content = `<p>正文</p>${pick(strings, n++)}<p>结束</p>`;
        return { ...item, content: sanitizeArticles ? sanitizeArticleHtml(content, appid) : content };
      });
      update.run(JSON.stringify(articles), row.media_id);
    }
    return n;
  },
  // Every user's draft of a new article: its title and its body (raw, or as the API's sanitizer would store it).
  articleDrafts(db, appid, strings, now, { sanitizeArticles }) {
    const users = db.prepare('SELECT id FROM users ORDER BY id').all();
    const articles = strings.map((title, i) => {
      const content = `<p>草稿</p>${pick(strings, i + 1)}<p>完</p>`;
      return {
        title,
        author: '',
        digest: '',
        thumbMediaId: '',
        thumbUrl: null,
        thumbName: '',
        content: sanitizeArticles ? sanitizeArticleHtml(content, appid) : content,
        contentSourceUrl: '',
        showCoverPic: true,
      };
    }).slice(0, 8);
    for (const { id } of users) saveArticleDraft(db, appid, NEW_ARTICLE_DRAFT_KEY, id, { articles, index: 0, savedId: null }, now);
    return users.length;
  },
  qrNames(db, appid, strings) {
    const ids = db.prepare('SELECT id FROM qr_codes WHERE appid = ? ORDER BY id').all(appid);
    const update = db.prepare('UPDATE qr_codes SET name = ? WHERE id = ?');
    ids.forEach(({ id }, i) => update.run(pick(strings, i), id));
    return ids.length;
  },
  menuNames(db, appid, strings) {
    const counter = { next: 0 };
    const live = db.prepare('SELECT button FROM menu_live WHERE appid = ?').get(appid);
    if (live) db.prepare('UPDATE menu_live SET button = ? WHERE appid = ?').run(JSON.stringify(renameButtons(JSON.parse(live.button), strings, counter)), appid);
    for (const row of db.prepare('SELECT menuid, button FROM menu_conditional WHERE appid = ?').all(appid)) {
      db.prepare('UPDATE menu_conditional SET button = ? WHERE menuid = ?').run(JSON.stringify(renameButtons(JSON.parse(row.button), strings, counter)), row.menuid);
    }
    return counter.next;
  },
  menuDraftNames(db, appid, strings, now) {
    const live = db.prepare('SELECT button FROM menu_live WHERE appid = ?').get(appid);
    const counter = { next: 0 };
    const button = renameButtons(live ? JSON.parse(live.button) : [{ type: 'click', name: '', key: 'HOSTILE' }], strings, counter);
    const document = { menus: [{ id: 'default', menuid: null, matchrule: null, button }] };
    db.prepare(`INSERT INTO menu_drafts (appid, document, updated_at, updated_by) VALUES (?, ?, ?, NULL)
                ON CONFLICT (appid) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at`).run(appid, JSON.stringify(document), now);
    return counter.next;
  },
  tagNames(db, appid, strings) {
    const ids = db.prepare('SELECT id FROM tags WHERE appid = ? ORDER BY id').all(appid);
    const update = db.prepare('UPDATE tags SET name = ? WHERE appid = ? AND id = ?');
    ids.forEach(({ id }, i) => update.run(pick(strings, i), appid, id));
    return ids.length;
  },
  departmentNames(db, appid, strings) {
    const ids = db.prepare('SELECT id FROM departments ORDER BY position').all();
    const update = db.prepare('UPDATE departments SET name = ? WHERE id = ?');
    ids.forEach(({ id }, i) => update.run(pick(strings, i), id));
    return ids.length;
  },
  ruleNames: (db, appid, strings, now) => addRules(db, appid, strings, now, (s) => ({ name: s, keyword: '关键词' })),
  ruleKeywords: (db, appid, strings, now) => addRules(db, appid, strings, now, (s) => ({ name: '规则', keyword: s })),
  templateValues(db, appid, strings, now) {
    const insert = db.prepare(`INSERT INTO template_sends (appid, template_id, title, content, data, link, audience, status, total, sent, failed, created_by, created_at, finished_at)
      VALUES (?, 'hostile', ?, ?, ?, '{}', ?, 'finished', 1, 1, 0, 'admin', ?, ?)`);
    strings.forEach((value, i) => {
      const data = { thing1: { value }, thing2: { value: pick(strings, i + 1) } };
      // The history lists a send by its title (the template's, as it was): it carries the string too.
      insert.run(appid, value, '{{thing1.DATA}}\n{{thing2.DATA}}', JSON.stringify(data), JSON.stringify({ type: 'openids', openids: ['o_hostile'] }), now, now);
    });
    return strings.length;
  },
  sharingRuleNames(db, appid, strings) {
    const ids = db.prepare('SELECT id FROM contact_sharing ORDER BY id').all();
    const update = db.prepare('UPDATE contact_sharing SET name = ? WHERE id = ?');
    ids.forEach(({ id }, i) => update.run(pick(strings, i), id));
    return ids.length;
  },
};

/** Newest messages of the account, one per string, from its most recently subscribed fans. */
function addInbox(db, appid, strings, now, shape) {
  const fans = db.prepare('SELECT openid FROM fans WHERE appid = ? AND subscribed = 1 ORDER BY subscribe_time DESC, id DESC LIMIT ?').all(appid, strings.length);
  const insert = db.prepare(`INSERT INTO inbox_messages (appid, openid, direction, source, type, event, content, details, created_at)
    VALUES (?, ?, 'in', 'fan', ?, NULL, ?, ?, ?)`);
  strings.forEach((text, i) => {
    const [type, content, details] = shape(text);
    insert.run(appid, fans[i % fans.length].openid, type, content, JSON.stringify(details), now);
  });
  return strings.length;
}

function addRules(db, appid, strings, now, shape) {
  const insert = db.prepare(`INSERT INTO auto_reply_rules (appid, name, keywords, replies, mode, enabled, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'all', 1, ?, ?)`);
  for (const s of strings) {
    const { name, keyword } = shape(s);
    insert.run(appid, name, JSON.stringify([{ text: keyword, match: 'full' }]), JSON.stringify([{ type: 'text', text: s }]), now, now);
  }
  return strings.length;
}

/**
 * POST /__mock/hostile `{appid, sanitizeArticles?, <field>: string[], …}` (fields: see FIELDS): writes hostile strings
 * into what the UI shows for `appid` (departments and sharing rules are suite-wide), in one
 * transaction. Answers `{appid, written: {<field>: rows}}`.
 */
export default async function hostileRoutes(fastify, { suite }) {
  fastify.post('/__mock/hostile', async (request) => {
    const body = readBody(request.body);
    if (!findAccountRow(suite.db, body.appid)) throw notFound(`WeChat account ${body.appid}`);
    const now = suite.clock.iso();
    const written = {};
    suite.db.transaction(() => {
      for (const field of FIELDS) if (body[field]) written[field] = WRITERS[field](suite.db, body.appid, body[field], now, body);
    })();
    return { appid: body.appid, written };
  });
}
