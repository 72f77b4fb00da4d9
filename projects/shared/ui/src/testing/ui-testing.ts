import { EnvironmentProviders, Provider, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { AccountContext, AccountList, SuiteUser, WechatAccount } from '@wechat-mfe/account-context';
import { firstValueFrom } from 'rxjs';
import { provideAccountContext } from '../i18n/account-context';
import { ModuleI18nOptions, provideModuleI18n } from '../i18n/provide-module-i18n';
import { ONE_SUFFIX } from '../i18n/plural-transpiler';

/**
 * Builders and a controllable in-memory context for specs (`@wechat-mfe/ui/testing`; never imported by
 * production code).
 */
export function wxAccount(appid: string, patch: Partial<WechatAccount> = {}): WechatAccount {
  return {
    appid,
    originalId: `gh_${appid}`,
    name: `Account ${appid}`,
    avatarUrl: '',
    type: 'service',
    verified: true,
    permissions: [],
    status: 'authorized',
    ...patch,
  };
}

export function wxUser(id: string, patch: Partial<SuiteUser> = {}): SuiteUser {
  return { id, username: id, name: id, role: 'member', department: { id: 'd1', name: '市场部' }, ...patch };
}

/** What the fake suite answers; change it, then `context.refresh()`. */
export interface FakeSuite {
  user: SuiteUser | null;
  accounts: AccountList;
  /** When set, loading the user rejects with it. */
  failure: unknown;
}

export function fakeContext(initial: Partial<FakeSuite> = {}): { context: AccountContext; suite: FakeSuite } {
  const suite: FakeSuite = {
    user: wxUser('marketer'),
    accounts: { items: [wxAccount('wx-service')], totalBound: 1 },
    failure: null,
    ...initial,
  };
  const context = new AccountContext({
    loadUser: async () => {
      if (suite.failure) throw suite.failure;
      return suite.user;
    },
    loadAccounts: async () => suite.accounts,
  });
  return { context, suite };
}

/** A module's own test strings, to prove they are served next to the library's. */
export const MODULE_STRINGS = {
  'zh-CN': { page: { title: '测试页面', items: '{{count}} 项' } },
  en: { page: { title: 'Test page', items: '{{count}} items', items_one: '{{count}} item' } },
};

/** Zoneless TestBed providers with the context and the real `provideModuleI18n`. */
export function provideUiTesting(
  context: AccountContext,
  translations: ModuleI18nOptions['translations'] = {
    'zh-CN': async () => ({ default: MODULE_STRINGS['zh-CN'] }),
    en: async () => MODULE_STRINGS.en,
  },
  libraries?: ModuleI18nOptions['libraries'],
): (Provider | EnvironmentProviders)[] {
  return [provideZonelessChangeDetection(), provideAccountContext(context), provideModuleI18n({ context, translations, libraries })];
}

/** Loads a language outright (e.g. to translate in both languages in one spec). */
export function loadLanguage(lang: 'zh-CN' | 'en'): Promise<unknown> {
  return firstValueFrom(TestBed.inject(TranslocoService).load(lang));
}

/** Every key path of a translation object, e.g. `accounts.permission.menu`. */
export function translationKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => translationKeys(inner, prefix ? `${prefix}.${key}` : key));
}

/**
 * What is wrong between a module's zh-CN and English strings: keys only one language has (but English
 * singulars, `<key>_one` beside a `<key>` with `{{count}}`), empty messages, and messages whose
 * `{{params}}` differ. An empty list means the two agree.
 */
export function translationProblems(zhCN: object, en: object): string[] {
  const get = (strings: object, key: string) => key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], strings);
  const params = (text: unknown) => (String(text).match(/{{\s*\w+\s*}}/g) ?? []).map((p) => p.replace(/\s/g, '')).sort().join(',');
  const zhKeys = new Set(translationKeys(zhCN));
  const enKeys = new Set(translationKeys(en));
  return [
    ...[...zhKeys].filter((k) => !enKeys.has(k)).map((k) => `missing in en: ${k}`),
    ...[...enKeys].filter((k) => !zhKeys.has(k) && !k.endsWith(ONE_SUFFIX)).map((k) => `missing in zh-CN: ${k}`),
    // English singulars (`<key>_one`, PluralTranspiler): Chinese has no plural forms, and a singular
    // stands beside its `<key>`, which counts.
    ...[...zhKeys].filter((k) => k.endsWith(ONE_SUFFIX)).map((k) => `a singular in zh-CN: ${k}`),
    ...[...enKeys]
      .filter((k) => k.endsWith(ONE_SUFFIX) && !/{{\s*count\s*}}/.test(String(get(en, k.slice(0, -ONE_SUFFIX.length)) ?? '')))
      .map((k) => `a singular without a counted string: ${k}`),
    ...[...zhKeys].filter((k) => !get(zhCN, k)).map((k) => `empty in zh-CN: ${k}`),
    ...[...enKeys].filter((k) => !get(en, k)).map((k) => `empty in en: ${k}`),
    ...[...zhKeys].filter((k) => enKeys.has(k) && params(get(zhCN, k)) !== params(get(en, k))).map((k) => `parameters differ: ${k}`),
  ];
}
export { WxButtonHarness } from './wx-button-harness';
export { WxSelectHarness, WxOptionHarness } from './wx-select-harness';
