import { sql } from '../lib/database.mjs';

/** WeChat accounts (bound or once bound) and pending authorizations. */

const FAN_COUNT = `(SELECT COUNT(*) FROM fans f WHERE f.appid = a.appid AND f.subscribed = 1) AS fan_count`;

/** A row → the API's `Account`. */
export function toAccount(row) {
  return {
    appid: row.appid,
    originalId: row.original_id,
    name: row.name,
    avatarUrl: `/__mock/avatars/${row.appid}.svg`,
    type: row.type,
    verified: row.verified === 1,
    permissions: JSON.parse(row.permissions),
    status: row.status,
    fanCount: row.fan_count ?? 0,
    boundAt: row.bound_at,
    authorizedAt: row.authorized_at,
  };
}

export const listBoundAccounts = (db) =>
  sql(db, `SELECT a.*, ${FAN_COUNT} FROM accounts a WHERE a.bound = 1 ORDER BY a.bound_at, a.appid`).all();

/** Every account ever bound, unbound ones included. */
export const listKnownAccounts = (db) => sql(db, 'SELECT * FROM accounts ORDER BY bound_at, appid').all();

/** Without the fan count: cheap enough for the access check of every account-scoped request. */
export const findAccountRow = (db, appid) => sql(db, 'SELECT * FROM accounts WHERE appid = ?').get(appid);

export const findAccount = (db, appid) =>
  sql(db, `SELECT a.*, ${FAN_COUNT} FROM accounts a WHERE a.appid = ?`).get(appid);

export const insertAccount = (db, a) =>
  sql(db, `INSERT INTO accounts (appid, original_id, name, type, verified, permissions, status, bound, bound_at, authorized_at)
           VALUES (?, ?, ?, ?, ?, ?, 'authorized', 1, ?, ?)`)
    .run(a.appid, a.originalId, a.name, a.type, a.verified ? 1 : 0, JSON.stringify(a.permissions), a.now, a.now);

/** Authorized again: fresh permissions; a previously unbound account is bound again. */
export const reauthorizeAccount = (db, { appid, permissions, now, rebind }) =>
  sql(db, `UPDATE accounts SET permissions = ?, status = 'authorized', authorized_at = ?,
             bound = 1, bound_at = CASE WHEN ? THEN ? ELSE bound_at END, unbound_at = NULL
           WHERE appid = ?`).run(JSON.stringify(permissions), now, rebind ? 1 : 0, now, appid);

export const setAccountStatus = (db, appid, status) =>
  sql(db, 'UPDATE accounts SET status = ? WHERE appid = ?').run(status, appid);

export const markUnbound = (db, appid, now) =>
  sql(db, 'UPDATE accounts SET bound = 0, unbound_at = ? WHERE appid = ?').run(now, appid);

export const insertAuthorization = (db, a) =>
  sql(db, `INSERT INTO authorizations (id, ticket, appid, created_by, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?)`).run(a.id, a.ticket, a.appid ?? null, a.createdBy, a.createdAt, a.expiresAt);

export const findAuthorizationByTicket = (db, ticket) =>
  sql(db, 'SELECT * FROM authorizations WHERE ticket = ?').get(ticket);

export const completeAuthorization = (db, id, appid, now) =>
  sql(db, 'UPDATE authorizations SET completed_appid = ?, completed_at = ? WHERE id = ?').run(appid, now, id);
