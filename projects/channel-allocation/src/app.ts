import { ChangeDetectionStrategy, Component } from '@angular/core';
import { NavigationStart, Router, provideRouter } from '@angular/router';
import { provideSuiteClient } from '@wechat-mfe/suite-api';
import { type AngularAppOptions, provideModuleI18n, ModuleOutlet, withModuleRouterConfig } from '@wechat-mfe/ui';
import { routes } from './routes';

/** The module's root: the routed page. */
@Component({
  selector: 'wx-channel-allocation-root',
  imports: [ModuleOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<wx-module-outlet />',
})
export class ChannelAllocationRoot {}

/**
 * Enterprise settings › Channel allocation and › Contact sharing (administrators only). Each page
 * keeps its few request states in signals: there is no list, cache or cross-page state worth an
 * NgRx store (ADR 0003 §3), and the account context is read directly.
 */
export const app: AngularAppOptions = {
  rootSelector: 'wx-channel-allocation-root',
  rootComponent: ChannelAllocationRoot,
  router: { Router, NavigationStart },
  providers: ({ context, apiBase }) => [
    provideModuleI18n({
      context,
      translations: {
        'zh-CN': () => import('./i18n/zh-CN.json'),
        en: () => import('./i18n/en.json'),
      },
    }),
    provideSuiteClient(apiBase),
    provideRouter(routes, withModuleRouterConfig()),
  ],
};
