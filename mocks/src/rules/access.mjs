/**
 * Who may use which WeChat account (PRODUCT §3 channel allocation). Administrators may use
 * every bound account; a member the bound accounts allocated to their own department: a
 * parent's allocation is not inherited by its children.
 *
 * `user` is the API's `User`; `departmentAppids` the accounts allocated to its department.
 */

/** @returns {'allowed' | 'not-found' | 'forbidden'} */
export function accountAccess(user, account, departmentAppids) {
  if (!account) return 'not-found';
  if (!account.bound) return 'forbidden';
  if (user.role === 'admin') return 'allowed';
  return departmentAppids.includes(account.appid) ? 'allowed' : 'forbidden';
}

/** The bound accounts the user may use, in the given order. */
export function usableAccounts(user, boundAccounts, departmentAppids) {
  if (user.role === 'admin') return boundAccounts;
  return boundAccounts.filter((a) => departmentAppids.includes(a.appid));
}

/** Receives `account` events of an account allocated to `departmentIds`. */
export const seesAccount = (user, departmentIds) =>
  user.role === 'admin' || (user.department !== null && departmentIds.includes(user.department.id));

/** Receives `allocation` events of department `departmentId`. */
export const seesAllocation = (user, departmentId) => user.role === 'admin' || user.department?.id === departmentId;

/**
 * Which accounts' contacts a user may list. Without a request: their usable accounts and
 * those a contact-sharing rule shares with their department. An administrator may also name
 * unbound accounts, whose contacts remain after unbinding. `ownAppids` are the accounts whose
 * contacts the user holds (not merely shared); null when every contact is (administrators).
 * @param {string[] | undefined} requested
 * @param {{ knownAppids: string[], usableAppids: string[], sharedAppids?: string[] }} scope
 * @returns {{ appids: string[], visibleAppids: string[], ownAppids: string[] | null } | { refused: 'not-found' | 'forbidden', appid: string }}
 */
export function contactScope(user, requested, { knownAppids, usableAppids, sharedAppids = [] }) {
  const admin = user.role === 'admin';
  const visibleAppids = admin ? knownAppids : [...new Set([...usableAppids, ...sharedAppids.filter((a) => knownAppids.includes(a))])];
  const ownAppids = admin ? null : usableAppids;
  if (!requested) return { appids: admin ? usableAppids : visibleAppids, visibleAppids, ownAppids };
  for (const appid of requested) {
    if (!knownAppids.includes(appid)) return { refused: 'not-found', appid };
    if (!visibleAppids.includes(appid)) return { refused: 'forbidden', appid };
  }
  return { appids: [...new Set(requested)], visibleAppids, ownAppids };
}

/** A contact is shared (read-only) when none of its account links is one the user holds. */
export const isSharedContact = (linkAppids, ownAppids) => ownAppids !== null && !linkAppids.some((a) => ownAppids.includes(a));
