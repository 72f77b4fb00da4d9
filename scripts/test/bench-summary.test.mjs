// The bench's pure parts (bench/lib): medians, Lighthouse results, the summary table's verdicts and
// rows, and the command line. Here because `npm test` collects scripts/test/, not bench/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, spread } from '../../bench/lib/stats.mjs';
import { readSample, summarize } from '../../bench/lib/lighthouse-result.mjs';
import { verdict, summaryRows, formatSummary, formatValue, tally } from '../../bench/lib/summary.mjs';
import { parseArgs, selectFigures, FIGURES, UsageError } from '../../bench/lib/options.mjs';

const KiB = 1024;

test('median: the middle value of an unsorted list, the mean of the two middle ones for an even count', () => {
  assert.equal(median([7, 1, 5]), 5);
  assert.equal(median([90, 70, 80, 60]), 75);
  assert.equal(median([42]), 42);
  assert.throws(() => median([]), /no values/);
  const s = spread([30, 10, 20]);
  assert.deepEqual([s.median, s.min, s.max, s.runs], [20, 10, 30, 3]);
  assert.deepEqual(s.samples, [30, 10, 20], 'the samples stay in run order');
});

/** A Lighthouse result with just what the bench reads. */
const lhr = (score, { fcp = 1000, lcp = 2000, tbt = 300, cls = 0.01, si = 1500 } = {}) => ({
  categories: { performance: { score } },
  audits: {
    'first-contentful-paint': { numericValue: fcp },
    'largest-contentful-paint': { numericValue: lcp },
    'total-blocking-time': { numericValue: tbt },
    'cumulative-layout-shift': { numericValue: cls },
    'speed-index': { numericValue: si },
    'largest-contentful-paint-element': { details: { items: [{ items: [{ node: { snippet: '<div class="fan-row">' } }] }] } },
  },
  runWarnings: [],
  environment: { benchmarkIndex: score * 2000 },
});

test('Lighthouse: a score of 0.82 reads as 82; the median score and each metric median are taken on their own', () => {
  const one = readSample(lhr(0.82));
  assert.equal(one.score, 82);
  assert.equal(one.lcpElement, '<div class="fan-row">');
  assert.equal(one.metrics['cumulative-layout-shift'], 0.01);

  const samples = [
    { ...readSample(lhr(0.9, { lcp: 3000 })), rows: 30, account: 'wx1' },
    { ...readSample(lhr(0.7, { lcp: 1000 })), rows: 35, account: 'wx1' },
    { ...readSample(lhr(0.8, { lcp: 2500 })), rows: 32, account: 'wx1' },
  ];
  const s = summarize(samples);
  assert.equal(s.score, 80);
  assert.deepEqual(s.scores, [90, 70, 80]);
  // The run with the median score (0.8) has LCP 2500; the median LCP is 2500 as well, but taken apart:
  assert.equal(s.metrics['largest-contentful-paint'], 2500);
  assert.equal(s.rows, 30, 'the fewest rows any audited page showed');
  assert.deepEqual(s.accounts, ['wx1']);
  assert.equal(s.benchmarkIndex, 1600);
  assert.deepEqual(s.benchmarkIndexes, [1800, 1400, 1600], 'per run, in run order, next to the scores');
  assert.equal(summarize([samples[0], samples[1]]).score, 80, 'two runs: the mean of both');
  assert.deepEqual(one.erroredAudits, []);
  const broken = lhr(0.7);
  broken.audits['layout-shifts'] = { id: 'layout-shifts', scoreDisplayMode: 'error', errorMessage: 'Required RootCauses gatherer encountered an error\nstack' };
  assert.deepEqual(readSample(broken).erroredAudits, ['layout-shifts: Required RootCauses gatherer encountered an error']);
  assert.throws(() => readSample({ categories: {}, audits: {} }), /no performance score/);
  assert.throws(() => summarize([]), /no Lighthouse runs/);
});

test('verdict: ≤ passes at the target and misses above it; = only on the value; no target is "—"; no value is ERROR', () => {
  assert.equal(verdict(200, { op: '≤', value: 200 }), 'pass');
  assert.equal(verdict(200.01, { op: '≤', value: 200 }), 'MISS');
  assert.equal(verdict(1, { op: '=', value: 1 }), 'pass');
  assert.equal(verdict(2, { op: '=', value: 1 }), 'MISS');
  assert.equal(verdict(89, { op: '≥', value: 90 }), 'MISS');
  assert.equal(verdict(90, { op: '≥', value: 90 }), 'pass');
  assert.equal(verdict(85, null), '—');
  assert.equal(verdict(null, { op: '≤', value: 50 }), 'ERROR');
  assert.equal(verdict(Number.NaN, { op: '≤', value: 50 }), 'ERROR');
});

const kinds = (sharedGzip) => ({ shell: { gzip: 0, raw: 0, files: 0 }, shared: { gzip: sharedGzip, raw: 0, files: sharedGzip ? 1 : 0 }, module: { gzip: 0, raw: 0, files: 1 } });
const timing = (median, min, max, runs) => ({ median, min, max, runs, samples: [] });

/** A full set of figures as run.mjs gathers them, with chosen values. */
function figures() {
  return {
    firstLoad: { route: '/wechat/fans', gzip: 324 * KiB, raw: 1400 * KiB, files: 30, byKind: { shell: { gzip: 26 * KiB }, shared: { gzip: 239 * KiB }, module: { gzip: 59 * KiB } } },
    moduleCost: [
      { name: 'qr-codes', route: '/wechat/qrcodes', budgetKiB: 40, gzip: 36 * KiB, byKind: kinds(0) },
      { name: 'messaging', route: '/wechat/messaging/mass-send', budgetKiB: 60, gzip: 73 * KiB, byKind: kinds(15 * KiB) },
      { name: 'menus', route: '/wechat/menus', budgetKiB: 40, error: 'content never showed' },
      { name: 'channel-allocation', route: '/settings/channel-allocation', budgetKiB: 40, gzip: 22 * KiB, byKind: kinds(0) },
    ],
    widgets: { items: [{ parcel: 'account-picker', gzip: 11 * KiB }, { parcel: 'material-picker', gzip: 41 * KiB }] },
    angularCoreCopies: { count: 1, page: '/wechat/menus', files: ['/a.js'] },
    coldNavigation: { route: '/wechat/fans', ...timing(662, 600, 700, 10), staticFrame: timing(121, 110, 140, 10) },
    warmSwitch: { pair: ['/wechat/fans', '/wechat/menus'], ...timing(31, 20, 40, 20) },
    accountSwitch: { route: '/wechat/fans', accounts: ['A', 'B'], ...timing(5, 4, 9, 10) },
    fansFirstRows: { route: '/wechat/fans', ...timing(687, 650, 720, 10) },
    fansScroll: { p95: 16.8, p50: 16.7, max: 33, frames: 1000 },
    fansApi: { queries: [{ query: 'limit=200', ...timing(8, 7, 9, 10) }, { query: 'tagId=100', ...timing(108, 100, 120, 10) }] },
    fansSync: { fans: 100000, ...timing(2.5, 2.4, 2.7, 3) },
    lighthouse: { route: '/wechat/fans', presets: { mobile: { score: 82, scores: [80, 82, 85], runs: 3, metrics: { 'first-contentful-paint': 950, 'largest-contentful-paint': 1990, 'total-blocking-time': 700, 'cumulative-layout-shift': 0.001, 'speed-index': 2260 } } } },
  };
}

test('summary rows: every figure with its value, target, verdict and issue', () => {
  const rows = summaryRows(figures());
  const by = Object.fromEntries(rows.map((r) => [r.key, r]));
  assert.equal(by['firstLoad.gzip'].value, 324);
  assert.equal(by['firstLoad.gzip'].verdict, 'MISS');
  assert.deepEqual(by['firstLoad.gzip'].issues, ['#2', '#10']);
  assert.equal(by['firstLoad.raw'].verdict, '—', 'raw bytes are printed without a target');

  assert.equal(by['moduleCost.qr-codes.gzip'].verdict, 'pass');
  assert.equal(by['moduleOwn.qr-codes.gzip'].value, 36, 'a module issue (#3) names its own-JS figure even when it equals the cost');
  assert.deepEqual(by['moduleOwn.qr-codes.gzip'].issues, ['#3']);
  assert.equal(by['moduleCost.messaging.gzip'].verdict, 'MISS', '73 KiB fetched against 60');
  assert.equal(by['moduleOwn.messaging.gzip'].value, 58, 'the shared packages not loaded before are left out of the own JS');
  assert.equal(by['moduleOwn.messaging.gzip'].verdict, 'pass');
  assert.deepEqual(by['moduleOwn.messaging.gzip'].issues, ['#5']);
  assert.equal(by['moduleCost.menus.gzip'].verdict, 'ERROR');
  assert.equal(by['moduleCost.menus.gzip'].error, 'content never showed');
  assert.equal(by['moduleOwn.channel-allocation.gzip'], undefined, 'no own-JS row when it equals the cost and no issue names it');

  assert.equal(by['widget.material-picker.gzip'].verdict, 'MISS');
  assert.deepEqual(by['widget.account-picker.gzip'].issues, ['#9']);
  assert.equal(by.angularCoreCopies.verdict, 'pass');
  assert.equal(by['coldNavigation.median'].verdict, 'MISS');
  assert.deepEqual([by['coldNavigation.median'].min, by['coldNavigation.median'].max, by['coldNavigation.median'].runs], [600, 700, 10]);
  assert.equal(by['coldNavigation.staticFrame.median'].value, 121, "the static frame's paint is printed as the machine's baseline");
  assert.equal(by['coldNavigation.staticFrame.median'].verdict, '—', 'without a target');
  assert.equal(by['warmSwitch.median'].verdict, 'pass');
  assert.equal(by['accountSwitch.median'].verdict, 'pass');
  assert.equal(by['fansFirstRows.median'].verdict, 'MISS');
  assert.deepEqual(by['fansFirstRows.median'].issues, ['#7', '#10']);
  assert.equal(by['fansScroll.p95'].verdict, 'pass');
  assert.equal(by['fansApi.slowest.median'].value, 108, 'the slowest query stands for the API');
  assert.equal(by['fansApi.slowest.median'].verdict, 'MISS');
  assert.equal(by['fansSync.median'].verdict, 'pass');
  assert.equal(by['fansSync.median'].unit, 's');

  const score = by['lighthouse.mobile.score'];
  assert.equal(score.value, 82);
  assert.equal(score.target, null, 'no issue sets a Lighthouse target');
  assert.equal(score.verdict, '—');
  assert.deepEqual(score.issues, ['#10']);
  assert.equal(by['lighthouse.mobile.largest-contentful-paint'].value, 1.99, 'LCP in seconds');
  assert.equal(by['lighthouse.mobile.total-blocking-time'].unit, 'ms');
  assert.equal(by['lighthouse.mobile.cumulative-layout-shift'].value, 0.001);

  // menus failed: its cost and its own-JS (#4) rows are both ERROR.
  assert.deepEqual(tally(rows), { pass: 10, miss: 6, informational: 8, error: 2 });
});

test('summary rows: a figure not measured (--only) has no row; the table prints median, spread, target and verdict', () => {
  const rows = summaryRows({ fansSync: { fans: 100000, ...timing(2.5, 2.4, 2.7, 3) }, angularCoreCopies: { error: 'needs the first load' } });
  assert.deepEqual(rows.map((r) => r.key), ['angularCoreCopies', 'fansSync.median']);
  assert.equal(formatValue(rows[1]), '2.5 s (2.4–2.7, 3 runs)');
  assert.equal(formatValue(rows[0]), 'could not measure: needs the first load');
  const [head, rule, ...body] = formatSummary(rows);
  assert.match(head, /^\| Figure +\| Value +\| Target +\| Verdict +\| Issue +\|$/);
  assert.match(rule, /^\|-+\|-+\|-+\|-+\|-+\|$/);
  assert.match(body[1], /\| Fans sync, 100,000 fans +\| 2\.5 s \(2\.4–2\.7, 3 runs\) +\| ≤ 20 s +\| pass +\| #7 #10 +\|/);
  assert.match(body[0], /\| = 1 +\| ERROR +\|/);
  const lighthouse = formatSummary(summaryRows({ lighthouse: figures().lighthouse }))[2];
  assert.match(lighthouse, /\| 82 \(80–85, 3 runs\) +\| — \(≥ 90 "good", informational\) \| — +\| #10 +\|/);
});

test('summary rows: the QR chart library must not load on the list route, and is reported apart on the detail page', () => {
  const qr = (listChartGzip) => summaryRows({ qrDetail: { route: '/wechat/qrcodes/6', listChartGzip, chartGzip: 25 * KiB, chartRaw: 74 * KiB, chartFiles: 1, detailGzip: 42 * KiB, detailFiles: 3 } });
  const [list, chart, detail] = qr(0);
  assert.deepEqual([list.verdict, list.value, list.issues], ['pass', 0, ['#3']]);
  assert.deepEqual([chart.verdict, chart.value], ['—', 25]);
  assert.equal(detail.value, 42);
  assert.equal(qr(25 * KiB)[0].verdict, 'MISS', 'a chart library on the list route misses #3');
});

test('command line: --runs, --only (names checked, computed figures pull in what they need), --no-build', () => {
  assert.deepEqual(parseArgs([]), { build: true, runs: 10 });
  assert.deepEqual(parseArgs(['--no-build', '--runs', '3']), { build: false, runs: 3 });
  assert.deepEqual(parseArgs(['--runs=5', '--only', 'lighthouse,fans-sync']), { build: true, runs: 5, only: ['lighthouse', 'fans-sync'] });
  assert.deepEqual(parseArgs(['--only=lighthouse', '--only', 'lighthouse,widgets']).only, ['lighthouse', 'widgets']);
  assert.throws(() => parseArgs(['--runs', '0']), UsageError);
  assert.throws(() => parseArgs(['--only', 'lighthose']), /unknown figure lighthose/);
  assert.throws(() => parseArgs(['--only']), UsageError);
  assert.throws(() => parseArgs(['--fast']), /unknown argument --fast/);
  assert.deepEqual([...selectFigures(['lighthouse'])], ['lighthouse']);
  assert.deepEqual([...selectFigures(['angular-copies'])].sort(), ['angular-copies', 'first-load', 'module-cost']);
  assert.deepEqual([...selectFigures(undefined)], FIGURES);
});

test('summary rows: the QR editor dialog opening, first (no hover, after a hover) and again, without a target', () => {
  const s = (median) => ({ median, min: median - 5, max: median + 10, runs: 5 });
  const rows = summaryRows({ dialogOpen: { route: '/wechat/qrcodes', dialog: 'QR code editor', hoverMs: 150, cold: s(68), hovered: s(29), again: s(12) } });
  assert.deepEqual(
    rows.map((r) => [r.key, r.value, r.verdict, r.issues]),
    [
      ['dialogOpen.cold.median', 68, '—', ['team']],
      ['dialogOpen.hovered.median', 29, '—', ['team']],
      ['dialogOpen.again.median', 12, '—', ['team']],
    ],
  );
  assert.match(rows[1].figure, /after a 150 ms hover/);
  const failed = summaryRows({ dialogOpen: { error: 'no QR list' } });
  assert.deepEqual([failed.length, failed[0].verdict], [1, 'ERROR']);
});
