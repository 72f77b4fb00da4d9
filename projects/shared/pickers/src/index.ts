// @wechat-mfe/pickers: the pickers every module and widget reuses (ARCHITECTURE §2: pickers → ui →
// suite-api → account-context). Bundled into each module like @wechat-mfe/ui.
// Each picker is its own entry point, so a module that opens one never bundles the other
// (Angular components are not tree-shaken out of a barrel: the menus editor paid 18 KiB gzip for
// the account picker it never shows):
// - `@wechat-mfe/pickers/material`: the material picker (issue #5)
// - `@wechat-mfe/pickers/account`: the account picker, single and multi (issue #7's contacts page)
// This entry holds only what every picker user needs: the pickers' strings.
export { PICKER_TRANSLATIONS } from './i18n/picker-translations';
