import { createActionGroup, emptyProps, props } from '@ngrx/store';
import type { Problem } from '@wechat-mfe/ui';
import { EditorMenu, LiveMenus, MatchRule, MenuButton, ServerDraft } from '../menu/menu.model';
import { LocalDraft } from './local-drafts';

/** The bridge from the shell's account context (one action group for every module). */
export { AccountContextActions } from '@wechat-mfe/ui';

/** What the user does in the editor. */
export const MenuEditorPageActions = createActionGroup({
  source: 'Menu Editor Page',
  events: {
    'Retry Load': emptyProps(),
    'Menu Selected': props<{ menuId: string }>(),
    'Button Selected': props<{ buttonId: string | null }>(),
    'Button Added': props<{ parentId: string | null; id: string; name: string }>(),
    'Button Removed': props<{ id: string }>(),
    'Button Moved': props<{ parentId: string | null; from: number; to: number }>(),
    /** To the end of another level: `parentId` null is the top level. */
    'Button Moved To Level': props<{ id: string; parentId: string | null }>(),
    'Button Changed': props<{ id: string; patch: Partial<Pick<MenuButton, 'name' | 'type' | 'fields'>> }>(),
    'Conditional Menu Added': props<{ id: string }>(),
    'Match Rule Changed': props<{ menuId: string; matchrule: MatchRule }>(),
    /** `menuid`: the live conditional menu to delete from WeChat too. */
    'Conditional Menu Removed': props<{ menuId: string; menuid: string | null }>(),
    'Menu Imported': props<{ buttons: readonly MenuButton[] }>(),
    'Load Live Confirmed': emptyProps(),
    'Publish Confirmed': props<{ menuId: string }>(),
    'Delete Live Confirmed': emptyProps(),
    'Draft Save Retried': emptyProps(),
    /** Someone else saved the draft meanwhile: save this editor's version over theirs. */
    'Draft Conflict Kept Mine': emptyProps(),
    /** Someone else saved the draft meanwhile: replace this editor's version with theirs. */
    'Draft Conflict Took Theirs': emptyProps(),
  },
});

/** Answers of the suite API. */
export const MenusApiActions = createActionGroup({
  source: 'Menus API',
  events: {
    Loaded: props<{ appid: string; live: LiveMenus; draft: ServerDraft; local: LocalDraft | null }>(),
    'Load Failed': props<{ appid: string; problem: Problem }>(),
    'Live Loaded': props<{ appid: string; live: LiveMenus }>(),
    'Live Load Failed': props<{ appid: string; problem: Problem }>(),
    'Draft Saved': props<{ appid: string; revision: string | null }>(),
    /** The save named a revision that is no longer the server's (412 STALE): `current` is what it holds now. */
    'Draft Conflicted': props<{ appid: string; current: ServerDraft }>(),
    'Draft Save Failed': props<{ appid: string; problem: Problem }>(),
    Published: props<{ appid: string; menuId: string; menuid: string | null; live: LiveMenus }>(),
    'Publish Failed': props<{ appid: string; menuId: string; problem: Problem; buttons: readonly MenuButton[] }>(),
    /** `menuid` null: the default menu and every conditional one. */
    'Live Deleted': props<{ appid: string; menuid: string | null }>(),
    'Live Delete Failed': props<{ appid: string; problem: Problem }>(),
  },
});

/** Which actions change the draft (the save effect listens to these). */
export const DRAFT_EDITS = [
  MenuEditorPageActions.buttonAdded,
  MenuEditorPageActions.buttonRemoved,
  MenuEditorPageActions.buttonMoved,
  MenuEditorPageActions.buttonMovedToLevel,
  MenuEditorPageActions.buttonChanged,
  MenuEditorPageActions.conditionalMenuAdded,
  MenuEditorPageActions.matchRuleChanged,
  MenuEditorPageActions.conditionalMenuRemoved,
  MenuEditorPageActions.menuImported,
  MenusApiActions.liveLoaded,
  MenusApiActions.published,
  MenusApiActions.liveDeleted,
] as const;

export type { EditorMenu };
