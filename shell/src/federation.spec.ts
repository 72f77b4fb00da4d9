import { findSkew, isTranslationChunk, readPagePlatform, staticClosure, withoutPlatform, type PreloadGraph } from './federation';

describe('findSkew', () => {
  const expected = { '@angular/core': '21.2.26', rxjs: '7.8.2' };

  it('accepts the versions the shell was built with, secondary entries included', () => {
    expect(
      findSkew(
        [
          { packageName: '@angular/core', version: '21.2.26', singleton: true },
          { packageName: '@angular/core/rxjs-interop', version: '21.2.26', singleton: true },
          { packageName: 'rxjs/operators', version: '7.8.2', singleton: true },
          { packageName: '@nf-internal/chunk-ABC', version: '0.0.0', singleton: true },
        ],
        expected,
      ),
    ).toEqual([]);
  });

  it('names every singleton at another version', () => {
    const skew = findSkew(
      [
        { packageName: '@angular/core', version: '21.2.25', singleton: true },
        { packageName: 'rxjs/operators', version: '7.8.1', singleton: true },
      ],
      expected,
    );
    expect(skew).toEqual([
      { packageName: '@angular/core', built: '21.2.25', shared: '21.2.26' },
      { packageName: 'rxjs', built: '7.8.1', shared: '7.8.2' },
    ]);
  });

  it('names a package once when several of its entry points differ', () => {
    const skew = findSkew(
      [
        { packageName: '@angular/core', version: '21.0.0', singleton: true },
        { packageName: '@angular/core/rxjs-interop', version: '21.0.0', singleton: true },
      ],
      expected,
    );
    expect(skew).toEqual([{ packageName: '@angular/core', built: '21.0.0', shared: '21.2.26' }]);
  });

  it('lets a package that is not a singleton differ', () => {
    expect(findSkew([{ packageName: 'rxjs', version: '7.0.0', singleton: false }], expected)).toEqual([]);
  });
});

describe('staticClosure', () => {
  const base = 'https://suite.example/modules/fans/abc/';
  const graph: PreloadGraph = {
    files: {
      'lifecycles-A.js': { s: ['./chunk-B.js', '@angular/router'], d: ['./zh-CN-C.js', './en-D.js', './contacts.routes-E.js'] },
      'chunk-B.js': { s: ['./chunk-F.js', '@angular/core'], d: ['./ui.zh-CN-G.js'] },
      'chunk-F.js': { s: ['./chunk-B.js'], d: [] },
      '_angular_router.R.js': { s: ['@angular/core', '@nf-internal/chunk-N'], d: [] },
      'contacts.routes-E.js': { s: ['./chunk-H.js'], d: [] },
    },
  };
  // Shared packages resolve into another remote's folder, as the import map says.
  const resolved: Record<string, string> = {
    '@angular/router': 'https://suite.example/modules/switcher/s1/_angular_router.R.js',
    '@angular/core': 'https://suite.example/modules/switcher/s1/_angular_core.K.js',
    '@nf-internal/chunk-N': 'https://suite.example/modules/switcher/s1/chunk-N.js',
  };
  const closure = (locale: string) =>
    staticClosure(`${base}lifecycles-A.js`, graph, (spec) => resolved[spec], (file) => isTranslationChunk(file, locale)).sort();

  it('follows static imports across chunks and shared packages, once each, plus the language\'s translations', () => {
    expect(closure('zh-CN')).toEqual(
      [
        `${base}chunk-B.js`,
        `${base}chunk-F.js`,
        `${base}lifecycles-A.js`,
        `${base}ui.zh-CN-G.js`,
        `${base}zh-CN-C.js`,
        resolved['@angular/core'],
        resolved['@angular/router'],
        resolved['@nf-internal/chunk-N'],
      ].sort(),
    );
  });

  it('never preloads lazy routes or the other language', () => {
    const english = closure('en');
    expect(english).toContain(`${base}en-D.js`);
    expect(english.some((href) => href.includes('zh-CN') || href.includes('contacts.routes') || href.includes('chunk-H'))).toBeFalse();
  });

  it('skips specifiers the import map does not know', () => {
    expect(staticClosure(`${base}chunk-F.js`, graph, () => undefined, () => false).sort()).toEqual([`${base}chunk-B.js`, `${base}chunk-F.js`]);
  });
});

describe('the page platform (docs/adr/0018)', () => {
  const platform = { '@angular/core': '/platform/p1/platform-angular-core-A.js', rxjs: '/platform/p1/platform-rxjs-B.js' };

  it("takes the platform's specifiers out of a remote's scopes and imports, and keeps the rest", () => {
    const map = {
      imports: { 'fans/lifecycles': '/modules/fans/f1/lifecycles-X.js', rxjs: '/modules/fans/f1/rxjs.Y.js' },
      scopes: { '/modules/fans/f1/': { '@angular/core': '/modules/fans/f1/_angular_core.Z.js', '@angular/common/http': '/modules/fans/f1/http.W.js' } },
    };
    expect(withoutPlatform(map, platform)).toEqual({
      imports: { 'fans/lifecycles': '/modules/fans/f1/lifecycles-X.js' },
      scopes: { '/modules/fans/f1/': { '@angular/common/http': '/modules/fans/f1/http.W.js' } },
    });
  });

  it('leaves a map whole on a page without a platform', () => {
    const map = { imports: { a: '/a.js' }, scopes: { '/s/': { b: '/b.js' } } };
    expect(withoutPlatform(map, {})).toEqual(map);
    expect(withoutPlatform({}, platform)).toEqual({ imports: {}, scopes: {} });
  });

  it("reads the page's block, and nothing from a missing or broken one", () => {
    const files = { 'platform-rxjs-B.js': { s: [], d: [] } };
    expect(readPagePlatform(JSON.stringify({ imports: platform, files }))).toEqual({ imports: platform, files });
    expect(readPagePlatform(undefined)).toBeNull();
    expect(readPagePlatform('{"imports":')).toBeNull();
    expect(readPagePlatform('{"imports":{}}')).toBeNull();
  });
});
