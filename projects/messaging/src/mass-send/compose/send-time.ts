/**
 * Scheduling in the user's time zone: the form holds the `datetime-local` value the user typed
 * ("2026-11-25T20:00"), the API wants an instant with an offset ("2026-11-25T20:00:00+08:00").
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The browser's time zone, e.g. `Asia/Shanghai`. */
export function timeZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

/** `+08:00` for a zone offset in minutes east of UTC. */
export function formatOffset(minutesEast: number): string {
  const sign = minutesEast < 0 ? '-' : '+';
  const abs = Math.abs(minutesEast);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The local wall-clock value as an ISO instant with this zone's offset, or null when it is not a date-time. */
export function localToIsoWithOffset(local: string): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const date = new Date(y, mo - 1, d, h, mi);
  if (Number.isNaN(date.getTime()) || date.getMonth() !== mo - 1) return null;
  return `${local}:00${formatOffset(-date.getTimezoneOffset())}`;
}

/** A `datetime-local` value for a date in this zone (minutes precision). */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "Asia/Shanghai, UTC+08:00": the zone shown next to the field. */
export function zoneLabel(at = new Date()): string {
  return `${timeZoneName()}, UTC${formatOffset(-at.getTimezoneOffset())}`;
}
