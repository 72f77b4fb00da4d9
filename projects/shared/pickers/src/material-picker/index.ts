/** The material picker: `openMaterialPicker(injector, { types, appid })` resolves with the choice or null. */
export { openMaterialPicker, prefetchMaterialPicker, type MaterialChoice, type MaterialPickerOptions } from './open-material-picker';
/** The picker's data access and types (the dialog itself loads lazily through `openMaterialPicker`). */
export { MaterialPickerApi, type Material, type MaterialTab, type MaterialPage } from './material-picker-api';
