import { PICKER_TRANSLATIONS } from './picker-translations';
import materialZh from '../material-picker/i18n/zh-CN.json';
import accountZh from '../account-picker/i18n/zh-CN.json';
import materialEn from '../material-picker/i18n/en.json';
import accountEn from '../account-picker/i18n/en.json';

describe('PICKER_TRANSLATIONS', () => {
  it('serves every picker’s own strings under its name, in each language', async () => {
    expect(await PICKER_TRANSLATIONS['zh-CN']()).toEqual({ material: materialZh, account: accountZh });
    expect(await PICKER_TRANSLATIONS.en()).toEqual({ material: materialEn, account: accountEn });
  });
});
