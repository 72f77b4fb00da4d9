import { EnvironmentProviders, Provider, inject, provideEnvironmentInitializer } from '@angular/core';
import { TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import type { SuiteLocale } from '@wechat-mfe/account-context';
import type { TranslationLoader } from './provide-module-i18n';

/**
 * One page's own strings, loaded with the page instead of with its module: put this in the page
 * route's `providers`. A module's strings otherwise come in one file per language at bootstrap, so
 * every page paid for every other page's text (messaging's five pages: 8.7 KiB gzip of Chinese on
 * each, ADR 0025).
 *
 * The strings are served under `prefix` (a transloco scope whose alias is the prefix), so keys keep
 * their full form (`massSend.compose.title`) and templates do not change. By convention the files are
 * `<page folder>/i18n/{zh-CN,en}.json` and the prefix is the folder's name in camelCase; the
 * translations lint (scripts/lint/translations.mjs) checks keys against that. They hold the page's
 * strings without the prefix.
 *
 * Only the `transloco` pipe and directive inside the route's components see the scope: a native
 * `<dialog>` in their templates does too, a CDK overlay created with the root injector does not.
 */
export function providePageTranslations(
  prefix: string,
  translations: Readonly<Record<SuiteLocale, TranslationLoader>>,
): (Provider | EnvironmentProviders)[] {
  return [
    provideTranslocoScope({ scope: prefix, alias: prefix, loader: { ...translations } }),
    // The route's injector is created before its component's code arrives: starting the import here
    // fetches the strings alongside the component instead of after its first render (the pipe's load
    // then finds the module already fetched).
    provideEnvironmentInitializer(() => {
      const lang = inject(TranslocoService).getActiveLang();
      if (lang === 'zh-CN' || lang === 'en') translations[lang]().catch(() => undefined);
    }),
  ];
}
