/** The mock authorization page's ticket lives as long as WeChat's pre_auth_code: 30 minutes. */
export const TICKET_LIFETIME_SECONDS = 1800;

/** @returns {'valid' | 'unknown' | 'used' | 'expired'} */
export function ticketState(authorization, nowIso) {
  if (!authorization) return 'unknown';
  if (authorization.completed_at) return 'used';
  if (authorization.expires_at <= nowIso) return 'expired';
  return 'valid';
}

/**
 * What authorizing an account means for the suite.
 * @returns {'bound' | 'reauthorized'} `bound` for a new or previously unbound account
 */
export const authorizationChange = (existing) => (existing && existing.bound === 1 ? 'reauthorized' : 'bound');

/** Permission sets ticked on the page, in the page's order, unknown keys dropped. */
export const grantedPermissions = (ticked, offered) => offered.filter((key) => ticked.includes(key));
