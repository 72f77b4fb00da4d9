/** The signed-in suite user, as the suite's session API describes them. */
export interface SuiteUser {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  /** Whether the user administers the organisation (binds, unbinds, allocates). */
  readonly role: 'admin' | 'member';
  readonly department: { readonly id: string; readonly name: string } | null;
}

/** Service accounts (服务号) have every feature; subscription accounts (订阅号) lack QR codes and templates. */
export type WechatAccountType = 'service' | 'subscription';

/** A bound WeChat Official Account that the user may use. */
export interface WechatAccount {
  readonly appid: string;
  readonly originalId: string;
  readonly name: string;
  readonly avatarUrl: string;
  readonly type: WechatAccountType;
  /** Whether WeChat verified the account (unverified accounts lose templates, mass send by tag, mini-program buttons). */
  readonly verified: boolean;
  /** Permission sets (func_info) the account's administrator granted. */
  readonly permissions: readonly string[];
  /** `revoked`: cancelled in WeChat's back office but not yet unbound here. */
  readonly status: 'authorized' | 'revoked';
  readonly fanCount?: number;
}

/** The UI languages; zh-CN is the default. */
export type SuiteLocale = 'zh-CN' | 'en';

export const SUITE_LOCALES: readonly SuiteLocale[] = ['zh-CN', 'en'];

/**
 * What a WeChat page may show, derived from user and accounts:
 * `not-bound` — the organisation has no account (offer "authorize");
 * `no-permission` — accounts exist but none is allocated to the user's department.
 */
export type AccountAccess = 'loading' | 'signed-out' | 'error' | 'not-bound' | 'no-permission' | 'ready';

/** What the loader returns: the user's accounts plus how many the organisation has bound. */
export interface AccountList {
  readonly items: readonly WechatAccount[];
  readonly totalBound: number;
}

/** One message of the suite's server-sent event stream. */
export interface SuiteEvent {
  readonly type: string;
  readonly data: unknown;
}

/** The full state behind the context's streams. */
export interface AccountContextState {
  readonly access: AccountAccess;
  readonly user: SuiteUser | null;
  readonly accounts: readonly WechatAccount[];
  readonly totalBound: number;
  readonly selectedAppid: string | null;
  readonly locale: SuiteLocale;
  readonly error: unknown;
}
