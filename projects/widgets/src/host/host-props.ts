import { InjectionToken } from '@angular/core';
import type { ParcelConfig, ParcelProps as SingleSpaParcelProps, Parcel } from 'single-spa';
import type { SuiteAppProps } from '@wechat-mfe/ui';

/**
 * The props the shell gave the demo host application: single-spa adds `mountParcel`, which mounts a
 * parcel bound to this application (single-spa unmounts it when the application unmounts).
 */
export interface HostAppProps extends SuiteAppProps {
  readonly mountParcel?: (config: ParcelConfig | (() => Promise<ParcelConfig>), props: SingleSpaParcelProps & Record<string, unknown>) => Parcel;
}

/** The demo host pages mount widgets the way any host would: through these props only. */
export const HOST_PROPS = new InjectionToken<HostAppProps>('wechat-mfe demo host props');
