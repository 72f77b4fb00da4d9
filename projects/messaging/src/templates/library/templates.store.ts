import { createActionGroup, createFeature, createReducer, createSelector, emptyProps, on, props } from '@ngrx/store';
import { AccountContextActions, type Problem } from '@wechat-mfe/ui';
import type { Template, TemplateSyncResult } from '../templates-api';

/** What the template list does. */
export const TemplateLibraryActions = createActionGroup({
  source: 'Template Library',
  events: {
    Opened: props<{ appid: string }>(),
    Retried: emptyProps(),
    'Sync Requested': emptyProps(),
    'Template Chosen': props<{ templateId: string | null }>(),
    'Template Added': props<{ template: Template }>(),
    'Template Deleted': props<{ templateId: string }>(),
  },
});

export const TemplatesApiActions = createActionGroup({
  source: 'Templates API',
  events: {
    'List Loaded': props<{ appid: string; items: Template[]; limit: number }>(),
    'List Failed': props<{ appid: string; problem: Problem }>(),
    'Sync Succeeded': props<{ appid: string; result: TemplateSyncResult }>(),
    'Sync Failed': props<{ appid: string; problem: Problem }>(),
  },
});

export interface TemplatesState {
  readonly appid: string | null;
  readonly items: readonly Template[];
  readonly limit: number;
  readonly status: 'idle' | 'loading' | 'loaded' | 'error';
  readonly problem: Problem | null;
  readonly sync: { readonly status: 'idle' | 'syncing' | 'done' | 'failed'; readonly counts?: { added: number; removed: number; unchanged: number }; readonly problem?: Problem };
  /** The template the send form uses. */
  readonly chosenId: string | null;
}

const initialState: TemplatesState = { appid: null, items: [], limit: 25, status: 'idle', problem: null, sync: { status: 'idle' }, chosenId: null };

/** Keeps the chosen template only while the list still has it. */
const keepChosen = (items: readonly Template[], chosenId: string | null) => (items.some((t) => t.templateId === chosenId) ? chosenId : null);

export const templatesFeature = createFeature({
  name: 'templates',
  reducer: createReducer(
    initialState,
    // Another account: nothing of the previous one stays on screen.
    on(AccountContextActions.selected, (state, { appid }) => (appid === state.appid ? state : { ...initialState, appid })),
    on(TemplateLibraryActions.opened, (state, { appid }) =>
      appid === state.appid && state.status === 'loaded' ? state : { ...initialState, appid, status: 'loading' as const },
    ),
    on(TemplateLibraryActions.retried, (state) => ({ ...state, status: 'loading' as const, problem: null })),
    on(TemplateLibraryActions.syncRequested, (state) => ({ ...state, sync: { status: 'syncing' as const } })),
    on(TemplateLibraryActions.templateChosen, (state, { templateId }) => ({ ...state, chosenId: templateId })),
    on(TemplateLibraryActions.templateAdded, (state, { template }) => ({ ...state, items: [...state.items, template] })),
    on(TemplateLibraryActions.templateDeleted, (state, { templateId }) => {
      const items = state.items.filter((t) => t.templateId !== templateId);
      return { ...state, items, chosenId: keepChosen(items, state.chosenId) };
    }),
    on(TemplatesApiActions.listLoaded, (state, { appid, items, limit }) =>
      appid !== state.appid ? state : { ...state, items, limit, status: 'loaded' as const, chosenId: keepChosen(items, state.chosenId) },
    ),
    on(TemplatesApiActions.listFailed, (state, { appid, problem }) => (appid !== state.appid ? state : { ...state, status: 'error' as const, problem })),
    on(TemplatesApiActions.syncSucceeded, (state, { appid, result }) =>
      appid !== state.appid
        ? state
        : {
            ...state,
            items: result.items,
            limit: result.limit,
            status: 'loaded' as const,
            problem: null,
            chosenId: keepChosen(result.items, state.chosenId),
            sync: { status: 'done' as const, counts: { added: result.added, removed: result.removed, unchanged: result.unchanged } },
          },
    ),
    on(TemplatesApiActions.syncFailed, (state, { appid, problem }) => (appid !== state.appid ? state : { ...state, sync: { status: 'failed' as const, problem } })),
  ),
  extraSelectors: ({ selectItems, selectChosenId, selectLimit }) => ({
    selectChosen: createSelector(selectItems, selectChosenId, (items, id) => items.find((t) => t.templateId === id) ?? null),
    selectIsFull: createSelector(selectItems, selectLimit, (items, limit) => items.length >= limit),
  }),
});
