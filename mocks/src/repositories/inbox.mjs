import { sql } from '../lib/database.mjs';
import { fieldError } from '../lib/problems.mjs';
import { WINDOW_EVENTS } from '../rules/reply-window.mjs';

/** The inbox: fans' messages and events (`in`) and what was sent to them (`out`). */

const FAN_COLUMNS = `f.remark AS fan_remark, c.name AS fan_name, f.subscribed AS fan_subscribed, f.openid AS fan_openid`;
const FAN_JOIN = `LEFT JOIN fans f ON f.appid = m.appid AND f.openid = m.openid LEFT JOIN contacts c ON c.id = f.contact_id`;

// Later = after in (created_at, id) order: a backdated push keeps its time but gets a higher id.
const LATER = `(x.created_at > m.created_at OR (x.created_at = m.created_at AND x.id > m.id))`;
/** A fan's message that nothing answered and no later message of theirs superseded. */
const NEEDS_REPLY = `(m.type != 'event' AND NOT EXISTS (SELECT 1 FROM inbox_messages x
  WHERE x.appid = m.appid AND x.openid = m.openid AND (x.direction = 'out' OR x.type != 'event') AND ${LATER}))`;

const fanOfRow = (row, openid) => ({
  openid,
  remark: row.fan_remark ?? '',
  name: row.fan_name ?? null,
  subscribed: row.fan_openid === null || row.fan_openid === undefined ? null : row.fan_subscribed === 1,
});

const itemOf = (row) => ({
  id: row.id,
  direction: row.direction,
  source: row.source,
  type: row.type,
  event: row.event,
  content: row.content,
  details: JSON.parse(row.details),
  createdAt: row.created_at,
  starred: row.starred === 1,
  autoReplied: row.auto_replied === 1,
  sentBy: row.sent_by,
});

const messageOf = (row) => {
  const { direction, source, sentBy, ...item } = itemOf(row);
  return { ...item, openid: row.openid, fan: fanOfRow(row, row.openid), needsReply: row.needs_reply === 1 };
};

/** @returns {number} the new row's id */
export function insertInboxEntry(db, { appid, openid, direction, source, type, event = null, content = '', details = {}, sentBy = null, autoReplied = false, createdAt }) {
  const { lastInsertRowid } = sql(
    db,
    `INSERT INTO inbox_messages (appid, openid, direction, source, type, event, content, details, sent_by, auto_replied, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(appid, openid, direction, source, type, event, content, JSON.stringify(details), sentBy, autoReplied ? 1 : 0, createdAt);
  return Number(lastInsertRowid);
}

export function findInboxItem(db, appid, id) {
  const row = sql(db, 'SELECT * FROM inbox_messages WHERE appid = ? AND id = ?').get(appid, id);
  return row ? itemOf(row) : null;
}

export function findInboxMessage(db, appid, id) {
  const row = sql(db, `SELECT m.*, ${FAN_COLUMNS}, ${NEEDS_REPLY} AS needs_reply FROM inbox_messages m ${FAN_JOIN}
    WHERE m.appid = ? AND m.id = ? AND m.direction = 'in'`).get(appid, id);
  return row ? messageOf(row) : null;
}

/** @returns {boolean} whether the account has that fan message */
export const setStarred = (db, appid, id, starred) =>
  sql(db, "UPDATE inbox_messages SET starred = ? WHERE appid = ? AND id = ? AND direction = 'in'").run(starred ? 1 : 0, appid, id).changes > 0;

const encodeCursor = (row) => Buffer.from(JSON.stringify([row.created_at, row.id])).toString('base64url');

function decodeCursor(cursor) {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof createdAt === 'string' && Number.isInteger(id)) return { createdAt, id };
  } catch {
    // falls through to the field error
  }
  throw fieldError('cursor', 'is not a cursor of this list');
}

/**
 * The fans' messages, newest first, a page after `cursor` (keyset paging: messages arriving
 * meanwhile do not shift the pages already read), with the count for the filter.
 * @param {{ type?: string, starred?: boolean, needsReply?: boolean, q?: string, cursor?: string, limit: number }} query
 */
export function listInboxMessages(db, appid, { type, starred, needsReply, q, cursor, limit }) {
  const where = ["m.appid = @appid", "m.direction = 'in'"];
  const params = { appid };
  if (type) {
    where.push('m.type = @type');
    params.type = type;
  }
  if (starred !== undefined) where.push(`m.starred = ${starred ? 1 : 0}`);
  if (needsReply !== undefined) where.push(`${NEEDS_REPLY} = ${needsReply ? 1 : 0}`);
  if (q) {
    // The message's text, or the fan's remark or contact name.
    where.push("(m.content LIKE @q ESCAPE '\\' OR f.remark LIKE @q ESCAPE '\\' OR c.name LIKE @q ESCAPE '\\')");
    params.q = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  }
  const filter = where.join(' AND ');
  const total = db.prepare(`SELECT count(*) AS n FROM inbox_messages m ${FAN_JOIN} WHERE ${filter}`).get(params).n;
  const page = [...where];
  if (cursor) {
    const after = decodeCursor(cursor);
    page.push('(m.created_at < @cursorAt OR (m.created_at = @cursorAt AND m.id < @cursorId))');
    params.cursorAt = after.createdAt;
    params.cursorId = after.id;
  }
  const rows = db
    .prepare(`SELECT m.*, ${FAN_COLUMNS}, ${NEEDS_REPLY} AS needs_reply FROM inbox_messages m ${FAN_JOIN}
      WHERE ${page.join(' AND ')} ORDER BY m.created_at DESC, m.id DESC LIMIT @limit`)
    .all({ ...params, limit: limit + 1 });
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  return { items: items.map(messageOf), total, nextCursor: more ? encodeCursor(items[items.length - 1]) : null };
}

/** The fan as the inbox names them (remark, contact name); null when the account never knew the openid. */
export function findInboxFan(db, appid, openid) {
  const row = sql(db, `SELECT f.remark AS fan_remark, c.name AS fan_name, f.subscribed AS fan_subscribed, f.openid AS fan_openid
    FROM fans f LEFT JOIN contacts c ON c.id = f.contact_id WHERE f.appid = ? AND f.openid = ?`).get(appid, openid);
  if (row) return fanOfRow(row, openid);
  const known = sql(db, 'SELECT 1 FROM inbox_messages WHERE appid = ? AND openid = ? LIMIT 1').get(appid, openid);
  return known ? fanOfRow({}, openid) : null;
}

/** The last `limit` messages and replies with a fan, oldest first. */
export function conversationOf(db, appid, openid, limit) {
  const rows = sql(db, `SELECT * FROM inbox_messages WHERE appid = ? AND openid = ? ORDER BY created_at DESC, id DESC LIMIT ?`)
    .all(appid, openid, limit + 1);
  return { items: rows.slice(0, limit).reverse().map(itemOf), hasOlder: rows.length > limit };
}

/** What the reply window (rules/reply-window.mjs) needs to know of a fan, times in epoch ms. */
export function windowFactsOf(db, appid, openid) {
  const lastIn = (condition) =>
    sql(db, `SELECT created_at FROM inbox_messages WHERE appid = ? AND openid = ? AND direction = 'in' AND ${condition}
      ORDER BY created_at DESC, id DESC LIMIT 1`).get(appid, openid)?.created_at ?? null;
  const lastMessage = lastIn("type != 'event'");
  const lastEvent = lastIn(`type = 'event' AND event IN (${WINDOW_EVENTS.map((e) => `'${e}'`).join(', ')})`);
  // Only replies sent from the inbox (customer-service messages) count: an auto reply is WeChat's passive reply to the push.
  const repliesSince = (iso) =>
    iso === null ? 0 : sql(db, `SELECT count(*) AS n FROM inbox_messages WHERE appid = ? AND openid = ? AND direction = 'out'
      AND source = 'manual' AND created_at >= ?`).get(appid, openid, iso).n;
  return {
    lastMessageAt: lastMessage === null ? null : Date.parse(lastMessage),
    lastEventAt: lastEvent === null ? null : Date.parse(lastEvent),
    repliesSinceMessage: repliesSince(lastMessage),
    repliesSinceEvent: repliesSince(lastEvent),
  };
}
