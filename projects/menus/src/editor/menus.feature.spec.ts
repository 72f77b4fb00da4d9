import { Action } from '@ngrx/store';
import { DraftDocument, LiveMenus, ServerDraft } from '../menu/menu.model';
import { AccountContextActions, MenuEditorPageActions as Page, MenusApiActions as Api } from './menus.actions';
import { menusFeature, MenusState } from './menus.feature';

const APPID = 'wx5f3a9c1e7b2d4068';
const live: LiveMenus = {
  menu: { button: [{ type: 'click', name: '今日推荐', key: 'TODAY' }, { name: '会员', sub_button: [{ type: 'view', name: '中心', url: 'https://e.com' }] }] },
  publishedAt: '2025-01-01T00:00:00.000Z',
  conditional: [],
};
const NO_DRAFT: ServerDraft = { document: null, updatedAt: null, updatedBy: null, updatedByName: null, revision: null };
const onServer = (document: DraftDocument, revision: string, updatedByName = '李四'): ServerDraft => ({
  document,
  revision,
  updatedAt: '2026-11-26T06:02:00.000Z',
  updatedBy: 'usr_other',
  updatedByName,
});
const draftOf = (name: string): DraftDocument => ({ menus: [{ id: 'default', menuid: null, matchrule: null, button: [{ type: 'click', name, key: 'K' }] }] });
const reduce = (actions: Action[], state?: MenusState) => actions.reduce((s, a) => menusFeature.reducer(s, a), state as MenusState);
const loaded = (patch: Partial<Parameters<typeof Api.loaded>[0]> = {}) =>
  reduce([AccountContextActions.selected({ appid: APPID }), Api.loaded({ appid: APPID, live, draft: NO_DRAFT, local: null, ...patch })]);
const buttonsOf = (state: MenusState) => menusFeature.selectActiveMenu.projector(state, state.activeMenuId)!.buttons;
const differing = (state: MenusState) => menusFeature.selectDiffering.projector(menusFeature.selectMenus.projector(state), state.live);

describe('menus store', () => {
  it('starts from the live menu when there is no draft, and says the draft matches it', () => {
    const state = loaded();
    expect(buttonsOf(state).map((b) => b.name)).toEqual(['今日推荐', '会员']);
    expect(state.selectedButtonId).toBe(buttonsOf(state)[0].id);
    expect(differing(state).size).toBe(0);
  });

  it("prefers the server draft, but this browser's unsynced copy over both", () => {
    const draft = onServer(draftOf('服务器'), 'r1');
    const local = { document: draftOf('本机'), synced: false, base: 'r1' };
    expect(buttonsOf(loaded({ draft }))[0].name).toBe('服务器');
    const fromLocal = loaded({ draft, local });
    expect(buttonsOf(fromLocal)[0].name).toBe('本机');
    expect(fromLocal.draftStatus).toBe('saving');
    expect(differing(fromLocal).has('default')).toBeTrue();
    expect(fromLocal.draftRevision).toBe('r1');
    expect(fromLocal.draftConflict).toBeNull();
    expect(buttonsOf(loaded({ draft, local: { ...local, synced: true } }))[0].name).toBe('服务器');
  });

  it('shows a conflict when someone saved the server draft after this browser\'s unsynced copy started from it', () => {
    const theirs = onServer(draftOf('他的'), 'r2');
    const state = loaded({ draft: theirs, local: { document: draftOf('我的'), synced: false, base: 'r1' } });
    expect(buttonsOf(state)[0].name).toBe('我的');
    expect(state.draftConflict).toEqual(theirs);
    expect(state.draftRevision).toBe('r1');
    expect(state.draftStatus).toBe('local');
    // A copy from before revisions existed cannot tell: another server draft counts as a conflict, the same one does not.
    expect(loaded({ draft: theirs, local: { document: draftOf('我的'), synced: false } }).draftConflict).toEqual(theirs);
    expect(loaded({ draft: theirs, local: { document: draftOf('他的'), synced: false } }).draftConflict).toBeNull();
    // There was no draft when the copy started (base null) and there still is none: no conflict.
    expect(loaded({ local: { document: draftOf('我的'), synced: false, base: null } }).draftConflict).toBeNull();
  });

  it('a refused save keeps the edits and offers both versions: keep mine saves over theirs, take theirs replaces mine', () => {
    const theirs = onServer(draftOf('他的'), 'r2');
    let state = reduce([Page.buttonAdded({ parentId: null, id: 'n1', name: '我的' }), Api.draftConflicted({ appid: APPID, current: theirs })], loaded());
    expect(state.draftConflict).toEqual(theirs);
    expect(state.draftStatus).toBe('local');
    expect(buttonsOf(state).map((b) => b.name)).toEqual(['今日推荐', '会员', '我的']);
    // Edits go on meanwhile; the conflict stays until the user chooses.
    state = reduce([Page.buttonChanged({ id: 'n1', patch: { name: '我的2' } })], state);
    expect(state.draftConflict).toEqual(theirs);

    const kept = reduce([Page.draftConflictKeptMine()], state);
    expect(kept.draftConflict).toBeNull();
    expect(kept.draftRevision).toBe('r2');
    expect(kept.draftStatus).toBe('saving');
    expect(buttonsOf(kept).map((b) => b.name)).toEqual(['今日推荐', '会员', '我的2']);

    const took = reduce([Page.draftConflictTookTheirs()], state);
    expect(took.draftConflict).toBeNull();
    expect(took.draftRevision).toBe('r2');
    expect(took.draftStatus).toBe('saved');
    expect(buttonsOf(took).map((b) => b.name)).toEqual(['他的']);
    // They discarded the draft: taking theirs is the live menu.
    const discarded = reduce([Api.draftConflicted({ appid: APPID, current: NO_DRAFT }), Page.draftConflictTookTheirs()], state);
    expect(buttonsOf(discarded).map((b) => b.name)).toEqual(['今日推荐', '会员']);
    expect(discarded.draftRevision).toBeNull();
  });

  it('takes the revision of each save', () => {
    const state = reduce([Page.buttonAdded({ parentId: null, id: 'n1', name: 'x' }), Api.draftSaved({ appid: APPID, revision: 'r9' })], loaded());
    expect(state.draftRevision).toBe('r9');
    expect(state.draftStatus).toBe('saved');
  });

  it('edits the active menu: add, rename, move and remove, marking the draft as saving', () => {
    let state = reduce([Page.buttonAdded({ parentId: null, id: 'n1', name: '新菜单' })], loaded());
    expect(buttonsOf(state).map((b) => b.name)).toEqual(['今日推荐', '会员', '新菜单']);
    expect(state.selectedButtonId).toBe('n1');
    expect(state.draftStatus).toBe('saving');
    state = reduce([Page.buttonChanged({ id: 'n1', patch: { name: '🎉活动' } }), Page.buttonMoved({ parentId: null, from: 2, to: 0 })], state);
    expect(buttonsOf(state).map((b) => b.name)).toEqual(['🎉活动', '今日推荐', '会员']);
    // A fourth top-level button is refused: the selection stays where it was.
    const full = reduce([Page.buttonAdded({ parentId: null, id: 'n2', name: 'x' })], state);
    expect(buttonsOf(full).length).toBe(3);
    expect(full.selectedButtonId).toBe('n1');
    state = reduce([Page.buttonRemoved({ id: 'n1' })], state);
    expect(buttonsOf(state).map((b) => b.name)).toEqual(['今日推荐', '会员']);
    expect(differing(reduce([Page.buttonMoved({ parentId: null, from: 0, to: 1 })], state)).has('default')).toBeTrue();
  });

  it('marks the buttons WeChat refused and forgets a mark once its field is edited', () => {
    let state = loaded();
    const buttons = buttonsOf(state);
    const problem = { code: 'WECHAT_40025', status: 422, errors: [{ field: 'button[1].sub_button[0].name', message: '40025 invalid sub button name size' }] };
    state = reduce([Page.publishConfirmed({ menuId: 'default' }), Api.publishFailed({ appid: APPID, menuId: 'default', problem, buttons })], state);
    expect(state.busy).toBeFalse();
    expect(state.actionProblem?.code).toBe('WECHAT_40025');
    expect(state.serverIssues.map((i) => [i.buttonId, i.field])).toEqual([[buttons[1].sub[0].id, 'name']]);
    state = reduce([Page.buttonChanged({ id: buttons[1].sub[0].id, patch: { name: '短' } })], state);
    expect(state.serverIssues).toEqual([]);
  });

  it('after publishing, the draft matches the new live menu', () => {
    let state = reduce([Page.buttonChanged({ id: buttonsOf(loaded())[0].id, patch: { name: '改名' } })], loaded());
    const id = buttonsOf(state)[0].id;
    state = reduce([Page.buttonChanged({ id, patch: { name: '改名' } })], state);
    expect(differing(state).size).toBe(1);
    const published: LiveMenus = { ...live, menu: { button: [{ type: 'click', name: '改名', key: 'TODAY' }, live.menu!.button[1]] } };
    state = reduce([Api.published({ appid: APPID, menuId: 'default', menuid: null, live: published })], state);
    expect(differing(state).size).toBe(0);
    expect(state.publishedMenuId).toBe('default');
  });

  it('adds conditional menus with their match rule and clears menuids when the live menu is deleted', () => {
    let state = reduce([Page.conditionalMenuAdded({ id: 'm1' }), Page.matchRuleChanged({ menuId: 'm1', matchrule: { sex: '2' } })], loaded());
    expect(state.activeMenuId).toBe('m1');
    expect(menusFeature.selectMenus.projector(state).map((m) => m.matchrule)).toEqual([null, { sex: '2' }]);
    state = reduce([Api.published({ appid: APPID, menuId: 'm1', menuid: '208396938', live: { ...live, conditional: [{ menuid: '208396938', button: [], matchrule: { sex: '2' }, publishedAt: '2025-01-02T00:00:00.000Z' }] } })], state);
    expect(state.entities['m1']?.menuid).toBe('208396938');
    state = reduce([Api.liveDeleted({ appid: APPID, menuid: null })], state);
    expect(state.live).toEqual({ menu: null, publishedAt: null, conditional: [] });
    expect(state.entities['m1']?.menuid).toBeNull();
  });

  it("ignores a late answer for the previous account after a switch", () => {
    let state = reduce([AccountContextActions.selected({ appid: 'wx9b2d6f0a4c8e1357' })], loaded());
    expect(state.loading).toBeTrue();
    state = reduce([Api.loaded({ appid: APPID, live, draft: NO_DRAFT, local: null }), Api.draftSaveFailed({ appid: APPID, problem: { code: 'NETWORK', status: 0 } })], state);
    expect(state.loading).toBeTrue();
    expect(state.ids).toEqual([]);
    expect(state.draftStatus).toBe('saved');
  });

  it('keeps the draft locally when the server save fails', () => {
    const state = reduce([Page.buttonAdded({ parentId: null, id: 'n1', name: 'x' }), Api.draftSaveFailed({ appid: APPID, problem: { code: 'NETWORK', status: 0 } })], loaded());
    expect(state.draftStatus).toBe('local');
    expect(buttonsOf(state).length).toBe(3);
  });
});
