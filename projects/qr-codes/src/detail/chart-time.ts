/**
 * Where a day of the scan stats sits on the chart: the start of that calendar day in the browser's
 * time zone, in seconds. The API names China days by their date; uPlot draws its grid in local time,
 * so the day is placed as the date it counts (its China midnight would land at 16:00 the day before
 * in a UTC browser, off the grid and read as the wrong day).
 */
export function dayStart(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day).getTime() / 1000;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A chart time as both languages read it: `2026-11-25` for a day, `2026-11-25 14:30` (24-hour) otherwise. */
export function chartTime(seconds: number): string {
  const t = new Date(seconds * 1000);
  const day = `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  return t.getHours() || t.getMinutes() ? `${day} ${pad(t.getHours())}:${pad(t.getMinutes())}` : day;
}

/** An x-axis tick: `11-25` at a day's start, `14:30` within a day (after a drag-zoom), never "4pm". */
export function chartTick(seconds: number): string {
  const [date, time] = chartTime(seconds).split(' ');
  return time ?? date.slice(5);
}
