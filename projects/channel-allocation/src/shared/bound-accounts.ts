import { Signal, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { WechatAccount } from '@wechat-mfe/account-context';
import { ACCOUNT_CONTEXT } from '@wechat-mfe/ui';

/**
 * Every bound account, in the switcher's order: an administrator's accounts in the shared context
 * are all of them, and they follow binding and unbinding live. Only used behind the admin gate.
 */
export function injectBoundAccounts(): { accounts: Signal<readonly WechatAccount[]>; byAppid: Signal<ReadonlyMap<string, WechatAccount>> } {
  const context = inject(ACCOUNT_CONTEXT);
  const accounts = toSignal(context.accounts$, { initialValue: context.snapshot.accounts });
  return { accounts, byAppid: computed(() => new Map(accounts().map((a) => [a.appid, a]))) };
}
