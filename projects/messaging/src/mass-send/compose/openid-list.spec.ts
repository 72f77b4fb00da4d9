import { parseOpenidList } from './openid-list';

const id = (n: number) => `o${String(n).padStart(27, 'A')}`;

describe('parseOpenidList', () => {
  it('reads one openid per line and reports invalid and duplicate lines by number', () => {
    const report = parseOpenidList([id(1), 'not-an-openid', '', id(2), id(1)].join('\n'));
    expect(report.openids).toEqual([id(1), id(2)]);
    expect(report.problems).toEqual([
      { line: 2, text: 'not-an-openid', kind: 'invalid' },
      { line: 5, text: id(1), kind: 'duplicate', firstLine: 1 },
    ]);
    expect(report.count).toBe('ok');
  });

  it('reads CSV cells, skips an "openid" header and quotes, accepts Windows line ends', () => {
    const report = parseOpenidList(`openid,name\r\n"${id(1)}",张三\r\n${id(2)};${id(3)}\t`);
    expect(report.openids).toEqual([id(1), id(2), id(3)]);
    expect(report.problems).toEqual([{ line: 2, text: '张三', kind: 'invalid' }]);
  });

  it('needs 2 to 10,000 distinct openids', () => {
    expect(parseOpenidList('').count).toBe('tooFew');
    expect(parseOpenidList(`${id(1)}\n${id(1)}`).count).toBe('tooFew');
    expect(parseOpenidList(`${id(1)}\n${id(2)}`).count).toBe('ok');
    const many = (n: number) => Array.from({ length: n }, (_, i) => id(i)).join('\n');
    expect(parseOpenidList(many(10_000)).count).toBe('ok');
    expect(parseOpenidList(many(10_001)).count).toBe('tooMany');
  });
});
