import {
  DestroyRef,
  EnvironmentProviders,
  Injectable,
  InjectionToken,
  PendingTasks,
  inject,
  isDevMode,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import {
  Translation,
  TranslocoLoader,
  TranslocoMissingHandler,
  TranslocoMissingHandlerData,
  TranslocoService,
  provideTransloco,
  provideTranslocoMissingHandler,
  provideTranslocoTranspiler,
} from '@jsverse/transloco';
import { PluralTranspiler } from './plural-transpiler';
import type { AccountContext, SuiteLocale } from '@wechat-mfe/account-context';

/**
 * Loads one language of a module's own strings. Pass a dynamic import so each language becomes its
 * own chunk of the module's build: `() => import('./i18n/zh-CN.json')`. A module namespace's
 * `default` export is unwrapped (so a translation file must not have a top-level key `default`).
 */
export type TranslationLoader = () => Promise<Record<string, unknown>>;

/** What `provideModuleI18n` needs from a module. */
export interface ModuleI18nOptions {
  /** The shell's account context; its `locale$` drives the active language. */
  readonly context: AccountContext;
  /** The module's own strings per language (the library's come under the `ui.` prefix). */
  readonly translations: Readonly<Record<SuiteLocale, TranslationLoader>>;
  /**
   * Strings of shared libraries above `ui` that the module uses, by prefix: e.g.
   * `{ pickers: PICKER_TRANSLATIONS }` serves `@wechat-mfe/pickers`' strings under `pickers.`
   * (ui cannot import those libraries, so the module hands them in).
   */
  readonly libraries?: Readonly<Record<string, Readonly<Record<SuiteLocale, TranslationLoader>>>>;
}

interface ModuleTranslations extends Pick<ModuleI18nOptions, 'translations' | 'libraries'> {
  /** Loads started before the application existed (the active language at mount), taken once. */
  readonly started: Map<string, Promise<Translation>>;
}

const MODULE_TRANSLATIONS = new InjectionToken<ModuleTranslations>('wechat-mfe module translations');

// The library's strings load as their own chunks too, so an English-only session never fetches Chinese.
const UI_TRANSLATIONS: Record<SuiteLocale, () => Promise<object>> = {
  'zh-CN': () => import('./ui.zh-CN').then((m) => m.UI_ZH_CN),
  en: () => import('./ui.en').then((m) => m.UI_EN),
};

function isLocale(lang: string): lang is SuiteLocale {
  return lang === 'zh-CN' || lang === 'en';
}

/** Merges a module's strings with the library's under `ui.`. */
@Injectable()
class ModuleTranslationLoader implements TranslocoLoader {
  private readonly translations = inject(MODULE_TRANSLATIONS);
  private readonly pendingTasks = inject(PendingTasks);

  async getTranslation(lang: string): Promise<Translation> {
    if (!isLocale(lang)) throw new Error(`wechat-mfe: unsupported language ${lang}`);
    // A pending task keeps the app "unstable" until the strings arrive, so `whenStable()` in tests
    // (and anything else that waits for stability) never sees raw keys. It ends a task later: transloco
    // hands the strings to the pipes in microtasks after this returns, and the change detection they ask
    // for holds the app unstable only from then (with strings loaded early, the gap was a stable moment).
    const done = this.pendingTasks.add();
    try {
      const { started } = this.translations;
      const early = started.get(lang);
      // Taken once: a later load of the same language (after a failure) asks again.
      started.delete(lang);
      return await (early ?? loadTranslation(this.translations, lang));
    } finally {
      setTimeout(done);
    }
  }
}

/** A module's strings in one language, with the library's under `ui.` and the shared libraries' under their prefixes. */
async function loadTranslation({ translations, libraries = {} }: Pick<ModuleI18nOptions, 'translations' | 'libraries'>, lang: SuiteLocale): Promise<Translation> {
  const prefixes = Object.keys(libraries);
  const [own, ui, ...shared] = await Promise.all([
    translations[lang](),
    UI_TRANSLATIONS[lang](),
    ...prefixes.map((prefix) => libraries[prefix][lang]()),
  ]);
  const extra = Object.fromEntries(prefixes.map((prefix, i) => [prefix, unwrapModule(shared[i])]));
  return { ...unwrapModule(own), ...extra, ui };
}

function unwrapModule(loaded: Record<string, unknown>): Record<string, unknown> {
  const inner = loaded['default'];
  return inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : loaded;
}

/** Reports each missing key once per language in development, and shows the key itself. */
@Injectable()
class LogOnceMissingHandler implements TranslocoMissingHandler {
  private readonly reported = new Set<string>();

  handle(key: string, data: TranslocoMissingHandlerData): string {
    const id = `${data.activeLang}:${key}`;
    if (isDevMode() && !this.reported.has(id)) {
      this.reported.add(id);
      console.warn(`wechat-mfe: missing translation "${key}" (${data.activeLang})`);
    }
    return key;
  }
}

/**
 * The i18n providers of one module (application or parcel): transloco in zh-CN (default and
 * fallback) and English, the module's strings plus the library's under `ui.`, and the active
 * language following the shell's `context.locale$`. Setting `<html lang>` is the shell's job.
 */
export function provideModuleI18n(options: ModuleI18nOptions): EnvironmentProviders {
  // The active language's strings start loading now, while Angular creates the application: the page
  // waits for them (ModuleOutlet), and asked for by its first change detection they arrived a tick
  // later than the page could have been drawn (after the list's first page, on a cold start).
  const locale = options.context.snapshot.locale;
  const early = loadTranslation(options, locale);
  // Its failure is the loader's to report, when transloco asks; not an unhandled rejection meanwhile.
  early.catch(() => undefined);
  const started = new Map([[locale, early]]);
  return makeEnvironmentProviders([
    provideTransloco({
      config: {
        availableLangs: ['zh-CN', 'en'],
        defaultLang: 'zh-CN',
        fallbackLang: 'zh-CN',
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { logMissingKey: true, useFallbackTranslation: false },
      },
      loader: ModuleTranslationLoader,
    }),
    provideTranslocoMissingHandler(LogOnceMissingHandler),
    // English singulars under `<key>_one` (plural-transpiler.ts).
    provideTranslocoTranspiler(PluralTranspiler),
    { provide: MODULE_TRANSLATIONS, useValue: { translations: options.translations, libraries: options.libraries, started } },
    provideEnvironmentInitializer(() => {
      const transloco = inject(TranslocoService);
      // locale$ replays the current locale synchronously, so the first render is in the right language.
      const subscription = options.context.locale$.subscribe((locale) => transloco.setActiveLang(locale));
      // single-spa unmount destroys the app's injector; stop following the shared context then.
      inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
    }),
  ]);
}
