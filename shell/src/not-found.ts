import type { LifeCycles } from 'single-spa';
import type { AccountContext } from '@wechat-mfe/account-context';
import { t } from './i18n';

/** The main slot's page for routes no application claims; it follows the language switch like any page. */
export function notFoundLifecycles(context: AccountContext): LifeCycles {
  let element: HTMLElement | null = null;
  let stop: (() => void) | null = null;
  return {
    bootstrap: async () => undefined,
    mount: async () => {
      element = document.createElement('section');
      element.className = 'slot-state';
      const heading = document.createElement('h1');
      const detail = document.createElement('p');
      element.append(heading, detail);
      // locale$ replays the current language at once, then every switch.
      const subscription = context.locale$.subscribe((locale) => {
        heading.textContent = t(locale, 'notFound');
        detail.textContent = t(locale, 'notFoundDetail');
      });
      stop = () => subscription.unsubscribe();
      document.getElementById('single-spa-application:shell-not-found')?.appendChild(element);
    },
    unmount: async () => {
      stop?.();
      stop = null;
      element?.remove();
      element = null;
    },
  };
}
