import { SUITE_LOCALES, SuiteLocale } from './models';

/** The subset of `Storage` the context needs; tests pass an in-memory one. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** The subset of `BroadcastChannel` the context needs. */
export interface TabChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

/** A cross-tab message: another tab picked an account or a language. */
export type TabMessage =
  | { readonly kind: 'select'; readonly userId: string; readonly appid: string }
  | { readonly kind: 'locale'; readonly locale: SuiteLocale };

const LOCALE_KEY = 'wechat-mfe.locale';
// Keyed per user: after a user switch, another user's choice may not be allowed for this one.
const selectionKey = (userId: string) => `wechat-mfe.selected-account.${userId}`;

/** Reads and writes the persisted selection and locale, tolerating a storage that throws (private mode, quota). */
export class ContextPersistence {
  constructor(private readonly store: KeyValueStore | null) {}

  readSelection(userId: string): string | null {
    return this.read(selectionKey(userId));
  }

  writeSelection(userId: string, appid: string): void {
    this.write(selectionKey(userId), appid);
  }

  readLocale(): SuiteLocale | null {
    const value = this.read(LOCALE_KEY);
    return SUITE_LOCALES.includes(value as SuiteLocale) ? (value as SuiteLocale) : null;
  }

  writeLocale(locale: SuiteLocale): void {
    this.write(LOCALE_KEY, locale);
  }

  private read(key: string): string | null {
    try {
      return this.store?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private write(key: string, value: string): void {
    try {
      this.store?.setItem(key, value);
    } catch {
      // Persisting is a convenience; the in-memory selection still works.
    }
  }
}

/** Narrows an untrusted cross-tab payload to a message we understand. */
export function parseTabMessage(data: unknown): TabMessage | null {
  if (!data || typeof data !== 'object') return null;
  const message = data as Record<string, unknown>;
  if (message['kind'] === 'select' && typeof message['userId'] === 'string' && typeof message['appid'] === 'string') {
    return { kind: 'select', userId: message['userId'], appid: message['appid'] };
  }
  if (message['kind'] === 'locale' && SUITE_LOCALES.includes(message['locale'] as SuiteLocale)) {
    return { kind: 'locale', locale: message['locale'] as SuiteLocale };
  }
  return null;
}
