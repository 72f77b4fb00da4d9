// ARCHITECTURE §8: user text is rendered as text. No `bypassSecurityTrust*` anywhere, and the DOM's
// HTML sinks (innerHTML and friends, in templates and TypeScript) only in the reviewed files below.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../build/workspace.mjs';

/** Reviewed files that may use an HTML sink, each with why it is safe. Nothing may bypass the sanitizer. */
export const REVIEWED_HTML_SINKS = new Map([
  [
    'projects/messaging/src/materials/preview/article-body.ts',
    'the one component that renders rich HTML: article bodies as the server sanitized them, through [innerHTML] so Angular sanitizes again',
  ],
  [
    'projects/messaging/src/materials/editor/rich-text-editor.ts',
    'the article editor: reads its own contenteditable region (innerHTML, a read, not a write)',
  ],
  [
    'projects/messaging/src/materials/editor/article-html.ts',
    'the Trusted Types policy wechat-mfe#article: DOMParser gets only HTML that went through Angular\'s sanitizer; the document is detached and runs no script (loading the editor, counting its text)',
  ],
  [
    'projects/messaging/src/materials/editor/article-editor.spec.ts',
    'a spec types fixed markup into the editor region the way a paste would (test fixture, not product code)',
  ],
]);

/** Always forbidden, reviewed or not. */
const BYPASS = /\bbypassSecurityTrust\w*/g;
/** HTML sinks: parse a string as markup into the live document (or a document that may be adopted). */
const SINKS = /\b(?:innerHTML|outerHTML|insertAdjacentHTML|document\s*\.\s*write(?:ln)?|createContextualFragment|parseFromString|srcdoc)\b/g;

/** Comments say "no innerHTML" often; only code and template bindings count. Keeps line numbers. */
function stripComments(text, file) {
  const blank = (m) => m.replace(/[^\n]/g, ' ');
  if (file.endsWith('.html')) return text.replace(/<!--[\s\S]*?-->/g, blank);
  // Strings are kept (an inline template is a string); `//` inside a quoted URL is left alone.
  return text.replace(/\/\*[\s\S]*?\*\//g, blank).replace(/(^|[^:'"`\\])\/\/.*$/gm, (m, before) => before + blank(m.slice(before.length)));
}

/** Violations in one file's text: `file:line: message`. */
export function scanSource(text, file, reviewed = REVIEWED_HTML_SINKS) {
  const code = stripComments(text, file);
  const lineOf = (index) => code.slice(0, index).split('\n').length;
  const violations = [];
  for (const match of code.matchAll(BYPASS)) {
    violations.push(`${file}:${lineOf(match.index)}: ${match[0]} is forbidden (render text, or sanitize on the server and use the reviewed article body)`);
  }
  if (!reviewed.has(file)) {
    for (const match of code.matchAll(SINKS)) {
      violations.push(`${file}:${lineOf(match.index)}: ${match[0].replace(/\s+/g, '')} outside a reviewed file (scripts/lint/html-sinks.mjs): render text with {{ }} or textContent`);
    }
  }
  return violations;
}

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (['node_modules', 'generated', 'dist'].includes(entry.name)) return [];
    return entry.isDirectory() ? walk(full) : /\.(ts|html|mjs|js)$/.test(entry.name) ? [full] : [];
  });
}

/** Every violation under projects/ and shell/, plus reviewed entries that no longer exist. */
export function htmlSinkViolations(root = ROOT, reviewed = REVIEWED_HTML_SINKS) {
  const violations = [];
  for (const full of ['projects', 'shell'].flatMap((dir) => walk(path.join(root, dir)))) {
    const file = path.relative(root, full).split(path.sep).join('/');
    violations.push(...scanSource(fs.readFileSync(full, 'utf8'), file, reviewed));
  }
  for (const file of reviewed.keys()) {
    if (!fs.existsSync(path.join(root, file))) violations.push(`${file}: reviewed for HTML sinks but missing: update scripts/lint/html-sinks.mjs`);
  }
  return violations;
}
