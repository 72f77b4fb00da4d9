import type { MfeManifest } from './manifest';
import { applyOverrides } from './overrides';

describe('applyOverrides', () => {
  const manifest: MfeManifest = {
    remotes: { 'qr-codes': '/modules/qr-codes/aaa/remoteEntry.json', menus: 'https://cdn.suite.example/modules/menus/bbb/remoteEntry.json' },
    applications: [],
    parcels: {},
  };
  const origin = 'https://suite.example';
  const apply = (value: unknown) => applyOverrides(manifest, JSON.stringify(value), origin);

  it('uses a same-origin or already-trusted-origin build of a known remote instead of the manifest one', () => {
    const result = apply({ 'qr-codes': '/modules/qr-codes/ccc/remoteEntry.json', menus: 'https://cdn.suite.example/modules/menus/ddd/remoteEntry.json' });
    expect(result.manifest.remotes['qr-codes']).toBe('/modules/qr-codes/ccc/remoteEntry.json');
    expect(result.manifest.remotes['menus']).toBe('https://cdn.suite.example/modules/menus/ddd/remoteEntry.json');
    expect(result.applied.map((a) => a.remote)).toEqual(['qr-codes', 'menus']);
    expect(result.refused).toEqual([]);
    // The manifest it was given is not changed.
    expect(manifest.remotes['qr-codes']).toBe('/modules/qr-codes/aaa/remoteEntry.json');
  });

  it('refuses other origins, unknown remotes, non-http URLs and garbage, keeping the manifest URL', () => {
    const result = apply({
      'qr-codes': 'https://evil.example/remoteEntry.json',
      menus: 'javascript:alert(1)//remoteEntry.json',
      fans: '/modules/fans/x/remoteEntry.json',
    });
    expect(result.manifest.remotes).toEqual(manifest.remotes);
    expect(result.applied).toEqual([]);
    expect(result.refused.length).toBe(3);
    expect(result.refused[0]).toContain('https://evil.example');
    expect(applyOverrides(manifest, '{not json', origin).refused).toEqual(['wx-mfe-overrides is not JSON']);
    expect(applyOverrides(manifest, '["/x/remoteEntry.json"]', origin).applied).toEqual([]);
  });

  it('changes nothing when nothing is stored', () => {
    expect(applyOverrides(manifest, null, origin)).toEqual({ manifest, applied: [], refused: [] });
  });
});
