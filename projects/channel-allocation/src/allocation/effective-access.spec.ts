import type { Department, SuiteUser } from '../data/organisation-api';
import { effectiveAccess } from './effective-access';

const dep = (id: string, name: string, parentId: string | null, appids: string[] = []): Department => ({ id, name, parentId, appids, revision: `r-${id}` });
const user = (role: 'admin' | 'member', department: Department | null): SuiteUser => ({
  id: `usr_${department?.id ?? 'none'}`,
  username: 'u',
  name: 'U',
  role,
  department: department ? { id: department.id, name: department.name } : null,
});

const BOUND = ['wxa', 'wxb', 'wxc', 'wxd'];
const hq = dep('hq', '总部', null, ['wxd']);
const marketing = dep('marketing', '市场部', 'hq', ['wxb', 'wxa']);
const east = dep('east', '华东区', 'marketing');
const sales = dep('sales', '销售部', 'hq');
const DEPARTMENTS = [hq, marketing, east, sales];

describe('effectiveAccess', () => {
  it('gives an administrator every bound account, because they administer', () => {
    const access = effectiveAccess(user('admin', hq), DEPARTMENTS, BOUND);
    expect(access.usable).toEqual(BOUND.map((appid) => ({ appid, reason: { kind: 'administrator' } })));
    expect(access.notInherited).toEqual([]);
  });

  it("gives a member their own department's accounts, in the bound order, naming the department", () => {
    const access = effectiveAccess(user('member', marketing), DEPARTMENTS, BOUND);
    expect(access.usable).toEqual([
      { appid: 'wxa', reason: { kind: 'allocated', department: '市场部' } },
      { appid: 'wxb', reason: { kind: 'allocated', department: '市场部' } },
    ]);
    // HQ's account is not inherited by Marketing.
    expect(access.notInherited).toEqual([{ appid: 'wxd', department: '总部' }]);
  });

  it("gives a child department nothing of its ancestors', and says where each of those accounts is", () => {
    const access = effectiveAccess(user('member', east), DEPARTMENTS, BOUND);
    expect(access.usable).toEqual([]);
    expect(access.notInherited).toEqual([
      { appid: 'wxa', department: '市场部' },
      { appid: 'wxb', department: '市场部' },
      { appid: 'wxd', department: '总部' },
    ]);
  });

  it('follows a changed allocation and ignores accounts no longer bound', () => {
    const eastWithOne = { ...east, appids: ['wxc', 'wx-unbound'] };
    const access = effectiveAccess(user('member', eastWithOne), [hq, marketing, eastWithOne, sales], BOUND);
    expect(access.usable.map((e) => e.appid)).toEqual(['wxc']);
  });

  it('gives a member without a department (or an unknown one) nothing', () => {
    expect(effectiveAccess(user('member', null), DEPARTMENTS, BOUND)).toEqual({ usable: [], notInherited: [] });
    expect(effectiveAccess(user('member', dep('gone', '已删除', null)), DEPARTMENTS, BOUND).usable).toEqual([]);
  });

  it('stops on a cycle in the department data', () => {
    const a = dep('a', 'A', 'b', []);
    const b = dep('b', 'B', 'a', ['wxa']);
    expect(effectiveAccess(user('member', a), [a, b], BOUND).notInherited).toEqual([{ appid: 'wxa', department: 'B' }]);
  });
});
