import { sql } from '../lib/database.mjs';

/**
 * Contact-sharing rules (minimal: the channel-allocation issue builds their API): the accounts
 * whose contacts other departments share, read-only, with `departmentId`.
 */
export const sharedAppidsFor = (db, departmentId) =>
  sql(db, 'SELECT DISTINCT appid FROM contact_sharing WHERE target_department_id = ? ORDER BY appid').all(departmentId).map((r) => r.appid);
