import { inject, Injectable } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Action, Store } from '@ngrx/store';
import { forSelectedAccount } from '@wechat-mfe/account-context';
import { basedOn, SUITE_CLIENT, unwrap } from '@wechat-mfe/suite-api';
import { ACCOUNT_CONTEXT, toProblem } from '@wechat-mfe/ui';
import { concatMap, debounceTime, exhaustMap, filter, fromEvent, map, merge, of, startWith, switchMap, take, tap, withLatestFrom } from 'rxjs';
import { DraftDocument, toDraftMenu, toWechat } from '../menu/menu.model';
import { LOCAL_DRAFTS } from './local-drafts';
import { AccountContextActions, DRAFT_EDITS, MenuEditorPageActions, MenusApiActions } from './menus.actions';
import { menusAdapter, menusFeature } from './menus.feature';

/** Loads, saves and publishes the selected account's menus. */
@Injectable()
export class MenusEffects {
  private readonly actions$ = inject(Actions);
  private readonly store = inject(Store);
  private readonly context = inject(ACCOUNT_CONTEXT);
  private readonly client = inject(SUITE_CLIENT);
  private readonly localDrafts = inject(LOCAL_DRAFTS);
  private readonly state$ = this.store.select(menusFeature.selectMenusState);

  /** The bridge: the context's selection becomes an action of this module's store. */
  readonly selected$ = createEffect(() =>
    this.context.selected$.pipe(map((account) => AccountContextActions.selected({ appid: account?.appid ?? null }))),
  );

  /** Live menu and draft of the selected account; a retry re-subscribes, a switch drops stale answers. */
  readonly load$ = createEffect(() =>
    this.actions$.pipe(
      ofType(MenuEditorPageActions.retryLoad),
      startWith(null),
      switchMap(() =>
        this.context.selected$.pipe(
          forSelectedAccount((appid, signal) =>
            Promise.all([
              unwrap(this.client.GET('/api/wechat/accounts/{appid}/menu', { params: { path: { appid } }, signal })),
              unwrap(this.client.GET('/api/wechat/accounts/{appid}/menu/draft', { params: { path: { appid } }, signal })),
            ]).then(
              ([live, draft]) => MenusApiActions.loaded({ appid, live, draft, local: this.localDrafts.read(appid) }),
              (error: unknown) => MenusApiActions.loadFailed({ appid, problem: toProblem(error) }),
            ),
          ),
        ),
      ),
    ),
  );

  /**
   * Every edit is written to localStorage at once (nothing typed is lost by a reload, a failed
   * request or an account switch), then saved on the server once typing pauses, over the revision
   * the editor is based on: when someone else saved the draft meanwhile the server refuses (STALE)
   * and the user chooses between the two versions; until then edits stay in this browser.
   */
  readonly saveDraft$ = createEffect(() =>
    merge(
      this.actions$.pipe(ofType(...DRAFT_EDITS, MenuEditorPageActions.draftSaveRetried, MenuEditorPageActions.draftConflictKeptMine)),
      // A draft loaded from this browser's unsynced copy goes to the server right away.
      this.actions$.pipe(ofType(MenusApiActions.loaded), filter(({ local }) => !!local && !local.synced)),
      // Back online: send what was kept locally.
      typeof window === 'undefined' ? of() : fromEvent(window, 'online').pipe(map(() => MenuEditorPageActions.draftSaveRetried())),
    ).pipe(
      withLatestFrom(this.state$),
      map(([, state]) => ({ state, document: { menus: selectAll(state).map(toDraftMenu) } as DraftDocument })),
      filter(({ state }) => state.appid !== null),
      tap(({ state, document }) => this.localDrafts.write(state.appid!, { document, synced: false, base: state.draftRevision })),
      filter(({ state }) => state.draftConflict === null),
      map(({ state, document }) => ({ appid: state.appid!, document })),
      debounceTime(600),
      // The revision is read when the request starts: the save before it may have changed it.
      concatMap(({ appid, document }) => this.state$.pipe(take(1), concatMap((state) => (state.appid !== appid || state.draftConflict ? of() : this.save(appid, document, state.draftRevision))))),
    ),
  );

  private save(appid: string, document: DraftDocument, revision: string | null): Promise<Action> {
    return unwrap(this.client.PUT('/api/wechat/accounts/{appid}/menu/draft', { params: { path: { appid }, header: basedOn(revision) }, body: document })).then(
      (saved) => {
        // Only a copy identical to what the server now holds is marked synced; one edited further while
        // this save ran now builds on what it saved (or a reload would take our own save for someone else's).
        const local = this.localDrafts.read(appid);
        if (local && JSON.stringify(local.document) === JSON.stringify(document)) this.localDrafts.write(appid, { document, synced: true, base: saved.revision });
        else if (local && !local.synced && local.base === revision) this.localDrafts.write(appid, { ...local, base: saved.revision });
        return MenusApiActions.draftSaved({ appid, revision: saved.revision });
      },
      async (error: unknown) => {
        const problem = toProblem(error);
        if (problem.code !== 'STALE') return MenusApiActions.draftSaveFailed({ appid, problem });
        try {
          const current = await unwrap(this.client.GET('/api/wechat/accounts/{appid}/menu/draft', { params: { path: { appid } } }));
          return MenusApiActions.draftConflicted({ appid, current });
        } catch (reading: unknown) {
          return MenusApiActions.draftSaveFailed({ appid, problem: toProblem(reading) });
        }
      },
    );
  }

  /** Their version taken: this browser's copy is theirs now, in step with the server. */
  readonly tookTheirs$ = createEffect(
    () =>
      this.actions$.pipe(
        ofType(MenuEditorPageActions.draftConflictTookTheirs),
        withLatestFrom(this.state$),
        tap(([, state]) => {
          if (state.appid === null) return;
          this.localDrafts.write(state.appid, { document: { menus: selectAll(state).map(toDraftMenu) }, synced: true, base: state.draftRevision });
        }),
      ),
    { dispatch: false },
  );

  readonly loadLive$ = createEffect(() =>
    this.actions$.pipe(
      ofType(MenuEditorPageActions.loadLiveConfirmed),
      withLatestFrom(this.state$),
      exhaustMap(([, { appid }]) =>
        appid === null
          ? of()
          : unwrap(this.client.GET('/api/wechat/accounts/{appid}/menu', { params: { path: { appid } } })).then(
              (live) => MenusApiActions.liveLoaded({ appid, live }),
              (error: unknown) => MenusApiActions.liveLoadFailed({ appid, problem: toProblem(error) }),
            ),
      ),
    ),
  );

  /**
   * Publishes one menu. WeChat cannot edit a conditional menu in place: the old one is deleted
   * and the new one added, which gives it a new menuid.
   */
  readonly publish$ = createEffect(() =>
    this.actions$.pipe(
      ofType(MenuEditorPageActions.publishConfirmed),
      withLatestFrom(this.state$),
      exhaustMap(([{ menuId }, state]) => {
        const menu = state.entities[menuId];
        const appid = state.appid;
        if (!menu || appid === null) return of();
        const path = { params: { path: { appid } } };
        const button = toWechat(menu.buttons);
        const run = async () => {
          let menuid: string | null = null;
          if (!menu.matchrule) {
            await unwrap(this.client.PUT('/api/wechat/accounts/{appid}/menu', { ...path, body: { button } }));
          } else {
            if (menu.menuid && state.live?.conditional.some((c) => c.menuid === menu.menuid)) {
              await unwrap(this.client.DELETE('/api/wechat/accounts/{appid}/menu/conditional/{menuid}', { params: { path: { appid, menuid: menu.menuid } } }));
            }
            const created = await unwrap(this.client.POST('/api/wechat/accounts/{appid}/menu/conditional', { ...path, body: { button, matchrule: menu.matchrule } }));
            menuid = created.menuid;
          }
          const live = await unwrap(this.client.GET('/api/wechat/accounts/{appid}/menu', path));
          return MenusApiActions.published({ appid, menuId, menuid, live });
        };
        return run().catch((error: unknown) => MenusApiActions.publishFailed({ appid, menuId, problem: toProblem(error), buttons: menu.buttons }));
      }),
    ),
  );

  /** Deletes the live menu (WeChat removes the conditional ones with it). */
  readonly deleteLive$ = createEffect(() =>
    this.actions$.pipe(
      ofType(MenuEditorPageActions.deleteLiveConfirmed),
      withLatestFrom(this.state$),
      exhaustMap(([, { appid }]) =>
        appid === null
          ? of()
          : unwrap(this.client.DELETE('/api/wechat/accounts/{appid}/menu', { params: { path: { appid } } })).then(
              () => MenusApiActions.liveDeleted({ appid, menuid: null }),
              (error: unknown) => MenusApiActions.liveDeleteFailed({ appid, problem: toProblem(error) }),
            ),
      ),
    ),
  );

  /** Removing a published conditional menu from the draft also removes it from WeChat (the user confirmed). */
  readonly deleteConditional$ = createEffect(() =>
    this.actions$.pipe(
      ofType(MenuEditorPageActions.conditionalMenuRemoved),
      withLatestFrom(this.state$),
      concatMap(([{ menuid }, { appid }]) =>
        appid === null || menuid === null
          ? of()
          : unwrap(this.client.DELETE('/api/wechat/accounts/{appid}/menu/conditional/{menuid}', { params: { path: { appid, menuid } } })).then(
              () => MenusApiActions.liveDeleted({ appid, menuid }),
              (error: unknown) => MenusApiActions.liveDeleteFailed({ appid, problem: toProblem(error) }),
            ),
      ),
    ),
  );
}


const { selectAll } = menusAdapter.getSelectors();
