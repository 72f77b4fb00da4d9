import { sql } from '../lib/database.mjs';

/** The host's active journeys whose trigger is a WeChat event of `appid`. */
export const activeWechatJourneys = (db, appid) =>
  sql(db, "SELECT id, trigger FROM journeys WHERE status = 'active' AND json_extract(trigger, '$.type') = 'wechatEvent' AND json_extract(trigger, '$.appid') = ?")
    .all(appid)
    .map((row) => ({ id: row.id, trigger: JSON.parse(row.trigger) }));

export const qrSceneOf = (db, appid, id) => sql(db, 'SELECT scene FROM qr_codes WHERE id = ? AND appid = ?').get(id, appid)?.scene ?? null;

export const insertJourney = (db, { id, name, trigger, now }) =>
  sql(db, "INSERT INTO journeys (id, name, status, trigger, steps, created_at, updated_at) VALUES (?, ?, 'active', ?, '[]', ?, ?)").run(id, name, JSON.stringify(trigger), now, now);

export const findJourney = (db, id) => sql(db, 'SELECT * FROM journeys WHERE id = ?').get(id);

export const insertEntry = (db, { journeyId, appid, openid, contactId, eventId, enteredAt }) =>
  sql(db, 'INSERT INTO journey_entries (journey_id, appid, openid, contact_id, event_id, entered_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    journeyId, appid, openid, contactId, eventId, enteredAt,
  );

export const listEntries = (db, journeyId) =>
  sql(db, 'SELECT appid, openid, contact_id, entered_at FROM journey_entries WHERE journey_id = ? ORDER BY entered_at DESC, id DESC LIMIT 100')
    .all(journeyId)
    .map((r) => ({ appid: r.appid, openid: r.openid, contactId: r.contact_id, enteredAt: r.entered_at }));
