import type { SuiteLocale } from '@wechat-mfe/account-context';
import type { TranslationLoader } from '@wechat-mfe/ui';

/**
 * Each picker's own strings, one JSON file per language in the picker's folder, served under
 * `pickers.<picker>.` (e.g. `pickers.material.title`). Add one line per picker.
 */
const PICKERS: Readonly<Record<string, Readonly<Record<SuiteLocale, TranslationLoader>>>> = {
  material: { 'zh-CN': () => import('../material-picker/i18n/zh-CN.json'), en: () => import('../material-picker/i18n/en.json') },
  account: { 'zh-CN': () => import('../account-picker/i18n/zh-CN.json'), en: () => import('../account-picker/i18n/en.json') },
};

async function load(lang: SuiteLocale): Promise<Record<string, unknown>> {
  const names = Object.keys(PICKERS);
  const loaded = await Promise.all(names.map((name) => PICKERS[name][lang]()));
  return Object.fromEntries(names.map((name, i) => [name, (loaded[i]['default'] as Record<string, unknown> | undefined) ?? loaded[i]]));
}

/**
 * The pickers' strings for `provideModuleI18n({ ..., libraries: { pickers: PICKER_TRANSLATIONS } })`
 * in every module (or parcel) that shows a picker.
 */
export const PICKER_TRANSLATIONS: Readonly<Record<SuiteLocale, TranslationLoader>> = {
  'zh-CN': () => load('zh-CN'),
  en: () => load('en'),
};
