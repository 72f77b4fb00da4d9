// Compiles the suite's one global stylesheet (projects/shared/ui/src/theme/suite-theme.scss) into a
// minified CSS file that the shell links. Usage: node scripts/build-theme.mjs [out.css]
// `sass` comes with @angular/build, so the theme compiles with the very Sass the modules use.
import * as sass from 'sass';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(root, 'projects/shared/ui/src/theme/suite-theme.scss');
const target = resolve(process.cwd(), process.argv[2] ?? 'dist/shell/theme.css');

const { css } = sass.compile(source, {
  loadPaths: [resolve(root, 'node_modules')],
  style: 'compressed',
  // Material's Sass triggers deprecation notes that are not ours to fix; keep the build output clean.
  quietDeps: true,
});

mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, css);
const bytes = Buffer.byteLength(css);
console.log(`theme: ${target} ${bytes} bytes (${gzipSync(css).length} gzip)`);
