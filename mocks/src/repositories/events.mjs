import { sql } from '../lib/database.mjs';

/** What fans did, as WeChat pushed it (subscribe, unsubscribe, scans, messages, clicks...). */

export const insertEvent = (db, { appid, openid, type, payload, createdAt }) =>
  sql(db, 'INSERT INTO events (appid, openid, type, payload, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(appid, openid ?? null, type, JSON.stringify(payload), createdAt).lastInsertRowid;

export const eventsOfFan = (db, appid, openid) =>
  sql(db, 'SELECT * FROM events WHERE appid = ? AND openid = ? ORDER BY created_at, id').all(appid, openid)
    .map((row) => ({ ...row, payload: JSON.parse(row.payload) }));
