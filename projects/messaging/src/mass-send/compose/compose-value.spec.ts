import type { MassSendDraftDocument } from '../mass-send-api';
import { composeValueOf, EMPTY_COMPOSE, segmentIdOf, tagIdOf } from './compose-value';

describe('compose value', () => {
  it('reads a tag option as its number and the empty option as none', () => {
    expect(tagIdOf('102')).toBe(102);
    expect(tagIdOf('0')).toBe(0);
    expect(tagIdOf('')).toBeNull();
    expect(tagIdOf('abc')).toBeNull();
    expect(tagIdOf('1.5')).toBeNull();
  });

  it('reads a segment option as its id and the empty option as none', () => {
    expect(segmentIdOf('seg_high_value')).toBe('seg_high_value');
    expect(segmentIdOf('')).toBeNull();
  });

  it('fills a partial draft from the empty composition and keeps only the form fields', () => {
    const draft = { audienceType: 'tag', tagId: 102, text: '草稿', updatedAt: '2026-11-26T00:00:00Z' } as MassSendDraftDocument;
    const value = composeValueOf(draft);
    expect(value).toEqual({ ...EMPTY_COMPOSE, audienceType: 'tag', tagId: 102, text: '草稿' });
    expect(Object.keys(value).sort()).toEqual(Object.keys(EMPTY_COMPOSE).sort());
  });

  it('keeps a null tag and segment of a draft as none', () => {
    expect(composeValueOf({ audienceType: 'segment', tagId: null, segmentId: null })).toEqual({ ...EMPTY_COMPOSE, audienceType: 'segment' });
  });
});
