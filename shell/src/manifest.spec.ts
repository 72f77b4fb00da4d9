import { validateManifest } from './manifest';

describe('validateManifest', () => {
  const good = {
    remotes: { 'qr-codes': '/modules/qr-codes/abc123/remoteEntry.json', switcher: '/modules/switcher/def/remoteEntry.json' },
    applications: [
      { name: 'qr-codes', remote: 'qr-codes', exposed: './lifecycles', slot: 'main', routes: ['/wechat/qrcodes'] },
      { name: 'account-switcher', remote: 'switcher', exposed: './switcher', slot: 'header', routes: ['/wechat', '/settings'] },
    ],
    parcels: { 'segment-conditions': { remote: 'qr-codes', exposed: './segment-conditions' } },
  };

  it('accepts a valid manifest without problems', () => {
    const { manifest, problems } = validateManifest(good);
    expect(problems).toEqual([]);
    expect(manifest.applications.map((a) => a.name)).toEqual(['qr-codes', 'account-switcher']);
    expect(manifest.parcels['segment-conditions'].remote).toBe('qr-codes');
  });

  it('throws on a document that is not a manifest at all', () => {
    expect(() => validateManifest(null)).toThrowError(/remotes/);
    expect(() => validateManifest({ remotes: {}, applications: {} })).toThrowError(/applications/);
  });

  it('disables only the bad entries and says why', () => {
    const { manifest, problems } = validateManifest({
      remotes: { ...good.remotes, Evil: 'javascript:alert(1)', bad: 'https://cdn.example/modules/bad/x/index.js' },
      applications: [
        ...good.applications,
        { name: 'menus', remote: 'nowhere', exposed: './lifecycles', slot: 'main', routes: ['/wechat/menus'] },
        { name: 'fans', remote: 'qr-codes', exposed: 'lifecycles', slot: 'main', routes: ['/wechat/fans'] },
        { name: 'inbox', remote: 'qr-codes', exposed: './inbox', slot: 'footer', routes: ['/wechat/inbox'] },
        { name: 'templates', remote: 'qr-codes', exposed: './t', slot: 'main', routes: [] },
        { name: 'qr-codes', remote: 'qr-codes', exposed: './lifecycles', slot: 'main', routes: ['/again'] },
        'not an object',
      ],
    });
    expect(manifest.applications.map((a) => a.name)).toEqual(['qr-codes', 'account-switcher']);
    expect(Object.keys(manifest.remotes)).toEqual(['qr-codes', 'switcher']);
    const byEntry = Object.fromEntries(problems.map((p) => [p.entry, p.message]));
    expect(byEntry['remotes.Evil']).toMatch(/kebab-case/);
    expect(byEntry['remotes.bad']).toMatch(/remoteEntry\.json/);
    expect(byEntry['menus']).toMatch(/remote/);
    expect(byEntry['fans']).toMatch(/exposed/);
    expect(byEntry['inbox']).toMatch(/slot/);
    expect(byEntry['templates']).toMatch(/routes/);
    expect(byEntry['qr-codes']).toMatch(/twice/);
    expect(byEntry['applications[7]']).toMatch(/object/);
  });

  it('refuses a remote entry that is not http(s)', () => {
    const { problems } = validateManifest({ remotes: { x: 'data:text/plain,remoteEntry.json' }, applications: [] });
    expect(problems.length).toBe(1);
  });
});
