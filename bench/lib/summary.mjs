// The one summary table that `npm run bench` ends with (issue #10): every figure that an issue or
// ARCHITECTURE §9 asks the bench for, its value (median of the runs, with the spread), its target,
// pass / MISS, and the issue it comes from. Pure functions: the tests in scripts/test/ call them.
import { KiB } from './stats.mjs';
import { LIGHTHOUSE_METRICS } from './lighthouse-result.mjs';

/**
 * Targets, and the issues that set them. ARCHITECTURE §9 is the foundation issue's (#2) budget list,
 * which #10 repeats; "team" marks a figure the team set itself (no issue names it).
 */
export const TARGETS = {
  firstLoadKiB: { op: '≤', value: 200, unit: 'KiB', issues: ['#2', '#10'] },
  angularCoreCopies: { op: '=', value: 1, unit: '', issues: ['#2', '#10'] },
  coldNavigationMs: { op: '≤', value: 300, unit: 'ms', issues: ['#2', '#10'] },
  warmSwitchMs: { op: '≤', value: 50, unit: 'ms', issues: ['#2', '#10'] },
  accountSwitchMs: { op: '≤', value: 50, unit: 'ms', issues: ['#2', '#10'] },
  fansFirstRowsMs: { op: '≤', value: 300, unit: 'ms', issues: ['#7', '#10'] },
  fansScrollP95Ms: { op: '≤', value: 20, unit: 'ms', issues: ['#7', '#10'] },
  fansSyncS: { op: '≤', value: 20, unit: 's', issues: ['#7', '#10'] },
  fansApiMs: { op: '≤', value: 100, unit: 'ms', issues: ['team'] },
  widgetKiB: { op: '≤', value: 40, unit: 'KiB', issues: ['#9'] },
};

/** Which module issue sets the target of a module's own JS (the others: ARCHITECTURE §9 via #2 and #10). */
const OWN_JS_ISSUE = { 'qr-codes': ['#3'], messaging: ['#5'], 'messaging (materials)': ['#5'], menus: ['#4'] };

/**
 * 'pass' when the value meets the target, 'MISS' when it does not, '—' when there is no target,
 * 'ERROR' when there is no value (the figure could not be measured).
 * @param {number|null|undefined} value
 * @param {{ op: '≤'|'≥'|'=', value: number }|null|undefined} target
 */
export function verdict(value, target) {
  if (typeof value !== 'number' || Number.isNaN(value)) return 'ERROR';
  if (!target) return '—';
  if (target.op === '≤') return value <= target.value ? 'pass' : 'MISS';
  if (target.op === '≥') return value >= target.value ? 'pass' : 'MISS';
  if (target.op === '=') return value === target.value ? 'pass' : 'MISS';
  throw new Error(`unknown target operator ${target.op}`);
}

const round1 = (n) => Math.round(n * 10) / 10;
/** One decimal for sizes and times; counts and scores as they are; a CLS-like fraction with three. */
const num = (n, unit) => {
  if (unit !== '' || !Number.isInteger(n)) return Math.abs(n) < 1 && unit === '' ? n.toFixed(3) : n.toFixed(1);
  return String(n);
};
const withUnit = (n, unit) => `${num(n, unit)}${unit ? ` ${unit}` : ''}`;

/**
 * One row. `value` is the median (or the one deterministic reading); `spread` its min and max over
 * `runs` runs when the figure is timed; `detail` is printed after the value.
 */
function row({ figure, key, value, unit, target = null, targetNote, issues, spread, runs, detail, error }) {
  const v = error ? null : value;
  return {
    figure,
    key,
    value: typeof v === 'number' ? round1000(v) : null,
    unit,
    ...(spread ? { min: round1000(spread.min), max: round1000(spread.max) } : {}),
    ...(runs ? { runs } : {}),
    target: target ? { op: target.op, value: target.value, unit: target.unit } : null,
    ...(targetNote ? { targetNote } : {}),
    verdict: verdict(v, target),
    issues: target?.issues ?? issues ?? [],
    ...(detail ? { detail } : {}),
    ...(error ? { error } : {}),
  };
}
const round1000 = (n) => Math.round(n * 1000) / 1000;

const timed = (f) => ({ value: f.median, spread: { min: f.min, max: f.max }, runs: f.runs });

/**
 * The table's rows from the bench's figures (any figure may be missing: `--only` measures a few, and
 * a missing figure has no row; a figure that failed has an ERROR row).
 * @param {Record<string, any>} figures what run.mjs measured (see its `FIGURES`)
 * @returns {object[]} rows as written to bench/results/latest.json
 */
export function summaryRows(figures) {
  const rows = [];
  const add = (r) => rows.push(row(r));

  const first = figures.firstLoad;
  if (first) {
    const route = first.route ?? '/wechat/fans';
    add({ figure: `First load JS, cold ${route} → content (gzip)`, key: 'firstLoad.gzip', value: first.error ? null : KiB(first.gzip), unit: 'KiB', target: TARGETS.firstLoadKiB, error: first.error, detail: first.error ? undefined : `${first.files} files; shared ${round1(KiB(first.byKind.shared.gzip))}, shell ${round1(KiB(first.byKind.shell.gzip))}, module ${round1(KiB(first.byKind.module.gzip))}` });
    add({ figure: `First load JS, cold ${route} → content (raw)`, key: 'firstLoad.raw', value: first.error ? null : KiB(first.raw), unit: 'KiB', issues: ['#2'], error: first.error });
    // What the browser downloaded: the start server sends the build's precompressed Brotli copies.
    if (first.wire !== undefined) add({ figure: `First load JS, cold ${route} → content (as sent)`, key: 'firstLoad.wire', value: first.error ? null : KiB(first.wire), unit: 'KiB', issues: ['#10'], error: first.error });
  }

  for (const m of figures.moduleCost ?? []) {
    const target = { op: '≤', value: m.budgetKiB, unit: 'KiB', issues: ['#2', '#10'] };
    // Code a page defers until its content shows (menus' drag-and-drop) is not in the budget, but said.
    const after = m.error ? 0 : (m.afterContent?.gzip ?? 0);
    add({ figure: `Module cost ${m.name} (${m.route})`, key: `moduleCost.${m.name}.gzip`, value: m.error ? null : KiB(m.gzip), unit: 'KiB', target, error: m.error, detail: after > 0 ? `+ ${round1(KiB(after))} KiB fetched after the content showed` : undefined });
    // The module issues speak of the module's own JS: the fetched bytes less shared packages that the
    // first page happened not to need (a page of another routed module would have loaded them).
    const sharedGzip = m.error ? 0 : m.byKind.shared.gzip;
    if (m.error || sharedGzip > 0 || OWN_JS_ISSUE[m.name]) {
      add({ figure: `Module own JS ${m.name}`, key: `moduleOwn.${m.name}.gzip`, value: m.error ? null : KiB(m.gzip - sharedGzip), unit: 'KiB', target: { ...target, issues: OWN_JS_ISSUE[m.name] ?? ['#2', '#10'] }, error: m.error, detail: sharedGzip > 0 ? `without ${round1(KiB(sharedGzip))} KiB of shared packages not loaded before` : undefined });
    }
  }

  const qr = figures.qrDetail;
  if (qr?.error) add({ figure: 'QR codes: chart library on the detail page only', key: 'qrDetail', unit: 'KiB', issues: ['#3'], error: qr.error });
  else if (qr) {
    add({ figure: 'QR codes list: chart library (uPlot) fetched', key: 'qrDetail.listChart.gzip', value: KiB(qr.listChartGzip), unit: 'KiB', target: { op: '=', value: 0, unit: 'KiB', issues: ['#3'] } });
    add({ figure: 'QR code detail: chart library (uPlot), reported apart', key: 'qrDetail.chart.gzip', value: KiB(qr.chartGzip), unit: 'KiB', issues: ['#3'], detail: qr.chartFiles ? undefined : 'not fetched on the detail page either' });
    add({ figure: 'QR code detail: all JS on opening it from the list', key: 'qrDetail.gzip', value: KiB(qr.detailGzip), unit: 'KiB', issues: ['#3'], detail: `${qr.detailFiles} files` });
  }

  if (figures.widgets) {
    if (figures.widgets.error) add({ figure: 'Widget parcels', key: 'widget', unit: 'KiB', target: TARGETS.widgetKiB, error: figures.widgets.error });
    for (const w of figures.widgets.items ?? []) add({ figure: `Widget ${w.parcel} (beyond shared frameworks)`, key: `widget.${w.parcel}.gzip`, value: KiB(w.gzip), unit: 'KiB', target: TARGETS.widgetKiB });
  }

  const core = figures.angularCoreCopies;
  if (core) add({ figure: 'Copies of @angular/core in one page', key: 'angularCoreCopies', value: core.error ? null : core.count, unit: '', target: TARGETS.angularCoreCopies, error: core.error, detail: core.error ? undefined : `worst page ${core.page}` });

  const times = [
    ['coldNavigation', (f) => `Navigation → content, cold ${f.route ?? ''}`.trim(), TARGETS.coldNavigationMs],
    ['warmSwitch', (f) => `Warm switch ${(f.pair ?? []).join(' ⇄ ')}`.trim(), TARGETS.warmSwitchMs],
    ['accountSwitch', (f) => `Account switch ${f.route ? `on ${f.route} ` : ''}→ every mounted app shows it`, TARGETS.accountSwitchMs],
    ['fansFirstRowsInSuite', () => 'Fans: first rows visible, opening the page in the running suite (module not loaded), 100k-fan account', TARGETS.fansFirstRowsMs],
    ['fansFirstRows', () => 'Fans: first rows visible, cold page load (empty cache), 100k-fan account', TARGETS.fansFirstRowsMs],
  ];
  for (const [key, label, target] of times) {
    const f = figures[key];
    if (f) add({ figure: label(f), key: `${key}.median`, unit: 'ms', target, error: f.error, ...(f.error ? {} : timed(f)) });
    // The header loads after the main content (ADR 0020): when it shows the account, without a target.
    if (key === 'coldNavigation' && f?.header) add({ figure: `  header switcher shows the account, cold ${f.route}`, key: 'coldNavigation.header.median', unit: 'ms', issues: ['#10'], ...timed(f.header) });
    // No target: the machine's baseline for the cold figures (measure-times.mjs, FIRST_PAINT).
    if (key === 'coldNavigation' && f?.staticFrame) add({ figure: `  static first frame painted (machine baseline), cold ${f.route}`, key: 'coldNavigation.staticFrame.median', unit: 'ms', issues: ['#10'], ...timed(f.staticFrame) });
  }

  const dialog = figures.dialogOpen;
  if (dialog?.error) add({ figure: 'Dialog opening', key: 'dialogOpen', unit: 'ms', issues: ['team'], error: dialog.error });
  else if (dialog) {
    const opening = `${dialog.dialog} dialog, click → first field shown`;
    add({ figure: `${opening}: first opening`, key: 'dialogOpen.cold.median', unit: 'ms', issues: ['team'], ...timed(dialog.cold) });
    add({ figure: `  first opening after a ${dialog.hoverMs} ms hover (prefetched)`, key: 'dialogOpen.hovered.median', unit: 'ms', issues: ['team'], ...timed(dialog.hovered) });
    add({ figure: '  opening again', key: 'dialogOpen.again.median', unit: 'ms', issues: ['team'], ...timed(dialog.again) });
  }

  const scroll = figures.fansScroll;
  if (scroll) add({ figure: 'Fans: scroll frame p95, whole 100k list', key: 'fansScroll.p95', value: scroll.p95, unit: 'ms', target: TARGETS.fansScrollP95Ms, error: scroll.error, detail: scroll.error ? undefined : `p50 ${round1(scroll.p50)}, max ${round1(scroll.max)}, ${scroll.frames} frames` });

  const api = figures.fansApi;
  if (api) {
    const slowest = api.error ? null : api.queries.reduce((a, b) => (b.median > a.median ? b : a));
    add({ figure: `Fans API page, slowest of ${api.queries?.length ?? 0} queries (200 rows)`, key: 'fansApi.slowest.median', unit: 'ms', target: TARGETS.fansApiMs, error: api.error, ...(slowest ? { ...timed(slowest), detail: `?${slowest.query}` } : {}) });
  }

  const sync = figures.fansSync;
  if (sync) add({ figure: `Fans sync, ${sync.fans ? sync.fans.toLocaleString('en-US') : '100,000'} fans`, key: 'fansSync.median', unit: 's', target: TARGETS.fansSyncS, error: sync.error, ...(sync.error ? {} : timed(sync)) });

  const lh = figures.lighthouse;
  if (lh?.error) add({ figure: 'Lighthouse performance /wechat/fans', key: 'lighthouse', unit: '', issues: ['#10'], error: lh.error });
  for (const [preset, p] of Object.entries(lh?.presets ?? {})) {
    const label = preset === 'mobile' ? 'mobile, default config' : `${preset} preset`;
    if (p.error) {
      add({ figure: `Lighthouse performance ${lh.route} (${label})`, key: `lighthouse.${preset}.score`, unit: '', issues: ['#10'], error: p.error });
      continue;
    }
    add({ figure: `Lighthouse performance ${lh.route} (${label})`, key: `lighthouse.${preset}.score`, value: p.score, unit: '', issues: ['#10'], spread: { min: Math.min(...p.scores), max: Math.max(...p.scores) }, runs: p.runs, targetNote: '(≥ 90 "good", informational)' });
    for (const [id, name, unit] of LIGHTHOUSE_METRICS) {
      const value = p.metrics[id];
      if (typeof value !== 'number') continue;
      const asSeconds = unit === 'ms' && id !== 'total-blocking-time';
      add({ figure: `  ${preset} ${name}`, key: `lighthouse.${preset}.${id}`, value: asSeconds ? value / 1000 : value, unit: asSeconds ? 's' : unit, issues: ['#10'], runs: p.runs });
    }
  }
  return rows;
}

/** The printed value of a row: median with unit, then the spread, then the detail. */
export function formatValue(r) {
  if (r.error) return `could not measure: ${r.error}`;
  let text = withUnit(r.value, r.unit);
  if (r.runs > 1 && r.min !== undefined && r.min !== r.max) text += ` (${num(r.min, r.unit)}–${num(r.max, r.unit)}, ${r.runs} runs)`;
  else if (r.runs > 1 && r.min === undefined) text += ` (median of ${r.runs})`;
  if (r.detail) text += `; ${r.detail}`;
  return text;
}

/** The target cell: "≤ 200 KiB", or "—" when no issue sets one (with a note, e.g. Lighthouse's own bands). */
export const formatTarget = (r) => (r.target ? `${r.target.op} ${r.target.value}${r.target.unit ? ` ${r.target.unit}` : ''}` : `—${r.targetNote ? ` ${r.targetNote}` : ''}`);

/** The table as text lines: figure | value | target | verdict | issue. */
export function formatSummary(rows) {
  const cells = rows.map((r) => [r.figure, formatValue(r), formatTarget(r), r.verdict, r.issues.join(' ')]);
  const head = ['Figure', 'Value', 'Target', 'Verdict', 'Issue'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((text, i) => text.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)];
}

/** Counts for the closing line: how many rows met, missed, had no target, or could not be measured. */
export function tally(rows) {
  const count = (v) => rows.filter((r) => r.verdict === v).length;
  return { pass: count('pass'), miss: count('MISS'), informational: count('—'), error: count('ERROR') };
}
