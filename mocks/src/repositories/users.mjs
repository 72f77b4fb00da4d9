import { sql } from '../lib/database.mjs';

/** Users, their departments (for display) and sessions. */

const USER_COLUMNS = `u.id, u.username, u.name, u.role, u.department_id, d.name AS department_name`;

/** A row → the API's `User`. */
export function toUser(row) {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    department: row.department_id ? { id: row.department_id, name: row.department_name } : null,
  };
}

export const findUserByUsername = (db, username) =>
  sql(db, `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.username = ?`).get(username);

/** Every user, by name. */
export const listUserRows = (db) =>
  sql(db, `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN departments d ON d.id = u.department_id ORDER BY u.username`).all();

export const findUserById = (db, id) =>
  sql(db, `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.id = ?`).get(id);

export const findSessionUser = (db, sessionId) =>
  sql(db, `SELECT ${USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id
           LEFT JOIN departments d ON d.id = u.department_id WHERE s.id = ?`).get(sessionId);

export const usersOfDepartment = (db, departmentId) =>
  sql(db, 'SELECT id FROM users WHERE department_id = ?').all(departmentId).map((r) => r.id);

export const insertSession = (db, { id, userId, createdAt }) =>
  sql(db, 'INSERT INTO sessions (id, user_id, created_at) VALUES (?, ?, ?)').run(id, userId, createdAt);

export const deleteSession = (db, id) => sql(db, 'DELETE FROM sessions WHERE id = ?').run(id);

export const listSessions = (db) => sql(db, 'SELECT id, user_id, created_at FROM sessions').all();

/** Re-creates sessions after a reset, for users that still exist. */
export function restoreSessions(db, sessions) {
  const insert = sql(db, `INSERT OR IGNORE INTO sessions (id, user_id, created_at)
                          SELECT ?, id, ? FROM users WHERE id = ?`);
  db.transaction(() => {
    for (const s of sessions) insert.run(s.id, s.created_at, s.user_id);
  })();
}
