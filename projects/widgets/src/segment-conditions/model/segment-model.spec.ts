import { parseSegmentDocument, problemsAt, serialiseSegmentDocument, validateSegmentDocument, type SegmentDocument } from './index';

const SMART = 'wx5f3a9c1e7b2d4068';
const replied: SegmentDocument = {
  version: 1,
  root: {
    type: 'group',
    op: 'and',
    children: [
      { type: 'event', appids: [SMART], event: 'sentMessage', match: { operator: 'contains', text: 'Dmartech' }, window: { lastDays: 7 }, count: { operator: 'atLeast', times: 1 } },
      { type: 'attribute', appids: [SMART], attribute: 'subscribed' },
      {
        type: 'group',
        op: 'or',
        children: [
          { type: 'attribute', appids: [SMART], attribute: 'subscribeTime', operator: 'between', from: '2026-01-01', to: '2026-03-31' },
          { type: 'event', appids: [SMART], event: 'clickedMenu', menuKey: 'TODAY_PICK', window: { from: '2026-11-01', to: '2026-11-20' } },
        ],
      },
    ],
  },
};

describe('segment condition model', () => {
  it('round-trips through JSON unchanged', () => {
    const json = serialiseSegmentDocument(replied);
    expect(parseSegmentDocument(json)).toEqual(replied);
    expect(serialiseSegmentDocument(parseSegmentDocument(json)!)).toBe(json);
  });

  it('writes keys in one canonical order, whatever order they came in', () => {
    const shuffled = JSON.parse('{"root":{"children":[{"attribute":"subscribed","appids":["wx1"],"type":"attribute"}],"op":"or","type":"group"},"version":1}');
    expect(serialiseSegmentDocument(parseSegmentDocument(shuffled)!)).toBe(
      '{"version":1,"root":{"type":"group","op":"or","children":[{"type":"attribute","appids":["wx1"],"attribute":"subscribed"}]}}',
    );
  });

  it('reads nothing from what is not a document', () => {
    expect(parseSegmentDocument('{')).toBeNull();
    expect(parseSegmentDocument('[]')).toBeNull();
    expect(parseSegmentDocument({ version: 1, root: { type: 'attribute' } })).toBeNull();
  });

  it('finds no problem in a complete document', () => {
    expect(validateSegmentDocument(replied)).toEqual([]);
  });

  it('flags incomplete and invalid conditions with their JSON paths (the server uses the same)', () => {
    const doc: SegmentDocument = {
      version: 1,
      root: {
        type: 'group',
        op: 'and',
        children: [
          { type: 'event', appids: [], event: 'sentMessage', match: { operator: 'contains', text: ' ' }, window: { lastDays: 400 } },
          { type: 'group', op: 'or', children: [] },
          { type: 'attribute', appids: ['wx1', 'wx2'], attribute: 'tag', operator: 'is' },
          { type: 'event', appids: ['wx1'], event: 'sentMessage', count: { operator: 'atLeast', times: 0 } },
        ],
      },
    };
    const problems = validateSegmentDocument(doc);
    expect(problems.map((p) => `${p.path}:${p.key}`)).toEqual([
      'root.children[0].appids:noAccount',
      'root.children[0].match.text:text',
      'root.children[0].window.lastDays:days',
      'root.children[1].children:emptyGroup',
      'root.children[2].tagId:tag',
      'root.children[2].appids:oneAccount',
      'root.children[3].count.times:times',
    ]);
    // Each condition row shows its own problems only.
    expect(problemsAt(problems, 'root.children[0]').length).toBe(3);
    expect(problemsAt(problems, 'root').length).toBe(0);
    expect(problemsAt(problems, 'root.children[1]').map((p) => p.key)).toEqual(['emptyGroup']);
  });

  it('allows "at most 0 times" but not "at least 0 times", and refuses reversed date ranges', () => {
    const at = (times: number, operator: 'atLeast' | 'atMost') =>
      validateSegmentDocument({ version: 1, root: { type: 'group', op: 'and', children: [{ type: 'event', appids: ['wx1'], event: 'followed', count: { operator, times } }] } });
    expect(at(0, 'atMost')).toEqual([]);
    expect(at(0, 'atLeast').length).toBe(1);
    const reversed = validateSegmentDocument({
      version: 1,
      root: { type: 'group', op: 'and', children: [{ type: 'event', appids: ['wx1'], event: 'followed', window: { from: '2026-05-02', to: '2026-05-01' } }] },
    });
    expect(reversed.map((p) => p.path)).toEqual(['root.children[0].window.to']);
  });

  it('refuses groups nested deeper than three levels', () => {
    const leaf = { type: 'attribute', appids: ['wx1'], attribute: 'subscribed' } as const;
    const doc: SegmentDocument = {
      version: 1,
      root: { type: 'group', op: 'and', children: [{ type: 'group', op: 'or', children: [{ type: 'group', op: 'and', children: [{ type: 'group', op: 'and', children: [leaf] }] }] }] },
    };
    expect(validateSegmentDocument(doc).map((p) => p.path)).toEqual(['root.children[0].children[0].children[0]']);
  });
});
