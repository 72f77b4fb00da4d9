// `npm run lint`: ESLint (TypeScript and Angular templates, accessibility rules), the shell's type
// check (the module builds type-check the modules), the module boundary rule, the HTML-sink gate and
// the translation gate.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './build/workspace.mjs';
import { moduleBoundaryViolations } from './lint/module-boundaries.mjs';
import { htmlSinkViolations } from './lint/html-sinks.mjs';
import { translationProblems } from './lint/translations.mjs';

const bin = (name) => path.join(ROOT, 'node_modules/.bin', name);
let failed = false;
const step = (label, fn) => {
  try {
    fn();
    console.log(`lint: ${label} ok`);
  } catch {
    failed = true;
    console.error(`lint: ${label} FAILED`);
  }
};

step('eslint', () => execFileSync(bin('eslint'), ['--max-warnings=0', '--no-warn-ignored', 'projects', 'shell', 'e2e', 'playwright.config.ts'], { cwd: ROOT, stdio: 'inherit' }));
step('shell types', () => execFileSync(bin('tsc'), ['-p', 'shell/tsconfig.json'], { cwd: ROOT, stdio: 'inherit' }));
step('module boundaries', () => {
  const violations = moduleBoundaryViolations();
  for (const v of violations) console.error(v);
  if (violations.length) throw new Error('boundaries');
});
step('html sinks', () => {
  const violations = htmlSinkViolations();
  for (const v of violations) console.error(v);
  if (violations.length) throw new Error('html sinks');
});
const translations = await translationProblems();
for (const problem of translations) console.error(problem);
console.log(`lint: translations ${translations.length ? 'FAILED' : 'ok'}`);
if (translations.length) failed = true;
process.exit(failed ? 1 : 0);
