// Builds the framework-free shell with esbuild: one classic script, its CSS, the compiled theme and an
// index.html whose nonce placeholder the start server replaces on every response.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { ROOT, sharedVersions } from './workspace.mjs';
import { precompressFolder } from './precompress.mjs';
import { withEagerCompileHint } from './compile-hints.mjs';

const out = path.join(ROOT, 'dist/shell');

const hashName = (name, content) => {
  const hash = crypto.createHash('sha256').update(content).digest('hex').slice(0, 12);
  const ext = path.extname(name);
  return `${path.basename(name, ext)}.${hash}${ext}`;
};

export async function buildShell({ production = true } = {}) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const result = await esbuild.build(withEagerCompileHint({
    entryPoints: [path.join(ROOT, 'shell/src/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: production,
    sourcemap: production ? false : 'inline',
    write: false,
    tsconfig: path.join(ROOT, 'shell/tsconfig.json'),
    // rxjs's ES2015 build, as the Angular CLI picks (its default export is ES5 with tslib's helpers): 1.5 KiB less.
    conditions: ['es2015'],
    define: { __SHARED_VERSIONS__: JSON.stringify(sharedVersions()) },
    legalComments: 'none',
  }));
  const script = result.outputFiles[0].contents;
  const scriptName = hashName('shell.js', script);
  fs.writeFileSync(path.join(out, scriptName), script);

  const css = fs.readFileSync(path.join(ROOT, 'shell/src/shell.css'));
  const cssName = hashName('shell.css', css);
  fs.writeFileSync(path.join(out, cssName), css);

  const themeTmp = path.join(out, 'theme.tmp.css');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-theme.mjs'), themeTmp], { stdio: 'inherit' });
  const theme = fs.readFileSync(themeTmp);
  fs.rmSync(themeTmp);
  const themeName = hashName('theme.css', theme);
  fs.writeFileSync(path.join(out, themeName), theme);

  const brands = await shellBrands();
  const html = fs
    .readFileSync(path.join(ROOT, 'shell/src/index.html'), 'utf8')
    .replace(/__BRAND_(zh-CN|en)__/g, (_, locale) => escapeHtml(brands[locale]))
    .replace('/SHELL_SCRIPT', `/${scriptName}`)
    .replace('/theme.css', `/${themeName}`)
    .replace('/shell.css', `/${cssName}`);
  fs.writeFileSync(path.join(out, 'index.html'), html);
  if (production) precompressFolder(out);
  return { scriptName, bytes: script.length };
}

const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The brand in each language, from the shell's own strings (shell/src/i18n.ts), for the static frame of index.html. */
async function shellBrands() {
  const built = await esbuild.build({ entryPoints: [path.join(ROOT, 'shell/src/i18n.ts')], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'error' });
  const { t } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].contents).toString('base64')}`);
  return { 'zh-CN': t('zh-CN', 'brand'), en: t('en', 'brand') };
}
