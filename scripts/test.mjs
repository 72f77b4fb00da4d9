// `npm test`: every check, in order: browser setup, API types, lint, all unit specs (one Karma run),
// the mock suite's and the build scripts' tests, one production build, the Playwright e2e suite against
// it, then the reproducible-build check of one module.
// Prints each stage's time and one closing "N passed, N failed" line over all test runners.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './build/workspace.mjs';

const CHROME_BIN = process.env.CHROME_BIN ?? '/usr/bin/chromium';
const env = { ...process.env, CHROME_BIN, NG_CLI_ANALYTICS: 'false', FORCE_COLOR: '0' };
const node = process.execPath;
const bin = (name) => path.join(ROOT, 'node_modules/.bin', name);

/** Each stage: a command and, for test runners, how to read its counts from the output. */
const stages = [
  ['browser', ['bash', path.join(ROOT, 'scripts/ensure-chromium.sh')]],
  ['api types', [node, path.join(ROOT, 'scripts/gen-api.mjs')]],
  ['lint', [node, path.join(ROOT, 'scripts/lint.mjs')]],
  ['unit (karma)', [node, path.join(ROOT, 'node_modules/@angular/cli/bin/ng.js'), 'test', 'unit', '--no-progress'], karmaCounts],
  ['mock suite + scripts (node:test)', [node, '--test', '--test-reporter=spec', '--test-concurrency=1', 'mocks/test/', 'scripts/test/'], nodeTestCounts],
  ['production build', [node, path.join(ROOT, 'scripts/build.mjs')]],
  ['e2e (playwright)', [bin('playwright'), 'test'], playwrightCounts],
  // Two clean builds of one module, compared byte for byte (docs/deploy.md; --all on demand).
  ['reproducible build', [node, path.join(ROOT, 'scripts/check-reproducible.mjs')]],
];

function karmaCounts(out) {
  const line = out.match(/TOTAL: (?:(\d+) FAILED, )?(\d+) SUCCESS/) ?? out.match(/TOTAL: (\d+) FAILED/);
  if (!line) return null;
  return line[2] !== undefined ? { passed: +line[2], failed: +(line[1] ?? 0) } : { passed: 0, failed: +line[1] };
}
function nodeTestCounts(out) {
  const pass = out.match(/^ℹ pass (\d+)/m) ?? out.match(/^# pass (\d+)/m);
  const fail = out.match(/^ℹ fail (\d+)/m) ?? out.match(/^# fail (\d+)/m);
  return pass ? { passed: +pass[1], failed: +(fail?.[1] ?? 0) } : null;
}
function playwrightCounts(out) {
  const passed = out.match(/^\s*(\d+) passed/m);
  const failed = out.match(/^\s*(\d+) failed/m);
  const flaky = out.match(/^\s*(\d+) flaky/m);
  if (!passed && !failed) return null;
  return { passed: +(passed?.[1] ?? 0) + +(flaky?.[1] ?? 0), failed: +(failed?.[1] ?? 0) };
}

function run([cmd, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const tee = (stream, target) => stream.on('data', (chunk) => { out += chunk; target.write(chunk); });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const results = [];
let passed = 0;
let failed = 0;
let broken = false;
for (const [name, command, counts] of stages) {
  if (broken) {
    results.push([name, 'skipped (an earlier stage failed)', 0]);
    continue;
  }
  console.log(`\n===== ${name} =====`);
  const started = Date.now();
  const { code, out } = await run(command);
  const seconds = (Date.now() - started) / 1000;
  const tally = counts?.(out.replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''));
  if (tally) {
    passed += tally.passed;
    failed += tally.failed;
  }
  const ok = code === 0 && (!counts || (tally && tally.failed === 0 && tally.passed > 0));
  results.push([name, ok ? 'ok' : `FAILED (exit ${code})`, seconds, tally]);
  // Without a build or lint, later stages only add noise; test stages all run so every failure shows.
  if (!ok && !counts) broken = true;
  if (!ok && counts && !tally) failed += 1;
}

console.log('\n===== summary =====');
for (const [name, status, seconds, tally] of results) {
  const counted = tally ? ` ${tally.passed} passed, ${tally.failed} failed` : '';
  console.log(`${name.padEnd(26)} ${status.padEnd(34)} ${seconds.toFixed(1).padStart(7)} s${counted}`);
}
const total = results.reduce((sum, [, , s]) => sum + s, 0);
console.log(`${'total'.padEnd(26)} ${''.padEnd(34)} ${total.toFixed(1).padStart(7)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every(([, status]) => status === 'ok') ? 0 : 1);
