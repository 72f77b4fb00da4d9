import type { TranslationLoader } from '@wechat-mfe/ui';
import zhCN from '../i18n/zh-CN.json';
import en from '../i18n/en.json';
import massSendZh from '../mass-send/i18n/zh-CN.json';
import massSendEn from '../mass-send/i18n/en.json';
import materialsZh from '../materials/i18n/zh-CN.json';
import materialsEn from '../materials/i18n/en.json';
import autoReplyZh from '../auto-reply/i18n/zh-CN.json';
import autoReplyEn from '../auto-reply/i18n/en.json';
import inboxZh from '../inbox/i18n/zh-CN.json';
import inboxEn from '../inbox/i18n/en.json';
import templatesZh from '../templates/i18n/zh-CN.json';
import templatesEn from '../templates/i18n/en.json';

/** Every page's strings under its prefix, as the module serves them once each page has loaded (specs only). */
export const PAGE_STRINGS = {
  'zh-CN': { ...zhCN, massSend: massSendZh, materials: materialsZh, autoReply: autoReplyZh, inbox: inboxZh, templates: templatesZh },
  en: { ...en, massSend: massSendEn, materials: materialsEn, autoReply: autoReplyEn, inbox: inboxEn, templates: templatesEn },
};

/** For `provideUiTesting(context, MESSAGING_STRINGS)`: a spec renders a page's components without its route. */
export const MESSAGING_STRINGS: Record<'zh-CN' | 'en', TranslationLoader> = {
  'zh-CN': async () => PAGE_STRINGS['zh-CN'],
  en: async () => PAGE_STRINGS.en,
};
