import { Injectable, inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { forSelectedAccount } from '@wechat-mfe/account-context';
import { ACCOUNT_CONTEXT, WECHAT_FEATURES, meetsRequirement, toProblem } from '@wechat-mfe/ui';
import { EMPTY, concat, defer, from, map, of, switchMap, take } from 'rxjs';
import { catchError } from 'rxjs/operators';
import { QrCodesApi } from '../data/qr-codes-api';
import { QrCodeListPageActions, QrCodesApiActions, qrCodeListFeature } from './qr-code-list.store';

const RELOADING = [
  QrCodeListPageActions.opened,
  QrCodeListPageActions.searchChanged,
  QrCodeListPageActions.kindChanged,
  QrCodeListPageActions.sortChanged,
  QrCodeListPageActions.pageChanged,
  QrCodeListPageActions.retried,
  QrCodeListPageActions.codeSaved,
  QrCodeListPageActions.codeDeleted,
] as const;

@Injectable()
export class QrCodeListEffects {
  private readonly actions$ = inject(Actions);
  private readonly store = inject(Store);
  private readonly api = inject(QrCodesApi);
  private readonly context = inject(ACCOUNT_CONTEXT);

  /**
   * Loads a page whenever the query changes while the page is shown, and at once for a newly
   * selected account if the page is open. `forSelectedAccount` cancels the request of an account
   * that is no longer selected, so its answer can never land; `switchMap` keeps only the latest query.
   * An account that cannot use QR codes (a subscription account) counts as no selection: the gate shows
   * its notice, and a request would only earn a 403 (switching to it happens while the page is open).
   */
  readonly load$ = createEffect(() =>
    this.context.selected$.pipe(
      map((account) => (account && meetsRequirement(account, WECHAT_FEATURES.qrCodes) ? account : null)),
      forSelectedAccount((appid, signal) =>
        concat(
          defer(() => this.store.select(qrCodeListFeature.selectActive).pipe(take(1))).pipe(
            switchMap((active) => (active ? of(null) : EMPTY)),
          ),
          this.actions$.pipe(ofType(...RELOADING)),
        ).pipe(
          switchMap(() => this.store.select(qrCodeListFeature.selectQuery).pipe(take(1))),
          switchMap((query) =>
            from(this.api.list(appid, query, signal)).pipe(
              map((page) => QrCodesApiActions.pageLoaded({ appid, page })),
              catchError((error: unknown) => of(QrCodesApiActions.pageFailed({ appid, problem: toProblem(error) }))),
            ),
          ),
        ),
      ),
    ),
  );
}
