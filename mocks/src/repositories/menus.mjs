import { sql } from '../lib/database.mjs';
import { revisionOf } from '../lib/preconditions.mjs';

/** The live custom menus (what WeChat holds) and the editor's unpublished drafts, per account. */

/** The live default menu `{button}` or null, with when it was published. */
export function findLiveMenu(db, appid) {
  const row = sql(db, 'SELECT button, published_at FROM menu_live WHERE appid = ?').get(appid);
  return row ? { button: JSON.parse(row.button), publishedAt: row.published_at } : null;
}

export const listConditionalMenus = (db, appid) =>
  sql(db, 'SELECT * FROM menu_conditional WHERE appid = ? ORDER BY menuid').all(appid).map(toConditional);

const toConditional = (row) => ({
  menuid: String(row.menuid),
  button: JSON.parse(row.button),
  matchrule: JSON.parse(row.matchrule),
  publishedAt: row.published_at,
});

export const saveLiveMenu = (db, appid, button, now) =>
  sql(db, `INSERT INTO menu_live (appid, button, published_at) VALUES (?, ?, ?)
           ON CONFLICT (appid) DO UPDATE SET button = excluded.button, published_at = excluded.published_at`)
    .run(appid, JSON.stringify(button), now);

/** WeChat's menu/delete removes the default menu and every conditional menu. */
export function deleteLiveMenus(db, appid) {
  db.transaction(() => {
    sql(db, 'DELETE FROM menu_live WHERE appid = ?').run(appid);
    sql(db, 'DELETE FROM menu_conditional WHERE appid = ?').run(appid);
  })();
}

export function insertConditionalMenu(db, appid, { button, matchrule }, now) {
  const { lastInsertRowid } = sql(db, 'INSERT INTO menu_conditional (appid, button, matchrule, published_at) VALUES (?, ?, ?, ?)')
    .run(appid, JSON.stringify(button), JSON.stringify(matchrule), now);
  return toConditional(sql(db, 'SELECT * FROM menu_conditional WHERE menuid = ?').get(lastInsertRowid));
}

export const deleteConditionalMenu = (db, appid, menuid) =>
  sql(db, 'DELETE FROM menu_conditional WHERE appid = ? AND menuid = ?').run(appid, Number(menuid)).changes > 0;

export const countConditionalMenus = (db, appid) =>
  sql(db, 'SELECT COUNT(*) AS n FROM menu_conditional WHERE appid = ?').get(appid).n;

/** The account's draft with its author's name and its revision (lib/preconditions.mjs), or null. */
export function findDraft(db, appid) {
  const row = sql(db, `SELECT m.document, m.updated_at, m.updated_by, u.name AS updated_by_name
                       FROM menu_drafts m LEFT JOIN users u ON u.id = m.updated_by WHERE m.appid = ?`).get(appid);
  if (!row) return null;
  return {
    document: JSON.parse(row.document),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    updatedByName: row.updated_by_name ?? null,
    revision: revisionOf(row.document, row.updated_at, row.updated_by),
  };
}

export const saveDraft = (db, appid, document, now, userId) =>
  sql(db, `INSERT INTO menu_drafts (appid, document, updated_at, updated_by) VALUES (?, ?, ?, ?)
           ON CONFLICT (appid) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`)
    .run(appid, JSON.stringify(document), now, userId);

export const deleteDraft = (db, appid) => sql(db, 'DELETE FROM menu_drafts WHERE appid = ?').run(appid);

/** The account's tag ids (conditional menus may match a tag). */
export const tagIdsOf = (db, appid) => sql(db, 'SELECT id FROM tags WHERE appid = ?').all(appid).map((r) => r.id);
