import type { SuiteLocale } from '@wechat-mfe/account-context';
import type { MfeManifest } from './manifest';
import { t, tf } from './i18n';

/** Where a developer lists module URLs to use instead of the manifest's (docs/deploy.md). */
export const OVERRIDES_KEY = 'wx-mfe-overrides';

const PLATFORM_OFF = /(?:^|;\s*)wx-platform=off(?:;|$)/;

/**
 * An overridden module may import names the page's platform bundle lacks (docs/adr/0018), so while an
 * override is active the start server is asked, by cookie, for pages on whole shared packages; the
 * cookie goes once no override is. True when this page came with the platform although an override
 * is active and the cookie was not sent: the page must load again (once: the cookie is sent then).
 */
export function syncPlatformCookie(overriding: boolean, pageHasPlatform: boolean, doc: Pick<Document, 'cookie'> = document): boolean {
  const sent = PLATFORM_OFF.test(doc.cookie);
  if (overriding && !sent) doc.cookie = 'wx-platform=off; path=/; samesite=lax';
  if (!overriding && sent) doc.cookie = 'wx-platform=; path=/; max-age=0; samesite=lax';
  return overriding && pageHasPlatform && !sent && PLATFORM_OFF.test(doc.cookie);
}

export interface AppliedOverride {
  readonly remote: string;
  readonly url: string;
}

/**
 * Applies `{"<remote>": "<url of a remoteEntry.json>"}` from localStorage to the manifest. A URL is
 * honoured only on this page's origin or on an origin the manifest already loads modules from: an
 * override is code that runs with the user's session, so whoever can write localStorage (a pasted
 * console snippet, one XSS) must not be able to make the suite load script from anywhere else for
 * good. Only remotes the manifest knows can be overridden; everything else is refused and reported.
 */
export function applyOverrides(
  manifest: MfeManifest,
  stored: string | null,
  pageOrigin: string,
): { manifest: MfeManifest; applied: AppliedOverride[]; refused: string[] } {
  if (!stored) return { manifest, applied: [], refused: [] };
  let requested: unknown;
  try {
    requested = JSON.parse(stored);
  } catch {
    return { manifest, applied: [], refused: [`${OVERRIDES_KEY} is not JSON`] };
  }
  if (typeof requested !== 'object' || requested === null || Array.isArray(requested)) {
    return { manifest, applied: [], refused: [`${OVERRIDES_KEY} must be an object of remote → URL`] };
  }
  const trusted = new Set([pageOrigin, ...Object.values(manifest.remotes).map((url) => new URL(url, pageOrigin).origin)]);
  const remotes = { ...manifest.remotes };
  const applied: AppliedOverride[] = [];
  const refused: string[] = [];
  for (const [remote, url] of Object.entries(requested)) {
    const reason = refusal(remote, url, manifest, trusted, pageOrigin);
    if (reason) refused.push(`${remote}: ${reason}`);
    else {
      remotes[remote] = url as string;
      applied.push({ remote, url: url as string });
    }
  }
  return { manifest: { ...manifest, remotes }, applied, refused };
}

function refusal(remote: string, url: unknown, manifest: MfeManifest, trusted: Set<string>, pageOrigin: string): string | null {
  if (!(remote in manifest.remotes)) return 'not a remote of the manifest';
  if (typeof url !== 'string') return 'the URL must be a string';
  let parsed: URL;
  try {
    parsed = new URL(url, pageOrigin);
  } catch {
    return 'not a URL';
  }
  if (!['http:', 'https:'].includes(parsed.protocol) || !parsed.pathname.endsWith('/remoteEntry.json')) return 'must be an http(s) URL ending in remoteEntry.json';
  if (!trusted.has(parsed.origin)) return `origin ${parsed.origin} is neither this page's nor one the manifest loads modules from`;
  return null;
}

/** Reads the stored overrides; a browser that refuses storage has none. */
export function storedOverrides(): string | null {
  try {
    return localStorage.getItem(OVERRIDES_KEY);
  } catch {
    return null;
  }
}

/** An override is never silent: the page says which module comes from where until it is removed. */
export function renderOverrideNotice(applied: readonly AppliedOverride[], locale: SuiteLocale): void {
  const host = document.getElementById('suite-overrides');
  if (!host || applied.length === 0 || host.dataset['locale'] === locale) return;
  host.dataset['locale'] = locale;
  host.setAttribute('role', 'status');
  const heading = document.createElement('h2');
  heading.textContent = t(locale, 'overridesTitle');
  const list = document.createElement('ul');
  for (const { remote, url } of applied) {
    const item = document.createElement('li');
    item.textContent = tf(locale, 'overrideItem', { remote, url });
    list.append(item);
  }
  const how = document.createElement('p');
  how.textContent = tf(locale, 'overridesRemove', { key: OVERRIDES_KEY });
  host.replaceChildren(heading, list, how);
}
