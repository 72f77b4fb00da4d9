// The journey trigger parcel (exposed as ./journey-trigger). Props: `value` (a trigger document);
// callbacks: `onChange(trigger)`, `onValidity({ valid, problems })`. See docs/integrator-guide.md.
import { angularParcel } from '@wechat-mfe/ui';
import { widgetProviders } from '../parcels/widget-providers';
import { JourneyTriggerWidget } from './journey-trigger-widget';

export const { bootstrap, mount, update, unmount } = angularParcel({
  rootSelector: 'wx-journey-trigger-parcel',
  rootComponent: JourneyTriggerWidget,
  providers: widgetProviders,
  inputs: { value: 'value' },
  outputs: { valueChange: 'onChange', validityChange: 'onValidity' },
});
