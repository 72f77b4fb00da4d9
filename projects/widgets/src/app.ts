// A stand-in until issue #9 builds this module: it only proves routing and the account switch.
import { standInApp } from '@wechat-mfe/ui';

export const app = standInApp({
  rootSelector: 'wx-widgets-root',
  issue: 9,
  translations: {
    'zh-CN': () => import('./i18n/zh-CN.json'),
    en: () => import('./i18n/en.json'),
  },
});
