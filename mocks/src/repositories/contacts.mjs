import { sql } from '../lib/database.mjs';
import { isSharedContact } from '../rules/access.mjs';

/**
 * Contacts, fans (a contact's link to one account) and fan tags. Lists of ids travel as JSON
 * arrays (`json_each`) so that each statement is prepared once whatever the list length.
 */

const IN_LIST = '(SELECT value FROM json_each(?))';
const isoOf = (seconds) => (seconds == null ? null : new Date(seconds * 1000).toISOString());

export const findFan = (db, appid, openid) => sql(db, 'SELECT * FROM fans WHERE appid = ? AND openid = ?').get(appid, openid);

export const insertContact = (db, { name = null, phone = null, email = null, createdAt }) =>
  Number(sql(db, 'INSERT INTO contacts (name, phone, email, created_at) VALUES (?, ?, ?, ?)').run(name, phone, email, createdAt).lastInsertRowid);

export const insertFan = (db, f) =>
  sql(db, `INSERT INTO fans (appid, openid, unionid, contact_id, subscribed, subscribe_time, subscribe_scene,
             qr_scene, language, remark, tag_ids, blacklisted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(f.appid, f.openid, f.unionid ?? null, f.contactId, f.subscribed ? 1 : 0, f.subscribeTime ?? null, f.scene ?? null,
      f.qrScene ?? null, f.language ?? null, f.remark ?? '', JSON.stringify(f.tagIds ?? []), f.blacklisted ? 1 : 0);

/** Overwrites a fan with what WeChat reports (an import or a sync); the contact link stays. */
export const updateFanFromWeChat = (db, f) =>
  sql(db, `UPDATE fans SET unionid = ?, subscribed = ?, subscribe_time = ?, subscribe_scene = ?, qr_scene = ?,
             language = ?, remark = ?, tag_ids = ?, blacklisted = ? WHERE appid = ? AND openid = ?`)
    .run(f.unionid ?? null, f.subscribed ? 1 : 0, f.subscribeTime ?? null, f.scene ?? null, f.qrScene ?? null,
      f.language ?? null, f.remark ?? '', JSON.stringify(f.tagIds ?? []), f.blacklisted ? 1 : 0, f.appid, f.openid);

export const resubscribeFan = (db, { appid, openid, subscribeTime, scene, qrScene }) =>
  sql(db, `UPDATE fans SET subscribed = 1, subscribe_time = ?, subscribe_scene = ?, qr_scene = ?
           WHERE appid = ? AND openid = ?`).run(subscribeTime, scene, qrScene ?? null, appid, openid);

export const unsubscribeFan = (db, appid, openid) =>
  sql(db, 'UPDATE fans SET subscribed = 0 WHERE appid = ? AND openid = ?').run(appid, openid);

export const insertTags = (db, appid, tags) => {
  const insert = sql(db, 'INSERT OR IGNORE INTO tags (appid, id, name) VALUES (?, ?, ?)');
  for (const t of tags) insert.run(appid, t.id, t.name);
};

export const findContactRow = (db, id) => sql(db, 'SELECT * FROM contacts WHERE id = ?').get(id);

export const findContactIdByPhone = (db, phone) =>
  sql(db, 'SELECT id FROM contacts WHERE phone = ? ORDER BY id LIMIT 1').get(phone)?.id;

export const findContactIdByEmail = (db, email) =>
  sql(db, 'SELECT id FROM contacts WHERE email = ? ORDER BY id LIMIT 1').get(email)?.id;

export const updateContactProfile = (db, id, { name, phone, email }) =>
  sql(db, 'UPDATE contacts SET name = ?, phone = ?, email = ? WHERE id = ?').run(name ?? null, phone ?? null, email ?? null, id);

export const moveFans = (db, fromContactId, toContactId) =>
  sql(db, 'UPDATE fans SET contact_id = ? WHERE contact_id = ?').run(toContactId, fromContactId);

export const deleteContact = (db, id) => sql(db, 'DELETE FROM contacts WHERE id = ?').run(id);

/**
 * Contacts by id, each with its account links. `visibleAppids` limits the links shown;
 * `updating` looks at every link (a contact still updates while any of its accounts is bound);
 * `shared` when none of its links is among `ownAppids` (null: the user holds every contact).
 */
export function contactsByIds(db, ids, visibleAppids, ownAppids = null) {
  if (!ids.length) return [];
  const idList = JSON.stringify(ids);
  const visible = new Set(visibleAppids);
  const rows = sql(db, `SELECT * FROM contacts WHERE id IN ${IN_LIST}`).all(idList);
  const links = sql(db, `SELECT f.contact_id, f.appid, a.name, f.openid, f.subscribed, f.subscribe_time, a.bound
                         FROM fans f JOIN accounts a ON a.appid = f.appid
                         WHERE f.contact_id IN ${IN_LIST} ORDER BY a.bound_at, f.appid`).all(idList);
  const byId = new Map(rows.map((r) => [r.id, { row: r, links: [] }]));
  for (const link of links) byId.get(link.contact_id)?.links.push(link);
  return ids.filter((id) => byId.has(id)).map((id) => {
    const { row, links: all } = byId.get(id);
    const contact = { id: row.id };
    if (row.name) contact.name = row.name;
    if (row.phone) contact.phone = row.phone;
    if (row.email) contact.email = row.email;
    contact.updating = all.some((l) => l.bound === 1);
    contact.shared = isSharedContact(all.map((l) => l.appid), ownAppids);
    contact.accounts = all
      .filter((l) => visible.has(l.appid))
      .map((l) => ({
        appid: l.appid,
        name: l.name,
        openid: l.openid,
        subscribed: l.subscribed === 1,
        subscribeTime: isoOf(l.subscribe_time),
        updating: l.bound === 1,
      }));
    return contact;
  });
}

const likePattern = (text) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of the contacts who are fans of any of `appids`, by contact id; `q` keeps those
 * whose name, phone or email contains it.
 */
export function contactPage(db, { appids, visibleAppids, ownAppids = null, q, limit, offset }) {
  const list = JSON.stringify(appids);
  if (q) {
    const like = likePattern(q);
    const match = `FROM fans f JOIN contacts c ON c.id = f.contact_id WHERE f.appid IN ${IN_LIST}
                   AND (c.name LIKE ? ESCAPE '\\' OR c.phone LIKE ? ESCAPE '\\' OR c.email LIKE ? ESCAPE '\\')`;
    const ids = sql(db, `SELECT DISTINCT f.contact_id AS id ${match} ORDER BY f.contact_id LIMIT ? OFFSET ?`)
      .all(list, like, like, like, limit, offset).map((r) => r.id);
    const total = sql(db, `SELECT COUNT(DISTINCT f.contact_id) AS n ${match}`).get(list, like, like, like).n;
    return { items: contactsByIds(db, ids, visibleAppids, ownAppids), total };
  }
  const ids = sql(db, `SELECT DISTINCT contact_id AS id FROM fans WHERE appid IN ${IN_LIST}
                       ORDER BY contact_id LIMIT ? OFFSET ?`).all(list, limit, offset).map((r) => r.id);
  const total = sql(db, `SELECT COUNT(DISTINCT contact_id) AS n FROM fans WHERE appid IN ${IN_LIST}`).get(list).n;
  return { items: contactsByIds(db, ids, visibleAppids, ownAppids), total };
}

export const contactCounts = (db, appid) =>
  sql(db, `SELECT COUNT(DISTINCT contact_id) AS contacts, COALESCE(SUM(subscribed), 0) AS fans
           FROM fans WHERE appid = ?`).get(appid);
