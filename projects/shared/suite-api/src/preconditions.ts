/**
 * The header of a conditional write (the suite API's `revision` fields, 412 `STALE`): the save applies
 * only over the revision the client started from, or, with `null` (it saw none), only where nothing
 * exists yet. The revision is opaque: it is quoted as an entity tag, not interpreted.
 */
export function basedOn(revision: string | null): { 'If-Match': string } | { 'If-None-Match': '*' } {
  return revision === null ? { 'If-None-Match': '*' } : { 'If-Match': `"${revision}"` };
}

/** Only over this revision (for things that always exist once opened: a QR code, a rule). */
export const ifMatch = (revision: string): { 'If-Match': string } => ({ 'If-Match': `"${revision}"` });
