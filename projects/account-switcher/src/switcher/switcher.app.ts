import type { AngularAppOptions } from '@wechat-mfe/ui';
import { provideModuleI18n } from '@wechat-mfe/ui';
import { translations } from '../i18n/loaders';
import { AccountSwitcher } from './account-switcher';

/** The header application: no router, no API of its own: it reads and writes the account context. */
export const switcherApp: AngularAppOptions = {
  rootSelector: 'wx-account-switcher-root',
  rootComponent: AccountSwitcher,
  providers: ({ context }) => [provideModuleI18n({ context, translations })],
};
