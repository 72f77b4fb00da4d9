import { createEntityAdapter, EntityState } from '@ngrx/entity';
import { createFeature, createReducer, createSelector, on } from '@ngrx/store';
import type { Problem } from '@wechat-mfe/ui';
import { DEFAULT_MENU_ID, EditorMenu, fromDraftMenu, hasMatchRule, liveButtonsOf, LiveMenus, menusFromLive, sameButtons, ServerDraft } from '../menu/menu.model';
import { MenuIssue, issuesFromProblem } from '../menu/menu-rules';
import { addButton, findButton, moveButton, moveButtonTo, removeButton, updateButton } from '../menu/menu-tree';
import { AccountContextActions, MenuEditorPageActions, MenusApiActions } from './menus.actions';

/** `saved`: the server holds the draft; `saving`; `local`: only this browser has it (offline or failing). */
export type DraftStatus = 'saved' | 'saving' | 'local';

export interface MenusState extends EntityState<EditorMenu> {
  readonly appid: string | null;
  readonly loading: boolean;
  readonly loadProblem: Problem | null;
  readonly live: LiveMenus | null;
  readonly activeMenuId: string;
  readonly selectedButtonId: string | null;
  readonly draftStatus: DraftStatus;
  /** The server draft's revision this editor's draft is based on (null: the server had none). */
  readonly draftRevision: string | null;
  /**
   * Someone else saved the account's draft after this editor's version was based on it: their draft,
   * until the user keeps theirs or this one. Meanwhile edits are kept in this browser only.
   */
  readonly draftConflict: ServerDraft | null;
  /** A request that changes WeChat's menu (publish, load, delete) is running. */
  readonly busy: boolean;
  /** The last failure of publish, load live or delete, with the buttons WeChat named. */
  readonly actionProblem: Problem | null;
  readonly serverIssues: readonly MenuIssue[];
  /** Set when the last publish succeeded, for the status message. */
  readonly publishedMenuId: string | null;
}

/** The draft's menus in order: the default menu first, then the conditional ones. */
export const menusAdapter = createEntityAdapter<EditorMenu>();

const initialState: MenusState = menusAdapter.getInitialState({
  appid: null,
  loading: false,
  loadProblem: null,
  live: null,
  activeMenuId: DEFAULT_MENU_ID,
  selectedButtonId: null,
  draftStatus: 'saved',
  draftRevision: null,
  draftConflict: null,
  busy: false,
  actionProblem: null,
  serverIssues: [],
  publishedMenuId: null,
});

/** Applies a tree operation to the menu being edited. */
function editActive(state: MenusState, change: (menu: EditorMenu) => Partial<EditorMenu>): MenusState {
  const menu = state.entities[state.activeMenuId];
  if (!menu) return state;
  return { ...menusAdapter.updateOne({ id: menu.id, changes: change(menu) }, state), draftStatus: 'saving', publishedMenuId: null };
}

/** Replaces the draft, keeping the selection when the menu still exists. */
function replaceDraft(state: MenusState, menus: readonly EditorMenu[]): MenusState {
  const next = menusAdapter.setAll([...menus], state);
  const activeMenuId = next.entities[state.activeMenuId] ? state.activeMenuId : DEFAULT_MENU_ID;
  return { ...next, activeMenuId, selectedButtonId: next.entities[activeMenuId]?.buttons[0]?.id ?? null };
}

const changedFields = (patch: { name?: string; type?: string; fields?: object }): Set<string> =>
  new Set([...Object.keys(patch.fields ?? {}), ...(patch.name !== undefined ? ['name'] : []), ...(patch.type !== undefined ? ['type'] : [])]);

const ignoreOtherAccount = (state: MenusState, appid: string) => state.appid !== appid;

const reducer = createReducer(
  initialState,
  on(AccountContextActions.selected, (_state, { appid }): MenusState => ({ ...initialState, appid, loading: appid !== null })),
  on(MenuEditorPageActions.retryLoad, (state): MenusState => ({ ...state, loading: true, loadProblem: null })),
  on(MenusApiActions.loaded, (state, { appid, live, draft, local }): MenusState => {
    if (ignoreOtherAccount(state, appid)) return state;
    // Unsynced work in this browser is kept. When someone saved the server's draft after that work
    // started (a copy without a base cannot tell: then any other server draft counts), the user chooses.
    const unsynced = local && !local.synced ? local : null;
    const conflict =
      unsynced && draft.revision !== null && unsynced.base !== draft.revision && JSON.stringify(unsynced.document) !== JSON.stringify(draft.document);
    const document = unsynced ? unsynced.document : draft.document;
    const menus = document ? document.menus.map(fromDraftMenu) : menusFromLive(live);
    return {
      ...replaceDraft({ ...state, live, loading: false, loadProblem: null }, menus),
      draftStatus: conflict ? 'local' : unsynced ? 'saving' : 'saved',
      // Without a conflict, unsynced work is saved over the server's current draft (the same one it started from).
      draftRevision: conflict ? (unsynced.base ?? null) : draft.revision,
      draftConflict: conflict ? draft : null,
    };
  }),
  on(MenusApiActions.loadFailed, (state, { appid, problem }): MenusState =>
    ignoreOtherAccount(state, appid) ? state : { ...state, loading: false, loadProblem: problem },
  ),
  on(MenuEditorPageActions.menuSelected, (state, { menuId }): MenusState => ({
    ...state,
    activeMenuId: menuId,
    selectedButtonId: state.entities[menuId]?.buttons[0]?.id ?? null,
    serverIssues: [],
    actionProblem: null,
  })),
  on(MenuEditorPageActions.buttonSelected, (state, { buttonId }): MenusState => ({ ...state, selectedButtonId: buttonId })),
  on(MenuEditorPageActions.buttonAdded, (state, { parentId, id, name }): MenusState => {
    const next = editActive(state, (menu) => ({ buttons: addButton(menu.buttons, parentId, id, name) }));
    return findButton(next.entities[state.activeMenuId]?.buttons ?? [], id) ? { ...next, selectedButtonId: id } : state;
  }),
  on(MenuEditorPageActions.buttonRemoved, (state, { id }): MenusState => {
    const place = findButton(state.entities[state.activeMenuId]?.buttons ?? [], id);
    const next = editActive(state, (menu) => ({ buttons: removeButton(menu.buttons, id) }));
    return { ...next, selectedButtonId: place?.parent?.id ?? next.entities[state.activeMenuId]?.buttons[0]?.id ?? null, serverIssues: state.serverIssues.filter((i) => i.buttonId !== id) };
  }),
  on(MenuEditorPageActions.buttonMoved, (state, { parentId, from, to }): MenusState =>
    editActive(state, (menu) => ({ buttons: moveButton(menu.buttons, parentId, from, to) })),
  ),
  on(MenuEditorPageActions.buttonMovedToLevel, (state, { id, parentId }): MenusState =>
    editActive(state, (menu) => ({ buttons: moveButtonTo(menu.buttons, id, parentId) })),
  ),
  on(MenuEditorPageActions.buttonChanged, (state, { id, patch }): MenusState => ({
    ...editActive(state, (menu) => ({ buttons: updateButton(menu.buttons, id, patch) })),
    // The user is fixing what WeChat refused: the old message no longer describes the field.
    serverIssues: state.serverIssues.filter((i) => i.buttonId !== id || !changedFields(patch).has(i.field)),
  })),
  on(MenuEditorPageActions.conditionalMenuAdded, (state, { id }): MenusState => ({
    ...menusAdapter.addOne({ id, menuid: null, matchrule: {}, buttons: [] }, state),
    activeMenuId: id,
    selectedButtonId: null,
    draftStatus: 'saving',
  })),
  on(MenuEditorPageActions.matchRuleChanged, (state, { menuId, matchrule }): MenusState => ({
    ...menusAdapter.updateOne({ id: menuId, changes: { matchrule } }, state),
    draftStatus: 'saving',
  })),
  on(MenuEditorPageActions.conditionalMenuRemoved, (state, { menuId }): MenusState =>
    menuId === DEFAULT_MENU_ID ? state : { ...replaceDraft({ ...state, activeMenuId: DEFAULT_MENU_ID }, selectAll(menusAdapter.removeOne(menuId, state))), draftStatus: 'saving' },
  ),
  on(MenuEditorPageActions.menuImported, (state, { buttons }): MenusState => ({
    ...editActive(state, () => ({ buttons })),
    selectedButtonId: buttons[0]?.id ?? null,
    serverIssues: [],
  })),
  on(MenuEditorPageActions.loadLiveConfirmed, MenuEditorPageActions.publishConfirmed, MenuEditorPageActions.deleteLiveConfirmed, (state): MenusState => ({
    ...state,
    busy: true,
    actionProblem: null,
    publishedMenuId: null,
  })),
  on(MenusApiActions.liveLoaded, (state, { appid, live }): MenusState =>
    ignoreOtherAccount(state, appid) ? state : { ...replaceDraft({ ...state, live, busy: false, serverIssues: [] }, menusFromLive(live)), draftStatus: 'saving' },
  ),
  on(MenusApiActions.published, (state, { appid, menuId, menuid, live }): MenusState => {
    if (ignoreOtherAccount(state, appid)) return state;
    const next = menusAdapter.updateOne({ id: menuId, changes: { menuid } }, state);
    return { ...next, live, busy: false, serverIssues: [], actionProblem: null, publishedMenuId: menuId, draftStatus: 'saving' };
  }),
  on(MenusApiActions.publishFailed, (state, { appid, problem, buttons }): MenusState =>
    ignoreOtherAccount(state, appid) ? state : { ...state, busy: false, actionProblem: problem, serverIssues: issuesFromProblem(problem.errors, buttons) },
  ),
  on(MenusApiActions.liveDeleted, (state, { appid, menuid }): MenusState => {
    if (ignoreOtherAccount(state, appid) || !state.live) return state;
    // menuid null: WeChat's menu/delete removed the default menu and every conditional one.
    const live: LiveMenus =
      menuid === null ? { menu: null, publishedAt: null, conditional: [] } : { ...state.live, conditional: state.live.conditional.filter((c) => c.menuid !== menuid) };
    const cleared = selectAll(state).map((m) => (menuid === null || m.menuid === menuid ? { ...m, menuid: null } : m));
    return { ...menusAdapter.setAll(cleared, state), live, busy: false, draftStatus: 'saving' };
  }),
  on(MenusApiActions.liveLoadFailed, MenusApiActions.liveDeleteFailed, (state, { appid, problem }): MenusState =>
    ignoreOtherAccount(state, appid) ? state : { ...state, busy: false, actionProblem: problem },
  ),
  on(MenusApiActions.draftSaved, (state, { appid, revision }): MenusState =>
    ignoreOtherAccount(state, appid) ? state : { ...state, draftStatus: 'saved', draftRevision: revision },
  ),
  on(MenusApiActions.draftConflicted, (state, { appid, current }): MenusState =>
    ignoreOtherAccount(state, appid) ? state : { ...state, draftStatus: 'local', draftConflict: current },
  ),
  on(MenuEditorPageActions.draftConflictKeptMine, (state): MenusState =>
    state.draftConflict ? { ...state, draftRevision: state.draftConflict.revision, draftConflict: null, draftStatus: 'saving' } : state,
  ),
  on(MenuEditorPageActions.draftConflictTookTheirs, (state): MenusState => {
    const theirs = state.draftConflict;
    if (!theirs) return state;
    // Their draft, or WeChat's live menus when they discarded it.
    const menus = theirs.document ? theirs.document.menus.map(fromDraftMenu) : menusFromLive(state.live);
    return { ...replaceDraft(state, menus), draftRevision: theirs.revision, draftConflict: null, draftStatus: 'saved', serverIssues: [], publishedMenuId: null };
  }),
  on(MenusApiActions.draftSaveFailed, (state, { appid }): MenusState => (ignoreOtherAccount(state, appid) ? state : { ...state, draftStatus: 'local' })),
);

const { selectAll } = menusAdapter.getSelectors();

export const menusFeature = createFeature({
  name: 'menus',
  reducer,
  extraSelectors: ({ selectMenusState, selectActiveMenuId, selectSelectedButtonId, selectLive }) => {
    const selectMenus = createSelector(selectMenusState, selectAll);
    const selectActiveMenu = createSelector(selectMenusState, selectActiveMenuId, (s, id) => s.entities[id] ?? null);
    /** Whether a menu of the draft differs from what WeChat shows (buttons or, for conditional menus, who sees it). */
    const selectDiffering = createSelector(selectMenus, selectLive, (menus, live) => {
      const differs = new Set<string>();
      for (const menu of menus) {
        const liveButtons = liveButtonsOf(menu, live);
        const liveRule = live?.conditional.find((c) => c.menuid === menu.menuid)?.matchrule;
        if (liveButtons === null) {
          if (menu.buttons.length || (menu.matchrule && hasMatchRule(menu.matchrule))) differs.add(menu.id);
        } else if (!sameButtons(menu.buttons, liveButtons) || (menu.matchrule && JSON.stringify(menu.matchrule) !== JSON.stringify(liveRule))) {
          differs.add(menu.id);
        }
      }
      return differs;
    });
    return {
      selectMenus,
      selectActiveMenu,
      selectDiffering,
      selectSelectedPlace: createSelector(selectActiveMenu, selectSelectedButtonId, (menu, id) => findButton(menu?.buttons ?? [], id)),
    };
  },
});
