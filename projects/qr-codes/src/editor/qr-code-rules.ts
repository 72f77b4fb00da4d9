import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** WeChat's QR code rules (PRODUCT §4), checked as the user types; the mock API checks them again. */
export const QR_RULES = {
  nameMax: 64,
  temporaryMinSeconds: 60,
  temporaryMaxSeconds: 2_592_000,
  temporarySceneIdMax: 4_294_967_295,
  permanentSceneIdMax: 100_000,
  sceneStrMax: 64,
  tagsMax: 20,
  replyMax: 600,
} as const;

/** Expiry presets marketers use, in seconds; `custom` takes an amount and a unit. */
export const EXPIRY_PRESETS = [3_600, 86_400, 604_800, 2_592_000] as const;
export const EXPIRY_UNITS = { minutes: 60, hours: 3_600, days: 86_400 } as const;
export type ExpiryUnit = keyof typeof EXPIRY_UNITS;

/** Characters as people count them (an emoji is one), like the server's limit. */
export const charCount = (text: string): number => [...text].length;

/** Required, not only spaces, at most `max` characters. */
export function textRule(max: number): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const value = (control.value ?? '').trim();
    if (!value) return { required: true };
    const length = charCount(value);
    return length > max ? { tooLong: { max, length } } : null;
  };
}

/** Seconds of a custom expiry, or null when the amount is not a whole positive number. */
export function customExpirySeconds(amount: number | string | null, unit: ExpiryUnit): number | null {
  const n = typeof amount === 'string' ? Number(amount.trim() || NaN) : amount;
  if (n === null || !Number.isInteger(n) || n <= 0) return null;
  return n * EXPIRY_UNITS[unit];
}

/** A custom expiry between 60 s and 30 days; reads its unit from the sibling `expiryUnit` control. */
export const customExpiryRule: ValidatorFn = (control) => {
  const unit = (control.parent?.get('expiryUnit')?.value ?? 'days') as ExpiryUnit;
  if (control.value === null || control.value === '') return { required: true };
  const seconds = customExpirySeconds(control.value as number | string, unit);
  if (seconds === null) return { wholeNumber: true };
  if (seconds < QR_RULES.temporaryMinSeconds) return { expiryTooShort: true };
  return seconds > QR_RULES.temporaryMaxSeconds ? { expiryTooLong: true } : null;
};

/**
 * The scene value, by kind and scene type (sibling controls `kind` and `sceneType`):
 * numbers 1–4,294,967,295 (temporary) or 1–100,000 (permanent); strings of 1–64 characters.
 */
export const sceneRule: ValidatorFn = (control) => {
  const kind = control.parent?.get('kind')?.value ?? 'temporary';
  const type = control.parent?.get('sceneType')?.value ?? 'number';
  const raw = String(control.value ?? '');
  if (type === 'string') {
    const length = charCount(raw);
    if (length === 0) return { required: true };
    return length > QR_RULES.sceneStrMax ? { tooLong: { max: QR_RULES.sceneStrMax, length } } : null;
  }
  const text = raw.trim();
  if (!text) return { required: true };
  const max = kind === 'permanent' ? QR_RULES.permanentSceneIdMax : QR_RULES.temporarySceneIdMax;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) return { sceneRange: { max } };
  return null;
};

/** At most 20 tags: WeChat keeps no more on one fan. */
export const tagsRule: ValidatorFn = (control) =>
  ((control.value as unknown[] | null) ?? []).length > QR_RULES.tagsMax ? { tooManyTags: { max: QR_RULES.tagsMax } } : null;

/** The reply text, needed only when the reply type is text. */
export const replyTextRule: ValidatorFn = (control) =>
  control.parent?.get('replyType')?.value === 'text' ? textRule(QR_RULES.replyMax)(control) : null;

/** The chosen material, needed only when the reply type is material. */
export const replyMaterialRule: ValidatorFn = (control) =>
  control.parent?.get('replyType')?.value === 'material' && !String(control.value ?? '').trim() ? { materialRequired: true } : null;

/** Which form control shows a server field error (`sceneId` → the scene input, `reply.content` → the reply). */
export function controlForField(field: string): string | null {
  if (field === 'reply.mediaId') return 'replyMediaId';
  const root = field.split(/[.[]/)[0];
  const map: Record<string, string> = {
    name: 'name',
    kind: 'kind',
    expireSeconds: 'expiryAmount',
    sceneId: 'scene',
    sceneStr: 'scene',
    tagIds: 'tagIds',
    reply: 'replyContent',
    'reply.mediaId': 'replyMediaId',
    enabled: 'enabled',
  };
  return map[root] ?? null;
}
