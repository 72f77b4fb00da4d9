// A stand-in until issue #7 builds this module: it only proves routing and the account switch.
import { standInApp } from '@wechat-mfe/ui';

export const app = standInApp({
  rootSelector: 'wx-fans-root',
  issue: 7,
  translations: {
    'zh-CN': () => import('./i18n/zh-CN.json'),
    en: () => import('./i18n/en.json'),
  },
});
