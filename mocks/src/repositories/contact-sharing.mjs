import { sql } from '../lib/database.mjs';
import { revisionOf } from '../lib/preconditions.mjs';

/**
 * Contact-sharing rules (PRODUCT §3): the contacts of a rule's accounts, owned by its source
 * department, are shared read-only with its target departments while the rule is enabled.
 * A rule → the API's `ContactSharingRule`.
 */

const accountsOf = (db, ruleId) =>
  sql(db, 'SELECT appid FROM contact_sharing_accounts WHERE rule_id = ? ORDER BY position').all(ruleId).map((r) => r.appid);

const targetsOf = (db, ruleId) =>
  sql(db, 'SELECT department_id FROM contact_sharing_targets WHERE rule_id = ? ORDER BY position').all(ruleId).map((r) => r.department_id);

function toRule(db, row) {
  const rule = {
    id: row.id,
    name: row.name,
    sourceDepartmentId: row.source_department_id,
    appids: accountsOf(db, row.id),
    targetDepartmentIds: targetsOf(db, row.id),
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  // Changes with every save (lib/preconditions.mjs): an editor sends it back as If-Match.
  const { name, sourceDepartmentId, appids, targetDepartmentIds, enabled, updatedAt } = rule;
  return { ...rule, revision: revisionOf(name, sourceDepartmentId, appids, targetDepartmentIds, enabled, updatedAt) };
}

/** Every rule, oldest first (an organisation has a handful). */
export const listSharingRules = (db) => sql(db, 'SELECT * FROM contact_sharing ORDER BY id').all().map((row) => toRule(db, row));

export function findSharingRule(db, id) {
  const row = sql(db, 'SELECT * FROM contact_sharing WHERE id = ?').get(id);
  return row ? toRule(db, row) : null;
}

function writeMembers(db, ruleId, { appids, targetDepartmentIds }) {
  sql(db, 'DELETE FROM contact_sharing_accounts WHERE rule_id = ?').run(ruleId);
  sql(db, 'DELETE FROM contact_sharing_targets WHERE rule_id = ?').run(ruleId);
  const account = sql(db, 'INSERT INTO contact_sharing_accounts (rule_id, appid, position) VALUES (?, ?, ?)');
  appids.forEach((appid, i) => account.run(ruleId, appid, i));
  const target = sql(db, 'INSERT INTO contact_sharing_targets (rule_id, department_id, position) VALUES (?, ?, ?)');
  targetDepartmentIds.forEach((departmentId, i) => target.run(ruleId, departmentId, i));
}

/** @param {{ name: string, sourceDepartmentId: string, appids: string[], targetDepartmentIds: string[], enabled: boolean }} rule */
export function insertSharingRule(db, rule, now) {
  return db.transaction(() => {
    const { lastInsertRowid } = sql(
      db,
      'INSERT INTO contact_sharing (name, source_department_id, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    ).run(rule.name, rule.sourceDepartmentId, rule.enabled ? 1 : 0, now, now);
    writeMembers(db, Number(lastInsertRowid), rule);
    return findSharingRule(db, Number(lastInsertRowid));
  })();
}

export function updateSharingRule(db, id, rule, now) {
  return db.transaction(() => {
    sql(db, 'UPDATE contact_sharing SET name = ?, source_department_id = ?, enabled = ?, updated_at = ? WHERE id = ?').run(
      rule.name,
      rule.sourceDepartmentId,
      rule.enabled ? 1 : 0,
      now,
      id,
    );
    writeMembers(db, id, rule);
    return findSharingRule(db, id);
  })();
}

export const deleteSharingRule = (db, id) => sql(db, 'DELETE FROM contact_sharing WHERE id = ?').run(id);

/** The accounts whose contacts enabled rules share, read-only, with `departmentId`. */
export const sharedAppidsFor = (db, departmentId) =>
  sql(
    db,
    `SELECT DISTINCT a.appid FROM contact_sharing r
     JOIN contact_sharing_targets t ON t.rule_id = r.id
     JOIN contact_sharing_accounts a ON a.rule_id = r.id
     WHERE r.enabled = 1 AND t.department_id = ? ORDER BY a.appid`,
  )
    .all(departmentId)
    .map((r) => r.appid);
