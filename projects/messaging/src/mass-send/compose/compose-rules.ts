import type { MassSendDraftDocument, MediaType } from '../mass-send-api';
import type { OpenidListReport } from './openid-list';
import { audienceUnavailableReason, type AudienceType } from './quota-rules';
import { localToIsoWithOffset } from './send-time';

/** WeChat's text limit for a mass send, in characters. */
export const TEXT_MAX = 600;
export const MEDIA_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/** How far ahead a send may be scheduled (the mock's rule). */
export const SCHEDULE_HORIZON_DAYS = 30;

/** The compose form's value; it is also the draft document, field for field. */
export interface ComposeValue extends Required<Omit<MassSendDraftDocument, 'tagId' | 'segmentId'>> {
  audienceType: AudienceType;
  contentType: 'text' | MediaType;
  tagId: number | null;
  segmentId: string | null;
}

export type ComposeErrors = Partial<Record<keyof ComposeValue, string>>;

/**
 * What stops the composition from being sent, as translation keys per field (empty when it can be).
 * The server checks the same rules; these let the user fix them before asking.
 */
export function composeErrors(
  value: ComposeValue,
  { account, openids, now }: { account: { type: string; verified: boolean }; openids: OpenidListReport | null; now: Date },
): ComposeErrors {
  const errors: ComposeErrors = {};
  const unavailable = audienceUnavailableReason(account, value.audienceType);
  if (unavailable) errors.audienceType = unavailable;
  if (value.audienceType === 'tag' && value.tagId === null) errors.tagId = 'massSend.errors.tagRequired';
  if (value.audienceType === 'segment' && !value.segmentId) errors.segmentId = 'massSend.errors.segmentRequired';
  if (value.audienceType === 'openids' && openids) {
    if (openids.problems.length) errors.openidsText = 'massSend.errors.openidsProblems';
    else if (openids.count === 'tooFew') errors.openidsText = 'massSend.errors.openidsTooFew';
    else if (openids.count === 'tooMany') errors.openidsText = 'massSend.errors.openidsTooMany';
  }
  if (value.contentType === 'text') {
    if (!value.text.trim()) errors.text = 'massSend.errors.textRequired';
    else if ([...value.text].length > TEXT_MAX) errors.text = 'massSend.errors.textTooLong';
  } else if (!value.mediaId.trim()) errors.mediaId = 'massSend.errors.mediaIdRequired';
  else if (!MEDIA_ID_PATTERN.test(value.mediaId.trim())) errors.mediaId = 'massSend.errors.mediaIdInvalid';
  if (value.when === 'schedule') {
    const iso = value.sendAtLocal ? localToIsoWithOffset(value.sendAtLocal) : null;
    if (!iso) errors.sendAtLocal = 'massSend.errors.sendAtRequired';
    else if (Date.parse(iso) <= now.getTime()) errors.sendAtLocal = 'massSend.errors.sendAtPast';
    else if (Date.parse(iso) > now.getTime() + SCHEDULE_HORIZON_DAYS * 86_400_000) errors.sendAtLocal = 'massSend.errors.sendAtTooFar';
  }
  return errors;
}
