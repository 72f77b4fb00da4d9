import type { SuiteLocale } from '@wechat-mfe/account-context';
import type { TranslationLoader } from '@wechat-mfe/ui';

/**
 * The pickers' strings for `provideModuleI18n({ ..., libraries: { pickers: PICKER_TRANSLATIONS } })`
 * in every module (or parcel) that shows a picker. Each picker keeps one JSON file per language in
 * its folder, served under `pickers.<picker>.` (e.g. `pickers.material.title`); `./zh-CN.ts` and
 * `./en.ts` gather them into one chunk per language. Add a picker to both.
 */
export const PICKER_TRANSLATIONS: Readonly<Record<SuiteLocale, TranslationLoader>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.PICKERS_ZH_CN),
  en: () => import('./en').then((m) => m.PICKERS_EN),
};
