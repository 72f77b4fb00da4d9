import { findSkew } from './federation';

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
    expect(skew).toEqual(['@angular/core@21.2.25 (shell has 21.2.26)', 'rxjs/operators@7.8.1 (shell has 7.8.2)']);
  });

  it('lets a package that is not a singleton differ', () => {
    expect(findSkew([{ packageName: 'rxjs', version: '7.0.0', singleton: false }], expected)).toEqual([]);
  });
});
