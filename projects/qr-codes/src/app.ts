import { ChangeDetectionStrategy, Component } from '@angular/core';
import { NavigationStart, Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideStore } from '@ngrx/store';
import { provideEffects } from '@ngrx/effects';
import { PICKER_TRANSLATIONS } from '@wechat-mfe/pickers';
import { provideSuiteClient } from '@wechat-mfe/suite-api';
import { AccountContextEffects, type AngularAppOptions, provideModuleI18n, ModuleOutlet, withModuleRouterConfig } from '@wechat-mfe/ui';
import { QrCodeListEffects } from './list/qr-code-list.effects';
import { qrCodeListFeature } from './list/qr-code-list.store';
import { routes } from './routes';

/** The module's root: the routed page. */
@Component({
  selector: 'wx-qr-codes-root',
  imports: [ModuleOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<wx-module-outlet />',
})
export class QrCodesRoot {}

/** Channel QR codes (/wechat/qrcodes and /wechat/qrcodes/:id), service accounts only. */
export const app: AngularAppOptions = {
  rootSelector: 'wx-qr-codes-root',
  rootComponent: QrCodesRoot,
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
    provideStore({ [qrCodeListFeature.name]: qrCodeListFeature.reducer }),
    provideEffects(AccountContextEffects, QrCodeListEffects),
  ],
};
