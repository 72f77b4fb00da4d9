/** The runtime manifest: the only place that knows where each module lives (ARCHITECTURE §3). */
export interface ManifestApplication {
  readonly name: string;
  readonly remote: string;
  readonly exposed: string;
  readonly slot: 'main' | 'header';
  readonly routes: readonly string[];
}

export interface ManifestParcel {
  readonly remote: string;
  readonly exposed: string;
}

export interface MfeManifest {
  readonly remotes: Readonly<Record<string, string>>;
  readonly applications: readonly ManifestApplication[];
  readonly parcels: Readonly<Record<string, ManifestParcel>>;
}

/** A manifest entry that was refused, with why; the shell shows it in the entry's slot instead of failing. */
export interface ManifestProblem {
  readonly entry: string;
  readonly message: string;
}

const NAME = /^[a-z][a-z0-9-]{0,63}$/;
const SLOTS = new Set(['main', 'header']);

/**
 * Validates an untrusted manifest document. A bad entry disables only that entry (reported in
 * `problems`); a document that is not a manifest at all throws.
 */
export function validateManifest(input: unknown): { manifest: MfeManifest; problems: ManifestProblem[] } {
  if (!isRecord(input) || !isRecord(input['remotes']) || !Array.isArray(input['applications'])) {
    throw new Error('mfe-manifest.json must have "remotes" (object) and "applications" (array)');
  }
  const problems: ManifestProblem[] = [];
  const remotes: Record<string, string> = {};
  for (const [name, url] of Object.entries(input['remotes'])) {
    if (!NAME.test(name)) problems.push({ entry: `remotes.${name}`, message: 'remote name must be lower-case kebab-case' });
    else if (typeof url !== 'string' || !isRemoteEntryUrl(url)) problems.push({ entry: `remotes.${name}`, message: 'must be a URL ending in remoteEntry.json' });
    else remotes[name] = url;
  }
  const applications: ManifestApplication[] = [];
  const seen = new Set<string>();
  input['applications'].forEach((app: unknown, index: number) => {
    const entry = isRecord(app) && typeof app['name'] === 'string' ? app['name'] : `applications[${index}]`;
    const message = applicationProblem(app, remotes, seen);
    if (message) problems.push({ entry, message });
    else {
      applications.push(app as unknown as ManifestApplication);
      seen.add(entry);
    }
  });
  const parcels: Record<string, ManifestParcel> = {};
  for (const [name, parcel] of Object.entries(isRecord(input['parcels']) ? input['parcels'] : {})) {
    if (isRecord(parcel) && typeof parcel['remote'] === 'string' && parcel['remote'] in remotes && typeof parcel['exposed'] === 'string' && parcel['exposed'].startsWith('./')) {
      parcels[name] = { remote: parcel['remote'], exposed: parcel['exposed'] };
    } else {
      problems.push({ entry: `parcels.${name}`, message: 'needs a known "remote" and an "exposed" path starting with ./' });
    }
  }
  return { manifest: { remotes, applications, parcels }, problems };
}

function applicationProblem(app: unknown, remotes: Record<string, string>, seen: Set<string>): string | null {
  if (!isRecord(app)) return 'must be an object';
  const { name, remote, exposed, slot, routes } = app;
  if (typeof name !== 'string' || !NAME.test(name)) return '"name" must be lower-case kebab-case';
  if (seen.has(name)) return `"${name}" is listed twice`;
  if (typeof remote !== 'string' || !(remote in remotes)) return `"remote" must name one of the valid remotes`;
  if (typeof exposed !== 'string' || !exposed.startsWith('./')) return '"exposed" must start with ./';
  if (typeof slot !== 'string' || !SLOTS.has(slot)) return '"slot" must be "main" or "header"';
  if (!Array.isArray(routes) || routes.length === 0 || !routes.every((r) => typeof r === 'string' && /^\/[a-z0-9/-]*$/.test(r))) {
    return '"routes" must be a non-empty list of paths like /wechat/qrcodes';
  }
  return null;
}

function isRemoteEntryUrl(url: string): boolean {
  try {
    const parsed = new URL(url, 'http://same-origin.invalid');
    return ['http:', 'https:'].includes(parsed.protocol) && parsed.pathname.endsWith('/remoteEntry.json');
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
