// The material picker parcel (exposed as ./material-picker). Props: `value` (a chosen material),
// `types` (material types offered); callback: `onChange(material | null)`. See docs/integrator-guide.md.
import { angularParcel } from '@wechat-mfe/ui';
import { widgetProviders } from '../parcels/widget-providers';
import { MaterialPickerWidget } from './material-picker-widget';

export const { bootstrap, mount, update, unmount } = angularParcel({
  rootSelector: 'wx-material-picker-parcel',
  rootComponent: MaterialPickerWidget,
  providers: widgetProviders,
  inputs: { value: 'value', types: 'types' },
  outputs: { valueChange: 'onChange' },
});
