import type { ParcelConfig } from 'single-spa';
import type { SuiteLocale } from '@wechat-mfe/account-context';
import { t, tf } from './i18n';
import { VersionSkewError } from './federation';

/** What the slot parcels need from the shell: the current language and how to retry an application. */
export interface SlotHost {
  locale(): SuiteLocale;
  retry(applicationName: string): void;
}

/** Shown while an application's code downloads (single-spa-layout mounts it as the route's loader). */
export function loadingParcel(host: SlotHost): ParcelConfig {
  let element: HTMLElement | null = null;
  return {
    bootstrap: async () => undefined,
    mount: async (props) => {
      element = document.createElement('div');
      element.className = 'slot-state slot-loading';
      element.setAttribute('role', 'status');
      element.setAttribute('aria-busy', 'true');
      element.textContent = t(host.locale(), 'loading');
      (props as unknown as { domElement: HTMLElement }).domElement.appendChild(element);
    },
    unmount: async () => {
      element?.remove();
      element = null;
    },
  };
}

/**
 * Shown in place of an application that failed to load or threw while mounting. Its retry hands the
 * name back to the shell, which re-registers the application (single-spa never retries a broken one).
 */
export function errorParcel(host: SlotHost, applicationName: string): ParcelConfig {
  let element: HTMLElement | null = null;
  return {
    bootstrap: async () => undefined,
    mount: async (props) => {
      const { domElement, error } = props as unknown as { domElement: HTMLElement; error?: { appOrParcelName?: string } };
      const locale = host.locale();
      // single-spa retries an application that failed to load on the next routing event and
      // single-spa-layout then mounts this parcel again without unmounting the first: one message only.
      element?.remove();
      element = document.createElement('section');
      element.className = 'slot-state slot-error';
      element.setAttribute('role', 'alert');
      element.setAttribute('data-slot-error', applicationName);
      const heading = document.createElement('h2');
      heading.textContent = t(locale, 'moduleFailed');
      const detail = document.createElement('p');
      const skew = skewOf(error);
      detail.textContent = skew ? t(locale, 'skew') : t(locale, 'moduleFailedDetail');
      // Which package at which versions: what the module's team has to rebuild against.
      const packages = document.createElement('ul');
      packages.className = 'slot-skew';
      for (const pkg of skew?.skew ?? []) {
        const item = document.createElement('li');
        item.textContent = tf(locale, 'skewPackage', { package: pkg.packageName, built: pkg.built, shared: pkg.shared });
        packages.append(item);
      }
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'slot-retry';
      retry.textContent = t(locale, 'retry');
      retry.addEventListener('click', () => {
        // Our DOM goes now; single-spa-layout unmounts this parcel itself when the route changes.
        element?.remove();
        host.retry(applicationName);
      });
      element.append(heading, detail, ...(skew ? [packages] : []), retry);
      domElement.appendChild(element);
    },
    unmount: async () => {
      element?.remove();
      element = null;
    },
  };
}

/** The skew error behind a load failure, if that is what it was. */
export function skewOf(error: unknown): VersionSkewError | null {
  let current: unknown = error;
  // single-spa wraps the original error; walk the causes it keeps.
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof VersionSkewError) return current;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return null;
}
