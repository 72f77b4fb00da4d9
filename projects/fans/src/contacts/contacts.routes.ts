import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { ContactListEffects } from './contact-list.effects';
import { contactListFeature } from './contact-list.store';
import { ContactsPage } from './contacts-page';

/**
 * /host/contacts, loaded on first visit: fans is the first module a cold start shows, so the
 * contacts page, its store and the account picker stay out of that first load.
 */
export const CONTACTS_ROUTES: Routes = [
  { path: '', component: ContactsPage, providers: [provideState(contactListFeature), provideEffects(ContactListEffects)] },
];
