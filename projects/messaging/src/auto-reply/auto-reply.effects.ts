import { Injectable, inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Action, Store } from '@ngrx/store';
import { toProblem } from '@wechat-mfe/ui';
import { concatMap, exhaustMap, filter, from, map, mergeMap, of, switchMap, take, withLatestFrom } from 'rxjs';
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

  /** Over the revision the section's values are based on; refused as stale, the section offers both versions. */
  readonly saveSetting$ = createEffect(() =>
    this.actions$.pipe(
      ofType(AutoReplyPageActions.settingSaved, AutoReplyPageActions.settingOverwritten),
      withLatestFrom(this.store.select(autoReplyFeature.selectSettings)),
      concatMap(([action, settings]) => {
        const { kind, setting } = action;
        const revision = 'revision' in action ? action.revision : (settings?.[kind].revision ?? '');
        return this.appid$.pipe(
          switchMap((appid) =>
            from(this.api.saveSetting(appid, kind, setting, revision)).pipe(
              map((saved): Action => AutoReplyApiActions.settingSaved({ appid, kind, setting: saved })),
              catchError((error: unknown) => {
                const failed = AutoReplyApiActions.settingFailed({ appid, kind, problem: toProblem(error) });
                if (failed.problem.code !== 'STALE') return of(failed);
                return from(this.api.settings(appid)).pipe(
                  map((now): Action => AutoReplyApiActions.settingStale({ appid, kind, latest: now[kind] })),
                  catchError(() => of(failed)),
                );
              }),
            ),
          ),
        );
      }),
    ),
  );

  /**
   * One save at a time: a double click must not create the rule twice. An edit applies only over the
   * revision the form opened with (or, after "keep mine", the latest one): when someone saved the rule
   * meanwhile the server refuses it (STALE) and the form offers both versions, keeping what was typed.
   */
  readonly saveRule$ = createEffect(() =>
    this.actions$.pipe(
      ofType(AutoReplyPageActions.ruleSaved, AutoReplyPageActions.ruleOverwritten),
      withLatestFrom(this.store.select(autoReplyFeature.selectEditingRevision)),
      exhaustMap(([{ ruleId, rule }, revision]) =>
        this.appid$.pipe(
          switchMap((appid) =>
            from(ruleId === null ? this.api.createRule(appid, rule) : this.api.updateRule(appid, ruleId, rule, revision)).pipe(
              map((saved): Action => AutoReplyApiActions.ruleSaved({ appid, rule: saved })),
              catchError((error: unknown) => {
                const problem = toProblem(error);
                if (problem.code !== 'STALE' || ruleId === null) return of(AutoReplyApiActions.ruleFailed({ appid, problem }));
                return from(this.api.rules(appid)).pipe(
                  map((rules): Action => {
                    const latest = rules.find((r) => r.id === ruleId);
                    return latest ? AutoReplyApiActions.ruleStale({ appid, latest }) : AutoReplyApiActions.ruleFailed({ appid, problem });
                  }),
                  catchError(() => of(AutoReplyApiActions.ruleFailed({ appid, problem }))),
                );
              }),
            ),
          ),
        ),
      ),
    ),
  );

  /** A toggle applies over the rule as the list shows it; refused (STALE), the list shows the server's rules and says why. */
  readonly toggleRule$ = createEffect(() =>
    this.actions$.pipe(
      ofType(AutoReplyPageActions.ruleToggled),
      mergeMap(({ rule, enabled }) =>
        this.appid$.pipe(
          switchMap((appid) =>
            from(this.api.updateRule(appid, rule.id, { name: rule.name, keywords: rule.keywords, replies: rule.replies, mode: rule.mode, enabled }, rule.revision)).pipe(
              map((saved): Action => AutoReplyApiActions.ruleSaved({ appid, rule: saved })),
              catchError((error: unknown) => {
                const failed = AutoReplyApiActions.ruleListFailed({ appid, problem: toProblem(error) });
                if (failed.problem.code !== 'STALE') return of(failed);
                return from(this.api.rules(appid)).pipe(
                  mergeMap((rules) => of<Action[]>(AutoReplyApiActions.rulesRefreshed({ appid, rules }), failed)),
                  catchError(() => of(failed)),
                );
              }),
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
