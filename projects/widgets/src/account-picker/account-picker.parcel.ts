// The account picker parcel (exposed as ./account-picker). Props: `value` (appids), `multiple`,
// `label`, `hint`; callback: `onChange(appids)`. See docs/integrator-guide.md.
import { angularParcel } from '@wechat-mfe/ui';
import { widgetProviders } from '../parcels/widget-providers';
import { AccountPickerWidget } from './account-picker-widget';

export const { bootstrap, mount, update, unmount } = angularParcel({
  rootSelector: 'wx-account-picker-parcel',
  rootComponent: AccountPickerWidget,
  providers: widgetProviders,
  inputs: { value: 'value', multiple: 'multiple', label: 'label', hint: 'hint' },
  outputs: { valueChange: 'onChange' },
});
