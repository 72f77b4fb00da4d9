import { importMapText, trustedImportMap } from './trusted-types';

describe('the shell policy wechat-mfe (import maps only)', () => {
  const map = {
    imports: { 'fans/lifecycles': 'http://localhost:4200/modules/fans/1/lifecycles-A.js' },
    scopes: {
      'http://localhost:4200/modules/fans/1/': { '@angular/core': 'http://localhost:4200/modules/fans/1/_angular_core-B.js', rxjs: '/modules/fans/1/rxjs-C.js' },
    },
  };

  it('turns an import map into a TrustedScript that a script element accepts', () => {
    const trusted = trustedImportMap(map);
    const factory = (globalThis as { trustedTypes?: { isScript(value: unknown): boolean } }).trustedTypes;
    expect(factory?.isScript(trusted)).withContext('a TrustedScript, not a string').toBeTrue();
    expect(JSON.parse(String(trusted))).toEqual(map);
    const script = document.createElement('script');
    script.type = 'importmap';
    script.textContent = trusted as string;
    expect(JSON.parse(script.textContent ?? '')).toEqual(map);
    expect(String(trustedImportMap({ imports: {} }))).toBe('{"imports":{}}');
  });

  it('refuses script and any JSON that is not an import map', () => {
    const refused: [string, string][] = [
      ['script', 'alert(1)'],
      ['a string', '"alert(1)"'],
      ['an array', '[]'],
      ['null', 'null'],
      ['another key', JSON.stringify({ imports: {}, integrity: {} })],
      ['a number address', JSON.stringify({ imports: { a: 1 } })],
      ['a javascript: address', JSON.stringify({ imports: { a: 'javascript:alert(1)' } })],
      ['a data: address', JSON.stringify({ imports: { a: 'data:text/javascript,alert(1)' } })],
      ['a blob: address in a scope', JSON.stringify({ scopes: { '/x/': { a: 'blob:http://localhost/1' } } })],
      ['scopes as a list', JSON.stringify({ scopes: [] })],
      ['imports as a list', JSON.stringify({ imports: ['/a.js'] })],
      ['a data: scope', JSON.stringify({ scopes: { 'data:,x': {} } })],
    ];
    for (const [what, text] of refused) {
      expect(() => importMapText(text)).withContext(what).toThrowError(TypeError, /wechat-mfe/);
    }
    expect(() => trustedImportMap({ imports: { a: 'javascript:alert(1)' } })).toThrowError(TypeError);
    expect(() => trustedImportMap({ imports: {}, extra: 1 })).toThrowError(TypeError);
  });

  it('passes an import map through unchanged', () => {
    const text = JSON.stringify(map);
    expect(importMapText(text)).toBe(text);
  });
});
