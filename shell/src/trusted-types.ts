/**
 * The shell's Trusted Types policy `wechat-mfe` (ADR 0010). Its only sink is the text of the import-map
 * scripts the shell adds for each remote: under `require-trusted-types-for 'script'` a script's
 * `textContent` takes only a TrustedScript, and this policy makes one only of an import map.
 */

/** The name listed in the CSP's `trusted-types` directive. */
export const SHELL_POLICY = 'wechat-mfe';

interface TrustedScript {
  readonly __trustedScript: unique symbol;
}

interface ShellPolicy {
  createScript(input: string): TrustedScript;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScript(input: string): string }): ShellPolicy;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An address a module may be imported from: http(s) only (no data:, blob: or javascript:). */
function checkAddress(specifier: string, address: unknown): void {
  if (typeof address !== 'string') throw new TypeError(`${SHELL_POLICY}: import map entry "${specifier}" is not a string`);
  const protocol = new URL(address, location.href).protocol;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new TypeError(`${SHELL_POLICY}: import map entry "${specifier}" is not an http(s) URL`);
  }
}

function checkSpecifierMap(map: unknown, where: string): void {
  if (!isRecord(map)) throw new TypeError(`${SHELL_POLICY}: ${where} is not an object`);
  for (const [specifier, address] of Object.entries(map)) checkAddress(specifier, address);
}

/**
 * Accepts only import-map JSON: an object with `imports` and/or `scopes` and nothing else, every
 * address an http(s) URL. Anything else (script, other JSON) throws, so the policy can never turn
 * attacker text into a runnable script.
 */
export function importMapText(input: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch {
    throw new TypeError(`${SHELL_POLICY}: not import-map JSON`);
  }
  if (!isRecord(parsed)) throw new TypeError(`${SHELL_POLICY}: not import-map JSON`);
  const extra = Object.keys(parsed).filter((key) => key !== 'imports' && key !== 'scopes');
  if (extra.length) throw new TypeError(`${SHELL_POLICY}: an import map has no "${extra[0]}"`);
  if ('imports' in parsed) checkSpecifierMap(parsed['imports'], 'imports');
  if ('scopes' in parsed) {
    const scopes = parsed['scopes'];
    if (!isRecord(scopes)) throw new TypeError(`${SHELL_POLICY}: scopes is not an object`);
    for (const [scope, map] of Object.entries(scopes)) {
      checkAddress(scope, scope);
      checkSpecifierMap(map, `scope ${scope}`);
    }
  }
  return input;
}

let policy: ShellPolicy | null | undefined;

/**
 * The import map `importMap` as the text of a `<script type="importmap">`: a TrustedScript where the
 * browser has Trusted Types, checked the same way where it has not.
 */
export function trustedImportMap(importMap: object): TrustedScript | string {
  const json = JSON.stringify(importMap);
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    // One shell per document: the policy is created once, here, and never shared.
    policy = factory ? factory.createPolicy(SHELL_POLICY, { createScript: importMapText }) : null;
  }
  return policy ? policy.createScript(json) : importMapText(json);
}
