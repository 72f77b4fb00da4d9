import type { Department } from '../data/organisation-api';
import { departmentRows, sameAllocation, toggled, withParentAllocation } from './allocation-tree';

const dep = (id: string, parentId: string | null, appids: string[] = []): Department => ({ id, name: id.toUpperCase(), parentId, appids, revision: `r-${id}` });
// The seed's tree: 总部 → 市场部 → 华东区, 销售部; Marketing has two accounts.
const SEED = [dep('hq', null), dep('marketing', 'hq', ['wxa', 'wxb']), dep('east', 'marketing'), dep('sales', 'hq')];

describe('departmentRows', () => {
  it('lists parents before their children, depth-first, with their depth and parent', () => {
    const rows = departmentRows([SEED[3], SEED[2], SEED[1], SEED[0]]);
    expect(rows.map((r) => [r.department.id, r.depth, r.parent?.id ?? null])).toEqual([
      ['hq', 0, null],
      ['sales', 1, 'hq'],
      ['marketing', 1, 'hq'],
      ['east', 2, 'marketing'],
    ]);
  });

  it('flags a child with no account while its parent has some, and lists what it does not inherit', () => {
    const byId = new Map(departmentRows(SEED).map((r) => [r.department.id, r]));
    expect(byId.get('east')!.flagged).toBeTrue();
    expect(byId.get('east')!.notInherited).toEqual(['wxa', 'wxb']);
    // A parent without accounts flags nobody: Sales and Marketing under HQ.
    expect(byId.get('sales')!.flagged).toBeFalse();
    expect(byId.get('marketing')!.flagged).toBeFalse();
    expect(byId.get('hq')!.notInherited).toEqual([]);
  });

  it('does not flag a child with some account, but still names the parent accounts it lacks', () => {
    const rows = departmentRows([SEED[0], SEED[1], dep('east', 'marketing', ['wxb', 'wxc'])]);
    const east = rows.find((r) => r.department.id === 'east')!;
    expect(east.flagged).toBeFalse();
    expect(east.notInherited).toEqual(['wxa']);
  });

  it('treats a department whose parent is unknown as a root', () => {
    expect(departmentRows([dep('orphan', 'gone', ['wxa'])]).map((r) => [r.depth, r.parent, r.flagged])).toEqual([[0, null, false]]);
  });
});

describe('withParentAllocation', () => {
  it("gives a child the parent's accounts in the parent's order and keeps its own", () => {
    expect(withParentAllocation(SEED[2], SEED[1])).toEqual(['wxa', 'wxb']);
    expect(withParentAllocation(dep('east', 'marketing', ['wxc', 'wxb']), SEED[1])).toEqual(['wxa', 'wxb', 'wxc']);
  });
});

describe('toggled and sameAllocation', () => {
  it('switches one account on or off in the bound accounts order', () => {
    const order = ['wxa', 'wxb', 'wxc'];
    expect(toggled(['wxc'], 'wxa', true, order)).toEqual(['wxa', 'wxc']);
    expect(toggled(['wxa', 'wxc'], 'wxa', false, order)).toEqual(['wxc']);
    expect(toggled(['wxa'], 'wxa', true, order)).toEqual(['wxa']);
  });

  it('compares allocations regardless of order', () => {
    expect(sameAllocation(['wxa', 'wxb'], ['wxb', 'wxa'])).toBeTrue();
    expect(sameAllocation(['wxa'], ['wxa', 'wxb'])).toBeFalse();
    expect(sameAllocation([], [])).toBeTrue();
  });
});
