// @wechat-mfe/pickers: the pickers every module and widget reuses (ARCHITECTURE §2: pickers → ui →
// suite-api → account-context). Bundled into each module like @wechat-mfe/ui.
// - material picker (issue #5): `./material-picker/`
// - account picker, single and multi (issue #7's contacts page, reused by the widgets): `./account-picker/`
export { PICKER_TRANSLATIONS } from './i18n/picker-translations';
/** `wx-account-picker`: the user's accounts (type and verification shown), single or multiple. */
export { AccountPicker } from './account-picker/account-picker';

/** The material picker: `openMaterialPicker(injector, { types, appid })` resolves with the choice or null. */
export { openMaterialPicker, type MaterialChoice, type MaterialPickerOptions } from './material-picker/open-material-picker';
/** The picker's data access and types (the dialog itself loads lazily through `openMaterialPicker`). */
export { MaterialPickerApi, type Material, type MaterialTab, type MaterialPage } from './material-picker/material-picker-api';
