import { sql } from '../lib/database.mjs';
import { fanFilter } from './fans.mjs';

/** Fan tags (table tags), the tag ids each fan carries (fans.tag_ids, a JSON array) and the blacklist flag. */

export const tagRows = (db, appid) => sql(db, 'SELECT id, name FROM tags WHERE appid = ? ORDER BY id').all(appid);

export const findTagRow = (db, appid, id) => sql(db, 'SELECT id, name FROM tags WHERE appid = ? AND id = ?').get(appid, id);

/** Fans per tag id, counted on the fan_tags index (kept from fans.tag_ids by triggers). */
export function fanCountsByTag(db, appid) {
  const rows = sql(db, 'SELECT tag_id AS id, count(*) AS n FROM fan_tags WHERE appid = ? GROUP BY tag_id').all(appid);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export const fanCountOfTag = (db, appid, tagId) =>
  sql(db, 'SELECT count(*) AS n FROM fan_tags WHERE appid = ? AND tag_id = ?').get(appid, tagId).n;

export function insertTag(db, appid, id, name) {
  sql(db, 'INSERT INTO tags (appid, id, name) VALUES (?, ?, ?)').run(appid, id, name);
}

export const nextTagId = (db, appid, firstCustomId) =>
  Math.max(firstCustomId, (sql(db, 'SELECT max(id) AS id FROM tags WHERE appid = ?').get(appid).id ?? 0) + 1);

export const renameTag = (db, appid, id, name) => sql(db, 'UPDATE tags SET name = ? WHERE appid = ? AND id = ?').run(name, appid, id);

/**
 * Deletes the tag and takes it off every fan that carries it, and off the account's QR codes
 * (which add tags on scan): a stale id there would make the code's next edit fail validation.
 */
export function deleteTag(db, appid, id) {
  const without = (json) => JSON.stringify(JSON.parse(json).filter((t) => t !== id));
  db.transaction(() => {
    const update = sql(db, 'UPDATE fans SET tag_ids = ? WHERE id = ?');
    // All rows are read before the first update: each update rewrites the fan's fan_tags rows.
    const carriers = sql(db, 'SELECT f.id, f.tag_ids FROM fan_tags t JOIN fans f ON f.id = t.fan_id WHERE t.appid = ? AND t.tag_id = ?')
      .all(appid, id);
    for (const row of carriers) update.run(without(row.tag_ids), row.id);
    const updateCode = sql(db, 'UPDATE qr_codes SET tag_ids = ? WHERE id = ?');
    for (const row of sql(db, "SELECT id, tag_ids FROM qr_codes WHERE appid = ? AND tag_ids <> '[]'").all(appid)) {
      if (JSON.parse(row.tag_ids).includes(id)) updateCode.run(without(row.tag_ids), row.id);
    }
    sql(db, 'DELETE FROM tags WHERE appid = ? AND id = ?').run(appid, id);
  })();
}

/** The tag ids of those openids that are fans of the account. */
export function tagIdsByOpenid(db, appid, openids) {
  const select = sql(db, 'SELECT tag_ids FROM fans WHERE appid = ? AND openid = ?');
  const found = new Map();
  for (const openid of new Set(openids)) {
    const row = select.get(appid, openid);
    if (row) found.set(openid, JSON.parse(row.tag_ids));
  }
  return found;
}

/** Writes new tag ids for fans; returns how many changed. */
export function writeTagIds(db, appid, tagIdsOf) {
  const update = sql(db, 'UPDATE fans SET tag_ids = ? WHERE appid = ? AND openid = ?');
  let changed = 0;
  db.transaction(() => {
    for (const [openid, ids] of tagIdsOf) changed += update.run(JSON.stringify(ids), appid, openid).changes;
  })();
  return changed;
}

/** Sets the blacklist flag; returns how many fans changed. */
export function setBlacklisted(db, appid, openids, blacklisted) {
  const update = sql(db, 'UPDATE fans SET blacklisted = ? WHERE appid = ? AND openid = ? AND blacklisted <> ?');
  const flag = blacklisted ? 1 : 0;
  let changed = 0;
  db.transaction(() => {
    for (const openid of new Set(openids)) changed += update.run(flag, appid, openid, flag).changes;
  })();
  return changed;
}

export const setRemark = (db, appid, openid, remark) =>
  sql(db, 'UPDATE fans SET remark = ? WHERE appid = ? AND openid = ?').run(remark, appid, openid).changes;

/** One page of the openids matching a fan filter, in the list's default order (newest first). */
export function matchingOpenids(db, appid, query) {
  const { limit, offset = 0 } = query;
  const { from, where, params, id, time } = fanFilter(appid, query);
  // The page's ids on the index first, then their openids (as listFans does).
  const items = sql(db, `SELECT f.openid FROM fans f JOIN (
      SELECT ${id} AS id FROM ${from} WHERE ${where} ORDER BY ${time} DESC, ${id} DESC LIMIT @limit OFFSET @offset
    ) page ON page.id = f.id ORDER BY f.subscribe_time DESC, f.id DESC`)
    .all({ ...params, limit, offset })
    .map((r) => r.openid);
  const total = sql(db, `SELECT count(*) AS n FROM ${from} WHERE ${where}`).get(params).n;
  return { items, total };
}
