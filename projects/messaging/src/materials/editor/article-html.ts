import { SecurityContext } from '@angular/core';
import type { DomSanitizer } from '@angular/platform-browser';
import { sharedPolicy, type TrustedValue } from '@wechat-mfe/ui';

/** The Trusted Types policy for article HTML the editor parses (listed in the CSP's `trusted-types`). */
export const ARTICLE_HTML_POLICY = 'wechat-mfe#article';

/**
 * The policy's one rule is Angular's HTML sanitizer: the first caller's `DomSanitizer` is kept (it holds
 * nothing but the document), so no later caller can hand the policy a sanitizer of its own.
 */
function articlePolicy(sanitizer: DomSanitizer) {
  return sharedPolicy(ARTICLE_HTML_POLICY, { createHTML: (html) => sanitizedBody(html, sanitizer) });
}

// Inside <body>, so that nothing the sanitizer keeps is taken for head content.
const sanitizedBody = (html: string, sanitizer: DomSanitizer) => `<body>${sanitizer.sanitize(SecurityContext.HTML, html) ?? ''}</body>`;

/**
 * Article HTML (stored, or what the user typed) as a detached, inert document, after Angular's
 * sanitizer: under an enforced Trusted Types CSP `DOMParser` takes only TrustedHTML, and this policy's
 * TrustedHTML is always sanitized HTML. A DOMParser document runs no script and loads nothing.
 */
export function parseArticleHtml(html: string, sanitizer: DomSanitizer): Document {
  return new DOMParser().parseFromString(trustedArticleHtml(html, sanitizer) as unknown as string, 'text/html');
}

/** Sanitized article HTML inside `<body>`: TrustedHTML where the browser has Trusted Types. */
export function trustedArticleHtml(html: string, sanitizer: DomSanitizer): TrustedValue | string {
  const policy = articlePolicy(sanitizer);
  return policy ? policy.createHTML(html) : sanitizedBody(html, sanitizer);
}
