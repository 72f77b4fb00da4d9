import type { AngularAppOptions } from '@wechat-mfe/ui';
import { provideModuleI18n } from '@wechat-mfe/ui';
import { provideSuiteClient } from '@wechat-mfe/suite-api';
import { translations } from '../i18n/loaders';
import { WechatAccountsPage } from './wechat-accounts-page';

/** Enterprise settings › WeChat accounts: the bound accounts, binding, re-authorizing and unbinding. */
export const wechatAccountsApp: AngularAppOptions = {
  rootSelector: 'wx-wechat-accounts-root',
  rootComponent: WechatAccountsPage,
  providers: ({ context, apiBase }) => [provideModuleI18n({ context, translations }), provideSuiteClient(apiBase)],
};
