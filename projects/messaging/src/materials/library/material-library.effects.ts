import { Injectable, inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { forSelectedAccount } from '@wechat-mfe/account-context';
import { ACCOUNT_CONTEXT, toProblem } from '@wechat-mfe/ui';
import { EMPTY, concat, defer, from, map, of, switchMap, take } from 'rxjs';
import { catchError } from 'rxjs/operators';
import { MaterialsApi } from '../data/materials-api';
import { MaterialLibraryPageActions, MaterialsApiActions, materialLibraryFeature } from './material-library.store';

const RELOADING = [
  MaterialLibraryPageActions.opened,
  MaterialLibraryPageActions.tabChanged,
  MaterialLibraryPageActions.searchChanged,
  MaterialLibraryPageActions.permanenceChanged,
  MaterialLibraryPageActions.pageChanged,
  MaterialLibraryPageActions.retried,
  MaterialLibraryPageActions.materialUploaded,
  MaterialLibraryPageActions.materialDeleted,
] as const;

@Injectable()
export class MaterialLibraryEffects {
  private readonly actions$ = inject(Actions);
  private readonly store = inject(Store);
  private readonly api = inject(MaterialsApi);
  private readonly context = inject(ACCOUNT_CONTEXT);

  /**
   * Loads a page whenever the query changes while the page is shown, and at once for a newly
   * selected account. `forSelectedAccount` cancels the previous account's request so its answer
   * never lands; `switchMap` keeps only the latest query.
   */
  readonly load$ = createEffect(() =>
    this.context.selected$.pipe(
      forSelectedAccount((appid, signal) =>
        concat(
          defer(() => this.store.select(materialLibraryFeature.selectActive).pipe(take(1))).pipe(switchMap((active) => (active ? of(null) : EMPTY))),
          this.actions$.pipe(ofType(...RELOADING)),
        ).pipe(
          switchMap(() => this.store.select(materialLibraryFeature.selectQuery).pipe(take(1))),
          switchMap((query) =>
            from(this.api.list(appid, query, signal)).pipe(
              map((page) => MaterialsApiActions.pageLoaded({ appid, page })),
              catchError((error: unknown) => of(MaterialsApiActions.pageFailed({ appid, problem: toProblem(error) }))),
            ),
          ),
        ),
      ),
    ),
  );
}
