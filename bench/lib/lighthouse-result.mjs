// What the bench keeps of a Lighthouse result, and the median over runs: pure, so the tests can
// call them without a browser (bench/lib/lighthouse.mjs runs Lighthouse).
import { median } from './stats.mjs';

/** Lighthouse's metric audits reported next to the score, with the unit their numericValue has. */
export const LIGHTHOUSE_METRICS = [
  ['first-contentful-paint', 'FCP', 'ms'],
  ['largest-contentful-paint', 'LCP', 'ms'],
  ['total-blocking-time', 'TBT', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''],
  ['speed-index', 'Speed Index', 'ms'],
];

/** The figures of one Lighthouse result (exported for the tests). */
export function readSample(lhr) {
  const score = lhr.categories.performance?.score;
  if (typeof score !== 'number') throw new Error('Lighthouse gave no performance score');
  const metrics = Object.fromEntries(LIGHTHOUSE_METRICS.map(([id]) => [id, lhr.audits[id]?.numericValue ?? null]));
  return {
    score: Math.round(score * 100),
    metrics,
    // Lighthouse's own CPU benchmark of the moment: it drops when other work shares the machine's cores.
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
    warnings: lhr.runWarnings ?? [],
    // Lighthouse 12.2.3 predates this Chromium: some diagnostics fail on its traces (the metrics and
    // the score do not depend on them); they are listed so nobody reads their absence as a clean bill.
    erroredAudits: Object.values(lhr.audits)
      .filter((a) => a.scoreDisplayMode === 'error')
      .map((a) => `${a.id}: ${(a.errorMessage ?? '').split('\n')[0].slice(0, 120)}`),
    screenshot: lhr.audits['final-screenshot']?.details?.data ?? null,
  };
}

/**
 * @typedef {{ score: number, scores: number[], metrics: Record<string, number|null>, runs: number,
 *             rows: number, accounts: (string|null)[], benchmarkIndex: number|null, lcpElement: string|null, warnings: string[],
 *             erroredAudits: string[] }} LighthousePreset
 * The median score and the median of each metric over the runs (each metric on its own: the run with
 * the median score need not have the median LCP).
 */
export function summarize(samples) {
  if (!samples.length) throw new Error('no Lighthouse runs');
  const metrics = Object.fromEntries(
    LIGHTHOUSE_METRICS.map(([id]) => {
      const values = samples.map((s) => s.metrics[id]).filter((v) => typeof v === 'number');
      return [id, values.length ? median(values) : null];
    }),
  );
  return {
    score: median(samples.map((s) => s.score)),
    scores: samples.map((s) => s.score),
    metrics,
    runs: samples.length,
    rows: Math.min(...samples.map((s) => s.rows)),
    accounts: [...new Set(samples.map((s) => s.account))],
    benchmarkIndex: (() => {
      const values = samples.map((s) => s.benchmarkIndex).filter((v) => typeof v === 'number');
      return values.length ? median(values) : null;
    })(),
    benchmarkIndexes: samples.map((s) => s.benchmarkIndex ?? null),
    lcpElement: samples[0].lcpElement,
    warnings: [...new Set(samples.flatMap((s) => s.warnings))],
    erroredAudits: [...new Set(samples.flatMap((s) => s.erroredAudits ?? []))],
  };
}

