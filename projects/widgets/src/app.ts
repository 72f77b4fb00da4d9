import { ChangeDetectionStrategy, Component } from '@angular/core';
import { NavigationStart, Router, RouterOutlet, provideRouter } from '@angular/router';
import { provideSuiteClient } from '@wechat-mfe/suite-api';
import { type AngularAppOptions, provideModuleI18n } from '@wechat-mfe/ui';
import { ContextProbe } from './host/context-probe';
import { HOST_PROPS } from './host/host-props';
import { routes } from './routes';

/** The module's root: the routed demo host page. */
@Component({
  selector: 'wx-widgets-root',
  imports: [RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<router-outlet />',
})
export class WidgetsRoot {}

/**
 * The demo host pages /host/segments and /host/journeys. They stand in for the host suite's own
 * builders and mount our widgets only as parcels from the manifest (the widgets themselves are the
 * separately exposed ./account-picker, ... entries).
 */
export const app: AngularAppOptions = {
  rootSelector: 'wx-widgets-root',
  rootComponent: WidgetsRoot,
  router: { Router, NavigationStart },
  providers: (props) => [
    provideModuleI18n({
      context: props.context,
      translations: {
        'zh-CN': () => import('./i18n/zh-CN.json'),
        en: () => import('./i18n/en.json'),
      },
    }),
    provideSuiteClient(props.apiBase),
    provideRouter(routes),
    { provide: HOST_PROPS, useValue: props },
    ContextProbe,
  ],
};
