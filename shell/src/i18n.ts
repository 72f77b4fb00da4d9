import type { SuiteLocale } from '@wechat-mfe/account-context';

/** The shell's own strings; modules translate themselves. */
const STRINGS = {
  'zh-CN': {
    brand: 'Dmartech 营销云',
    skipToContent: '跳到主要内容',
    navLabel: '主导航',
    wechat: '微信管理',
    qrcodes: '微信二维码',
    massSend: '群发消息',
    autoReply: '自动回复',
    inbox: '消息管理',
    templates: '模板消息',
    materials: '素材管理',
    menus: '自定义菜单',
    fans: '粉丝管理',
    settings: '企业设置',
    wechatAccounts: '微信公众号',
    channelAllocation: '渠道分配',
    contactSharing: '联系人共享',
    host: '营销云（演示）',
    contacts: '微信粉丝联系人',
    segments: '联系人分群',
    journeys: '营销旅程',
    user: '演示用户',
    language: '语言',
    loading: '正在加载…',
    moduleFailed: '该模块加载失败',
    moduleFailedDetail: '其他模块不受影响。请稍后重试；如果问题持续，请联系管理员。',
    retry: '重试',
    manifestProblem: '模块配置有误，已停用',
    notFound: '页面不存在',
    notFoundDetail: '请从左侧导航选择一个页面。',
    skew: '版本不一致：该模块构建时使用的共享库版本与平台不同，已拒绝加载。请用平台的版本重新构建该模块。',
    skewPackage: '{package}：模块使用 {built}，平台共享 {shared}',
    overridesTitle: '本地覆盖的模块',
    overrideItem: '{remote} 来自 {url}',
    overridesRemove: '仅在此浏览器生效。删除 localStorage 中的 {key} 即可恢复。',
  },
  en: {
    brand: 'Dmartech Marketing Cloud',
    skipToContent: 'Skip to main content',
    navLabel: 'Main navigation',
    wechat: 'WeChat',
    qrcodes: 'QR codes',
    massSend: 'Mass send',
    autoReply: 'Auto reply',
    inbox: 'Inbox',
    templates: 'Template messages',
    materials: 'Materials',
    menus: 'Custom menu',
    fans: 'Fans',
    settings: 'Enterprise settings',
    wechatAccounts: 'WeChat accounts',
    channelAllocation: 'Channel allocation',
    contactSharing: 'Contact sharing',
    host: 'Suite (demo)',
    contacts: 'WeChat fan contacts',
    segments: 'Segments',
    journeys: 'Journeys',
    user: 'Demo user',
    language: 'Language',
    loading: 'Loading…',
    moduleFailed: 'This module failed to load',
    moduleFailedDetail: 'Other modules keep working. Try again; if it persists, contact your administrator.',
    retry: 'Retry',
    manifestProblem: 'Module configuration is invalid and was disabled',
    notFound: 'Page not found',
    notFoundDetail: 'Choose a page from the navigation.',
    skew: 'Version skew: this module was built against other versions of shared libraries than the suite shares, so it was refused. Rebuild it against the suite\'s versions.',
    skewPackage: '{package}: module built with {built}, the suite shares {shared}',
    overridesTitle: 'Modules overridden locally',
    overrideItem: '{remote} comes from {url}',
    overridesRemove: 'Only in this browser. Remove {key} from localStorage to go back.',
  },
} as const satisfies Record<SuiteLocale, Record<string, string>>;

export type ShellKey = keyof (typeof STRINGS)['en'];

export function t(locale: SuiteLocale, key: ShellKey): string {
  return STRINGS[locale][key];
}

/** A string with `{name}` placeholders filled in (values are inserted as text by the caller). */
export function tf(locale: SuiteLocale, key: ShellKey, values: Readonly<Record<string, string>>): string {
  return t(locale, key).replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
