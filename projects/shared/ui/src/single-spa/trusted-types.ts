/**
 * The slice of the Trusted Types API the suite uses (TypeScript's DOM library has none), and one
 * policy per name per document, shared by every bundle that carries this file.
 *
 * Why shared on `globalThis` rather than `trusted-types … 'allow-duplicates'`: @wechat-mfe/ui is
 * bundled into every module, so each module has its own copy of this code, and a policy name can be
 * created only once per document. 'allow-duplicates' would let *any* script create another policy under
 * our allow-listed name with rules of its own (an identity function, say), which would empty the
 * allow-list of meaning. Sharing keeps exactly one creation per name: whoever holds the policy can only
 * get what its rules let through.
 */

/** A value a Trusted Types policy made (TrustedHTML, TrustedScript): opaque, assignable to its sink. */
export interface TrustedValue {
  readonly __trusted: unique symbol;
}

/** The rules of one policy: each turns a string into what its sink accepts, or throws. */
export interface PolicyRules {
  createHTML?(input: string): string;
  createScript?(input: string): string;
}

/** A created policy (the browser's `TrustedTypePolicy`). */
export interface TrustedPolicy {
  readonly name: string;
  createHTML(input: string): TrustedValue;
  createScript(input: string): TrustedValue;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: PolicyRules): TrustedPolicy;
  isHTML(value: unknown): boolean;
  isScript(value: unknown): boolean;
}

/** `window.trustedTypes` where the browser has the API (Chromium does; some others do not yet). */
export function trustedTypesFactory(): TrustedTypesFactory | undefined {
  return (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
}

const REGISTRY = Symbol.for('wechat-mfe.trusted-types.policies');

/**
 * The document's policy `name`, created with `rules` by the first bundle that asks; `null` where the
 * browser has no Trusted Types (callers then apply the same rules themselves and pass a string).
 */
export function sharedPolicy(name: string, rules: PolicyRules): TrustedPolicy | null {
  const factory = trustedTypesFactory();
  if (!factory) return null;
  const scope = globalThis as { [REGISTRY]?: Map<string, TrustedPolicy> };
  const policies = (scope[REGISTRY] ??= new Map());
  let policy = policies.get(name);
  if (!policy) {
    // Throws when the page's CSP does not list the name: a loud failure, as it should be.
    policy = factory.createPolicy(name, rules);
    policies.set(name, policy);
  }
  return policy;
}
