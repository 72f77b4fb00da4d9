import type { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { providePageTranslations } from '@wechat-mfe/ui';
import { MassSendHistoryEffects } from './history/mass-send-history.effects';
import { massSendHistoryFeature } from './history/mass-send-history.store';

/** The page's strings (`massSend.…`), fetched with the page rather than with the module (ADR 0025). */
const STRINGS = providePageTranslations('massSend', {
  'zh-CN': () => import('./i18n/zh-CN.json'),
  en: () => import('./i18n/en.json'),
});

/**
 * /wechat/messaging/mass-send, loaded on first visit with its store slice, so neither the page nor its
 * store adds bytes to the module's other pages.
 */
export const MASS_SEND_ROUTES: Routes = [
  {
    path: '',
    providers: [provideState(massSendHistoryFeature), provideEffects(MassSendHistoryEffects), ...STRINGS],
    loadComponent: () => import('./mass-send-page').then((m) => m.MassSendPage),
  },
];
