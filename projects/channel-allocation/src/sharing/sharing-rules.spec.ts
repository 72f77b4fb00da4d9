import type { SharingRule, SharingRuleInput } from '../data/organisation-api';
import { serverIssues, sharingRuleIssues } from './sharing-rules';

const input = (patch: Partial<SharingRuleInput> = {}): SharingRuleInput => ({
  name: '市场部共享',
  sourceDepartmentId: 'marketing',
  appids: ['wxa'],
  targetDepartmentIds: ['sales'],
  enabled: true,
  ...patch,
});
const rule = (id: number, patch: Partial<SharingRuleInput> = {}): SharingRule => ({
  id,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  revision: `r${id}`,
  ...input(patch),
});
const keys = (issues: ReadonlyMap<string, { key: string }>) => Object.fromEntries([...issues].map(([field, issue]) => [field, issue.key]));

describe('sharingRuleIssues', () => {
  it('accepts a complete rule', () => {
    expect(sharingRuleIssues(input(), [], null).size).toBe(0);
  });

  it('needs a name (at most 30 characters), an owner, an account and a target department', () => {
    expect(keys(sharingRuleIssues(input({ name: ' ', sourceDepartmentId: '', appids: [], targetDepartmentIds: [] }), [], null))).toEqual({
      name: 'sharing.errors.nameRequired',
      sourceDepartmentId: 'sharing.errors.sourceRequired',
      appids: 'sharing.errors.accountsRequired',
      targetDepartmentIds: 'sharing.errors.targetsRequired',
    });
    expect(keys(sharingRuleIssues(input({ name: '名'.repeat(31) }), [], null))).toEqual({ name: 'sharing.errors.nameTooLong' });
    expect(sharingRuleIssues(input({ name: '名'.repeat(30) }), [], null).size).toBe(0);
  });

  it('refuses a department sharing with itself', () => {
    expect(keys(sharingRuleIssues(input({ targetDepartmentIds: ['sales', 'marketing'] }), [], null))).toEqual({
      targetDepartmentIds: 'sharing.errors.selfShare',
    });
  });

  it('refuses a duplicate of another rule whatever the order, naming it, but not the rule being edited', () => {
    const rules = [rule(3, { name: '已有', appids: ['wxb', 'wxa'], targetDepartmentIds: ['east', 'sales'] })];
    const same = input({ appids: ['wxa', 'wxb'], targetDepartmentIds: ['sales', 'east'] });
    const issues = sharingRuleIssues(same, rules, null);
    expect(issues.get('rule')).toEqual({ key: 'sharing.errors.duplicate', params: { name: '已有' } });
    expect(sharingRuleIssues(same, rules, 3).size).toBe(0);
    expect(sharingRuleIssues({ ...same, sourceDepartmentId: 'hq' }, rules, null).size).toBe(0);
  });
});

describe('serverIssues', () => {
  it("puts the suite's field errors on the form's fields, translated", () => {
    expect(keys(serverIssues([{ field: 'appids[1]', message: 'x' }, { field: 'targetDepartmentIds[0]', message: 'y' }]))).toEqual({
      appids: 'sharing.errors.accountUnavailable',
      targetDepartmentIds: 'sharing.errors.departmentUnavailable',
    });
    expect(keys(serverIssues([{ field: 'body', message: 'z' }]))).toEqual({ rule: 'ui.problem.VALIDATION' });
  });
});
