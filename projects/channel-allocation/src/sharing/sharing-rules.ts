import type { SharingRule, SharingRuleInput } from '../data/organisation-api';

/** A rule's name: at most 30 characters (the suite's limit). */
export const SHARING_NAME_MAX = 30;

/** A problem with one field of the form, as `{key, params}` for the transloco pipe (`sharing.errors.*`). */
export interface SharingIssue {
  readonly key: string;
  readonly params?: Record<string, unknown>;
}

/** Fields: `name`, `sourceDepartmentId`, `appids`, `targetDepartmentIds`, and `rule` for the whole rule. */
export type SharingIssues = ReadonlyMap<string, SharingIssue>;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * What the suite would refuse (mocks/src/rules/contact-sharing.mjs), checked before sending: a
 * name, at least one account and one target department, no department sharing with itself, and
 * no rule identical to another (same department, accounts and targets, in any order).
 * `editingId`: the rule being edited, which is not its own duplicate.
 */
export function sharingRuleIssues(rule: SharingRuleInput, rules: readonly SharingRule[], editingId: number | null): SharingIssues {
  const issues = new Map<string, SharingIssue>();
  const name = rule.name.trim();
  if (!name) issues.set('name', { key: 'sharing.errors.nameRequired' });
  else if ([...name].length > SHARING_NAME_MAX) issues.set('name', { key: 'sharing.errors.nameTooLong', params: { max: SHARING_NAME_MAX } });
  if (!rule.sourceDepartmentId) issues.set('sourceDepartmentId', { key: 'sharing.errors.sourceRequired' });
  if (!rule.appids.length) issues.set('appids', { key: 'sharing.errors.accountsRequired' });
  if (rule.targetDepartmentIds.includes(rule.sourceDepartmentId)) issues.set('targetDepartmentIds', { key: 'sharing.errors.selfShare' });
  else if (!rule.targetDepartmentIds.length) issues.set('targetDepartmentIds', { key: 'sharing.errors.targetsRequired' });
  if (!issues.size) {
    const duplicate = rules.find(
      (other) =>
        other.id !== editingId &&
        other.sourceDepartmentId === rule.sourceDepartmentId &&
        sameSet(other.appids, rule.appids) &&
        sameSet(other.targetDepartmentIds, rule.targetDepartmentIds),
    );
    if (duplicate) issues.set('rule', { key: 'sharing.errors.duplicate', params: { name: duplicate.name } });
  }
  return issues;
}

const SERVER_KEYS: Record<string, string> = {
  name: 'sharing.errors.nameInvalid',
  sourceDepartmentId: 'sharing.errors.departmentUnavailable',
  appids: 'sharing.errors.accountUnavailable',
  targetDepartmentIds: 'sharing.errors.departmentUnavailable',
};

/**
 * The suite's field errors (`appids[0]`, `targetDepartmentIds`) by the form's field names, with
 * translated messages: the client check above catches the usual mistakes, so these are the rarer
 * refusals (an account unbound or a department removed meanwhile).
 */
export function serverIssues(errors: readonly { readonly field: string; readonly message?: string }[]): SharingIssues {
  const issues = new Map<string, SharingIssue>();
  for (const { field } of errors) {
    const name = field.replace(/\[\d+\]$/, '');
    const key = SERVER_KEYS[name];
    if (key && !issues.has(name)) issues.set(name, { key });
  }
  if (!issues.size) issues.set('rule', { key: 'ui.problem.VALIDATION' });
  return issues;
}
