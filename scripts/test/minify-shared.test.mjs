// Shared bundles are minified again after Native Federation re-printed them (issue #10, first-load bytes).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { minifySharedBundles } from '../build/minify-shared.mjs';

// What the TypeScript printer leaves: indentation, long names, an internal chunk import.
const shared = `/** @license Example v1 */
import { helper as h } from "./chunk-HELPER.mjs";
function computeGreetingForTheUser(name) {
    const greetingPrefix = "你好, ";
    return greetingPrefix + h(name);
}
class SharedService {
    constructor() {
        this.calls = 0;
    }
    greet(name) {
        this.calls++;
        return computeGreetingForTheUser(name);
    }
}
export { SharedService, computeGreetingForTheUser as greet };
`;
const chunk = `function helper(value) {
    return String(value).toUpperCase();
}
export { helper };
`;
const appChunk = `export const untouched   =   1;\n`;

function folderWithBuild() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'minify-shared-'));
  fs.writeFileSync(path.join(folder, 'example.AbCdEfGhIj.mjs'), shared);
  fs.writeFileSync(path.join(folder, 'chunk-HELPER.mjs'), chunk);
  fs.writeFileSync(path.join(folder, 'app-chunk.mjs'), appChunk);
  fs.writeFileSync(
    path.join(folder, 'remoteEntry.json'),
    JSON.stringify({
      name: 'example',
      exposes: [{ key: './app', outFileName: 'app-chunk.mjs' }],
      shared: [
        { packageName: 'example', outFileName: 'example.AbCdEfGhIj.mjs' },
        { packageName: '@nf-internal/chunk-HELPER', outFileName: 'chunk-HELPER.mjs' },
      ],
    }),
  );
  return folder;
}

describe('minifySharedBundles', () => {
  it('shrinks every shared bundle and internal chunk, keeps their exports and licence, leaves other files alone', async () => {
    const folder = folderWithBuild();
    try {
      const totals = minifySharedBundles(folder);
      assert.equal(totals.files, 2);
      assert.ok(totals.after < totals.before * 0.8, `expected a smaller total, got ${totals.before} → ${totals.after}`);
      const minified = fs.readFileSync(path.join(folder, 'example.AbCdEfGhIj.mjs'), 'utf8');
      assert.ok(minified.length < shared.length);
      assert.doesNotMatch(minified, /\n {4}/, 'indentation is gone');
      assert.match(minified, /@license Example v1/);
      assert.match(minified, /\.\/chunk-HELPER\.mjs/, 'the import of the internal chunk is kept as written');
      assert.equal(fs.readFileSync(path.join(folder, 'app-chunk.mjs'), 'utf8'), appChunk);
      // The minified files still link and behave the same.
      const mod = await import(pathToFileURL(path.join(folder, 'example.AbCdEfGhIj.mjs')).href);
      const service = new mod.SharedService();
      assert.equal(service.greet('wx'), '你好, WX');
      assert.equal(service.calls, 1);
      assert.equal(mod.greet('a'), '你好, A');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives identical bytes on a second run of the same input (builds stay reproducible)', () => {
    const a = folderWithBuild();
    const b = folderWithBuild();
    try {
      minifySharedBundles(a);
      minifySharedBundles(b);
      for (const name of ['example.AbCdEfGhIj.mjs', 'chunk-HELPER.mjs']) {
        assert.equal(fs.readFileSync(path.join(a, name), 'utf8'), fs.readFileSync(path.join(b, name), 'utf8'));
      }
    } finally {
      fs.rmSync(a, { recursive: true, force: true });
      fs.rmSync(b, { recursive: true, force: true });
    }
  });
});
