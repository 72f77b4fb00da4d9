import { Injectable, inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { forSelectedAccount } from '@wechat-mfe/account-context';
import { ACCOUNT_CONTEXT, toProblem } from '@wechat-mfe/ui';
import { from, map, mergeMap, of, take } from 'rxjs';
import { catchError } from 'rxjs/operators';
import { FansApi } from '../data/fans-api';
import { FanListPageActions, FansApiActions, PAGE_SIZE, fanListFeature } from './fan-list.store';

@Injectable()
export class FanListEffects {
  private readonly actions$ = inject(Actions);
  private readonly store = inject(Store);
  private readonly api = inject(FansApi);
  private readonly context = inject(ACCOUNT_CONTEXT);

  /**
   * Fetches the pages the viewport needs, several at once. Each answer carries the filter key it
   * was asked for, so the reducer drops pages of a filter that changed meanwhile;
   * `forSelectedAccount` aborts the requests of an account that is no longer selected.
   */
  readonly load$ = createEffect(() =>
    this.context.selected$.pipe(
      forSelectedAccount((appid, signal) =>
        this.actions$.pipe(
          ofType(FanListPageActions.pagesNeeded),
          mergeMap(({ pages }) =>
            this.store.select(fanListFeature.selectFanListState).pipe(
              take(1),
              mergeMap(({ filter, key }) => pages.map((index) => ({ filter, key, index }))),
            ),
          ),
          mergeMap(
            ({ filter, key, index }) =>
              from(this.api.list(appid, filter, index * PAGE_SIZE, PAGE_SIZE, signal)).pipe(
                map((page) => FansApiActions.pageLoaded({ appid, key, index, page })),
                catchError((error: unknown) => of(FansApiActions.pageFailed({ appid, key, index, problem: toProblem(error) }))),
              ),
            // A fling to the end asks for many pages; a few at a time keeps the newest ones coming soon.
            4,
          ),
        ),
      ),
    ),
  );
}
