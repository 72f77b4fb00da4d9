import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { AutoReplyEffects } from './auto-reply.effects';
import { autoReplyFeature } from './auto-reply.store';
import { AutoReplyPage } from './auto-reply-page';

/**
 * Loaded with `loadChildren` from the module's routes: the page, its store slice and effects all
 * arrive in the lazy chunk, and the module's `routes.ts` needs one line and no static import.
 */
export const AUTO_REPLY_ROUTES: Routes = [
  { path: '', component: AutoReplyPage, providers: [provideState(autoReplyFeature), provideEffects(AutoReplyEffects)] },
];
