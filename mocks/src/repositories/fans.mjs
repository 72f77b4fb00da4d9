import { sql } from '../lib/database.mjs';

/** The account's fans as the fans module lists them (table fans), and a fan's event timeline. */

const iso = (seconds) => (seconds === null || seconds === undefined ? null : new Date(seconds * 1000).toISOString());

/** A row as the API's `FansFan`. */
export function toFan(row) {
  return {
    openid: row.openid,
    unionid: row.unionid ?? null,
    subscribed: row.subscribed === 1,
    subscribeTime: iso(row.subscribe_time),
    scene: row.subscribe_scene ?? null,
    qrScene: row.qr_scene ?? null,
    language: row.language ?? null,
    remark: row.remark,
    tagIds: JSON.parse(row.tag_ids),
    blacklisted: row.blacklisted === 1,
  };
}

// Whitelisted ORDER BY columns: the query's `sort` never reaches SQL as text.
const SORT_COLUMNS = { subscribeTime: 'subscribe_time', openid: 'openid' };
const likeEscape = (text) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE clause of a fan query; every value is bound, never spliced. */
export function fanFilter(appid, query) {
  const where = ['appid = @appid'];
  const params = { appid };
  if (query.state) where.push(`subscribed = ${query.state === 'subscribed' ? 1 : 0}`);
  if (query.tagId !== undefined) {
    // tag_ids is JSON.stringify of an integer array ("[1,100]"): a delimited text match is
    // several times faster than json_each over 100,000 rows.
    where.push("instr(',' || substr(tag_ids, 2, length(tag_ids) - 2) || ',', @tagNeedle) > 0");
    params.tagNeedle = `,${query.tagId},`;
  }
  if (query.scene) {
    where.push('subscribe_scene = @scene');
    params.scene = query.scene;
  }
  if (query.qrScene) {
    where.push('qr_scene = @qrScene');
    params.qrScene = query.qrScene;
  }
  if (query.blacklisted !== undefined) where.push(`blacklisted = ${query.blacklisted ? 1 : 0}`);
  if (query.remark) {
    where.push("remark LIKE @remark ESCAPE '\\'");
    params.remark = `%${likeEscape(query.remark)}%`;
  }
  if (query.openid) {
    // A prefix as a range keeps the (appid, openid) index usable, unlike LIKE.
    where.push('openid >= @openidFrom AND openid < @openidTo');
    params.openidFrom = query.openid;
    params.openidTo = `${query.openid}\u{10FFFF}`;
  }
  if (query.subscribedFrom) {
    where.push('subscribe_time >= @from');
    params.from = Math.floor(Date.parse(query.subscribedFrom) / 1000);
  }
  if (query.subscribedTo) {
    where.push('subscribe_time < @to');
    params.to = Math.ceil(Date.parse(query.subscribedTo) / 1000);
  }
  return { where: where.join(' AND '), params };
}

/** One page of an account's fans and the count for the filter. */
export function listFans(db, appid, query) {
  const { sort = 'subscribeTime', order = 'desc', limit = 50, offset = 0 } = query;
  const { where, params } = fanFilter(appid, query);
  const column = SORT_COLUMNS[sort] ?? 'subscribe_time';
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  // Page the ids on the index first, then read only the page's rows: a deep OFFSET then walks
  // index entries instead of whole rows.
  const rows = sql(db, `SELECT f.* FROM fans f JOIN (
      SELECT id FROM fans WHERE ${where} ORDER BY ${column} ${direction}, id ${direction} LIMIT @limit OFFSET @offset
    ) page ON page.id = f.id ORDER BY f.${column} ${direction}, f.id ${direction}`).all({ ...params, limit, offset });
  const total = sql(db, `SELECT count(*) AS n FROM fans WHERE ${where}`).get(params).n;
  return { items: rows.map(toFan), total };
}

export const findFanRow = (db, appid, openid) => sql(db, 'SELECT * FROM fans WHERE appid = ? AND openid = ?').get(appid, openid);

/** The name of the account's newest QR code with that scene, if any. */
export const qrCodeNameOf = (db, appid, scene) =>
  sql(db, 'SELECT name FROM qr_codes WHERE appid = ? AND scene = ? ORDER BY id DESC LIMIT 1').get(appid, scene)?.name ?? null;

export const fanEventRows = (db, appid, openid) =>
  sql(db, 'SELECT * FROM events WHERE appid = ? AND openid = ? ORDER BY created_at DESC, id DESC LIMIT 500').all(appid, openid);
