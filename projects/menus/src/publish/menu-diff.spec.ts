import { menuDiff, MenuChange } from './menu-diff';

const lines = (changes: MenuChange[]) => changes.map((c) => `${c.kind} ${c.from ? `${c.from.join('>')} → ` : ''}${c.path.join('>')}`);

describe('menuDiff', () => {
  it('lists added, removed, changed and moved buttons by their names', () => {
    const live = [
      { type: 'click', name: '今日推荐', key: 'TODAY' },
      { name: '会员', sub_button: [{ type: 'view', name: '中心', url: 'https://a.com' }, { type: 'click', name: '积分', key: 'P' }] },
    ];
    const next = [
      { name: '会员', sub_button: [{ type: 'view', name: '中心', url: 'https://b.com' }] },
      { type: 'click', name: '今日推荐', key: 'TODAY' },
      { type: 'view', name: '官网', url: 'https://c.com' },
    ];
    expect(lines(menuDiff(live, next))).toEqual(['changed 会员>中心', 'removed 会员>积分', 'added 官网', 'moved ']);
    expect(menuDiff(live, live)).toEqual([]);
  });

  it('recognises a renamed leaf by its action and a renamed parent by its children', () => {
    const live = [
      { type: 'click', name: '今日推荐', key: 'TODAY' },
      { name: '会员', sub_button: [{ type: 'click', name: '积分', key: 'P' }] },
    ];
    const next = [
      { type: 'click', name: '每日推荐', key: 'TODAY' },
      { name: '会员服务', sub_button: [{ type: 'click', name: '积分', key: 'P' }] },
    ];
    expect(lines(menuDiff(live, next))).toEqual(['renamed 今日推荐 → 每日推荐', 'renamed 会员 → 会员服务']);
  });

  it('reports a button moved under another parent once, as relocated, not as removed and added', () => {
    const live = [
      { name: '会员', sub_button: [{ type: 'click', name: '积分', key: 'P' }, { type: 'click', name: '签到', key: 'S' }] },
      { name: '服务', sub_button: [{ type: 'click', name: '客服', key: 'K' }] },
    ];
    const next = [
      { name: '会员', sub_button: [{ type: 'click', name: '签到', key: 'S' }] },
      { name: '服务', sub_button: [{ type: 'click', name: '客服', key: 'K' }, { type: 'click', name: '积分', key: 'P' }] },
    ];
    expect(lines(menuDiff(live, next))).toEqual(['relocated 会员>积分 → 服务>积分']);
  });

  it('still reports a real replacement: same place, new name and new action', () => {
    const live = [{ type: 'click', name: 'A', key: 'A' }];
    const next = [{ type: 'view', name: 'B', url: 'https://b.com' }];
    expect(lines(menuDiff(live, next))).toEqual(['added B', 'removed A']);
  });
});
