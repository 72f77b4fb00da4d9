import { InjectionToken, Provider, Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { AccountAccess, AccountContext, SuiteUser, WechatAccount } from '@wechat-mfe/account-context';

/**
 * The shell's one `AccountContext`, as the custom prop `context` handed it to this application or
 * parcel. Provide it with `provideAccountContext(props.context)`.
 */
export const ACCOUNT_CONTEXT = new InjectionToken<AccountContext>('wechat-mfe account context');

/** Makes the shell's account context injectable as `ACCOUNT_CONTEXT` (app, parcel or component providers). */
export function provideAccountContext(context: AccountContext): Provider {
  return { provide: ACCOUNT_CONTEXT, useValue: context };
}

/** What a component usually needs from the account context, as signals. */
export interface AccountState {
  /** What a WeChat page may show (loading, signed-out, error, not-bound, no-permission, ready). */
  readonly access: Signal<AccountAccess>;
  /** The selected account, or `null` while loading or when the user has none. */
  readonly selected: Signal<WechatAccount | null>;
  /** The signed-in user, or `null` while loading or when signed out. */
  readonly user: Signal<SuiteUser | null>;
}

/**
 * Reads access, selection and user from `ACCOUNT_CONTEXT` as signals; call it in an injection
 * context. The signals start from the context's snapshot, so the first render is already right.
 */
export function injectAccountState(): AccountState {
  const context = inject(ACCOUNT_CONTEXT);
  const snapshot = context.snapshot;
  return {
    access: toSignal(context.access$, { initialValue: snapshot.access }),
    selected: toSignal(context.selected$, {
      initialValue: snapshot.accounts.find((a) => a.appid === snapshot.selectedAppid) ?? null,
    }),
    user: toSignal(context.user$, { initialValue: snapshot.user }),
  };
}
