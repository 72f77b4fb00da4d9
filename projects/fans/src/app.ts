import { ChangeDetectionStrategy, Component } from '@angular/core';
import { NavigationStart, Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideStore } from '@ngrx/store';
import { provideEffects } from '@ngrx/effects';
import { provideSuiteClient } from '@wechat-mfe/suite-api';
import { AccountContextEffects, type AngularAppOptions, provideModuleI18n, ModuleOutlet, withModuleRouterConfig } from '@wechat-mfe/ui';
import { FanListEffects } from './list/fan-list.effects';
import { fanListFeature } from './list/fan-list.store';
import { FanSyncEffects } from './sync/fan-sync.effects';
import { fanSyncFeature } from './sync/fan-sync.store';
import { PICKER_TRANSLATIONS } from '@wechat-mfe/pickers';
import { routes } from './routes';
import { prefetchFirstPage } from './data/first-page';

/** The module's root: the routed page. */
@Component({
  selector: 'wx-fans-root',
  imports: [ModuleOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<wx-module-outlet />',
})
export class FansRoot {}

/** Fans (/wechat/fans) and the WeChat-fan contacts page (/host/contacts). */
export const app: AngularAppOptions = {
  rootSelector: 'wx-fans-root',
  rootComponent: FansRoot,
  router: { Router, NavigationStart },
  providers: ({ context, apiBase }) => {
    // The list's first page, while Angular bootstraps (data/first-page.ts).
    prefetchFirstPage(apiBase, context);
    return [
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
      provideStore({
        [fanListFeature.name]: fanListFeature.reducer,
        [fanSyncFeature.name]: fanSyncFeature.reducer,
      }),
      provideEffects(AccountContextEffects, FanListEffects, FanSyncEffects),
    ];
  },
};
