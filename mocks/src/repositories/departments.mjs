import { sql } from '../lib/database.mjs';
import { revisionOf } from '../lib/preconditions.mjs';

/** Departments and their channel allocation (which accounts each may use). */

export const listDepartmentRows = (db) => sql(db, 'SELECT * FROM departments ORDER BY position').all();

export const findDepartmentRow = (db, id) => sql(db, 'SELECT * FROM departments WHERE id = ?').get(id);

/** Only bound accounts count: an unbound account's allocation rows are removed anyway. */
export const allocatedAppids = (db, departmentId) =>
  sql(db, `SELECT al.appid FROM allocations al JOIN accounts a ON a.appid = al.appid
           WHERE al.department_id = ? AND a.bound = 1 ORDER BY a.bound_at, a.appid`)
    .all(departmentId)
    .map((r) => r.appid);

export const departmentsAllocatedTo = (db, appid) =>
  sql(db, 'SELECT department_id FROM allocations WHERE appid = ?').all(appid).map((r) => r.department_id);

/** A row → the API's `Department`. */
export function toDepartment(db, row) {
  const appids = allocatedAppids(db, row.id);
  // Of the allocation alone (there is no time column): an editor sends it back as If-Match.
  return { id: row.id, name: row.name, parentId: row.parent_id, appids, revision: revisionOf(appids) };
}

export function replaceAllocation(db, departmentId, appids) {
  db.transaction(() => {
    sql(db, 'DELETE FROM allocations WHERE department_id = ?').run(departmentId);
    const insert = sql(db, 'INSERT INTO allocations (department_id, appid) VALUES (?, ?)');
    for (const appid of appids) insert.run(departmentId, appid);
  })();
}

export const removeAllocationsOf = (db, appid) => sql(db, 'DELETE FROM allocations WHERE appid = ?').run(appid);
