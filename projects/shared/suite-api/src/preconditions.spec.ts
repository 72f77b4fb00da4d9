import { basedOn, ifMatch } from './preconditions';

describe('conditional write headers', () => {
  it('quote the revision as an entity tag, or ask for nothing existing yet', () => {
    expect(basedOn('abc-123')).toEqual({ 'If-Match': '"abc-123"' });
    expect(basedOn(null)).toEqual({ 'If-None-Match': '*' });
    expect(ifMatch('r2')).toEqual({ 'If-Match': '"r2"' });
  });
});
