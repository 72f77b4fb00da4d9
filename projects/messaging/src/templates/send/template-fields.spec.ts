import { checkFieldValue, checkLink, checkTemplateValues, fieldKeyOfServerError, linkBody, maxLengthOf, parseOpenids } from './template-fields';

const openid = (n: number) => `o${String(n).padStart(27, 'T')}`;

describe('template field rules', () => {
  it('caps values at 20 characters, counted as characters, and wants one non-blank line', () => {
    expect(checkFieldValue('thing', '字'.repeat(20))).toBeNull();
    expect(checkFieldValue('thing', '字'.repeat(21))).toEqual({ rule: 'tooLong', max: 20 });
    expect(checkFieldValue('thing', '😀'.repeat(20))).toBeNull();
    expect(checkFieldValue('thing', '   ')).toEqual({ rule: 'required' });
    expect(checkFieldValue('thing', 'a\nb')).toEqual({ rule: 'lineBreak' });
    expect(checkFieldValue('car_number', 'x'.repeat(21))?.rule).toBe('tooLong');
  });

  it('constrains each kind as WeChat does', () => {
    expect(checkFieldValue('number', '12.5')).toBeNull();
    expect(checkFieldValue('number', '12a')?.rule).toBe('number');
    expect(checkFieldValue('amount', '¥299.00')).toBeNull();
    expect(checkFieldValue('amount', '12.5元')).toBeNull();
    expect(checkFieldValue('amount', '299块')?.rule).toBe('amount');
    expect(checkFieldValue('time', '2026年11月11日 10:30')).toBeNull();
    expect(checkFieldValue('time', '10:30')).toBeNull();
    expect(checkFieldValue('time', '明天上午')?.rule).toBe('time');
    expect(checkFieldValue('date', '2026-11-11')).toBeNull();
    expect(checkFieldValue('date', '11月11日')?.rule).toBe('date');
    expect(checkFieldValue('phrase', '已发货')).toBeNull();
    expect(checkFieldValue('phrase', 'OK')?.rule).toBe('phrase');
    expect(checkFieldValue('phrase', '已经发货了啦')).toEqual({ rule: 'tooLong', max: 5 });
    expect(checkFieldValue('character_string', 'DM-2026#1')).toBeNull();
    expect(checkFieldValue('character_string', 'DM 1')?.rule).toBe('characterString');
    expect(checkFieldValue('character_string', 'A'.repeat(32))).toBeNull();
    expect(maxLengthOf('character_string')).toBe(32);
    expect(checkFieldValue('phone_number', '021-62881234')).toBeNull();
  });

  it('reports the problem of every field by key', () => {
    const fields = [
      { key: 'thing1', kind: 'thing' },
      { key: 'amount2', kind: 'amount' },
      { key: 'phrase3', kind: 'phrase' },
    ];
    expect(checkTemplateValues(fields, { thing1: '音箱', amount2: 'free' })).toEqual({ amount2: { rule: 'amount' }, phrase3: { rule: 'required' } });
  });

  it('takes a web link or a mini-program page and builds only that one', () => {
    const link = { kind: 'url' as const, url: 'javascript:alert(1)', appid: 'wx0123456789abcdef', pagepath: 'pages/a' };
    expect(checkLink(link)).toEqual({ url: 'url' });
    expect(checkLink({ ...link, url: 'https://dmartech.cn/a' })).toEqual({});
    expect(linkBody({ ...link, url: ' https://dmartech.cn/a ' })).toEqual({ url: 'https://dmartech.cn/a' });
    const mp = { ...link, kind: 'miniprogram' as const };
    expect(checkLink(mp)).toEqual({});
    expect(linkBody(mp)).toEqual({ miniprogram: { appid: 'wx0123456789abcdef', pagepath: 'pages/a' } });
    expect(checkLink({ ...mp, appid: 'wx1', pagepath: '' })).toEqual({ 'miniprogram.appid': 'appid', 'miniprogram.pagepath': 'pagepath' });
    expect(linkBody({ ...link, kind: 'none' })).toEqual({});
  });

  it('parses pasted openids, dropping repeats and listing what is not one', () => {
    expect(parseOpenids(`${openid(1)}\n${openid(2)}, ${openid(1)}\nnope`)).toEqual({ openids: [openid(1), openid(2)], invalid: ['nope'] });
    expect(fieldKeyOfServerError('data.thing1.value')).toBe('thing1');
    expect(fieldKeyOfServerError('data.first')).toBe('first');
    expect(fieldKeyOfServerError('audience.tagId')).toBeNull();
  });
});
