import { missingReplies, missingRuleFields } from './missing-fields';
import { emptyReply } from './reply-draft';

describe('missing auto-reply fields', () => {
  it('names every empty field of a rule by the server’s field name', () => {
    expect([...missingRuleFields({ name: ' ', keywords: [], replies: [emptyReply()] }).keys()]).toEqual(['name', 'keywords', 'replies[0].text']);
    expect([...missingRuleFields({ name: '价格', keywords: [{ text: '价格', match: 'full' }], replies: [] }).keys()]).toEqual(['replies']);
    expect(missingRuleFields({ name: '价格', keywords: [{ text: '价格', match: 'full' }], replies: [{ type: 'text', text: '好', mediaId: '' }] }).size).toBe(0);
  });

  it('needs a reply from a switched-on setting only, and a material reply its media id even when off', () => {
    expect([...missingReplies([], { atLeastOne: true }).keys()]).toEqual(['replies']);
    expect(missingReplies([emptyReply()], { atLeastOne: false, skipEmptyText: true }).size).toBe(0);
    expect([...missingReplies([{ type: 'image', text: '', mediaId: ' ' }], { atLeastOne: false, skipEmptyText: true }).keys()]).toEqual(['replies[0].mediaId']);
  });
});
