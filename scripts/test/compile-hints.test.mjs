// The eager-compile hint is the first line of every file the shell and platform builds write: V8 reads
// it only there, and esbuild's split chunks are files of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { EAGER_COMPILE_HINT, withEagerCompileHint } from '../build/compile-hints.mjs';

test('every output file of a split, minified build starts with the hint, and the code still runs', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hints-'));
  fs.writeFileSync(path.join(dir, 'shared.js'), 'export function twice(n) { return n * 2; }\n');
  fs.writeFileSync(path.join(dir, 'a.js'), "import { twice } from './shared.js';\nexport const a = twice(2);\n");
  fs.writeFileSync(path.join(dir, 'b.js'), "import { twice } from './shared.js';\nexport const b = twice(3);\n");
  const result = await esbuild.build(
    withEagerCompileHint({
      entryPoints: [path.join(dir, 'a.js'), path.join(dir, 'b.js')],
      outdir: path.join(dir, 'out'),
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      write: false,
      logLevel: 'silent',
    }),
  );
  assert.ok(result.outputFiles.length >= 3, 'the shared function went to a chunk of its own');
  for (const file of result.outputFiles) assert.equal(file.text.split('\n')[0], EAGER_COMPILE_HINT, path.basename(file.path));
  for (const file of result.outputFiles) fs.mkdirSync(path.dirname(file.path), { recursive: true }), fs.writeFileSync(file.path, file.contents);
  const { a } = await import(path.join(dir, 'out', 'a.js'));
  assert.equal(a, 4);
});

test('the options given are kept, another banner included', () => {
  const options = withEagerCompileHint({ minify: true, banner: { css: '/* x */' } });
  assert.deepEqual(options, { minify: true, banner: { css: '/* x */', js: EAGER_COMPILE_HINT } });
});
