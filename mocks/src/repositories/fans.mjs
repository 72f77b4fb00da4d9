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

/**
 * The FROM and WHERE of a fan query; every value is bound, never spliced. Columns are qualified:
 * `f` is fans. A tag filter reads the fan_tags index (kept in step with fans.tag_ids by triggers,
 * schema.sql) instead of matching the JSON text of every fan: `t` (fan_tags) then drives the query,
 * with `id` and `time` (the default sort) taken from it so that a tag page and its count walk the
 * index alone; fans `f` is joined only when a filter needs its columns or `withFans` asks for them.
 * @returns {{ from: string, where: string, params: object, id: string, time: string }}
 */
export function fanFilter(appid, query, { withFans = false } = {}) {
  const tagged = query.tagId !== undefined;
  // Columns fan_tags copies from the fan: read there when the tag's index drives the query.
  const own = tagged ? 't' : 'f';
  const where = [`${own}.appid = @appid`];
  const params = { appid };
  let needsFans = withFans;
  if (tagged) {
    where.push('t.tag_id = @tagId');
    params.tagId = query.tagId;
  }
  if (query.state) where.push(`${own}.subscribed = ${query.state === 'subscribed' ? 1 : 0}`);
  if (query.subscribedFrom) {
    where.push(`${own}.subscribe_time >= @from`);
    params.from = Math.floor(Date.parse(query.subscribedFrom) / 1000);
  }
  if (query.subscribedTo) {
    where.push(`${own}.subscribe_time < @to`);
    params.to = Math.ceil(Date.parse(query.subscribedTo) / 1000);
  }
  const fansOnly = [];
  if (query.scene) {
    fansOnly.push('f.subscribe_scene = @scene');
    params.scene = query.scene;
  }
  if (query.qrScene) {
    fansOnly.push('f.qr_scene = @qrScene');
    params.qrScene = query.qrScene;
  }
  if (query.blacklisted !== undefined) fansOnly.push(`f.blacklisted = ${query.blacklisted ? 1 : 0}`);
  if (query.remark) {
    fansOnly.push("f.remark LIKE @remark ESCAPE '\\'");
    params.remark = `%${likeEscape(query.remark)}%`;
  }
  if (query.openid) {
    // A prefix as a range keeps the (appid, openid) index usable, unlike LIKE.
    fansOnly.push('f.openid >= @openidFrom AND f.openid < @openidTo');
    params.openidFrom = query.openid;
    params.openidTo = `${query.openid}\u{10FFFF}`;
  }
  where.push(...fansOnly);
  needsFans ||= fansOnly.length > 0;
  if (!tagged) return { from: 'fans f', where: where.join(' AND '), params, id: 'f.id', time: 'f.subscribe_time' };
  return {
    from: needsFans ? 'fan_tags t JOIN fans f ON f.id = t.fan_id' : 'fan_tags t',
    where: where.join(' AND '),
    params,
    id: 't.fan_id',
    time: 't.subscribe_time',
  };
}

/** One page of an account's fans and the count for the filter. */
export function listFans(db, appid, query) {
  const { sort = 'subscribeTime', order = 'desc', limit = 50, offset = 0 } = query;
  const column = SORT_COLUMNS[sort] ?? 'subscribe_time';
  const byOpenid = column === 'openid';
  const { from, where, params, id, time } = fanFilter(appid, query, { withFans: byOpenid });
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  // Page the ids on the index first, then read only the page's rows: a deep OFFSET then walks
  // index entries instead of whole rows.
  const rows = sql(db, `SELECT f.* FROM fans f JOIN (
      SELECT ${id} AS id FROM ${from} WHERE ${where} ORDER BY ${byOpenid ? 'f.openid' : time} ${direction}, ${id} ${direction}
      LIMIT @limit OFFSET @offset
    ) page ON page.id = f.id ORDER BY f.${column} ${direction}, f.id ${direction}`).all({ ...params, limit, offset });
  // The count needs no sort column: by tag it stays on the index even when the page sorts by openid.
  const counted = byOpenid ? fanFilter(appid, query) : { from, where };
  const total = sql(db, `SELECT count(*) AS n FROM ${counted.from} WHERE ${counted.where}`).get(params).n;
  return { items: rows.map(toFan), total };
}

export const findFanRow = (db, appid, openid) => sql(db, 'SELECT * FROM fans WHERE appid = ? AND openid = ?').get(appid, openid);

/** The name of the account's newest QR code with that scene, if any. */
export const qrCodeNameOf = (db, appid, scene) =>
  sql(db, 'SELECT name FROM qr_codes WHERE appid = ? AND scene = ? ORDER BY id DESC LIMIT 1').get(appid, scene)?.name ?? null;

export const fanEventRows = (db, appid, openid) =>
  sql(db, 'SELECT * FROM events WHERE appid = ? AND openid = ? ORDER BY created_at DESC, id DESC LIMIT 500').all(appid, openid);
