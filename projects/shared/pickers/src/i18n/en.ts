// Every picker's English strings in one chunk (see zh-CN.ts).
import account from '../account-picker/i18n/en.json';
import material from '../material-picker/i18n/en.json';

export const PICKERS_EN: Record<string, unknown> = { material, account };
