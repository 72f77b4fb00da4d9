// Small number helpers shared by the measurements and the report.
export const KiB = (bytes) => bytes / 1024;

/** The middle value; for an even count, the mean of the two middle values. */
export function median(values) {
  if (!values.length) throw new Error('the median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function spread(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: median(sorted), min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length, samples };
}

/** Totals raw and gzip bytes of JS entries, overall and per kind (shell / shared / module). */
export function totals(entries, classify) {
  const byKind = { shell: { raw: 0, gzip: 0, files: 0 }, shared: { raw: 0, gzip: 0, files: 0 }, module: { raw: 0, gzip: 0, files: 0 } };
  const files = entries.map((e) => ({ ...e, ...classify(e.path) }));
  for (const f of files) {
    byKind[f.kind].raw += f.raw;
    byKind[f.kind].gzip += f.gzip;
    byKind[f.kind].files += 1;
  }
  const raw = files.reduce((s, f) => s + f.raw, 0);
  const gzip = files.reduce((s, f) => s + f.gzip, 0);
  const wire = files.reduce((s, f) => s + (f.wire ?? f.raw), 0);
  return { raw, gzip, wire, files: files.length, byKind, list: files.map(({ path, kind, remote, packageName, raw, gzip, fromDisk }) => ({ path, kind, remote, packageName, raw, gzip, fromDisk })) };
}
