import type { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { providePageTranslations } from '@wechat-mfe/ui';
import { TemplatesEffects } from './library/templates.effects';
import { templatesFeature } from './library/templates.store';

/** The page's strings (`templates.…`), fetched with the page rather than with the module (ADR 0025). */
const STRINGS = providePageTranslations('templates', {
  'zh-CN': () => import('./i18n/zh-CN.json'),
  en: () => import('./i18n/en.json'),
});

/**
 * /wechat/messaging/templates, loaded on first visit with its store slice, so neither the page nor its
 * store adds bytes to the module's other pages.
 */
export const TEMPLATES_ROUTES: Routes = [
  {
    path: '',
    providers: [provideState(templatesFeature), provideEffects(TemplatesEffects), ...STRINGS],
    loadComponent: () => import('./templates-page').then((m) => m.TemplatesPage),
  },
];
