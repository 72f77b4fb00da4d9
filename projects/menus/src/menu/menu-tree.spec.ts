import { fromWechat, MenuButton, toWechat } from './menu.model';
import { addButton, findButton, moveButton, moveButtonTo, moveItem, moveTargets, removeButton, updateButton } from './menu-tree';

const btn = (id: string, sub: MenuButton[] = []): MenuButton => ({ id, name: id, type: sub.length ? '' : 'click', fields: { key: id }, sub });
const ids = (buttons: readonly MenuButton[]) => buttons.map((b) => (b.sub.length ? `${b.id}(${b.sub.map((s) => s.id).join(',')})` : b.id)).join(' ');

describe('menu tree operations', () => {
  const menu = [btn('a', [btn('a1'), btn('a2'), btn('a3')]), btn('b'), btn('c')];

  it('adds up to 3 top-level and 5 sub-buttons, no more', () => {
    expect(ids(addButton(menu, null, 'd', 'd'))).toBe(ids(menu));
    const two = addButton([btn('a')], null, 'b', 'b');
    expect(ids(two)).toBe('a b');
    let subs: readonly MenuButton[] = menu;
    for (const id of ['a4', 'a5', 'a6']) subs = addButton(subs, 'a', id, id);
    expect(ids(subs)).toBe('a(a1,a2,a3,a4,a5) b c');
  });

  it('moves a sub-button to another parent or to the top level, and a plain top-level button under a parent', () => {
    const two = [btn('a', [btn('a1'), btn('a2')]), btn('b')];
    expect(moveTargets(two, 'a1').map((t) => t.parentId)).toEqual([null, 'b']);
    expect(ids(moveButtonTo(two, 'a1', 'b'))).toBe('a(a2) b(a1)');
    expect(ids(moveButtonTo(two, 'a1', null))).toBe('a(a2) b a1');
    expect(ids(moveButtonTo(two, 'b', 'a'))).toBe('a(a1,a2,b)');
    // b keeps its own click key while it has sub-buttons, so moving a1 back out loses nothing.
    const back = moveButtonTo(moveButtonTo(two, 'a1', 'b'), 'a1', 'a');
    expect(ids(back)).toBe('a(a2,a1) b');
    expect(back[1].fields).toEqual({ key: 'b' });
  });

  it("refuses moves WeChat would not accept: full levels, parents with sub-buttons, its own level", () => {
    const full = [btn('a', [btn('a1'), btn('a2'), btn('a3'), btn('a4'), btn('a5')]), btn('b', [btn('b1')]), btn('c')];
    expect(moveTargets(full, 'b1').map((t) => t.parentId)).toEqual(['c']); // a is full, top level is full
    expect(moveButtonTo(full, 'b1', 'a')).toBe(full);
    expect(moveButtonTo(full, 'b1', null)).toBe(full);
    expect(moveTargets(full, 'b')).toEqual([]); // has sub-buttons: stays top-level
    expect(moveButtonTo(full, 'c', 'c')).toBe(full);
    expect(moveTargets(full, 'c').map((t) => t.parentId)).toEqual(['b']);
    expect(moveButtonTo(full, 'b1', 'b')).toBe(full);
  });

  it('removes a button at either level', () => {
    expect(ids(removeButton(menu, 'a2'))).toBe('a(a1,a3) b c');
    expect(ids(removeButton(menu, 'a'))).toBe('b c');
  });

  it('reorders within a level, leaving the input untouched', () => {
    expect(ids(moveButton(menu, null, 0, 2))).toBe('b c a(a1,a2,a3)');
    expect(ids(moveButton(menu, 'a', 2, 0))).toBe('a(a3,a1,a2) b c');
    expect(ids(menu)).toBe('a(a1,a2,a3) b c');
    expect(moveItem([1, 2, 3], 0, 99)).toEqual([2, 3, 1]);
  });

  it('updates a button and keeps fields of other types, so switching type back loses nothing', () => {
    let next = updateButton(menu, 'a2', { type: 'view', fields: { url: 'https://e.com' } });
    next = updateButton(next, 'a2', { type: 'click' });
    expect(findButton(next, 'a2')?.button.fields).toEqual({ key: 'a2', url: 'https://e.com' });
    expect(toWechat(next)[0].sub_button?.[1]).toEqual({ type: 'click', name: 'a2', key: 'a2' });
  });

  it('finds a button with its parent and index', () => {
    const place = findButton(menu, 'a3');
    expect(place?.parent?.id).toBe('a');
    expect(place?.index).toBe(2);
    expect(findButton(menu, 'zz')).toBeNull();
  });

  it("round-trips WeChat's JSON unchanged", () => {
    const json = [
      { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC' },
      {
        name: '菜单',
        sub_button: [
          { type: 'view', name: '搜索', url: 'http://www.soso.com/' },
          { type: 'miniprogram', name: 'wxa', url: 'http://mp.weixin.qq.com', appid: 'wx286b93c14bbf93aa', pagepath: 'pages/lunar/index' },
          { type: 'article_id', name: '文章', article_id: 'ART_1' },
        ],
      },
    ];
    expect(toWechat(fromWechat(json))).toEqual(json);
  });
});
