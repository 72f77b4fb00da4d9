import { Injectable, inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { AccountContextActions, toProblem } from '@wechat-mfe/ui';
import { Observable, catchError, map, of, switchMap, take } from 'rxjs';
import { ContactsApi, type ContactPage } from './contacts-api';
import { ContactsApiActions, ContactsPageActions, contactListFeature, queryKey, queryOf } from './contact-list.store';

@Injectable()
export class ContactListEffects {
  private readonly actions$ = inject(Actions);
  private readonly store = inject(Store);
  private readonly api = inject(ContactsApi);

  /**
   * Every change of the query loads its page while the page is open; a newer query cancels
   * (aborts) the request of an older one.
   */
  readonly load$ = createEffect(() =>
    this.actions$.pipe(
      ofType(
        ContactsPageActions.opened,
        ContactsPageActions.accountsPicked,
        ContactsPageActions.searchChanged,
        ContactsPageActions.searchSubmitted,
        ContactsPageActions.pageChanged,
        ContactsPageActions.retried,
        ContactsPageActions.fansSynced,
        AccountContextActions.selected,
      ),
      switchMap(() => this.store.select(contactListFeature.selectContactListState).pipe(take(1))),
      switchMap((state) => {
        const query = queryOf(state);
        const key = queryKey(query);
        if (!state.active || key !== state.key || !state.loading) return of();
        return new Observable<ContactPage>((subscriber) => {
          const abort = new AbortController();
          this.api.list(query, abort.signal).then(
            (page) => {
              subscriber.next(page);
              subscriber.complete();
            },
            (error: unknown) => subscriber.error(error),
          );
          return () => abort.abort();
        }).pipe(
          map((page) => ContactsApiActions.pageLoaded({ key, page })),
          catchError((error: unknown) => of(ContactsApiActions.pageFailed({ key, problem: toProblem(error) }))),
        );
      }),
    ),
  );
}
