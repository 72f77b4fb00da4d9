import { TestBed } from '@angular/core/testing';
import { provideEffects } from '@ngrx/effects';
import { provideStore, Store } from '@ngrx/store';
import { SUITE_CLIENT } from '@wechat-mfe/suite-api';
import { fakeContext, provideUiTesting, wxAccount } from '@wechat-mfe/ui/testing';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import type { DraftDocument, ServerDraft } from '../menu/menu.model';
import { browserLocalDrafts, LOCAL_DRAFTS, type LocalDrafts } from './local-drafts';
import { MenuEditorPageActions } from './menus.actions';
import { MenusEffects } from './menus.effects';
import { menusFeature, type MenusState } from './menus.feature';

const APPID = 'wx5f3a9c1e7b2d4068';
const LIVE = { menu: { button: [{ type: 'click', name: '今日推荐', key: 'TODAY' }] }, publishedAt: '2026-01-01T00:00:00.000Z', conditional: [] };
const draftOf = (name: string): DraftDocument => ({ menus: [{ id: 'default', menuid: null, matchrule: null, button: [{ type: 'click', name, key: 'K' }] }] });
const onServer = (document: DraftDocument | null, revision: string | null): ServerDraft => ({
  document,
  revision,
  updatedAt: document ? '2026-11-26T06:02:00.000Z' : null,
  updatedBy: document ? 'usr_marketer' : null,
  updatedByName: document ? '市场专员' : null,
});
const answer = (status: number, body: unknown) => Promise.resolve(status < 400 ? { data: body, response: new Response(null, { status }) } : { error: body, response: new Response(null, { status }) });

/** A storage that lives as long as the test. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('MenusEffects: the draft saves over the revision it started from', () => {
  let server: ServerDraft;
  let puts: { headers: Record<string, string>; body: DraftDocument }[];
  let refuse: boolean;
  let local: LocalDrafts;
  let store: Store;

  beforeEach(async () => {
    server = onServer(null, null);
    puts = [];
    refuse = false;
    local = browserLocalDrafts(memoryStorage());
    const client = {
      GET: (path: string) => answer(200, path.endsWith('/draft') ? server : LIVE),
      PUT: (_path: string, { params, body }: { params: { header: Record<string, string> }; body: DraftDocument }) => {
        puts.push({ headers: params.header, body });
        if (refuse) return answer(412, { code: 'STALE', status: 412, title: 'Changed since you loaded it', detail: 'stale', errors: [] });
        server = onServer(body, `rev-${puts.length}`);
        return answer(200, server);
      },
    };
    const { context } = fakeContext({ accounts: { items: [wxAccount(APPID)], totalBound: 1 } });
    await context.refresh();
    context.select(APPID);
    TestBed.configureTestingModule({
      providers: [
        ...provideUiTesting(context),
        provideStore({ [menusFeature.name]: menusFeature.reducer }),
        provideEffects(MenusEffects),
        { provide: SUITE_CLIENT, useValue: client },
        { provide: LOCAL_DRAFTS, useValue: local },
      ],
    });
    store = TestBed.inject(Store);
    await until((s) => !s.loading && s.ids.length > 0);
  });

  const until = (test: (state: MenusState) => boolean) => firstValueFrom(store.select(menusFeature.selectMenusState).pipe(filter(test)));
  /** Renames the default menu's first button, as typing in the editor does. */
  const rename = async (name: string) => {
    const state = await until(() => true);
    store.dispatch(MenuEditorPageActions.buttonChanged({ id: state.entities['default']!.buttons[0].id, patch: { name } }));
  };

  it('creates the draft only where none exists, then names each revision it saves over', async () => {
    await rename('一');
    await until((s) => s.draftStatus === 'saved' && s.draftRevision === 'rev-1');
    expect(puts[0].headers).toEqual({ 'If-None-Match': '*' });
    await rename('二');
    await until((s) => s.draftRevision === 'rev-2');
    expect(puts[1].headers).toEqual({ 'If-Match': '"rev-1"' });
    expect(local.read(APPID)).toEqual({ document: puts[1].body, synced: true, base: 'rev-2' });
  });

  it('a refused save fetches their draft, keeps the edit in the browser and sends nothing more until the user chooses', async () => {
    await rename('一');
    await until((s) => s.draftRevision === 'rev-1');
    server = onServer(draftOf('他们的'), 'theirs-1');
    refuse = true;
    await rename('我的');
    const conflicted = await until((s) => s.draftConflict !== null);
    expect(conflicted.draftConflict).toEqual(server);
    expect(puts[1].headers).toEqual({ 'If-Match': '"rev-1"' });
    expect(local.read(APPID)).toEqual(jasmine.objectContaining({ synced: false, base: 'rev-1' }));
    await rename('我的2');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(puts.length).withContext('no save while the conflict is open').toBe(2);
    expect(local.read(APPID)!.document.menus[0].button[0].name).toBe('我的2');

    refuse = false;
    store.dispatch(MenuEditorPageActions.draftConflictKeptMine());
    await until((s) => s.draftConflict === null && s.draftStatus === 'saved');
    expect(puts[2].headers).toEqual({ 'If-Match': '"theirs-1"' });
    expect(puts[2].body.menus[0].button[0].name).toBe('我的2');
  });
});
