/**
 * The basket's calendar: the union of its members' own trading days. A day on which any member
 * traded is a basket day; a member without a row that day is suspended (or not yet listed), which
 * the series functions treat as "no return", never as a zero return (DESIGN.md "Returns").
 */
import { lastIndexOnOrBefore } from '../core/moves.js';

/**
 * Sorted, de-duplicated union of the given day arrays restricted to [lo, hi] (inclusive). Each input
 * must be ascending (as PriceSeries.days are). O(N log N) over the N days kept.
 */
export function unionDays(dayArrays: readonly Int32Array[], lo: number, hi: number): Int32Array {
  let total = 0;
  for (const d of dayArrays) total += d.length;
  const all = new Int32Array(total);
  let n = 0;
  for (const days of dayArrays) {
    for (let i = 0; i < days.length; i++) {
      const d = days[i];
      if (d >= lo && d <= hi) all[n++] = d;
    }
  }
  const kept = all.subarray(0, n).sort();
  let m = 0;
  for (let i = 0; i < kept.length; i++) if (i === 0 || kept[i] !== kept[i - 1]) kept[m++] = kept[i];
  return kept.slice(0, m);
}

/**
 * Calendar of a period whose base close is the last basket day on or before `fromDay` (the
 * previous period's final close, as for year-to-date returns: base 2022-12-30 for 2023 YTD) and
 * whose last day is the last basket day on or before `toDay`. Element 0 is the base day (no
 * return). When no member traded on or before `fromDay`, the calendar starts on the first day any
 * member traded and `baseOnOrBeforeFrom` is false.
 */
export function periodCalendar(
  dayArrays: readonly Int32Array[],
  fromDay: number,
  toDay: number,
): { days: Int32Array; baseOnOrBeforeFrom: boolean } {
  let base = -Infinity;
  for (const days of dayArrays) {
    const i = lastIndexOnOrBefore(days, fromDay);
    if (i >= 0 && days[i] > base) base = days[i];
  }
  if (base === -Infinity) return { days: unionDays(dayArrays, fromDay + 1, toDay), baseOnOrBeforeFrom: false };
  return { days: unionDays(dayArrays, base, toDay), baseOnOrBeforeFrom: true };
}
