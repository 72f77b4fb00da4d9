import { sql } from '../lib/database.mjs';
import { revisionOf } from '../lib/preconditions.mjs';

/** The auto-reply settings and keyword rules of each account. */

const toRule = (row) => ({
  id: row.id,
  name: row.name,
  keywords: JSON.parse(row.keywords),
  replies: JSON.parse(row.replies),
  mode: row.mode,
  enabled: row.enabled === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  // Changes with every save (lib/preconditions.mjs): an editor sends it back as If-Match.
  revision: revisionOf(row.name, row.keywords, row.replies, row.mode, row.enabled, row.updated_at),
});

/** An account without a row has both replies off and empty. */
export function findSettings(db, appid) {
  const row = sql(db, 'SELECT * FROM auto_reply_settings WHERE appid = ?').get(appid);
  // No time column: the revision is of the content (saving the same content again keeps it).
  const setting = (enabled, replies) => ({ enabled: enabled === 1, replies: JSON.parse(replies ?? '[]'), revision: revisionOf(enabled === 1, replies ?? '[]') });
  return {
    onFollow: setting(row?.on_follow_enabled, row?.on_follow_replies),
    defaultReply: setting(row?.default_enabled, row?.default_replies),
  };
}

/** `which` is 'onFollow' or 'defaultReply'. */
export function saveReplySetting(db, appid, which, { enabled, replies }) {
  const [enabledColumn, repliesColumn] = which === 'onFollow' ? ['on_follow_enabled', 'on_follow_replies'] : ['default_enabled', 'default_replies'];
  sql(db, 'INSERT OR IGNORE INTO auto_reply_settings (appid) VALUES (?)').run(appid);
  sql(db, `UPDATE auto_reply_settings SET ${enabledColumn} = ?, ${repliesColumn} = ? WHERE appid = ?`)
    .run(enabled ? 1 : 0, JSON.stringify(replies), appid);
}

/** Newest first (the order in which they win, kind aside). */
export const listRules = (db, appid) =>
  sql(db, 'SELECT * FROM auto_reply_rules WHERE appid = ? ORDER BY created_at DESC, id DESC').all(appid).map(toRule);

export const countRules = (db, appid) => sql(db, 'SELECT COUNT(*) AS n FROM auto_reply_rules WHERE appid = ?').get(appid).n;

export function findRule(db, appid, id) {
  const row = sql(db, 'SELECT * FROM auto_reply_rules WHERE appid = ? AND id = ?').get(appid, id);
  return row ? toRule(row) : null;
}

export function insertRule(db, appid, rule, nowIso) {
  const { lastInsertRowid } = sql(
    db,
    `INSERT INTO auto_reply_rules (appid, name, keywords, replies, mode, enabled, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(appid, rule.name, JSON.stringify(rule.keywords), JSON.stringify(rule.replies), rule.mode, rule.enabled ? 1 : 0, nowIso, nowIso);
  return findRule(db, appid, Number(lastInsertRowid));
}

export function updateRule(db, appid, id, rule, nowIso) {
  sql(db, 'UPDATE auto_reply_rules SET name = ?, keywords = ?, replies = ?, mode = ?, enabled = ?, updated_at = ? WHERE appid = ? AND id = ?')
    .run(rule.name, JSON.stringify(rule.keywords), JSON.stringify(rule.replies), rule.mode, rule.enabled ? 1 : 0, nowIso, appid, id);
  return findRule(db, appid, id);
}

export const deleteRule = (db, appid, id) => sql(db, 'DELETE FROM auto_reply_rules WHERE appid = ? AND id = ?').run(appid, id).changes > 0;
