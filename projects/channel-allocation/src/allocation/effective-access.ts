import type { Department, SuiteUser } from '../data/organisation-api';

/** Why a user may use an account. */
export type AccessReason = { readonly kind: 'administrator' } | { readonly kind: 'allocated'; readonly department: string };

export interface AccessEntry {
  readonly appid: string;
  readonly reason: AccessReason;
}

/** An account an ancestor department has, which the user's department does not inherit. */
export interface NotInheritedEntry {
  readonly appid: string;
  readonly department: string;
}

export interface EffectiveAccess {
  readonly usable: readonly AccessEntry[];
  readonly notInherited: readonly NotInheritedEntry[];
}

/**
 * Which bound accounts a user may use and why, the way the suite decides it (mocks/src/rules/
 * access.mjs): administrators every bound account; members the bound accounts allocated to their
 * own department, never those of its ancestors (listed apart so the preview can say so).
 * `boundAppids`: every bound account, in the switcher's order.
 */
export function effectiveAccess(user: SuiteUser, departments: readonly Department[], boundAppids: readonly string[]): EffectiveAccess {
  if (user.role === 'admin') return { usable: boundAppids.map((appid) => ({ appid, reason: { kind: 'administrator' } })), notInherited: [] };
  const byId = new Map(departments.map((d) => [d.id, d]));
  const own = user.department ? byId.get(user.department.id) : undefined;
  if (!own) return { usable: [], notInherited: [] };
  const usable = boundAppids.filter((appid) => own.appids.includes(appid)).map((appid) => ({ appid, reason: { kind: 'allocated' as const, department: own.name } }));
  const notInherited: NotInheritedEntry[] = [];
  const seen = new Set(own.appids);
  // Nearest ancestor first; a cycle in bad data must not loop forever.
  for (let ancestor = own.parentId ? byId.get(own.parentId) : undefined, steps = 0; ancestor && steps < departments.length; steps++) {
    for (const appid of boundAppids.filter((a) => ancestor!.appids.includes(a) && !seen.has(a))) {
      seen.add(appid);
      notInherited.push({ appid, department: ancestor.name });
    }
    ancestor = ancestor.parentId ? byId.get(ancestor.parentId) : undefined;
  }
  return { usable, notInherited };
}
