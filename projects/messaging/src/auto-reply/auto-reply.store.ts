import { createActionGroup, createFeature, createReducer, emptyProps, on, props } from '@ngrx/store';
import type { Problem } from '@wechat-mfe/ui';
import type {
  AutoReplyRule, AutoReplyRuleInput, AutoReplySetting, AutoReplySettings, AutoReplyTestResult, AutoReplyToggle, ReplySettingKind,
} from './data/auto-reply-api';

/** What the auto-reply page does. */
export const AutoReplyPageActions = createActionGroup({
  source: 'Auto Reply Page',
  events: {
    Opened: props<{ appid: string }>(),
    Retried: emptyProps(),
    'Setting Saved': props<{ kind: ReplySettingKind; setting: AutoReplyToggle }>(),
    /** A change was saved meanwhile (`settingLatest`): save these values over that revision. */
    'Setting Overwritten': props<{ kind: ReplySettingKind; setting: AutoReplyToggle; revision: string }>(),
    /** A change was saved meanwhile: show it instead of the user's values. */
    'Latest Setting Taken': props<{ kind: ReplySettingKind }>(),
    'Editor Opened': props<{ ruleId: number | null }>(),
    'Editor Closed': emptyProps(),
    'Rule Saved': props<{ ruleId: number | null; rule: AutoReplyRuleInput }>(),
    /** Someone saved the rule meanwhile (`ruleLatest`): save the form's values over that version. */
    'Rule Overwritten': props<{ ruleId: number; rule: AutoReplyRuleInput }>(),
    /** Someone saved the rule meanwhile: the form shows that version instead (and saves on from it). */
    'Latest Rule Taken': emptyProps(),
    'Rule Toggled': props<{ rule: AutoReplyRule; enabled: boolean }>(),
    'Rule Deleted': props<{ ruleId: number }>(),
    Tested: props<{ text: string }>(),
  },
});

/** Answers of the suite API. */
export const AutoReplyApiActions = createActionGroup({
  source: 'Auto Reply API',
  events: {
    Loaded: props<{ appid: string; settings: AutoReplySettings; rules: AutoReplyRule[] }>(),
    'Load Failed': props<{ appid: string; problem: Problem }>(),
    'Setting Saved': props<{ appid: string; kind: ReplySettingKind; setting: AutoReplySetting }>(),
    'Setting Failed': props<{ appid: string; kind: ReplySettingKind; problem: Problem }>(),
    /** The save was refused (412 STALE): `latest` is the setting as saved meanwhile. */
    'Setting Stale': props<{ appid: string; kind: ReplySettingKind; latest: AutoReplySetting }>(),
    'Rule Saved': props<{ appid: string; rule: AutoReplyRule }>(),
    'Rule Failed': props<{ appid: string; problem: Problem }>(),
    /** The save was refused (412 STALE): `latest` is the rule as someone else saved it meanwhile. */
    'Rule Stale': props<{ appid: string; latest: AutoReplyRule }>(),
    /** The rules as the server has them now (after a refused toggle). */
    'Rules Refreshed': props<{ appid: string; rules: AutoReplyRule[] }>(),
    'Rule Deleted': props<{ appid: string; ruleId: number }>(),
    'Rule List Failed': props<{ appid: string; problem: Problem }>(),
    Tested: props<{ appid: string; text: string; result: AutoReplyTestResult }>(),
    'Test Failed': props<{ appid: string; problem: Problem }>(),
  },
});

export interface AutoReplyState {
  readonly appid: string | null;
  readonly status: 'idle' | 'loading' | 'loaded' | 'error';
  readonly problem: Problem | null;
  readonly settings: AutoReplySettings | null;
  /** Newest first, as the server sends them. */
  readonly rules: readonly AutoReplyRule[];
  /** The replies being saved, and the last refusal of each. */
  readonly savingSetting: ReplySettingKind | null;
  readonly settingProblem: { readonly kind: ReplySettingKind; readonly problem: Problem } | null;
  /** A setting saved by someone else after the user's values were based on it (the save was refused). */
  readonly settingLatest: { readonly kind: ReplySettingKind; readonly latest: AutoReplySetting } | null;
  /** The rule form: closed (null), a new rule ('new') or a rule's id. */
  readonly editing: 'new' | number | null;
  readonly savingRule: boolean;
  readonly ruleProblem: Problem | null;
  /** The revision of the edited rule when the form opened: its save applies only over it. */
  readonly editingRevision: string | null;
  /** The edited rule as someone else saved it after the form opened (the save was refused): the user chooses. */
  readonly ruleLatest: AutoReplyRule | null;
  /** A toggle or delete in the list that failed. */
  readonly listProblem: Problem | null;
  readonly testing: boolean;
  readonly test: { readonly text: string; readonly result: AutoReplyTestResult } | null;
  readonly testProblem: Problem | null;
}

const initialState: AutoReplyState = {
  appid: null,
  status: 'idle',
  problem: null,
  settings: null,
  rules: [],
  savingSetting: null,
  settingProblem: null,
  settingLatest: null,
  editing: null,
  savingRule: false,
  ruleProblem: null,
  editingRevision: null,
  ruleLatest: null,
  listProblem: null,
  testing: false,
  test: null,
  testProblem: null,
};

// An answer for an account that is no longer shown must not land.
const forCurrent =
  <A extends { appid: string }>(reduce: (state: AutoReplyState, action: A) => AutoReplyState) =>
  (state: AutoReplyState, action: A): AutoReplyState =>
    action.appid === state.appid ? reduce(state, action) : state;

const withRule = (rules: readonly AutoReplyRule[], rule: AutoReplyRule): AutoReplyRule[] => {
  const rest = rules.filter((r) => r.id !== rule.id);
  return [rule, ...rest].sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));
};

const withCount = (settings: AutoReplySettings | null, ruleCount: number): AutoReplySettings | null =>
  settings ? { ...settings, ruleCount } : settings;

export const autoReplyFeature = createFeature({
  name: 'autoReply',
  reducer: createReducer(
    initialState,
    on(AutoReplyPageActions.opened, (state, { appid }) =>
      appid === state.appid ? { ...state, status: 'loading' as const, problem: null } : { ...initialState, appid, status: 'loading' as const },
    ),
    on(AutoReplyPageActions.retried, (state) => ({ ...state, status: 'loading' as const, problem: null })),
    on(AutoReplyApiActions.loaded, forCurrent((state, { settings, rules }) => ({ ...state, status: 'loaded', settings, rules }))),
    on(AutoReplyApiActions.loadFailed, forCurrent((state, { problem }) => ({ ...state, status: 'error', problem }))),

    on(AutoReplyPageActions.settingSaved, AutoReplyPageActions.settingOverwritten, (state, { kind }) => ({
      ...state,
      savingSetting: kind,
      settingProblem: null,
      settingLatest: state.settingLatest?.kind === kind ? null : state.settingLatest,
    })),
    // Showing the latest replaces the section's values (it follows `settings`).
    on(AutoReplyPageActions.latestSettingTaken, (state, { kind }) =>
      state.settingLatest?.kind === kind && state.settings
        ? { ...state, settings: { ...state.settings, [kind]: state.settingLatest.latest }, settingLatest: null }
        : state,
    ),
    on(AutoReplyApiActions.settingStale, forCurrent((state, { kind, latest }) => ({ ...state, savingSetting: null, settingLatest: { kind, latest } }))),
    on(
      AutoReplyApiActions.settingSaved,
      forCurrent((state, { kind, setting }) => ({
        ...state,
        savingSetting: null,
        settings: state.settings ? { ...state.settings, [kind]: setting } : state.settings,
      })),
    ),
    on(AutoReplyApiActions.settingFailed, forCurrent((state, { kind, problem }) => ({ ...state, savingSetting: null, settingProblem: { kind, problem } }))),

    on(AutoReplyPageActions.editorOpened, (state, { ruleId }) => ({
      ...state,
      editing: ruleId ?? ('new' as const),
      ruleProblem: null,
      editingRevision: state.rules.find((r) => r.id === ruleId)?.revision ?? null,
      ruleLatest: null,
    })),
    on(AutoReplyPageActions.editorClosed, (state) => ({ ...state, editing: null, ruleProblem: null, savingRule: false, editingRevision: null, ruleLatest: null })),
    on(AutoReplyPageActions.ruleSaved, (state) => ({ ...state, savingRule: true, ruleProblem: null, ruleLatest: null })),
    on(AutoReplyPageActions.ruleOverwritten, (state) => ({
      ...state,
      savingRule: true,
      ruleProblem: null,
      editingRevision: state.ruleLatest?.revision ?? state.editingRevision,
      ruleLatest: null,
    })),
    on(AutoReplyPageActions.latestRuleTaken, (state) =>
      state.ruleLatest ? { ...state, editingRevision: state.ruleLatest.revision, ruleLatest: null } : state,
    ),
    on(
      AutoReplyApiActions.ruleStale,
      forCurrent((state, { latest }) => ({ ...state, savingRule: false, ruleLatest: latest, rules: withRule(state.rules, latest) })),
    ),
    on(AutoReplyApiActions.rulesRefreshed, forCurrent((state, { rules }) => ({ ...state, rules, settings: withCount(state.settings, rules.length) }))),
    on(
      AutoReplyApiActions.ruleSaved,
      forCurrent((state, { rule }) => {
        const rules = withRule(state.rules, rule);
        // A toggle from the list saves too: the form closes only after its own save.
        const editing = state.savingRule ? null : state.editing;
        return { ...state, rules, editing, savingRule: false, settings: withCount(state.settings, rules.length), listProblem: null };
      }),
    ),
    on(AutoReplyApiActions.ruleFailed, forCurrent((state, { problem }) => ({ ...state, savingRule: false, ruleProblem: problem }))),
    on(AutoReplyPageActions.ruleToggled, AutoReplyPageActions.ruleDeleted, (state) => ({ ...state, listProblem: null })),
    on(
      AutoReplyApiActions.ruleDeleted,
      forCurrent((state, { ruleId }) => {
        const rules = state.rules.filter((r) => r.id !== ruleId);
        return { ...state, rules, settings: withCount(state.settings, rules.length), editing: state.editing === ruleId ? null : state.editing };
      }),
    ),
    on(AutoReplyApiActions.ruleListFailed, forCurrent((state, { problem }) => ({ ...state, listProblem: problem }))),

    on(AutoReplyPageActions.tested, (state) => ({ ...state, testing: true, testProblem: null })),
    on(AutoReplyApiActions.tested, forCurrent((state, { text, result }) => ({ ...state, testing: false, test: { text, result } }))),
    on(AutoReplyApiActions.testFailed, forCurrent((state, { problem }) => ({ ...state, testing: false, testProblem: problem }))),
  ),
});
