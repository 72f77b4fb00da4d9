import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { providePageTranslations } from '@wechat-mfe/ui';
import { InboxEffects } from './inbox.effects';
import { inboxFeature } from './inbox.store';
import { InboxPage } from './inbox-page';

/** The page's strings (`inbox.…`), fetched with the page rather than with the module (ADR 0025). */
const STRINGS = providePageTranslations('inbox', {
  'zh-CN': () => import('./i18n/zh-CN.json'),
  en: () => import('./i18n/en.json'),
});

/** Loaded with `loadChildren`: the page, its store slice and effects arrive in one lazy chunk. */
export const INBOX_ROUTES: Routes = [{ path: '', component: InboxPage, providers: [provideState(inboxFeature), provideEffects(InboxEffects), ...STRINGS] }];
