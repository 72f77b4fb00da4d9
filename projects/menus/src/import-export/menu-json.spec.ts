import { toWechat } from '../menu/menu.model';
import { parseMenuJson } from './menu-json';

const rules = { miniProgramAllowed: true };

describe('parseMenuJson', () => {
  it("imports WeChat's menu/create JSON and exports it back unchanged", () => {
    const json = { button: [{ type: 'click', name: '今日推荐', key: 'TODAY' }, { name: '更多', sub_button: [{ type: 'view', name: '官网🎉', url: 'https://e.com' }] }] };
    const parsed = parseMenuJson(JSON.stringify(json), rules);
    expect(parsed.ok).toBeTrue();
    expect(parsed.ok && { button: toWechat(parsed.buttons) }).toEqual(json);
  });

  it("accepts menu/get's {menu: {button}} too", () => {
    expect(parseMenuJson('{"menu":{"button":[{"type":"click","name":"a","key":"k"}]}}', rules).ok).toBeTrue();
  });

  it('refuses broken JSON, foreign shapes and rule breaks, naming the reason', () => {
    const broken = parseMenuJson('{"button": [', rules);
    expect(!broken.ok && broken.issues[0].message).toBe('menus.json.syntax');
    const foreign = parseMenuJson('{"button": [{"name": "a", "colour": "red"}]}', rules);
    expect(!foreign.ok && foreign.issues[0].message).toBe('menus.json.shape');
    const tooLong = parseMenuJson('{"button": [{"type": "click", "name": "一二三四五六", "key": "k"}]}', rules);
    expect(!tooLong.ok && tooLong.issues.map((i) => i.errcode)).toEqual([40018]);
  });
});
