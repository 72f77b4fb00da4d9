import type { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { MassSendHistoryEffects } from './history/mass-send-history.effects';
import { massSendHistoryFeature } from './history/mass-send-history.store';

/**
 * /wechat/messaging/mass-send, loaded on first visit with its store slice, so neither the page nor its
 * store adds bytes to the module's other pages.
 */
export const MASS_SEND_ROUTES: Routes = [
  {
    path: '',
    providers: [provideState(massSendHistoryFeature), provideEffects(MassSendHistoryEffects)],
    loadComponent: () => import('./mass-send-page').then((m) => m.MassSendPage),
  },
];
