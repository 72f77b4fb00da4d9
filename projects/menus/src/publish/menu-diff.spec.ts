import { menuDiff } from './menu-diff';

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
    expect(menuDiff(live, next).map((c) => `${c.kind} ${c.path.join('>')}`)).toEqual([
      'changed 会员>中心',
      'removed 会员>积分',
      'added 官网',
      'moved ',
    ]);
    expect(menuDiff(live, live)).toEqual([]);
  });
});
