import { ChangeDetectionStrategy, Component } from '@angular/core';
import { NavigationStart, Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideStore } from '@ngrx/store';
import { PICKER_TRANSLATIONS } from '@wechat-mfe/pickers';
import { provideSuiteClient } from '@wechat-mfe/suite-api';
import { AccountContextEffects, type AngularAppOptions, provideModuleI18n, ModuleOutlet, withModuleRouterConfig } from '@wechat-mfe/ui';
import { routes } from './routes';

/** The module's root: the routed page. */
@Component({
  selector: 'wx-messaging-root',
  imports: [ModuleOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<wx-module-outlet />',
})
export class MessagingRoot {}

/**
 * Messaging (/wechat/messaging/*): mass send, materials (issue #5); auto reply, inbox, templates
 * (issue #6). Each page registers its own store slice with `provideState` on its lazy route.
 */
export const app: AngularAppOptions = {
  rootSelector: 'wx-messaging-root',
  rootComponent: MessagingRoot,
  router: { Router, NavigationStart },
  providers: ({ context, apiBase }) => [
    provideModuleI18n({
      context,
      translations: {
        'zh-CN': () => import('./i18n/zh-CN.json'),
        en: () => import('./i18n/en.json'),
      },
      libraries: { pickers: PICKER_TRANSLATIONS },
    }),
    provideSuiteClient(apiBase),
    provideRouter(routes, withComponentInputBinding(), withModuleRouterConfig()),
    provideStore(),
    provideEffects(AccountContextEffects),
  ],
};
