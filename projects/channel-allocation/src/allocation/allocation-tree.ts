import type { Department } from '../data/organisation-api';

/** One row of the department tree, parents before their children. */
export interface DepartmentRow {
  readonly department: Department;
  /** 0 for a root department. */
  readonly depth: number;
  readonly parent: Department | null;
  /** Accounts the parent has and this department lacks: nothing is inherited (PRODUCT §3). */
  readonly notInherited: readonly string[];
  /** This department has no account while its parent has some: its users see the no-permission page. */
  readonly flagged: boolean;
}

/**
 * The departments as a tree, flattened depth-first in the order the suite lists them, each with
 * what it does not inherit from its parent. A department whose parent is unknown is a root.
 */
export function departmentRows(departments: readonly Department[]): DepartmentRow[] {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const children = new Map<string | null, Department[]>();
  for (const department of departments) {
    const parentId = department.parentId && byId.has(department.parentId) ? department.parentId : null;
    children.set(parentId, [...(children.get(parentId) ?? []), department]);
  }
  const rows: DepartmentRow[] = [];
  const visit = (department: Department, depth: number) => {
    const parent = (department.parentId && byId.get(department.parentId)) || null;
    const notInherited = parent ? parent.appids.filter((appid) => !department.appids.includes(appid)) : [];
    rows.push({ department, depth, parent, notInherited, flagged: !!parent && parent.appids.length > 0 && department.appids.length === 0 });
    for (const child of children.get(department.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return rows;
}

/**
 * "Copy the parent's allocation": the department keeps its own accounts and gains the parent's
 * (in the parent's order, then its own extras). An explicit action, since nothing is inherited.
 */
export function withParentAllocation(department: Department, parent: Department): string[] {
  return [...parent.appids, ...department.appids.filter((appid) => !parent.appids.includes(appid))];
}

/** The selection with `appid` switched on or off, keeping the order of `order` (the bound accounts). */
export function toggled(selection: readonly string[], appid: string, on: boolean, order: readonly string[]): string[] {
  const next = new Set(selection);
  if (on) next.add(appid);
  else next.delete(appid);
  return [...order.filter((a) => next.has(a)), ...[...next].filter((a) => !order.includes(a))];
}

/** Whether two allocations hold the same accounts (order does not matter). */
export const sameAllocation = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((appid) => b.includes(appid));
