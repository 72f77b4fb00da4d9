import { mountRootParcel } from 'single-spa';
import { bootstrapStandalone } from '@wechat-mfe/ui';
import { app } from './app';

// Served alone (ng serve widgets) there is no shell: the demo host pages get the parcels from this
// build directly and mount them with single-spa's root parcel API, as a host outside the suite would.
const PARCELS: Record<string, () => Promise<unknown>> = {
  'account-picker': () => import('./account-picker/account-picker.parcel'),
  'segment-conditions': () => import('./segment-conditions/segment-conditions.parcel'),
  'journey-trigger': () => import('./journey-trigger/journey-trigger.parcel'),
  'material-picker': () => import('./material-picker/material-picker.parcel'),
};

bootstrapStandalone({
  ...app,
  providers: (props) =>
    app.providers({
      ...props,
      loadParcel: (name: string) => PARCELS[name]?.() ?? Promise.reject(new Error(`No parcel "${name}"`)),
      mountParcel: mountRootParcel,
    } as typeof props),
}).catch((error: unknown) => console.error(error));
