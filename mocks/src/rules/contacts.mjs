/**
 * One person, one contact: a phone or email that two contacts share joins them (PRODUCT §3
 * Contacts). The older contact survives; fields it lacks are filled from the other.
 */
export function mergedProfile(survivor, absorbed, learned = {}) {
  return {
    name: survivor.name ?? absorbed?.name ?? null,
    phone: learned.phone ?? survivor.phone ?? absorbed?.phone ?? null,
    email: learned.email ?? survivor.email ?? absorbed?.email ?? null,
  };
}

/** Which contacts a newly learned phone/email joins with `contactId`: ids other than it, oldest first. */
export const contactsToJoin = (contactId, matchingIds) =>
  [...new Set(matchingIds.filter((id) => id != null && id !== contactId))].sort((a, b) => a - b);
