// Enterprise settings › WeChat accounts at /settings/wechat-accounts (exposed as ./settings).
import { angularLifecycles } from '@wechat-mfe/ui';
import { wechatAccountsApp } from './settings/wechat-accounts.app';

export const { bootstrap, mount, unmount } = angularLifecycles(wechatAccountsApp);
