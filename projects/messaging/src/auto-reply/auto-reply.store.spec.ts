import type { AutoReplyRule, AutoReplySettings } from './data/auto-reply-api';
import { AutoReplyApiActions, AutoReplyPageActions, type AutoReplyState, autoReplyFeature } from './auto-reply.store';

const reduce = (actions: Parameters<typeof autoReplyFeature.reducer>[1][], state?: AutoReplyState) =>
  actions.reduce((s, a) => autoReplyFeature.reducer(s, a), state ?? autoReplyFeature.reducer(undefined, { type: '@init' }));

const settings: AutoReplySettings = {
  onFollow: { enabled: false, replies: [], revision: 'f1' },
  defaultReply: { enabled: false, replies: [], revision: 'd1' },
  ruleCount: 1,
  ruleLimit: 200,
};
const rule = (id: number, createdAt: string, patch: Partial<AutoReplyRule> = {}): AutoReplyRule => ({
  id,
  name: `r${id}`,
  keywords: [{ text: `k${id}`, match: 'full' }],
  replies: [{ type: 'text', text: 'x' }],
  mode: 'all',
  enabled: true,
  createdAt,
  updatedAt: createdAt,
  revision: `rev-${id}`,
  ...patch,
});
const problem = { code: 'VALIDATION', status: 400, errors: [{ field: 'name', message: 'must not be empty' }] };

describe('auto-reply store', () => {
  const loaded = () =>
    reduce([
      AutoReplyPageActions.opened({ appid: 'wx-a' }),
      AutoReplyApiActions.loaded({ appid: 'wx-a', settings, rules: [rule(1, '2026-01-01T00:00:00.000Z')] }),
    ]);

  it('an edit refused as stale keeps the form open with the latest version; keep mine saves over it, take it saves on from it', () => {
    let state = reduce([AutoReplyPageActions.editorOpened({ ruleId: 1 })], loaded());
    expect(state.editingRevision).toBe('rev-1');
    const latest = rule(1, '2026-01-01T00:00:00.000Z', { name: '同事改的', updatedAt: '2026-11-26T06:02:00.000Z', revision: 'rev-1b' });
    state = reduce([AutoReplyPageActions.ruleSaved({ ruleId: 1, rule: rule(0, '') }), AutoReplyApiActions.ruleStale({ appid: 'wx-a', latest })], state);
    expect(state.editing).toBe(1);
    expect(state.savingRule).toBeFalse();
    expect(state.ruleLatest).toEqual(latest);
    expect(state.rules[0].name).toBe('同事改的');
    expect(state.editingRevision).toBe('rev-1');

    const kept = reduce([AutoReplyPageActions.ruleOverwritten({ ruleId: 1, rule: rule(0, '') })], state);
    expect(kept.editingRevision).toBe('rev-1b');
    expect(kept.ruleLatest).toBeNull();
    expect(kept.savingRule).toBeTrue();

    const taken = reduce([AutoReplyPageActions.latestRuleTaken()], state);
    expect(taken.editingRevision).toBe('rev-1b');
    expect(taken.ruleLatest).toBeNull();
    expect(taken.editing).toBe(1);

    // Closing forgets both; a new rule has no revision.
    const closed = reduce([AutoReplyPageActions.editorClosed(), AutoReplyPageActions.editorOpened({ ruleId: null })], state);
    expect([closed.editingRevision, closed.ruleLatest]).toEqual([null, null]);
  });

  it('a refused toggle shows the rules as the server has them now', () => {
    const now = [rule(1, '2026-01-01T00:00:00.000Z', { name: '同事改的', revision: 'rev-1b' })];
    const state = reduce([AutoReplyApiActions.rulesRefreshed({ appid: 'wx-a', rules: now }), AutoReplyApiActions.ruleListFailed({ appid: 'wx-a', problem: { code: 'STALE', status: 412 } })], loaded());
    expect(state.rules).toEqual(now);
    expect(state.listProblem?.code).toBe('STALE');
  });

  it('drops the answers of an account that is no longer shown', () => {
    const state = reduce(
      [
        AutoReplyPageActions.opened({ appid: 'wx-b' }),
        AutoReplyApiActions.loaded({ appid: 'wx-a', settings, rules: [rule(9, '2026-01-01T00:00:00.000Z')] }),
      ],
      loaded(),
    );
    expect(state.appid).toBe('wx-b');
    expect(state.status).toBe('loading');
    expect(state.rules).toEqual([]);
  });

  it('keeps the form open with the problem when a save is refused, and closes it when a save succeeds', () => {
    let state = reduce([AutoReplyPageActions.editorOpened({ ruleId: null }), AutoReplyPageActions.ruleSaved({ ruleId: null, rule: rule(0, '') })], loaded());
    expect(state.savingRule).toBeTrue();
    state = reduce([AutoReplyApiActions.ruleFailed({ appid: 'wx-a', problem })], state);
    expect(state.editing).toBe('new');
    expect(state.ruleProblem).toEqual(problem);
    state = reduce(
      [AutoReplyPageActions.ruleSaved({ ruleId: null, rule: rule(0, '') }), AutoReplyApiActions.ruleSaved({ appid: 'wx-a', rule: rule(2, '2026-02-01T00:00:00.000Z') })],
      state,
    );
    expect(state.editing).toBeNull();
    expect(state.rules.map((r) => r.id)).toEqual([2, 1]);
    expect(state.settings?.ruleCount).toBe(2);
  });

  it('updates a toggled rule in place, newest first, without closing an open form', () => {
    let state = reduce([AutoReplyApiActions.ruleSaved({ appid: 'wx-a', rule: rule(2, '2026-02-01T00:00:00.000Z') })], loaded());
    state = reduce(
      [
        AutoReplyPageActions.editorOpened({ ruleId: 2 }),
        AutoReplyPageActions.ruleToggled({ rule: state.rules[1], enabled: false }),
        AutoReplyApiActions.ruleSaved({ appid: 'wx-a', rule: rule(1, '2026-01-01T00:00:00.000Z', { enabled: false }) }),
      ],
      state,
    );
    expect(state.editing).toBe(2);
    expect(state.rules.map((r) => [r.id, r.enabled])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it('removes a deleted rule and closes its form; a failed delete is reported on the list', () => {
    let state = reduce([AutoReplyPageActions.editorOpened({ ruleId: 1 }), AutoReplyApiActions.ruleDeleted({ appid: 'wx-a', ruleId: 1 })], loaded());
    expect(state.rules).toEqual([]);
    expect(state.editing).toBeNull();
    expect(state.settings?.ruleCount).toBe(0);
    state = reduce([AutoReplyApiActions.ruleListFailed({ appid: 'wx-a', problem: { code: 'NOT_FOUND', status: 404 } })], state);
    expect(state.listProblem?.code).toBe('NOT_FOUND');
  });

  it('saves a reply setting and keeps its refusal apart from the other one', () => {
    let state = reduce([AutoReplyPageActions.settingSaved({ kind: 'onFollow', setting: { enabled: true, replies: [] } })], loaded());
    expect(state.savingSetting).toBe('onFollow');
    state = reduce([AutoReplyApiActions.settingFailed({ appid: 'wx-a', kind: 'onFollow', problem })], state);
    expect(state.settingProblem).toEqual({ kind: 'onFollow', problem });
    const saved = { enabled: true, replies: [{ type: 'text' as const, text: '欢迎' }], revision: 'd2' };
    state = reduce([AutoReplyApiActions.settingSaved({ appid: 'wx-a', kind: 'defaultReply', setting: saved })], state);
    expect(state.settings?.defaultReply).toEqual(saved);
    expect(state.settings?.onFollow.enabled).toBeFalse();
  });
});
