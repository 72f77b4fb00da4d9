import { Problem } from '../lib/problems.mjs';

/**
 * Unbinding is two-step (PRODUCT §1): the authorization must first be cancelled in WeChat's
 * back office; while WeChat still reports it authorized, unbinding is refused with the steps.
 * @returns {Problem | null} why the account cannot be unbound, or null
 */
export function unbindRefusal(account) {
  if (account.status !== 'authorized') return null;
  return new Problem(
    409,
    'WECHAT_STILL_AUTHORIZED',
    `WeChat still reports ${account.name} as authorized. Cancel the authorization in the WeChat back office first: ` +
      'mp.weixin.qq.com → Settings (设置与开发) → Account settings (公众号设置) → Authorization management (授权管理) → ' +
      'this platform → Cancel authorization (取消授权). Then confirm the unbinding again.',
  );
}
