import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { providePageTranslations } from '@wechat-mfe/ui';
import { AutoReplyEffects } from './auto-reply.effects';
import { autoReplyFeature } from './auto-reply.store';
import { AutoReplyPage } from './auto-reply-page';

/** The page's strings (`autoReply.…`), fetched with the page rather than with the module (ADR 0025). */
const STRINGS = providePageTranslations('autoReply', {
  'zh-CN': () => import('./i18n/zh-CN.json'),
  en: () => import('./i18n/en.json'),
});

/**
 * Loaded with `loadChildren` from the module's routes: the page, its store slice and effects all
 * arrive in the lazy chunk, and the module's `routes.ts` needs one line and no static import.
 */
export const AUTO_REPLY_ROUTES: Routes = [
  { path: '', component: AutoReplyPage, providers: [provideState(autoReplyFeature), provideEffects(AutoReplyEffects), ...STRINGS] },
];
