// The segment conditions parcel (exposed as ./segment-conditions). Props: `value` (a segment
// condition document or its JSON), `appids` (narrows the accounts offered); callbacks:
// `onChange(document)`, `onValidity({ valid, problems })`. See docs/integrator-guide.md.
import { angularParcel } from '@wechat-mfe/ui';
import { widgetProviders } from '../parcels/widget-providers';
import { SegmentConditionsWidget } from './segment-conditions-widget';

export const { bootstrap, mount, update, unmount } = angularParcel({
  rootSelector: 'wx-segment-conditions-parcel',
  rootComponent: SegmentConditionsWidget,
  providers: widgetProviders,
  inputs: { value: 'value', appids: 'appids' },
  outputs: { valueChange: 'onChange', validityChange: 'onValidity' },
});
