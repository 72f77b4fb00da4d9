import { bootstrapStandalone } from '@wechat-mfe/ui';
import { switcherApp } from './switcher/switcher.app';
import { wechatAccountsApp } from './settings/wechat-accounts.app';

Promise.all([bootstrapStandalone(switcherApp), bootstrapStandalone(wechatAccountsApp)]).catch((error: unknown) =>
  console.error(error),
);
