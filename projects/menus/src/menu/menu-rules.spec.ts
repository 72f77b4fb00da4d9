import { MenuButton } from './menu.model';
import { issuesFromProblem, matchRuleIssues, menuIssues } from './menu-rules';

const btn = (id: string, patch: Partial<MenuButton> = {}): MenuButton => ({ id, name: id, type: 'click', fields: { key: 'K' }, sub: [], ...patch });
const allowed = { miniProgramAllowed: true };
const summary = (buttons: MenuButton[], context = allowed) =>
  menuIssues(buttons, context).map((i) => `${i.buttonId ?? '-'} ${i.field} ${i.message}${i.errcode ? ` ${i.errcode}` : ''}`);

describe('menuIssues (WeChat limits in UTF-8 bytes)', () => {
  it('accepts names at exactly 16 bytes top-level and 60 bytes for sub-buttons', () => {
    const top = btn('t', { name: '一二三四五a', type: '', sub: [btn('s', { name: '子'.repeat(20) })] });
    expect(summary([top, btn('🎉🎉🎉🎉')])).toEqual([]);
  });

  it('refuses a 17-byte top-level name (40018) and a 61-byte sub-button name (40025), with the byte count', () => {
    const issues = menuIssues([btn('a', { name: '🎉🎉🎉🎉a' }), btn('b', { type: '', sub: [btn('s', { name: '子'.repeat(20) + 'x' })] })], allowed);
    expect(issues.map((i) => [i.buttonId, i.errcode, i.params])).toEqual([
      ['a', 40018, { bytes: 17, max: 16 }],
      ['s', 40025, { bytes: 61, max: 60 }],
    ]);
  });

  it('needs 1 to 3 top-level buttons (40016) and at most 5 sub-buttons (40023)', () => {
    expect(summary([])).toEqual(['- count menus.issue.empty 40016']);
    expect(summary([btn('a'), btn('b'), btn('c'), btn('d')])).toEqual(['- count menus.issue.tooManyTop 40016']);
    const six = btn('p', { type: '', sub: ['1', '2', '3', '4', '5', '6'].map((i) => btn(i)) });
    expect(summary([six])).toEqual(['p count menus.issue.tooManySub 40023']);
  });

  it('needs a type unless the button has sub-buttons', () => {
    expect(summary([btn('a', { type: '' })])).toEqual(['a type menus.issue.typeRequired 40017']);
    expect(summary([btn('a', { type: '', sub: [btn('s')] })])).toEqual([]);
  });

  it('limits keys to 128 bytes and urls to 1024 bytes of http(s)', () => {
    expect(summary([btn('a', { fields: { key: '键'.repeat(43) } })])).toEqual(['a key menus.issue.tooLong 40019']);
    expect(summary([btn('a', { type: 'view', fields: { url: 'https://e.com/' + 'x'.repeat(1011) } })])).toEqual(['a url menus.issue.tooLong 40020']);
    expect(summary([btn('a', { type: 'view', fields: { url: 'javascript:alert(1)' } })])).toEqual(['a url menus.issue.url 40055']);
    expect(summary([btn('a', { type: 'view', fields: { url: 'https://e.com/页面' } })])).toEqual([]);
  });

  it('refuses mini-program buttons on unverified accounts and checks appid, page path and fallback url', () => {
    const mini = btn('m', { type: 'miniprogram', fields: { url: 'https://e.com', appid: 'wx0123456789abcdef', pagepath: 'pages/index' } });
    expect(summary([mini])).toEqual([]);
    expect(summary([mini], { miniProgramAllowed: false })).toEqual(['m type menus.issue.miniProgramUnverified']);
    expect(summary([btn('m', { type: 'miniprogram', fields: { appid: 'abc' } })]).map((s) => s.split(' ')[1])).toEqual(['url', 'appid', 'pagepath']);
  });

  it('maps WeChat refusals by JSON path to the offending buttons', () => {
    const buttons = [btn('a'), btn('b', { type: '', sub: [btn('s1'), btn('s2')] })];
    const issues = issuesFromProblem(
      [
        { field: 'button[1].sub_button[1].name', message: '40025 invalid sub button name size' },
        { field: 'button[0].url', message: '40020 invalid button url size' },
        { field: 'button', message: '40016 invalid button size' },
      ],
      buttons,
    );
    expect(issues.map((i) => [i.buttonId, i.field, i.errcode])).toEqual([
      ['s2', 'name', 40025],
      ['a', 'url', 40020],
      [null, 'count', 40016],
    ]);
  });
});

describe('matchRuleIssues', () => {
  it('wants at least one condition in a conditional menu’s rule (65304), and nothing of the default menu', () => {
    expect(matchRuleIssues({}).map((i) => [i.buttonId, i.field, i.message, i.errcode])).toEqual([[null, 'matchrule', 'menus.issue.ruleRequired', 65304]]);
    expect(matchRuleIssues({ tag_id: '' })).toHaveSize(1);
    expect(matchRuleIssues({ sex: '1' })).toEqual([]);
    expect(matchRuleIssues(null)).toEqual([]);
    expect(matchRuleIssues(undefined)).toEqual([]);
  });
});
