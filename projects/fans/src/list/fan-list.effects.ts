import { Injectable, inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { forSelectedAccount } from '@wechat-mfe/account-context';
import { ACCOUNT_CONTEXT, toProblem } from '@wechat-mfe/ui';
import { filter as keep, from, map, mergeMap, of, switchMap, take, timer } from 'rxjs';
import { catchError } from 'rxjs/operators';
import { FansApi, type FanFilter } from '../data/fans-api';
import { FanActionsApi } from '../data/fan-actions-api';
import { FanSyncApiActions } from '../sync/fan-sync.store';
import { FanListPageActions, FanPagesActions, FansApiActions, PAGE_SIZE, SELECT_ALL_CAP, fanListFeature } from './fan-list.store';

/** Openids per request of "select all matching" (the server's largest page). */
export const OPENID_PAGE = 5000;

/**
 * How long a page the viewport needs waits before it is fetched, and is dropped if the viewport
 * has moved on meanwhile (the same idea as AG Grid's block load debounce). Scrolling at reading
 * speed never sees it: pages are asked for 100 rows ahead.
 */
export const PAGE_SETTLE_MS = 100;

@Injectable()
export class FanListEffects {
  private readonly actions$ = inject(Actions);
  private readonly store = inject(Store);
  private readonly api = inject(FansApi);
  private readonly actionsApi = inject(FanActionsApi);
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
              mergeMap(({ filter, key, total }) => pages.map((index) => ({ filter, key, index, first: total === null }))),
            ),
          ),
          mergeMap(
            ({ filter, key, index, first }) =>
              // A page is fetched only if the viewport is still near it a moment later: a fling
              // through 100,000 fans passes hundreds of pages it would otherwise fetch and lay out,
              // costing frames of the scroll it serves. The list's first page does not wait.
              (first ? of(0) : timer(PAGE_SETTLE_MS)).pipe(
                switchMap(() => this.store.select(fanListFeature.selectFanListState)),
                take(1),
                mergeMap(({ key: now, near }) =>
                  now !== key || (near && (index < near.first || index > near.last))
                    ? of(FanPagesActions.pagePassed({ appid, key, index }))
                    : from(this.api.list(appid, filter, index * PAGE_SIZE, PAGE_SIZE, signal)).pipe(
                        map((page) => FansApiActions.pageLoaded({ appid, key, index, page })),
                        catchError((error: unknown) => of(FansApiActions.pageFailed({ appid, key, index, problem: toProblem(error) }))),
                      ),
                ),
              ),
            // A few at a time: the pages asked for last (where the viewport is now) come soon.
            4,
          ),
        ),
      ),
    ),
  );

  /** A sync that just finished changed the fans: the list reloads its pages, keeping the selection. */
  readonly afterSync$ = createEffect(() =>
    this.actions$.pipe(
      ofType(FanSyncApiActions.jobUpdated),
      keep(({ job }) => job.status === 'succeeded'),
      map(() => FanListPageActions.fansChanged()),
    ),
  );

  /**
   * "Select all matching": the filter's openids in pages, up to `SELECT_ALL_CAP`. A new request
   * (or account) cancels the one in flight; the answer carries its filter key like the pages.
   */
  readonly selectAll$ = createEffect(() =>
    this.context.selected$.pipe(
      forSelectedAccount((appid, signal) =>
        this.actions$.pipe(
          ofType(FanListPageActions.allMatchingRequested),
          switchMap(() => this.store.select(fanListFeature.selectFanListState).pipe(take(1))),
          switchMap(({ filter, key }) =>
            from(this.matching(appid, filter, signal)).pipe(
              map(({ openids, total }) => FansApiActions.matchingLoaded({ appid, key, openids, total })),
              catchError((error: unknown) => of(FansApiActions.matchingFailed({ appid, key, problem: toProblem(error) }))),
            ),
          ),
        ),
      ),
    ),
  );

  private async matching(appid: string, filter: FanFilter, signal: AbortSignal): Promise<{ openids: string[]; total: number }> {
    const openids: string[] = [];
    let total = Infinity;
    while (openids.length < Math.min(total, SELECT_ALL_CAP)) {
      const limit = Math.min(OPENID_PAGE, SELECT_ALL_CAP - openids.length);
      const page = await this.actionsApi.matchingOpenids(appid, filter, openids.length, limit, signal);
      total = page.total;
      openids.push(...page.items);
      if (page.items.length < limit) break;
    }
    return { openids, total: Number.isFinite(total) ? total : 0 };
  }
}
