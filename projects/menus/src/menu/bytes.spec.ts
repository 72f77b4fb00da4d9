import { previewLabel, utf8Bytes } from './bytes';

describe('utf8Bytes', () => {
  it('counts ASCII 1, Chinese 3 and emoji 4 bytes, as WeChat does', () => {
    expect(utf8Bytes('')).toBe(0);
    expect(utf8Bytes(null)).toBe(0);
    expect(utf8Bytes('Menu')).toBe(4);
    expect(utf8Bytes('菜单')).toBe(6);
    expect(utf8Bytes('🎉')).toBe(4);
    expect(utf8Bytes('会员🎉A')).toBe(11);
    // A family emoji is several code points joined: every byte counts.
    expect(utf8Bytes('👨‍👩‍👧')).toBe(18);
  });
});

describe('previewLabel', () => {
  it('shows up to 4 Chinese characters on a top-level button, then "..."', () => {
    expect(previewLabel('会员服务', 0)).toBe('会员服务');
    expect(previewLabel('会员服务中心', 0)).toBe('会员服务...');
    expect(previewLabel('Membership', 0)).toBe('Membersh...');
    expect(previewLabel('Services', 0)).toBe('Services');
  });

  it('shows up to 8 Chinese characters on a sub-button and never cuts an emoji in half', () => {
    expect(previewLabel('一二三四五六七八', 1)).toBe('一二三四五六七八');
    expect(previewLabel('一二三四五六七八九', 1)).toBe('一二三四五六七八...');
    expect(previewLabel('🎉🎉🎉🎉🎉', 0)).toBe('🎉🎉🎉🎉...');
  });
});
