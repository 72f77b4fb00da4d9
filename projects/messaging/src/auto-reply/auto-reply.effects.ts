import { Injectable, inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { toProblem } from '@wechat-mfe/ui';
import { concatMap, exhaustMap, filter, from, map, mergeMap, of, switchMap, take } from 'rxjs';
import { catchError } from 'rxjs/operators';
import { AutoReplyApi } from './data/auto-reply-api';
import { AutoReplyApiActions, AutoReplyPageActions, autoReplyFeature } from './auto-reply.store';

/** Calls of the auto-reply page; each answer names its account so a stale one is dropped. */
@Injectable()
export class AutoReplyEffects {
  private readonly actions$ = inject(Actions);
  private readonly store = inject(Store);
  private readonly api = inject(AutoReplyApi);

  private readonly appid$ = this.store.select(autoReplyFeature.selectAppid).pipe(
    take(1),
    filter((appid): appid is string => appid !== null),
  );

  /** Settings and rules together; `switchMap` drops the previous account's answer. */
  readonly load$ = createEffect(() =>
    this.actions$.pipe(
      ofType(AutoReplyPageActions.opened, AutoReplyPageActions.retried),
      switchMap(() => this.appid$),
      switchMap((appid) =>
        from(Promise.all([this.api.settings(appid), this.api.rules(appid)])).pipe(
          map(([settings, rules]) => AutoReplyApiActions.loaded({ appid, settings, rules })),
          catchError((error: unknown) => of(AutoReplyApiActions.loadFailed({ appid, problem: toProblem(error) }))),
        ),
      ),
    ),
  );

  readonly saveSetting$ = createEffect(() =>
    this.actions$.pipe(
      ofType(AutoReplyPageActions.settingSaved),
      concatMap(({ kind, setting }) =>
        this.appid$.pipe(
          switchMap((appid) =>
            from(this.api.saveSetting(appid, kind, setting)).pipe(
              map((saved) => AutoReplyApiActions.settingSaved({ appid, kind, setting: saved })),
              catchError((error: unknown) => of(AutoReplyApiActions.settingFailed({ appid, kind, problem: toProblem(error) }))),
            ),
          ),
        ),
      ),
    ),
  );

  /** One save at a time: a double click must not create the rule twice. */
  readonly saveRule$ = createEffect(() =>
    this.actions$.pipe(
      ofType(AutoReplyPageActions.ruleSaved),
      exhaustMap(({ ruleId, rule }) =>
        this.appid$.pipe(
          switchMap((appid) =>
            from(ruleId === null ? this.api.createRule(appid, rule) : this.api.updateRule(appid, ruleId, rule)).pipe(
              map((saved) => AutoReplyApiActions.ruleSaved({ appid, rule: saved })),
              catchError((error: unknown) => of(AutoReplyApiActions.ruleFailed({ appid, problem: toProblem(error) }))),
            ),
          ),
        ),
      ),
    ),
  );

  readonly toggleRule$ = createEffect(() =>
    this.actions$.pipe(
      ofType(AutoReplyPageActions.ruleToggled),
      mergeMap(({ rule, enabled }) =>
        this.appid$.pipe(
          switchMap((appid) =>
            from(this.api.updateRule(appid, rule.id, { name: rule.name, keywords: rule.keywords, replies: rule.replies, mode: rule.mode, enabled })).pipe(
              map((saved) => AutoReplyApiActions.ruleSaved({ appid, rule: saved })),
              catchError((error: unknown) => of(AutoReplyApiActions.ruleListFailed({ appid, problem: toProblem(error) }))),
            ),
          ),
        ),
      ),
    ),
  );

  readonly deleteRule$ = createEffect(() =>
    this.actions$.pipe(
      ofType(AutoReplyPageActions.ruleDeleted),
      mergeMap(({ ruleId }) =>
        this.appid$.pipe(
          switchMap((appid) =>
            from(this.api.deleteRule(appid, ruleId)).pipe(
              map(() => AutoReplyApiActions.ruleDeleted({ appid, ruleId })),
              catchError((error: unknown) => of(AutoReplyApiActions.ruleListFailed({ appid, problem: toProblem(error) }))),
            ),
          ),
        ),
      ),
    ),
  );

  readonly test$ = createEffect(() =>
    this.actions$.pipe(
      ofType(AutoReplyPageActions.tested),
      switchMap(({ text }) =>
        this.appid$.pipe(
          switchMap((appid) =>
            from(this.api.test(appid, text)).pipe(
              map((result) => AutoReplyApiActions.tested({ appid, text, result })),
              catchError((error: unknown) => of(AutoReplyApiActions.testFailed({ appid, problem: toProblem(error) }))),
            ),
          ),
        ),
      ),
    ),
  );
}
