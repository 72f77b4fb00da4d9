/**
 * Contact-sharing rules (PRODUCT §3), as plain functions: what makes a rule valid and when two
 * rules are the same. The UI mirrors `sharingRuleErrors` (projects/channel-allocation).
 */

export const SHARING_NAME_MAX = 30;

const repeatedAt = (list) => list.flatMap((value, i) => (list.indexOf(value) < i ? [i] : []));

/**
 * A rule needs a name, an existing source department, at least one bound account and at least
 * one existing target department other than the source; no account or target twice.
 * @param {{ name: string, sourceDepartmentId: string, appids: string[], targetDepartmentIds: string[] }} rule
 * @param {{ departmentIds: string[], boundAppids: string[] }} known
 * @returns {{field: string, message: string}[]}
 */
export function sharingRuleErrors(rule, { departmentIds, boundAppids }) {
  const errors = [];
  const name = rule.name.trim();
  if (!name) errors.push({ field: 'name', message: 'is required' });
  else if ([...name].length > SHARING_NAME_MAX) errors.push({ field: 'name', message: `at most ${SHARING_NAME_MAX} characters` });
  if (!departmentIds.includes(rule.sourceDepartmentId)) {
    errors.push({ field: 'sourceDepartmentId', message: `department ${rule.sourceDepartmentId} does not exist` });
  }
  if (!rule.appids.length) errors.push({ field: 'appids', message: 'choose at least one account' });
  rule.appids.forEach((appid, i) => {
    if (!boundAppids.includes(appid)) errors.push({ field: `appids[${i}]`, message: `${appid} is not a bound WeChat account` });
  });
  for (const i of repeatedAt(rule.appids)) errors.push({ field: `appids[${i}]`, message: 'is listed twice' });
  if (!rule.targetDepartmentIds.length) errors.push({ field: 'targetDepartmentIds', message: 'choose at least one department to share with' });
  rule.targetDepartmentIds.forEach((id, i) => {
    if (id === rule.sourceDepartmentId) errors.push({ field: `targetDepartmentIds[${i}]`, message: 'a department cannot share with itself' });
    else if (!departmentIds.includes(id)) errors.push({ field: `targetDepartmentIds[${i}]`, message: `department ${id} does not exist` });
  });
  for (const i of repeatedAt(rule.targetDepartmentIds)) errors.push({ field: `targetDepartmentIds[${i}]`, message: 'is listed twice' });
  return errors;
}

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Another rule that shares the same accounts of the same department with the same departments
 * (order does not matter), or null. `exceptId`: the rule being edited.
 */
export const duplicateRule = (rule, rules, exceptId = null) =>
  rules.find(
    (other) =>
      other.id !== exceptId &&
      other.sourceDepartmentId === rule.sourceDepartmentId &&
      sameSet(other.appids, rule.appids) &&
      sameSet(other.targetDepartmentIds, rule.targetDepartmentIds),
  ) ?? null;

/** The rule as stored: the name trimmed. */
export const normalizedSharingRule = (rule) => ({ ...rule, name: rule.name.trim() });
