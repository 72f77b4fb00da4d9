// Prints the detailed figures, one line each with its target and a pass/miss mark; the summary
// table that ends the output is bench/lib/summary.mjs's. A figure not measured (--only) is left out.
import { KiB } from './stats.mjs';
import { TARGETS as T } from './summary.mjs';
import { LIGHTHOUSE_METRICS } from './lighthouse-result.mjs';

const kib = (bytes) => `${KiB(bytes).toFixed(1)} KiB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const mark = (ok) => (ok ? 'pass' : 'MISS');
const line = (label, value, targetText, ok) => `${label.padEnd(56)} ${value.padEnd(60)} target ${targetText.padEnd(11)} ${mark(ok)}`;
const files = (n) => `${n} file${n === 1 ? '' : 's'}`;
const timing = (s) => `median ${ms(s.median)} (min ${ms(s.min)} – max ${ms(s.max)}, ${s.runs} runs)`;

const TARGETS = Object.fromEntries(Object.entries(T).map(([key, target]) => [key, target.value]));

export function printReport(result, log = console.log) {
  const { figures } = result;
  log('');
  log(`wechat-mfe bench — ${result.date} — commit ${result.commit}${result.dirty ? ' (uncommitted changes)' : ''}`);
  log('Bytes are JS only, as the browser received them; gzip = zlib default level 6, file by file.');
  log('Times are read inside the page with performance.now(). Cold = empty HTTP cache and storage, signed-in session.');
  const load = result.machine?.loadAverage1m;
  if (load) log(`Machine: ${result.machine.cpus} cores, 1-minute load average ${load.before} before and ${load.after} after the run (times and Lighthouse scores suffer when it exceeds the cores).`);
  log('');

  const first = figures.firstLoad;
  if (!first) {
    // not measured in this run (--only)
  } else if (first.error) log(line('First load JS', `could not measure: ${first.error}`, '≤ 200 KiB', false));
  else {
    log(line(`First load JS (cold ${first.route} → content)`, `${kib(first.gzip)} gzip (${kib(first.raw)} raw, ${kib(first.wire)} as sent, ${files(first.files)})`, `≤ ${TARGETS.firstLoadKiB} KiB`, KiB(first.gzip) <= TARGETS.firstLoadKiB));
    for (const [kind, label] of [['shell', 'shell (incl. federation runtime)'], ['shared', 'federation + shared packages'], ['module', 'module code']]) {
      const k = first.byKind[kind];
      log(`  ${label.padEnd(54)} ${kib(k.gzip)} gzip (${kib(k.raw)} raw, ${files(k.files)})`);
    }
    const after = first.afterContent;
    log(`  ${'fetched after content (not in budget)'.padEnd(54)} ${kib(after.gzip)} gzip (${kib(after.raw)} raw, ${files(after.files)})`);
    for (const text of timelineLines(first)) log(`  ${text}`);
    log('  10 largest JS files (gzip):');
    for (const f of [...first.list].sort((a, b) => b.gzip - a.gzip).slice(0, 10)) {
      const owner = f.kind === 'shared' ? `shared ${f.packageName} via ${f.remote}` : f.kind === 'module' ? `module ${f.remote}` : 'shell';
      log(`    ${kib(f.gzip).padStart(10)} gzip ${kib(f.raw).padStart(10)} raw  ${f.path.split('/').pop()}  (${owner})`);
    }
  }
  if (first) log('');
  if (figures.moduleCost) printModuleCost(figures.moduleCost, log);
  if (figures.qrDetail) printQrDetail(figures.qrDetail, log);
  if (figures.widgets) printWidgets(figures.widgets, log);

  printRest(result, log);
}

function printModuleCost(moduleCost, log) {
  log('Module cost (JS fetched on client-side navigation after the first module was shown):');
  for (const m of moduleCost) {
    if (m.error) log(line(`  ${m.name} ${m.route}`, `could not measure: ${m.error}`, `≤ ${m.budgetKiB} KiB`, false));
    else {
      const extra = m.afterContent.files ? `; +${kib(m.afterContent.gzip)} later` : '';
      log(line(`  ${m.name} ${m.route}`, `${kib(m.gzip)} gzip (${kib(m.raw)} raw, ${files(m.files)}${extra})`, `≤ ${m.budgetKiB} KiB`, KiB(m.gzip) <= m.budgetKiB));
      if (m.byKind.shared.files) {
        log(`      of which shared packages not loaded before: ${kib(m.byKind.shared.gzip)} gzip (${[...new Set(m.list.filter((f) => f.kind === 'shared').map((f) => f.packageName))].join(', ')})`);
        // The module issues' targets speak of the module's own bytes: what a page of another routed
        // module (router, NgRx already loaded) would still fetch.
        const own = m.gzip - m.byKind.shared.gzip;
        log(line(`      the module's own JS`, `${kib(own)} gzip`, `≤ ${m.budgetKiB} KiB`, KiB(own) <= m.budgetKiB));
      }
    }
  }
  log('');
}

function printQrDetail(qr, log) {
  log('QR codes (issue #3): the chart library loads on the detail page only, and is reported apart:');
  if (qr.error) log(line('  QR code detail', `could not measure: ${qr.error}`, '—', false));
  else {
    log(line('  chart library (uPlot) fetched on the list route', `${kib(qr.listChartGzip)} gzip`, '0 KiB', qr.listChartGzip === 0));
    log(`  ${`opening ${qr.route} from the list`.padEnd(54)} ${kib(qr.detailGzip)} gzip (${files(qr.detailFiles)}), of which the chart library ${kib(qr.chartGzip)} gzip (${kib(qr.chartRaw)} raw)`);
  }
  log('');
}

function printWidgets(widgets, log) {
  log('Widget parcels (issue #9): JS a host loads to mount one, beyond the shared frameworks (from dist/):');
  if (widgets.error) log(line('  widgets', `could not measure: ${widgets?.error ?? 'not run'}`, `≤ ${TARGETS.widgetKiB} KiB`, false));
  else
    for (const w of widgets.items) {
      log(line(`  ${w.parcel} (${w.remote})`, `${kib(w.gzip)} gzip (${kib(w.raw)} raw, ${files(w.files)}); on use +${kib(w.lazyGzip)}`, `≤ ${TARGETS.widgetKiB} KiB`, KiB(w.gzip) <= TARGETS.widgetKiB));
    }
  log('');
}

function printRest(result, log) {
  const { figures } = result;
  const core = figures.angularCoreCopies;
  if (!core) {
    // not measured in this run
  } else if (core.error) log(line('Copies of @angular/core', `could not measure: ${core.error}`, '1', false));
  else log(line('Copies of @angular/core (most in one page)', `${core.count}`, `${TARGETS.angularCoreCopies}`, core.count === TARGETS.angularCoreCopies));
  if (core) log('');

  const times = [
    ['coldNavigation', (f) => `Navigation → content, cold ${f.route}`, TARGETS.coldNavigationMs],
    ['warmSwitch', (f) => `Warm switch ${f.pair.join(' ⇄ ')}`, TARGETS.warmSwitchMs],
    ['accountSwitch', (f) => `Account switch on ${f.route} (${f.accounts.join(' ⇄ ')})`, TARGETS.accountSwitchMs],
  ];
  for (const [key, label, targetMs] of times) {
    const f = figures[key];
    if (!f) continue;
    if (f.error) log(line(key, `could not measure: ${f.error}`, `≤ ${targetMs} ms`, false));
    else {
      log(line(label(f), timing(f), `≤ ${targetMs} ms`, f.median <= targetMs));
      for (const [direction, s] of Object.entries(f.directions ?? {})) log(`  ${direction.padEnd(54)} ${timing(s)}`);
      if (f.header) log(`  ${'header switcher shows the account (after the content)'.padEnd(54)} ${timing(f.header)}`);
      if (f.staticFrame) log(`  ${'static first frame painted (no script of ours yet)'.padEnd(54)} ${timing(f.staticFrame)}   the machine's baseline: compare cold figures across runs only when it is alike`);
    }
  }
  const dialog = figures.dialogOpen;
  if (dialog?.error) log(line('Dialog opening', `could not measure: ${dialog.error}`, '—', false));
  else if (dialog) {
    log(`${dialog.dialog} dialog on ${dialog.route}, click → its first field shown (no target; the code loads on first use):`);
    log(`  ${'first opening, no hover before the click'.padEnd(54)} ${timing(dialog.cold)}`);
    log(`  ${`first opening, pointer on the button ${dialog.hoverMs} ms before`.padEnd(54)} ${timing(dialog.hovered)}   (wxPrefetch starts the download at the hover)`);
    log(`  ${'opening again'.padEnd(54)} ${timing(dialog.again)}`);
  }

  const rows = figures.fansFirstRows;
  const scroll = figures.fansScroll;
  const api = figures.fansApi;
  const sync = figures.fansSync;
  if (rows || scroll || api || sync) {
    log('');
    log('Fans (issue #7), DM Demo Service with 100,000 fans:');
  }
  if (!rows) {
    // not measured in this run
  } else if (rows.error) log(line('  First fan rows, cold', `could not measure: ${rows.error}`, `≤ ${TARGETS.fansFirstRowsMs} ms`, false));
  else log(line(`  First fan rows, cold ${rows.route}`, timing(rows), `≤ ${TARGETS.fansFirstRowsMs} ms`, rows.median <= TARGETS.fansFirstRowsMs));
  if (!scroll) {
    // not measured in this run
  } else if (scroll.error) log(line('  Scroll frame p95', `could not measure: ${scroll.error}`, `≤ ${TARGETS.fansScrollP95Ms} ms`, false));
  else {
    log(line('  Scroll frame p95, top → bottom at 100 rows/frame', `${ms(scroll.p95)} (p50 ${ms(scroll.p50)}, max ${ms(scroll.max)}, ${scroll.frames} frames)`, `≤ ${TARGETS.fansScrollP95Ms} ms`, scroll.p95 <= TARGETS.fansScrollP95Ms));
    log(`  ${'last row filled in after reaching the end'.padEnd(54)} ${scroll.lastRowMsAfterEnd} ms`);
  }
  if (api?.error) log(line('  Fans API page (200 rows)', `could not measure: ${api.error}`, `≤ ${TARGETS.fansApiMs} ms`, false));
  else for (const q of api?.queries ?? []) log(line(`  Fans API ?${q.query}`, timing(q), `≤ ${TARGETS.fansApiMs} ms`, q.median <= TARGETS.fansApiMs));
  if (sync?.error) log(line('  Fans sync (own mock, fresh copy per run)', `could not measure: ${sync.error}`, `≤ ${TARGETS.fansSyncS} s`, false));
  else if (sync) log(line(`  Fans sync of ${sync.fans.toLocaleString('en-US')} fans (own mock, fresh copy per run)`, `median ${sync.median.toFixed(1)} s (min ${sync.min.toFixed(1)} – max ${sync.max.toFixed(1)}, ${sync.runs} runs)`, `≤ ${TARGETS.fansSyncS} s`, sync.median <= TARGETS.fansSyncS));

  if (figures.lighthouse) printLighthouse(figures.lighthouse, log);

  if (result.problems.length) {
    log('');
    log(`Seen while measuring (${result.problems.length}):`);
    for (const p of result.problems) log(`  - ${p}`);
  }
  log('');
}

/**
 * Where the cold start spends its time, from the first load's waterfall: the milestones on the way to
 * the content, and requests made more than once (each is a round trip the page waits for).
 */
function timelineLines(first) {
  const w = first.waterfall;
  const endOf = (test) => Math.max(...w.filter(test).map((r) => r.end));
  const js = w.filter((r) => r.path.startsWith('/modules/') && r.type === 'script' && r.start <= first.contentMs);
  const steps = [
    ['shell.js', endOf((r) => /^\/shell\.[^/]*\.js$/.test(r.path))],
    ['accounts', endOf((r) => r.path === '/api/wechat/accounts')],
    ['manifest', endOf((r) => r.path === '/mfe-manifest.json')],
    ['remoteEntry.json', endOf((r) => r.path.endsWith('/remoteEntry.json'))],
    [`${js.length} module JS requests ${Math.min(...js.map((r) => r.start)).toFixed(0)}–`, Math.max(...js.map((r) => r.end))],
    ['content visible', first.contentMs],
  ].filter(([, at]) => Number.isFinite(at));
  const lines = [`cold timeline, ms from navigation start: ${steps.map(([label, at]) => `${label}${label.endsWith('–') ? '' : ' '}${at.toFixed(0)}`).join(' · ')}`];
  const seen = new Map();
  for (const r of w.filter((r) => r.start <= first.contentMs)) seen.set(r.path, (seen.get(r.path) ?? 0) + 1);
  const repeated = [...seen].filter(([, n]) => n > 1);
  if (repeated.length) lines.push(`fetched more than once before content: ${repeated.map(([path, n]) => `${path} ×${n}`).join(', ')}`);
  return lines;
}

/** Lighthouse (issue #10): score and metrics per preset, with the evidence that the page showed fans. */
function printLighthouse(lh, log) {
  log('');
  log(`Lighthouse 12.2.3, performance only, ${lh.route ?? '/wechat/fans'} signed in as admin (fresh Chromium per run, --headless=new):`);
  if (lh.error) {
    log(line('  Lighthouse', `could not measure: ${lh.error}`, '—', false));
    return;
  }
  if (lh.screenshots) log(`  final screenshots of the first run: ${lh.screenshots}`);
  for (const [preset, p] of Object.entries(lh.presets)) {
    const label = preset === 'mobile' ? 'default config (mobile, simulated throttling)' : `${preset} preset`;
    if (p.error) {
      log(`  ${label.padEnd(54)} could not measure: ${p.error}`);
      continue;
    }
    // Each run's score with Lighthouse's CPU benchmark as it started: a busy machine tends to show as a low index.
    const runs = p.scores.map((score, i) => (p.benchmarkIndexes?.[i] != null ? `${score} @${Math.round(p.benchmarkIndexes[i])}` : `${score}`));
    log(`  ${label.padEnd(54)} score ${p.score} (runs: ${runs.join(', ')}); target — (≥ 90 is Lighthouse's "good" band)`);
    const metric = ([id, name, unit]) => (typeof p.metrics[id] === 'number' ? `${name} ${unit === 'ms' ? `${Math.round(p.metrics[id])} ms` : p.metrics[id].toFixed(3)}` : `${name} —`);
    log(`    medians: ${LIGHTHOUSE_METRICS.map(metric).join(' · ')}`);
    log(`    page checked after each audit: ≥ ${p.rows} fan rows shown, account ${p.accounts.join(', ')}${p.lcpElement ? `; LCP element ${p.lcpElement}` : ''}`);
    if (p.benchmarkIndex != null) log(`    @ = Lighthouse's CPU benchmark index, taken as the run starts (median ${Math.round(p.benchmarkIndex)}): a rough gauge of other work on the cores, which the scores are sensitive to`);
    for (const w of p.warnings) log(`    Lighthouse warning: ${w}`);
    if (p.erroredAudits.length) {
      // One cause usually fails several diagnostics: name them, then the shortest message (the root one).
      const [ids, messages] = [p.erroredAudits.map((a) => a.split(': ')[0]), p.erroredAudits.map((a) => a.slice(a.indexOf(': ') + 2))];
      log(`    diagnostics that errored (not part of the score): ${ids.join(', ')}`);
      log(`      ${messages.sort((a, b) => a.length - b.length)[0]}`);
    }
  }
}
