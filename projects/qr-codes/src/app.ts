// A stand-in until issue #3 builds this module: it only proves routing and the account switch.
import { WECHAT_FEATURES, standInApp } from '@wechat-mfe/ui';

export const app = standInApp({
  rootSelector: 'wx-qr-codes-root',
  issue: 3,
  requires: WECHAT_FEATURES.qrCodes,
  translations: {
    'zh-CN': () => import('./i18n/zh-CN.json'),
    en: () => import('./i18n/en.json'),
  },
});
