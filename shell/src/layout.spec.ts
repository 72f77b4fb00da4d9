import { layoutFromManifest, NOT_FOUND_APP } from './layout';
import type { MfeManifest } from './manifest';

describe('layoutFromManifest', () => {
  const manifest: MfeManifest = {
    remotes: { a: '/a/remoteEntry.json', s: '/s/remoteEntry.json' },
    applications: [
      { name: 'fans', remote: 'a', exposed: './lifecycles', slot: 'main', routes: ['/wechat/fans', '/host/contacts'] },
      { name: 'account-switcher', remote: 's', exposed: './switcher', slot: 'header', routes: ['/wechat'] },
    ],
    parcels: {},
  };
  const host = { locale: () => 'zh-CN' as const, retry: () => undefined };

  function find(nodes: unknown[], predicate: (n: Record<string, unknown>) => boolean): Record<string, unknown>[] {
    return (nodes as Record<string, unknown>[]).flatMap((n) => [...(predicate(n) ? [n] : []), ...find((n['routes'] as unknown[]) ?? [], predicate)]);
  }

  it('puts each application in its slot once per route, with the slot fallbacks', () => {
    const layout = layoutFromManifest(manifest, host);
    const main = find(layout.routes, (n) => n['type'] === 'main')[0];
    const mainApps = find(main['routes'] as unknown[], (n) => n['type'] === 'application');
    expect(mainApps.map((a) => a['name'])).toEqual(['fans', 'fans', NOT_FOUND_APP]);
    expect(mainApps[0]['loader']).toBeDefined();
    expect(mainApps[0]['error']).toBeDefined();
    const header = find(layout.routes, (n) => n['type'] === 'header')[0];
    expect(find(header['routes'] as unknown[], (n) => n['type'] === 'application').map((a) => a['name'])).toEqual(['account-switcher']);
  });

  it('keeps the landmarks the tests and screen readers rely on', () => {
    const layout = layoutFromManifest(manifest, host);
    expect(find(layout.routes, (n) => ['header', 'nav', 'main'].includes(n['type'] as string)).map((n) => n['type'])).toEqual(['header', 'nav', 'main']);
  });
});
