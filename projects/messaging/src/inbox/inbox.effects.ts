import { Injectable, inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { ACCOUNT_CONTEXT, toProblem } from '@wechat-mfe/ui';
import { EMPTY, concatMap, exhaustMap, filter, from, map, mergeMap, of, switchMap, take, withLatestFrom } from 'rxjs';
import { catchError } from 'rxjs/operators';
import { InboxApi, type InboxMessageEvent } from './data/inbox-api';
import { INBOX_PAGE_SIZE, InboxApiActions, InboxLiveActions, InboxPageActions, inboxFeature } from './inbox.store';

/** Refusals after which the window shown is stale: the conversation is read again. */
const WINDOW_CODES = ['WECHAT_45015', 'WECHAT_45047'];

/** Calls of the inbox page, and the event stream's `inbox.message` pushes. */
@Injectable()
export class InboxEffects {
  private readonly actions$ = inject(Actions);
  private readonly store = inject(Store);
  private readonly api = inject(InboxApi);
  private readonly context = inject(ACCOUNT_CONTEXT);
  private readonly state$ = this.store.select(inboxFeature.selectInboxState);

  /** The first page for the filters; `switchMap` drops an answer for older filters or another account. */
  readonly load$ = createEffect(() =>
    this.actions$.pipe(
      ofType(InboxPageActions.opened, InboxPageActions.filtersChanged, InboxPageActions.retried, InboxLiveActions.messageArrived),
      withLatestFrom(this.state$),
      filter(([, state]) => state.appid !== null),
      switchMap(([action, { appid, filters, messages }]) => {
        // A new message refreshes the pages already read, so "load more" keeps its place.
        const limit = action.type === InboxLiveActions.messageArrived.type ? Math.min(100, Math.max(INBOX_PAGE_SIZE, messages.length + 1)) : INBOX_PAGE_SIZE;
        return from(this.api.list(appid!, filters, { limit })).pipe(
          map((page) => InboxApiActions.pageLoaded({ appid: appid!, page, append: false })),
          catchError((error: unknown) => of(InboxApiActions.pageFailed({ appid: appid!, problem: toProblem(error), append: false }))),
        );
      }),
    ),
  );

  readonly loadMore$ = createEffect(() =>
    this.actions$.pipe(
      ofType(InboxPageActions.moreRequested),
      withLatestFrom(this.state$),
      exhaustMap(([, { appid, filters, nextCursor }]) =>
        appid === null || nextCursor === null
          ? EMPTY
          : from(this.api.list(appid, filters, { cursor: nextCursor, limit: INBOX_PAGE_SIZE })).pipe(
              map((page) => InboxApiActions.pageLoaded({ appid, page, append: true })),
              catchError((error: unknown) => of(InboxApiActions.pageFailed({ appid, problem: toProblem(error), append: true }))),
            ),
      ),
    ),
  );

  readonly conversation$ = createEffect(() =>
    this.actions$.pipe(
      ofType(
        InboxPageActions.opened,
        InboxPageActions.fanOpened,
        InboxPageActions.conversationRetried,
        InboxLiveActions.messageArrived,
        InboxApiActions.replyFailed,
      ),
      withLatestFrom(this.state$),
      filter(([action, state]) => {
        if (state.appid === null || state.openid === null) return false;
        if (action.type === InboxLiveActions.messageArrived.type) return action.openid === state.openid;
        if (action.type === InboxApiActions.replyFailed.type) return WINDOW_CODES.includes(action.problem.code ?? '');
        return true;
      }),
      switchMap(([, { appid, openid }]) =>
        from(this.api.conversation(appid!, openid!)).pipe(
          map((conversation) => InboxApiActions.conversationLoaded({ appid: appid!, openid: openid!, conversation, receivedAt: Date.now() })),
          catchError((error: unknown) => of(InboxApiActions.conversationFailed({ appid: appid!, openid: openid!, problem: toProblem(error) }))),
        ),
      ),
    ),
  );

  /** One reply at a time: a double click must not send twice. */
  readonly reply$ = createEffect(() =>
    this.actions$.pipe(
      ofType(InboxPageActions.replySent),
      withLatestFrom(this.state$),
      exhaustMap(([{ reply }, { appid, openid }]) =>
        appid === null || openid === null
          ? EMPTY
          : from(this.api.reply(appid, openid, reply)).pipe(
              map((sent) => InboxApiActions.replySent({ appid, openid, sent, receivedAt: Date.now() })),
              catchError((error: unknown) => of(InboxApiActions.replyFailed({ appid, openid, problem: toProblem(error) }))),
            ),
      ),
    ),
  );

  readonly star$ = createEffect(() =>
    this.actions$.pipe(
      ofType(InboxPageActions.starToggled),
      concatMap(({ message }) =>
        this.state$.pipe(
          take(1),
          filter((state) => state.appid !== null),
          mergeMap(({ appid }) =>
            from(this.api.setStarred(appid!, message.id, !message.starred)).pipe(
              map((saved) => InboxApiActions.starSaved({ appid: appid!, message: saved })),
              catchError((error: unknown) => of(InboxApiActions.starFailed({ appid: appid!, problem: toProblem(error) }))),
            ),
          ),
        ),
      ),
    ),
  );

  /** `inbox.message` on the page's one event stream: a fan wrote, or someone replied. */
  readonly live$ = createEffect(() =>
    this.context.events$.pipe(
      filter((event) => event.type === 'inbox.message'),
      map((event) => event.data as InboxMessageEvent),
      withLatestFrom(this.state$),
      filter(([data, state]) => state.active && data.appid === state.appid),
      map(([data]) => InboxLiveActions.messageArrived({ appid: data.appid, openid: data.openid, messageId: data.messageId })),
    ),
  );
}
