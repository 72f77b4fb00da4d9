// The build refuses to publish a manifest when a module's remoteEntry.json shares another version of
// a package than the workspace installed (scripts/build.mjs exits 1 on any of these messages).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkSharedVersions } from '../build/modules.mjs';
import { sharedVersions } from '../build/workspace.mjs';

/** A dist folder holding one build of `name` whose remoteEntry.json shares `shared`. */
function distWith(name, shared) {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-'));
  const folder = path.join(dist, 'modules', name, 'b1d2');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'remoteEntry.json'), JSON.stringify({ name, exposes: [], shared }));
  fs.writeFileSync(path.join(dist, 'modules', name, 'build.json'), JSON.stringify({ name, buildId: 'b1d2' }));
  return dist;
}

const workspace = sharedVersions();
const entry = (packageName, version) => ({ packageName, outFileName: 'x.js', requiredVersion: version, singleton: true, strictVersion: true, version });

test('the installed versions of the shared packages pass', () => {
  const dist = distWith('menus', [entry('@angular/core', workspace['@angular/core']), entry('rxjs/operators', workspace['rxjs'])]);
  assert.deepEqual(checkSharedVersions('menus', workspace, dist), []);
});

test('a remote built against another Angular or RxJS is refused, naming the package and both versions', () => {
  const dist = distWith('menus', [
    entry('@angular/core', '21.0.0'),
    entry('@angular/common', workspace['@angular/common']),
    entry('rxjs/operators', '7.5.0'),
  ]);
  assert.deepEqual(checkSharedVersions('menus', workspace, dist), [
    `menus shares @angular/core@21.0.0, the workspace has ${workspace['@angular/core']}`,
    `menus shares rxjs/operators@7.5.0, the workspace has ${workspace['rxjs']}`,
  ]);
});

test('the workspace versions come from the installed packages the shell shares', () => {
  // What both checks compare against: the lockfile's install, not package.json ranges.
  for (const pkg of ['@angular/core', '@ngrx/store', 'rxjs']) {
    assert.equal(workspace[pkg], JSON.parse(fs.readFileSync(path.join('node_modules', pkg, 'package.json'), 'utf8')).version);
  }
});
