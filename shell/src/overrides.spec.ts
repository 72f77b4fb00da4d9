import type { MfeManifest } from './manifest';
import { applyOverrides, syncPlatformCookie } from './overrides';

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

describe('syncPlatformCookie', () => {
  /** A cookie jar with document.cookie's interface: reading gives every cookie, writing sets or expires one. */
  const jar = (initial: Record<string, string> = {}, enabled = true) => {
    const cookies = new Map(Object.entries(initial));
    return {
      get cookie() {
        return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      },
      set cookie(text: string) {
        if (!enabled) return;
        const [pair, ...attributes] = text.split(';');
        const [name, value] = pair!.split('=') as [string, string];
        if (attributes.some((a) => a.trim() === 'max-age=0')) cookies.delete(name.trim());
        else cookies.set(name.trim(), value);
      },
    };
  };

  it('asks for whole packages while an override is active, reloading a page that came with the platform once', () => {
    const doc = jar({ 'wx-locale': 'en' });
    expect(syncPlatformCookie(true, true, doc)).toBeTrue();
    expect(doc.cookie).toContain('wx-platform=off');
    // The reloaded page was served without the platform; a page with it anyway is not reloaded again.
    expect(syncPlatformCookie(true, false, doc)).toBeFalse();
    expect(syncPlatformCookie(true, true, doc)).toBeFalse();
  });

  it('does not reload a page without the platform, nor when cookies cannot be written', () => {
    expect(syncPlatformCookie(true, false, jar())).toBeFalse();
    const blocked = jar({}, false);
    expect(syncPlatformCookie(true, true, blocked)).toBeFalse();
  });

  it('drops the cookie once no override is active', () => {
    const doc = jar({ 'wx-platform': 'off', 'wx-locale': 'zh-CN' });
    expect(syncPlatformCookie(false, false, doc)).toBeFalse();
    expect(doc.cookie).toBe('wx-locale=zh-CN');
  });
});
