import { Injectable, inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { forSelectedAccount } from '@wechat-mfe/account-context';
import type { Job } from '@wechat-mfe/suite-api';
import { ACCOUNT_CONTEXT, toProblem } from '@wechat-mfe/ui';
import { EMPTY, concat, defer, filter, from, interval, map, of, switchMap, take } from 'rxjs';
import { catchError } from 'rxjs/operators';
import { MassSendApi, type MassSendResultEvent } from '../mass-send-api';
import {
  MassSendApiActions, MassSendComposeActions, MassSendHistoryPageActions, MassSendLiveActions, massSendHistoryFeature,
} from './mass-send-history.store';

const RELOADING = [
  MassSendHistoryPageActions.opened,
  MassSendHistoryPageActions.pageChanged,
  MassSendHistoryPageActions.retried,
  MassSendComposeActions.sent,
  MassSendLiveActions.pollDue,
] as const;

/** While a send is scheduled or sending, the list is refreshed this often (a scheduled send starting, or a dropped stream). */
export const HISTORY_POLL_MS = 3_000;

@Injectable()
export class MassSendHistoryEffects {
  private readonly actions$ = inject(Actions);
  private readonly store = inject(Store);
  private readonly api = inject(MassSendApi);
  private readonly context = inject(ACCOUNT_CONTEXT);

  /** Loads the page for the selected account when opened, paged, retried or after a send; `switchMap` keeps only the latest. */
  readonly load$ = createEffect(() =>
    this.context.selected$.pipe(
      forSelectedAccount((appid, signal) =>
        concat(
          defer(() => this.store.select(massSendHistoryFeature.selectActive).pipe(take(1))).pipe(switchMap((active) => (active ? of(null) : EMPTY))),
          this.actions$.pipe(ofType(...RELOADING)),
        ).pipe(
          switchMap(() => this.store.select(massSendHistoryFeature.selectMassSendHistoryState).pipe(take(1))),
          switchMap(({ offset, limit }) =>
            from(this.api.list(appid, { offset, limit }, signal)).pipe(
              map((page) => MassSendApiActions.pageLoaded({ appid, page })),
              catchError((error: unknown) => of(MassSendApiActions.pageFailed({ appid, problem: toProblem(error) }))),
            ),
          ),
        ),
      ),
    ),
  );

  /** Results (`mass-send.result`) and job progress pushed on the page's one event stream. */
  readonly live$ = createEffect(() =>
    this.context.events$.pipe(
      map((event) => {
        if (event.type === 'mass-send.result') {
          const data = event.data as MassSendResultEvent;
          return MassSendLiveActions.resultArrived({ appid: data.appid, massSend: data.massSend });
        }
        const job = event.data as Job;
        if (event.type === 'job' && job.type === 'mass-send') {
          return MassSendLiveActions.jobProgressed({ jobId: job.id, done: job.progress.done, total: job.progress.total });
        }
        return null;
      }),
      filter((action) => action !== null),
    ),
  );

  /** Polls while the list shows a scheduled or sending send and the page is open. */
  readonly poll$ = createEffect(() =>
    this.store.select(massSendHistoryFeature.selectHasLive).pipe(
      switchMap((live) => (live ? interval(HISTORY_POLL_MS) : EMPTY)),
      switchMap(() => this.store.select(massSendHistoryFeature.selectActive).pipe(take(1))),
      filter((active) => active),
      map(() => MassSendLiveActions.pollDue()),
    ),
  );
}
