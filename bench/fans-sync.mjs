// The full "Sync WeChat fans" time of DM Demo Service (100,000 fans) against the mock suite
// (issue #7, target ≤ 20 s). Standalone: starts a mock on a temporary copy of the demo
// template, starts the sync over HTTP, polls the job until it ends, prints one line, exits 0
// (1 only when the figure could not be measured). Each run syncs on its own fresh copy (a sync
// rewrites the fans); `--json` prints one JSON line for `npm run bench`'s table instead.
//   node bench/fans-sync.mjs [--runs N] [--json]
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTemplates } from '../mocks/seed/build-template.mjs';
import { buildServer } from '../mocks/src/app.mjs';
import { templatePath } from '../mocks/src/lib/paths.mjs';
import { median, spread } from './lib/stats.mjs';

const DEMO_SERVICE = 'wxd1e4a7b0c3f6a925';
const TARGET_S = 20;
// Templates are built once per seed version and shared between runs; each run copies them.
const TEMPLATE_DIR = join(tmpdir(), 'wechat-mfe-bench-templates');

function parseArgs(argv) {
  const options = { runs: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') options.json = true;
    else if (argv[i] === '--runs') options.runs = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs takes a positive whole number');
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  ensureTemplates(TEMPLATE_DIR);
  const samples = [];
  let fans;
  for (let i = 0; i < options.runs; i++) {
    const run = await syncOnce();
    samples.push(run.seconds);
    fans = run.fans;
  }
  const seconds = median(samples);
  if (options.json) console.log(JSON.stringify({ fans, ...spread(samples) }));
  else console.log(`fans sync ${fans.toLocaleString('en-US')} fans: ${seconds.toFixed(1)} s${samples.length > 1 ? ` (median of ${samples.length}: ${samples.map((s) => s.toFixed(1)).join(', ')})` : ''} (target ≤ ${TARGET_S} s)`);
}

/** One full sync on a fresh copy of the demo data: { seconds, fans }. */
async function syncOnce() {
  const dataDir = mkdtempSync(join(tmpdir(), 'wechat-mfe-bench-fans-sync-'));
  for (const scenario of ['demo', 'empty']) copyFileSync(templatePath(TEMPLATE_DIR, scenario), templatePath(dataDir, scenario));
  // The default job step delay (the simulated WeChat latency between steps) stays on: it is part of the figure.
  const app = await buildServer({ dataDir, logger: false });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${app.server.address().port}`;
    const session = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin' }),
    });
    const cookie = session.headers.get('set-cookie').split(';')[0];
    const started = performance.now();
    const accepted = await fetch(`${base}/api/wechat/accounts/${DEMO_SERVICE}/fans/sync`, { method: 'POST', headers: { cookie } });
    if (accepted.status !== 202) throw new Error(`sync refused: ${accepted.status} ${await accepted.text()}`);
    const { jobId } = await accepted.json();
    let job;
    for (;;) {
      job = await (await fetch(`${base}/api/jobs/${jobId}`, { headers: { cookie } })).json();
      if (['succeeded', 'failed', 'cancelled'].includes(job.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    if (job.status !== 'succeeded') throw new Error(`sync ${job.status}: ${JSON.stringify(job.error)}`);
    // The account's fans after the sync (WeChat lists the subscribed ones; the rest were checked against it).
    const page = await (await fetch(`${base}/api/wechat/accounts/${DEMO_SERVICE}/fans?limit=1`, { headers: { cookie } })).json();
    if (process.env.BENCH_VERBOSE) console.error(JSON.stringify(job.result));
    return { seconds, fans: page.total };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`fans sync: not measured: ${error?.stack ?? error}`);
  process.exit(1);
});
