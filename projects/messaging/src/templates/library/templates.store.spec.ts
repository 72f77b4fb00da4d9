import { AccountContextActions } from '@wechat-mfe/ui';
import type { Template, TemplateSyncResult } from '../templates-api';
import { TemplateLibraryActions, TemplatesApiActions, templatesFeature } from './templates.store';

const template = (templateId: string): Template => ({
  templateId, title: templateId, primaryIndustry: 'IT科技', deputyIndustry: '互联网|电子商务', content: '', example: '', syncedAt: '', fields: [],
});
const reduce = templatesFeature.reducer;

describe('templates store', () => {
  it('keeps the chosen template only while the list still has it', () => {
    let state = reduce(undefined, TemplateLibraryActions.opened({ appid: 'wxa' }));
    state = reduce(state, TemplatesApiActions.listLoaded({ appid: 'wxa', items: [template('a'), template('b')], limit: 25 }));
    state = reduce(state, TemplateLibraryActions.templateChosen({ templateId: 'b' }));
    expect(templatesFeature.selectChosen.projector(state.items, state.chosenId)?.templateId).toBe('b');
    const result: TemplateSyncResult = { added: 0, removed: 1, unchanged: 1, items: [template('a')], total: 1, limit: 25 };
    state = reduce(state, TemplatesApiActions.syncSucceeded({ appid: 'wxa', result }));
    expect(state.chosenId).toBeNull();
    expect(state.sync).toEqual({ status: 'done', counts: { added: 0, removed: 1, unchanged: 1 } });
  });

  it('drops answers of an account that is no longer shown', () => {
    let state = reduce(undefined, TemplateLibraryActions.opened({ appid: 'wxa' }));
    state = reduce(state, AccountContextActions.selected({ appid: 'wxb' }));
    state = reduce(state, TemplatesApiActions.listLoaded({ appid: 'wxa', items: [template('a')], limit: 25 }));
    expect(state.items).toEqual([]);
    expect(state.appid).toBe('wxb');
  });

  it('counts the templates in use against the limit of 25', () => {
    const items = Array.from({ length: 25 }, (_, i) => template(`t${i}`));
    expect(templatesFeature.selectIsFull.projector(items, 25)).toBeTrue();
    expect(templatesFeature.selectIsFull.projector(items.slice(1), 25)).toBeFalse();
  });
});
