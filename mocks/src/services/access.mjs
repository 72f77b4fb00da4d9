import { findAccountRow } from '../repositories/accounts.mjs';
import { allocatedAppids } from '../repositories/departments.mjs';
import { accountAccess } from '../rules/access.mjs';
import { forbiddenAccount, notFound } from '../lib/problems.mjs';

/** The bound accounts allocated to the user's own department (none without a department). */
export const departmentAppids = (db, user) => (user.department ? allocatedAppids(db, user.department.id) : []);

/**
 * Throws 404 for an appid never bound and 403 FORBIDDEN_ACCOUNT for an unbound account or
 * one not allocated to the user's department.
 * @returns the account row
 */
export function assertAccountAccess(db, user, appid) {
  const account = findAccountRow(db, appid);
  const access = accountAccess(user, account, departmentAppids(db, user));
  if (access === 'not-found') throw notFound(`WeChat account ${appid}`);
  if (access === 'forbidden') throw forbiddenAccount(appid);
  return account;
}
