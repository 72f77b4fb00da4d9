import { chartTick, chartTime, dayStart } from './chart-time';

describe('scans chart time', () => {
  it('places a day of the stats at the start of that date, whatever the browser’s time zone', () => {
    const t = new Date(dayStart('2026-11-25') * 1000);
    expect([t.getFullYear(), t.getMonth() + 1, t.getDate(), t.getHours(), t.getMinutes()]).toEqual([2026, 11, 25, 0, 0]);
  });

  it('reads a day as yyyy-MM-dd and a time within a day in 24-hour form', () => {
    const day = dayStart('2026-11-25');
    expect(chartTime(day)).toBe('2026-11-25');
    expect(chartTime(day + 16 * 3600 + 5 * 60)).toBe('2026-11-25 16:05');
    expect(chartTick(day)).toBe('11-25');
    expect(chartTick(day + 16 * 3600)).toBe('16:00');
  });
});
