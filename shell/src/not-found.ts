import type { LifeCycles } from 'single-spa';
import type { AccountContext } from '@wechat-mfe/account-context';
import { t } from './i18n';

/** The main slot's page for routes no application claims. */
export function notFoundLifecycles(context: AccountContext): LifeCycles {
  let element: HTMLElement | null = null;
  return {
    bootstrap: async () => undefined,
    mount: async () => {
      const locale = context.snapshot.locale;
      element = document.createElement('section');
      element.className = 'slot-state';
      const heading = document.createElement('h1');
      heading.textContent = t(locale, 'notFound');
      const detail = document.createElement('p');
      detail.textContent = t(locale, 'notFoundDetail');
      element.append(heading, detail);
      document.getElementById('single-spa-application:shell-not-found')?.appendChild(element);
    },
    unmount: async () => {
      element?.remove();
      element = null;
    },
  };
}
