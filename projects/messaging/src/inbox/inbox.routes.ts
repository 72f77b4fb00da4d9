import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { InboxEffects } from './inbox.effects';
import { inboxFeature } from './inbox.store';
import { InboxPage } from './inbox-page';

/** Loaded with `loadChildren`: the page, its store slice and effects arrive in one lazy chunk. */
export const INBOX_ROUTES: Routes = [{ path: '', component: InboxPage, providers: [provideState(inboxFeature), provideEffects(InboxEffects)] }];
