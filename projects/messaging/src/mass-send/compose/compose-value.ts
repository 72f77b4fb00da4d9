import type { MassSendDraftDocument } from '../mass-send-api';
import type { ComposeValue } from './compose-rules';

/** A composition nobody has started: what a new account and a sent message leave behind. */
export const EMPTY_COMPOSE: ComposeValue = {
  audienceType: 'all',
  tagId: null,
  segmentId: null,
  openidsText: '',
  contentType: 'text',
  text: '',
  mediaId: '',
  mediaTitle: '',
  when: 'now',
  sendAtLocal: '',
};

/**
 * The composition a saved draft describes. Only the form's own fields are taken (the draft is
 * saved back as it is, and the API refuses unknown properties); missing ones start empty.
 */
export function composeValueOf(document: MassSendDraftDocument): ComposeValue {
  const value = { ...EMPTY_COMPOSE };
  for (const key of Object.keys(EMPTY_COMPOSE) as (keyof ComposeValue)[]) {
    if (document[key] !== undefined) (value as Record<keyof ComposeValue, unknown>)[key] = document[key];
  }
  value.tagId = tagIdOf(value.tagId === null ? '' : String(value.tagId));
  value.segmentId = segmentIdOf(value.segmentId ?? '');
  return value;
}

/** The tag an `<option>` value names: options carry strings, tags are numbered; "" is none chosen. */
export function tagIdOf(option: string): number | null {
  const id = option === '' ? NaN : Number(option);
  return Number.isInteger(id) ? id : null;
}

/** The segment an `<option>` value names ("" is none chosen). */
export function segmentIdOf(option: string): string | null {
  return option === '' ? null : option;
}
