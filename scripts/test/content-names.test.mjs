// Shared bundles are renamed after their bytes, and the build's indexes follow the rename.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nameSharedBundlesByContent } from '../build/content-names.mjs';

function build(files, shared) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'names-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  const entry = { name: 'm', exposes: [{ key: './lifecycles', outFileName: 'lifecycles-AB12CD34.js' }], shared };
  fs.writeFileSync(path.join(folder, 'remoteEntry.json'), JSON.stringify(entry));
  fs.writeFileSync(path.join(folder, 'importmap.json'), JSON.stringify({ imports: Object.fromEntries(shared.map((s) => [s.packageName, s.outFileName])) }));
  return folder;
}

test('the same bytes get the same name whatever name the federation build gave them; other bytes another', () => {
  const a = build({ 'tslib.zDUdJL-TAm.js': 'export const x = 1;', 'chunk-AB12CD34.js': '' }, [{ packageName: 'tslib', outFileName: 'tslib.zDUdJL-TAm.js', version: '2.8.1' }]);
  const b = build({ 'tslib.tu-YwbG9R2.js': 'export const x = 1;' }, [{ packageName: 'tslib', outFileName: 'tslib.tu-YwbG9R2.js', version: '2.8.1' }]);
  const c = build({ 'tslib.zDUdJL-TAm.js': 'export const x = 2;' }, [{ packageName: 'tslib', outFileName: 'tslib.zDUdJL-TAm.js', version: '2.8.1' }]);
  const [ra, rb, rc] = [a, b, c].map((folder) => nameSharedBundlesByContent(folder));
  assert.equal(ra['tslib.zDUdJL-TAm.js'], rb['tslib.tu-YwbG9R2.js']);
  assert.notEqual(rc['tslib.zDUdJL-TAm.js'], ra['tslib.zDUdJL-TAm.js']);
  assert.match(ra['tslib.zDUdJL-TAm.js'], /^tslib\.[A-Za-z0-9_-]{10}\.js$/);

  // The indexes name the renamed file, which exists; what is not a shared bundle keeps its name.
  const entry = JSON.parse(fs.readFileSync(path.join(a, 'remoteEntry.json'), 'utf8'));
  const map = JSON.parse(fs.readFileSync(path.join(a, 'importmap.json'), 'utf8'));
  assert.equal(entry.shared[0].outFileName, ra['tslib.zDUdJL-TAm.js']);
  assert.equal(map.imports.tslib, ra['tslib.zDUdJL-TAm.js']);
  assert.equal(entry.exposes[0].outFileName, 'lifecycles-AB12CD34.js');
  assert.deepEqual(fs.readdirSync(a).sort(), ['chunk-AB12CD34.js', 'importmap.json', 'remoteEntry.json', ra['tslib.zDUdJL-TAm.js']].sort());
});
