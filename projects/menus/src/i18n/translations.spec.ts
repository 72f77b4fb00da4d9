import zhCN from './zh-CN.json';
import en from './en.json';

/** Every key path of a translation object, e.g. `accounts.permission.menu`. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

describe('menus translations', () => {
  it('has the same keys in zh-CN and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    for (const [lang, strings] of [['zh-CN', zhCN], ['en', en]] as const) {
      const empty = keys(strings).filter((k) => !k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], strings));
      expect(empty).withContext(lang).toEqual([]);
    }
  });

  it('keeps the interpolation parameters of each message in both languages', () => {
    const params = (text: string) => (text.match(/{{\s*\w+\s*}}/g) ?? []).map((p) => p.replace(/\s/g, '')).sort();
    for (const key of keys(zhCN)) {
      const get = (o: unknown) => key.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o) as string;
      expect(params(get(en))).withContext(key).toEqual(params(get(zhCN)));
    }
  });
});
