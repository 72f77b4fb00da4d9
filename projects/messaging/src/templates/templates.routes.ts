import type { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { TemplatesEffects } from './library/templates.effects';
import { templatesFeature } from './library/templates.store';

/**
 * /wechat/messaging/templates, loaded on first visit with its store slice, so neither the page nor its
 * store adds bytes to the module's other pages.
 */
export const TEMPLATES_ROUTES: Routes = [
  {
    path: '',
    providers: [provideState(templatesFeature), provideEffects(TemplatesEffects)],
    loadComponent: () => import('./templates-page').then((m) => m.TemplatesPage),
  },
];
