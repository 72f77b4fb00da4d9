// The bench's command line: `--no-build`, `--runs N`, `--only figure,...` (re-measure a few figures
// quickly, e.g. `npm run bench -- --no-build --only lighthouse`).

/** Every figure `--only` can name, in the order the bench measures them. */
export const FIGURES = [
  'first-load',
  'cold-navigation',
  'module-cost',
  'qr-detail',
  'widgets',
  'warm-switch',
  'account-switch',
  'dialog-open',
  'angular-copies',
  'fans-first-rows',
  'fans-scroll',
  'fans-api',
  'fans-sync',
  'lighthouse',
];

/** Figures computed from others: the copies of @angular/core are counted in the byte sessions. */
const NEEDS = { 'angular-copies': ['first-load', 'module-cost'] };

export class UsageError extends Error {}

/**
 * @param {string[]} argv the arguments after the script
 * @returns {{ build: boolean, runs: number, only?: string[], help?: boolean }}
 */
export function parseArgs(argv) {
  const options = { build: true, runs: 10 };
  const value = (arg, i) => (arg.includes('=') ? [arg.slice(arg.indexOf('=') + 1), i] : [argv[i + 1], i + 1]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      let text;
      [text, i] = value(arg, i);
      options.runs = Number(text);
      if (!Number.isInteger(options.runs) || options.runs < 1) throw new UsageError('--runs takes a positive whole number');
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      let text;
      [text, i] = value(arg, i);
      const names = (text ?? '').split(',').map((n) => n.trim()).filter(Boolean);
      if (!names.length) throw new UsageError(`--only takes figure names: ${FIGURES.join(', ')}`);
      const unknown = names.filter((n) => !FIGURES.includes(n));
      if (unknown.length) throw new UsageError(`unknown figure ${unknown.join(', ')} (one of ${FIGURES.join(', ')})`);
      options.only = [...new Set([...(options.only ?? []), ...names])];
    } else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new UsageError(`unknown argument ${arg} (try --help)`);
  }
  return options;
}

/** The figures to measure: all without `--only`, else the named ones and what they are computed from. */
export function selectFigures(only) {
  if (!only) return new Set(FIGURES);
  return new Set(only.flatMap((name) => [name, ...(NEEDS[name] ?? [])]));
}
