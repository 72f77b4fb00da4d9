import {
  completeAuthorization, findAccount, findAccountRow, insertAccount, markUnbound, reauthorizeAccount, setAccountStatus,
} from '../repositories/accounts.mjs';
import { departmentsAllocatedTo, removeAllocationsOf } from '../repositories/departments.mjs';
import { authorizationChange } from '../rules/authorization.mjs';
import { seesAccount, seesAllocation } from '../rules/access.mjs';
import { unbindRefusal } from '../rules/unbinding.mjs';
import { notFound } from '../lib/problems.mjs';
import { findSimulatedAccount } from '../wechat/simulated-accounts.mjs';
import { FANS_IMPORT } from '../jobs/fans-import.mjs';

/** Binding, re-authorizing, revoking and unbinding accounts, with the events they cause. */

/** @param {'bound' | 'reauthorized' | 'unbound' | 'updated'} change */
export function publishAccountChange(suite, appid, change, departmentIds = departmentsAllocatedTo(suite.db, appid)) {
  suite.bus.publish('account', { appid, change }, (user) => seesAccount(user, departmentIds));
}

export function publishAllocationChange(suite, departmentId) {
  suite.bus.publish('allocation', { departmentId }, (user) => seesAllocation(user, departmentId));
}

/**
 * The account's administrator authorized it on WeChat's page: bind it (or refresh its
 * permissions) and start the fan import.
 * @returns {{ appid: string, change: 'bound' | 'reauthorized', job: object }}
 */
export function authorizeAccount(suite, { authorization, appid, permissions }) {
  const db = suite.db;
  const simulated = findSimulatedAccount(appid);
  if (!simulated) throw notFound(`WeChat account ${appid}`);
  const existing = findAccountRow(db, appid);
  const change = authorizationChange(existing);
  const now = suite.clock.iso();
  db.transaction(() => {
    if (existing) reauthorizeAccount(db, { appid, permissions, now, rebind: existing.bound === 0 });
    else insertAccount(db, { ...simulated, permissions, now });
    completeAuthorization(db, authorization.id, appid, now);
  })();
  const job = suite.jobs.start({ type: FANS_IMPORT, appid, createdBy: authorization.created_by });
  publishAccountChange(suite, appid, change);
  return { appid, change, job };
}

/** The administrator cancelled the authorization in WeChat's back office. */
export function revokeAuthorization(suite, appid) {
  const account = findAccountRow(suite.db, appid);
  if (!account) throw notFound(`WeChat account ${appid}`);
  setAccountStatus(suite.db, appid, 'revoked');
  if (account.bound) publishAccountChange(suite, appid, 'updated');
  return findAccount(suite.db, appid);
}

/** Unbinds a revoked account: allocations go, contacts and fans stay (no longer updated). */
export function unbindAccount(suite, appid) {
  const db = suite.db;
  const account = findAccountRow(db, appid);
  const refusal = unbindRefusal(account);
  if (refusal) throw refusal;
  // Computed before the allocation rows go: these users could see the account until now.
  const departmentIds = departmentsAllocatedTo(db, appid);
  db.transaction(() => {
    markUnbound(db, appid, suite.clock.iso());
    removeAllocationsOf(db, appid);
  })();
  suite.jobs.cancelJobsOfAccount(appid);
  publishAccountChange(suite, appid, 'unbound', departmentIds);
  for (const departmentId of departmentIds) publishAllocationChange(suite, departmentId);
}
