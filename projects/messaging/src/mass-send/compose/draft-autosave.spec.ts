import { DraftAutosave } from './draft-autosave';

describe('DraftAutosave', () => {
  beforeEach(() => jasmine.clock().install());
  afterEach(() => jasmine.clock().uninstall());

  it('saves once after a pause in typing, for the account the change was made on', async () => {
    const save = jasmine.createSpy('save').and.resolveTo({});
    const draft = new DraftAutosave(save, 800);
    draft.showAccount('wxa');
    draft.changed({ text: 'a' });
    jasmine.clock().tick(500);
    draft.changed({ text: 'ab' });
    jasmine.clock().tick(799);
    expect(save).not.toHaveBeenCalled();
    jasmine.clock().tick(1);
    expect(save).toHaveBeenCalledOnceWith('wxa', { text: 'ab' });
  });

  it('saves a pending change of the previous account at once when another is shown', async () => {
    const save = jasmine.createSpy('save').and.resolveTo({});
    const draft = new DraftAutosave(save, 800);
    draft.showAccount('wxa');
    draft.changed({ text: 'for a' });
    draft.showAccount('wxb');
    expect(save).toHaveBeenCalledOnceWith('wxa', { text: 'for a' });
    jasmine.clock().tick(1000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(draft.state().status).toBe('idle');
  });

  it('forgets a sent composition and reports a failed save', async () => {
    const save = jasmine.createSpy('save').and.rejectWith(new Error('offline'));
    const draft = new DraftAutosave(save, 800);
    draft.showAccount('wxa');
    draft.changed({ text: 'sent' });
    draft.forget();
    jasmine.clock().tick(1000);
    expect(save).not.toHaveBeenCalled();
    draft.changed({ text: 'again' });
    await draft.flush();
    expect(draft.state().status).toBe('failed');
  });
});
