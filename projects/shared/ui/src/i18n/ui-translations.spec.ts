import { UI_EN } from './ui.en';
import { UI_ZH_CN } from './ui.zh-CN';

function flatten(value: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(path, child);
    else for (const [k, v] of flatten(child, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('the library strings', () => {
  const zh = flatten(UI_ZH_CN);
  const en = flatten(UI_EN);

  it('have the same keys in zh-CN and en', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('have no empty text', () => {
    for (const [key, text] of [...zh, ...en]) expect(text.trim()).withContext(key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of zh) expect(placeholders(en.get(key) ?? '')).withContext(key).toEqual(placeholders(text));
  });

  it('write Chinese text in Chinese (no English left untranslated)', () => {
    // Product names and ids (AppID, OpenID, mp.weixin.qq.com, issue) may stay Latin; sentences may not.
    const untranslated = [...zh].filter(([, text]) => !/[\u4e00-\u9fff]/.test(text) && /[a-z]{3,} [a-z]{3,}/i.test(text));
    expect(untranslated).toEqual([]);
  });
});
