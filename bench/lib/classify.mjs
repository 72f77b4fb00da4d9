// Sorts fetched JS files into shell / federation + shared packages / module code, from the same
// manifest and remoteEntry.json files the shell reads at runtime, and the platform bundle's
// platform.json (docs/adr/0018): its files are shared packages too.

/**
 * Reads the served manifest and each remote's remoteEntry.json. Returns classify(path) →
 * { kind: 'shell' | 'shared' | 'module', remote?, packageName? }.
 * The federation runtime is bundled into the shell script, so it counts as "shell".
 */
export async function loadClassifier(baseUrl) {
  const manifest = await getJson(`${baseUrl}/mfe-manifest.json`);
  const shared = new Map(); // url path → package name
  const remoteOf = new Map(); // "/modules/<remote>/<build-id>/" → remote name
  for (const [remote, entryUrl] of Object.entries(manifest.remotes)) {
    const folder = entryUrl.slice(0, entryUrl.lastIndexOf('/') + 1);
    remoteOf.set(folder, remote);
    const entry = await getJson(new URL(entryUrl, baseUrl).href);
    for (const pkg of entry.shared ?? []) shared.set(folder + pkg.outFileName, pkg.packageName);
  }
  if (manifest.platform) {
    const folder = manifest.platform.slice(0, manifest.platform.lastIndexOf('/') + 1);
    const platform = await getJson(new URL(manifest.platform, baseUrl).href);
    const entries = new Map(Object.entries(platform.imports).map(([specifier, file]) => [file, specifier]));
    // A chunk holds code of several packages (whatever more than one entry imports): named as such.
    for (const file of Object.keys(platform.files)) shared.set(folder + file, entries.get(file) ?? 'platform chunk');
    remoteOf.set(folder, 'platform');
  }
  return {
    manifest,
    classify(path) {
      if (!path.startsWith('/modules/') && !path.startsWith('/platform/')) return { kind: 'shell' };
      const folder = path.slice(0, path.lastIndexOf('/') + 1);
      const remote = remoteOf.get(folder) ?? path.split('/')[2];
      if (shared.has(path)) return { kind: 'shared', remote, packageName: shared.get(path) };
      return { kind: 'module', remote };
    },
  };
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}
