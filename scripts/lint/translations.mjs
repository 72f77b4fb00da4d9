// The translation gate (run by scripts/lint.mjs, so by `npm test`), over every module and shared library:
//  1. every translation file has the same keys in zh-CN and English (but English singulars, `<key>_one`,
//     which need their `<key>` with a {{count}}), and no empty string;
//  2. every key the code names literally ('a.b' | transloco, translate('a.b'), selectTranslate('a.b'))
//     exists in the strings that code is served (its module's, `ui.` and `pickers.`);
//  3. no user-visible literal in a template: text with letters or CJK outside {{ }} and literal
//     aria-label / title / placeholder / alt attributes (ALLOWED lists the reviewed exceptions).
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { parseTemplate } from '@angular/compiler';
import { ROOT } from '../build/workspace.mjs';

const LOCALES = ['zh-CN', 'en'];
/** The suffix of an English singular form (projects/shared/ui/src/i18n/plural-transpiler.ts). */
const ONE = '_one';
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const WORDS = /[\p{L}]/u;

/**
 * Literal text that may stay untranslated, by file (relative to projects/) and text. Keep it short:
 * each entry says why.
 */
export const ALLOWED = [
  { file: 'qr-codes/src/detail/qr-image.ts', text: 'PNG', why: 'a file format, named so in Chinese too' },
  { file: 'qr-codes/src/detail/qr-image.ts', text: 'cm ·', why: 'a unit (print size), written so in Chinese too' },
  { file: 'qr-codes/src/detail/qr-image.ts', text: 'px', why: 'a unit' },
  { file: 'messaging/src/templates/send/template-send-results.ts', text: 'OpenID', why: "WeChat's own term, untranslated in its Chinese docs" },
  { file: 'messaging/src/materials/editor/article-editor.html', text: 'https://', why: 'the shape of a URL' },
  { file: 'messaging/src/materials/editor/rich-text-editor.html', text: 'https://', why: 'the shape of a URL' },
  { file: 'messaging/src/templates/send/template-send-form.html', text: 'https://', why: 'the shape of a URL' },
  { file: 'messaging/src/templates/send/template-send-form.html', text: 'pages/index/index', why: 'the shape of a mini-program path' },
];

/** `src/index.html` is the page `ng serve <module>` shows when a module runs alone (a developer tool, never in the product). */
const DEV_ONLY = /\/src\/index\.html$/;

function walkFiles(dir, test) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'generated' ? [] : walkFiles(full, test);
    return test(full) ? [full] : [];
  });
}

function flatten(value, prefix = '', out = {}) {
  for (const [key, child] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (child && typeof child === 'object') flatten(child, name, out);
    else out[name] = child;
  }
  return out;
}

/** The UI library's strings (TypeScript objects typed by the Chinese original) as flat keys under `ui.`. */
async function uiStrings(locale, root) {
  const file = path.join(root, `projects/shared/ui/src/i18n/ui.${locale}.ts`);
  const { code } = esbuild.transformSync(fs.readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm' });
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return flatten(Object.values(module)[0], 'ui');
}

/** Every folder holding a zh-CN.json/en.json pair, and what prefix its keys are served under. */
function translationFolders(root) {
  const folders = walkFiles(path.join(root, 'projects'), (f) => /\/(zh-CN|en)\.json$/.test(f) && f.includes('/i18n/')).map(path.dirname);
  return [...new Set(folders)].sort().map((dir) => {
    const picker = /shared\/pickers\/src\/([^/]+)-picker\/i18n$/.exec(dir);
    // A page folder's own strings (providePageTranslations, ADR 0025) come under its name in camelCase.
    const page = /projects\/[^/]+\/src\/([^/]+)\/i18n$/.exec(dir);
    const prefix = picker ? `pickers.${picker[1]}` : page ? page[1].replace(/-(\w)/g, (_, c) => c.toUpperCase()) : '';
    return { dir, prefix, owner: path.relative(path.join(root, 'projects'), dir).split('/')[0] };
  });
}

/** Every problem of the workspace at `root` (the real one by default), as readable lines. */
export async function translationProblems(root = ROOT) {
  const problems = [];
  const rel = (file) => path.relative(root, file);

  // 1. Parity, per folder and for the UI library.
  const served = { shared: {}, modules: {} };
  const check = (label, byLocale) => {
    const [zh, en] = LOCALES.map((l) => byLocale[l]);
    for (const key of Object.keys(zh)) {
      if (key.endsWith(ONE)) problems.push(`${label}: "${key}" is a singular form, which Chinese does not have`);
      else if (!(key in en)) problems.push(`${label}: "${key}" has no English`);
    }
    for (const key of Object.keys(en)) {
      // English singulars (`items_one` beside `items`, PluralTranspiler): English only, beside their string.
      if (key.endsWith(ONE)) {
        if (!(key.slice(0, -ONE.length) in en)) problems.push(`${label}: "${key}" is the singular of "${key.slice(0, -ONE.length)}", which is missing`);
        else if (!/\{\{\s*count\s*\}\}/.test(en[key.slice(0, -ONE.length)])) problems.push(`${label}: "${key}" is a singular, but "${key.slice(0, -ONE.length)}" has no {{count}}`);
      } else if (!(key in zh)) problems.push(`${label}: "${key}" has no zh-CN`);
    }
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(byLocale[locale])) {
        if (typeof text !== 'string' || !text.trim()) problems.push(`${label}: "${key}" is empty in ${locale}`);
      }
    }
  };
  for (const { dir, prefix, owner } of translationFolders(root)) {
    const byLocale = {};
    for (const locale of LOCALES) {
      const file = path.join(dir, `${locale}.json`);
      if (!fs.existsSync(file)) {
        problems.push(`${rel(dir)}: ${locale}.json is missing`);
        byLocale[locale] = {};
      } else byLocale[locale] = flatten(JSON.parse(fs.readFileSync(file, 'utf8')), prefix);
    }
    check(rel(dir), byLocale);
    const keys = Object.keys(byLocale['zh-CN']);
    if (owner === 'shared') Object.assign(served.shared, Object.fromEntries(keys.map((k) => [k, true])));
    else served.modules[owner] = new Set([...(served.modules[owner] ?? []), ...keys]);
  }
  const ui = Object.fromEntries(await Promise.all(LOCALES.map(async (l) => [l, await uiStrings(l, root)])));
  check('projects/shared/ui/src/i18n', ui);
  const sharedKeys = new Set([...Object.keys(ui['zh-CN']), ...Object.keys(served.shared)]);

  // 2 and 3. Keys used, and literal text, in every template and source file.
  const sources = walkFiles(path.join(root, 'projects'), (f) => /\.(ts|html)$/.test(f) && !/\.spec\.ts$|\/testing\//.test(f) && !DEV_ONLY.test(f));
  for (const file of sources) {
    const owner = path.relative(path.join(root, 'projects'), file).split('/')[0];
    const known = (key) => sharedKeys.has(key) || served.modules[owner]?.has(key);
    // Doc comments show usage examples; they are not usages.
    const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const match of text.matchAll(/(['"`])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1\s*\|\s*transloco\b|\b(?:translate|selectTranslate)\(\s*(['"`])([A-Za-z][\w-]*(?:\.[\w-]+)+)\3/g)) {
      const key = match[2] ?? match[4];
      if (!known(key)) problems.push(`${rel(file)}: "${key}" is not a translation key`);
    }
    const templates = file.endsWith('.html') ? [text] : [...text.matchAll(/\btemplate:\s*`([^`]*)`/g)].map((m) => m[1]);
    for (const template of templates) {
      for (const literal of templateLiterals(template, file)) {
        const allowed = ALLOWED.some((a) => rel(file).endsWith(a.file) && a.text === literal.text);
        if (!allowed) problems.push(`${rel(file)}: untranslated ${literal.where} "${literal.text}"`);
      }
    }
  }
  return problems;
}

/** Visible literal text of one Angular template: text nodes, interpolation text, visible attributes. */
export function templateLiterals(template, url = 'template.html') {
  const found = [];
  const seen = new Set();
  const visit = (node, inStyle) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach((child) => visit(child, inStyle));
    const kind = node.constructor?.name;
    if (kind === 'Text' && !inStyle && WORDS.test(node.value)) found.push({ where: 'text', text: node.value.trim() });
    if (kind === 'BoundText') {
      for (const piece of node.value?.ast?.strings ?? []) if (WORDS.test(piece)) found.push({ where: 'text', text: piece.trim() });
      return;
    }
    if (kind === 'TextAttribute' && VISIBLE_ATTRIBUTES.has(node.name) && WORDS.test(node.value)) {
      found.push({ where: `${node.name} attribute`, text: node.value });
    }
    const style = inStyle || (kind === 'Element' && ['style', 'script', 'code', 'pre'].includes(node.name));
    for (const [key, child] of Object.entries(node)) {
      if (/Span$|^i18n$|^value$|^expression$|^handler$/.test(key)) continue;
      visit(child, style);
    }
  };
  const parsed = parseTemplate(template, url, { preserveWhitespaces: false });
  visit(parsed.nodes, false);
  return found;
}
