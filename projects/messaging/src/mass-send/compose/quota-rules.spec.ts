import { audienceUnavailableReason, quotaView } from './quota-rules';
import { composeErrors, type ComposeValue } from './compose-rules';
import { formatOffset, localToIsoWithOffset, toLocalInputValue } from './send-time';
import { parseOpenidList } from './openid-list';

const quota = (patch: object = {}) => ({
  accountType: 'service' as const,
  period: 'month' as const,
  limit: 4,
  used: 3,
  remaining: 1,
  periodEndsAt: '2026-11-30T16:00:00.000Z',
  fanMonthlyLimit: 4,
  agreementSigned: true,
  ...patch,
});

const value = (patch: Partial<ComposeValue> = {}): ComposeValue => ({
  audienceType: 'all',
  tagId: null,
  segmentId: null,
  openidsText: '',
  contentType: 'text',
  text: '你好',
  mediaId: '',
  mediaTitle: '',
  when: 'now',
  sendAtLocal: '',
  ...patch,
});

describe('mass-send quota and audience rules', () => {
  it('tells the last send of a period, an exhausted quota and a missing agreement apart', () => {
    expect(quotaView(quota())).toEqual(jasmine.objectContaining({ lastOne: true, exhausted: false, blocked: false }));
    expect(quotaView(quota({ used: 4, remaining: 0 }))).toEqual(jasmine.objectContaining({ exhausted: true, lastOne: false }));
    expect(quotaView(quota({ agreementSigned: false })).blocked).toBeTrue();
    expect(quotaView(quota({ accountType: 'subscription', period: 'day', limit: 1, used: 0 })).period).toBe('day');
  });

  it('limits what a fan receives per month for service accounts only (PRODUCT §4)', () => {
    expect(quotaView(quota()).fanMonthlyLimit).toBe(4);
    expect(quotaView(quota({ accountType: 'subscription', period: 'day', limit: 1, used: 0, remaining: 1 })).fanMonthlyLimit).toBeNull();
  });

  it('needs verification for tags and a verified service account for openid lists', () => {
    const unverifiedService = { type: 'service', verified: false };
    const verifiedSubscription = { type: 'subscription', verified: true };
    expect(audienceUnavailableReason(unverifiedService, 'tag')).toBe('massSend.audience.needsVerified');
    expect(audienceUnavailableReason(verifiedSubscription, 'tag')).toBeNull();
    expect(audienceUnavailableReason(verifiedSubscription, 'openids')).toBe('massSend.audience.needsVerifiedService');
    expect(audienceUnavailableReason(unverifiedService, 'openids')).toBe('massSend.audience.needsVerifiedService');
    expect(audienceUnavailableReason({ type: 'service', verified: true }, 'openids')).toBeNull();
    expect(audienceUnavailableReason(unverifiedService, 'all')).toBeNull();
  });
});

describe('composeErrors', () => {
  const account = { type: 'service', verified: true };
  const now = new Date(2026, 10, 25, 12, 0);
  const errors = (patch: Partial<ComposeValue>, acc = account) =>
    composeErrors(value(patch), { account: acc, openids: patch.audienceType === 'openids' ? parseOpenidList(patch.openidsText ?? '') : null, now });

  it('accepts a text to all fans', () => {
    expect(errors({})).toEqual({});
  });

  it('checks text length in characters (emoji count once) and blank text', () => {
    expect(errors({ text: '  ' }).text).toBe('massSend.errors.textRequired');
    expect(errors({ text: '字'.repeat(600) }).text).toBeUndefined();
    expect(errors({ text: '字'.repeat(601) }).text).toBe('massSend.errors.textTooLong');
    expect(errors({ text: '😀'.repeat(600) }).text).toBeUndefined();
  });

  it('checks the audience fields and the account type', () => {
    expect(errors({ audienceType: 'tag' }).tagId).toBe('massSend.errors.tagRequired');
    expect(errors({ audienceType: 'segment' }).segmentId).toBe('massSend.errors.segmentRequired');
    expect(errors({ audienceType: 'openids', openidsText: 'x' }).openidsText).toBe('massSend.errors.openidsProblems');
    expect(errors({ audienceType: 'tag', tagId: 1 }, { type: 'service', verified: false }).audienceType).toBe('massSend.audience.needsVerified');
  });

  it('checks a media id and a scheduled time in the future within 30 days', () => {
    expect(errors({ contentType: 'image' }).mediaId).toBe('massSend.errors.mediaIdRequired');
    expect(errors({ contentType: 'image', mediaId: 'has space' }).mediaId).toBe('massSend.errors.mediaIdInvalid');
    expect(errors({ contentType: 'image', mediaId: 'MEDIA_1-x' }).mediaId).toBeUndefined();
    expect(errors({ when: 'schedule' }).sendAtLocal).toBe('massSend.errors.sendAtRequired');
    expect(errors({ when: 'schedule', sendAtLocal: '2026-11-25T11:59' }).sendAtLocal).toBe('massSend.errors.sendAtPast');
    expect(errors({ when: 'schedule', sendAtLocal: '2026-11-25T20:00' }).sendAtLocal).toBeUndefined();
    expect(errors({ when: 'schedule', sendAtLocal: '2027-01-01T00:00' }).sendAtLocal).toBe('massSend.errors.sendAtTooFar');
  });
});

describe('send time', () => {
  it('formats offsets and turns a local date-time into an instant with the zone offset', () => {
    expect(formatOffset(480)).toBe('+08:00');
    expect(formatOffset(-210)).toBe('-03:30');
    const iso = localToIsoWithOffset('2026-11-25T20:00')!;
    expect(iso).toMatch(/^2026-11-25T20:00:00[+-]\d\d:\d\d$/);
    expect(new Date(iso).getTime()).toBe(new Date(2026, 10, 25, 20, 0).getTime());
    expect(localToIsoWithOffset('2026-02-30T10:00')).toBeNull();
    expect(localToIsoWithOffset('tomorrow')).toBeNull();
    expect(toLocalInputValue(new Date(2026, 0, 5, 7, 3))).toBe('2026-01-05T07:03');
  });
});
