import { sharedPolicy, type TrustedValue } from './trusted-types';

/** The Trusted Types policy that makes a module's root markup (listed in the CSP's `trusted-types`). */
export const ROOT_TEMPLATE_POLICY = 'wechat-mfe#root';

/** Our applications' root elements: `wx-fans-root`, `wx-account-switcher-root`. */
const ROOT_TAG = /^wx-[a-z0-9]+(?:-[a-z0-9]+)*-root$/;

/** The empty root element `tag` as markup; throws on anything that is not a root tag name. */
function rootMarkup(tag: string): string {
  if (typeof tag !== 'string' || !ROOT_TAG.test(tag)) {
    throw new TypeError(`${ROOT_TEMPLATE_POLICY}: "${String(tag)}" is not a root element name (wx-…-root)`);
  }
  return `<${tag}></${tag}>`;
}

/**
 * The template single-spa-angular writes into an application's container (`innerHTML`): under an
 * enforced Trusted Types CSP that sink takes only TrustedHTML, so the markup comes from a policy that
 * can build nothing but one empty `<wx-…-root>` element. The policy validates the input, not the
 * caller: whatever asks it, it can only ever produce such an element.
 */
export function rootTemplate(tag: string): TrustedValue | string {
  const policy = sharedPolicy(ROOT_TEMPLATE_POLICY, { createHTML: rootMarkup });
  return policy ? policy.createHTML(tag) : rootMarkup(tag);
}
