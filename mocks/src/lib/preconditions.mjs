import { createHash } from 'node:crypto';
import { Problem } from './problems.mjs';

/**
 * Conditional writes (RFC 9110 §13.1) for things several people edit, such as an account's menu draft.
 * A stored thing has an opaque `revision` that changes whenever any of its parts does (content, time,
 * author), so two saves within the mock clock's same millisecond still differ.
 */
export const revisionOf = (...parts) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);

/** `"abc", W/"def"` → ['abc', 'def']; `*` stays '*'. */
function entityTags(header) {
  const value = String(header).trim();
  if (value === '*') return '*';
  return value.split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1')).filter(Boolean);
}

/**
 * Refuses a write the client based on another revision: `If-Match: "<revision>"` writes only over that
 * revision, `If-None-Match: *` only where nothing exists yet (`revision` null). Without either header the
 * write goes through (the last writer wins), as it always did, for clients that do not track revisions.
 * `changed` describes the current thing for the message: `{ what, by?, at? }` (who saved it last, when).
 */
export function assertPrecondition(headers, revision, changed) {
  const ifMatch = headers['if-match'];
  if (ifMatch !== undefined) {
    const tags = entityTags(ifMatch);
    const holds = tags === '*' ? revision !== null : revision !== null && tags.includes(revision);
    if (!holds) throw stale('If-Match', changed);
  }
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const tags = entityTags(ifNoneMatch);
    const holds = tags === '*' ? revision === null : revision === null || !tags.includes(revision);
    if (!holds) throw stale('If-None-Match', changed);
  }
}

function stale(header, { what, by = null, at = null }) {
  const who = by ? ` by ${by}` : '';
  const when = at ? ` at ${at}` : '';
  const detail = `${what} was changed${who}${when} after you loaded it: load it again, or send your version with its current revision.`;
  return new Problem(412, 'STALE', detail, { errors: [{ field: `header.${header}`, message: 'does not match the current revision' }] });
}
