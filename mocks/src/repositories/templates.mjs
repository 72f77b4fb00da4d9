import { randomBytes } from 'node:crypto';
import { sql } from '../lib/database.mjs';
import { PRIVATE_TEMPLATES } from '../wechat/message-templates.mjs';

/** Template messages: WeChat's templates per account, the suite's synced copy, sends and per-recipient results. */

/** WeChat's template_id: 43 URL-safe characters. */
export const newTemplateId = () => randomBytes(32).toString('base64url').slice(0, 43);

const toTemplate = (row) => ({
  templateId: row.template_id,
  title: row.title,
  primaryIndustry: row.primary_industry,
  deputyIndustry: row.deputy_industry,
  content: row.content,
  example: row.example,
});

// --- WeChat's side ------------------------------------------------------------------------------

/** WeChat gives a verified service account its private templates once: the first time the suite asks. */
export function ensureWechatTemplates(db, appid, now) {
  if (sql(db, 'SELECT 1 FROM wechat_template_accounts WHERE appid = ?').get(appid)) return;
  db.transaction(() => {
    sql(db, 'INSERT INTO wechat_template_accounts (appid) VALUES (?)').run(appid);
    for (const template of PRIVATE_TEMPLATES) insertWechatTemplate(db, appid, template, now);
  })();
}

export const insertWechatTemplate = (db, appid, template, now, templateId = newTemplateId()) => {
  sql(db, `INSERT INTO wechat_templates (appid, template_id, short_id, title, primary_industry, deputy_industry, content, example, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(appid, templateId, template.shortId, template.title, template.primaryIndustry, template.deputyIndustry, template.content, template.example, now);
  return templateId;
};

export const wechatTemplates = (db, appid) =>
  sql(db, 'SELECT * FROM wechat_templates WHERE appid = ? ORDER BY added_at, rowid').all(appid).map(toTemplate);

export const countWechatTemplates = (db, appid) => sql(db, 'SELECT count(*) AS n FROM wechat_templates WHERE appid = ?').get(appid).n;

export const wechatTemplateExists = (db, appid, templateId) =>
  sql(db, 'SELECT 1 FROM wechat_templates WHERE appid = ? AND template_id = ?').get(appid, templateId) !== undefined;

export const deleteWechatTemplate = (db, appid, templateId) =>
  sql(db, 'DELETE FROM wechat_templates WHERE appid = ? AND template_id = ?').run(appid, templateId);

// --- the suite's copy ---------------------------------------------------------------------------

export const listTemplates = (db, appid) =>
  sql(db, 'SELECT * FROM templates WHERE appid = ? ORDER BY synced_at, rowid').all(appid).map((row) => ({ ...toTemplate(row), syncedAt: row.synced_at }));

export const findTemplate = (db, appid, templateId) => {
  const row = sql(db, 'SELECT * FROM templates WHERE appid = ? AND template_id = ?').get(appid, templateId);
  return row ? { ...toTemplate(row), syncedAt: row.synced_at } : undefined;
};

export const insertTemplate = (db, appid, t, now) =>
  sql(db, `INSERT INTO templates (appid, template_id, title, primary_industry, deputy_industry, content, example, synced_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(appid, t.templateId, t.title, t.primaryIndustry, t.deputyIndustry, t.content, t.example, now);

export const updateTemplate = (db, appid, t) =>
  sql(db, 'UPDATE templates SET title = ?, primary_industry = ?, deputy_industry = ?, content = ?, example = ? WHERE appid = ? AND template_id = ?')
    .run(t.title, t.primaryIndustry, t.deputyIndustry, t.content, t.example, appid, t.templateId);

export const deleteTemplate = (db, appid, templateId) => sql(db, 'DELETE FROM templates WHERE appid = ? AND template_id = ?').run(appid, templateId);

// --- sends --------------------------------------------------------------------------------------

export const insertTemplateSend = (db, s) =>
  Number(sql(db, `INSERT INTO template_sends (appid, template_id, title, content, data, link, audience, status, created_by, created_at)
           VALUES (@appid, @templateId, @title, @content, @data, @link, @audience, 'sending', @createdBy, @now)`)
    .run({ ...s, data: JSON.stringify(s.data), link: JSON.stringify(s.link), audience: JSON.stringify(s.audience) }).lastInsertRowid);

export const setSendJob = (db, id, jobId) => sql(db, 'UPDATE template_sends SET job_id = ? WHERE id = ?').run(jobId, id);

export const findSendRow = (db, appid, id) => sql(db, 'SELECT * FROM template_sends WHERE appid = ? AND id = ?').get(appid, id);
export const findSendById = (db, id) => sql(db, 'SELECT * FROM template_sends WHERE id = ?').get(id);

export const listSendRows = (db, appid, { limit = 10, offset = 0 }) => ({
  rows: sql(db, 'SELECT * FROM template_sends WHERE appid = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?').all(appid, limit, offset),
  total: sql(db, 'SELECT count(*) AS n FROM template_sends WHERE appid = ?').get(appid).n,
});

export const finishSend = (db, id, { total, sent, failed, now }) =>
  sql(db, "UPDATE template_sends SET status = 'finished', total = ?, sent = ?, failed = ?, finished_at = ? WHERE id = ?").run(total, sent, failed, now, id);

export const insertResult = (db, r) =>
  sql(db, 'INSERT INTO template_send_results (send_id, position, openid, status, errcode, reason, msg_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(r.sendId, r.position, r.openid, r.status, r.errcode ?? null, r.reason ?? null, r.msgId ?? null);

export function listResults(db, sendId, { status, limit = 20, offset = 0 }) {
  const filter = status ? 'AND status = @status' : '';
  const params = { sendId, status: status ?? null, limit, offset };
  return {
    items: sql(db, `SELECT * FROM template_send_results WHERE send_id = @sendId ${filter} ORDER BY position LIMIT @limit OFFSET @offset`).all(params)
      .map((r) => ({ openid: r.openid, status: r.status, errcode: r.errcode, reason: r.reason, msgId: r.msg_id })),
    total: sql(db, `SELECT count(*) AS n FROM template_send_results WHERE send_id = @sendId ${filter}`).get(params).n,
  };
}

export const countResultsByStatus = (db, sendId) =>
  Object.fromEntries(sql(db, 'SELECT status, count(*) AS n FROM template_send_results WHERE send_id = ? GROUP BY status').all(sendId).map((r) => [r.status, r.n]));

// --- audiences (every fan of the account, subscribed or not: WeChat answers each) -------------------

export const fanOf = (db, appid, openid) => sql(db, 'SELECT openid, subscribed, blacklisted FROM fans WHERE appid = ? AND openid = ?').get(appid, openid);

/** The tag's fans by fan_tags (kept from fans.tag_ids by triggers, schema.sql), in fan order. */
export const fansWithTag = (db, appid, tagId) =>
  sql(db, `SELECT openid, subscribed, blacklisted FROM fans
           WHERE id IN (SELECT fan_id FROM fan_tags WHERE appid = ? AND tag_id = ?) ORDER BY id`).all(appid, tagId);

export const fansOfAccount = (db, appid) => sql(db, 'SELECT openid, subscribed, blacklisted FROM fans WHERE appid = ? ORDER BY id').all(appid);
