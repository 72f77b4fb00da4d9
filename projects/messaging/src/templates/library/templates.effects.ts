import { Injectable, inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { toProblem } from '@wechat-mfe/ui';
import { exhaustMap, filter, from, map, of, switchMap, take } from 'rxjs';
import { catchError } from 'rxjs/operators';
import { TemplatesApi } from '../templates-api';
import { TemplateLibraryActions, TemplatesApiActions, templatesFeature } from './templates.store';

/**
 * Loads and syncs the list for the account the page shows. The page dispatches `Opened` from inside
 * the account gate, so an account without template messages is never asked (the mock would answer 403).
 */
@Injectable()
export class TemplatesEffects {
  private readonly actions$ = inject(Actions);
  private readonly store = inject(Store);
  private readonly api = inject(TemplatesApi);

  private readonly appid$ = this.store.select(templatesFeature.selectAppid).pipe(take(1), filter((appid): appid is string => appid !== null));

  /** `switchMap`: a newer request for the list (another account, a retry) replaces an older one. */
  readonly load$ = createEffect(() =>
    this.actions$.pipe(
      ofType(TemplateLibraryActions.opened, TemplateLibraryActions.retried),
      switchMap(() => this.store.select(templatesFeature.selectTemplatesState).pipe(take(1))),
      filter((state) => state.status === 'loading' && state.appid !== null),
      switchMap(({ appid }) =>
        from(this.api.list(appid!)).pipe(
          map((list) => TemplatesApiActions.listLoaded({ appid: appid!, items: list.items, limit: list.limit })),
          catchError((error: unknown) => of(TemplatesApiActions.listFailed({ appid: appid!, problem: toProblem(error) }))),
        ),
      ),
    ),
  );

  /** `exhaustMap`: a second click while syncing does not start another sync. */
  readonly sync$ = createEffect(() =>
    this.actions$.pipe(
      ofType(TemplateLibraryActions.syncRequested),
      exhaustMap(() =>
        this.appid$.pipe(
          switchMap((appid) =>
            from(this.api.sync(appid)).pipe(
              map((result) => TemplatesApiActions.syncSucceeded({ appid, result })),
              catchError((error: unknown) => of(TemplatesApiActions.syncFailed({ appid, problem: toProblem(error) }))),
            ),
          ),
        ),
      ),
    ),
  );
}
