// Every picker's Chinese strings in one chunk: a module that shows pickers fetches one file for them
// on its first load, not one per picker (ADR 0023 counts files).
import account from '../account-picker/i18n/zh-CN.json';
import material from '../material-picker/i18n/zh-CN.json';

export const PICKERS_ZH_CN: Record<string, unknown> = { material, account };
