/**
 * Is a table of "returns" really daily returns in decimals? Returns in percent read as decimals
 * give a CAR of +2000%; prices read as returns give +20000%; a market of prices against stock
 * returns gives a beta of 0.001. Each run ends with exit 0 and a plausible-looking report, so the
 * scale is judged from the data before anything is estimated. Pure: the caller words the error.
 */

import { quickselect } from 'simple-statistics';

/**
 * A median |daily return| above this is not decimal returns. Even very volatile stocks move a
 * median 2-5% a day (0.02-0.05); the same data in percent sit near 1, and prices near their price
 * level, 1 to 1000s. 0.1 leaves room for monthly decimal returns (median |r| about 0.05) while
 * catching percent data of anything but the calmest series.
 */
export const MAX_DECIMAL_MEDIAN = 0.1;

/**
 * Two return series whose median |r| differ by more than this factor are on different scales. A
 * stock is rarely more than 5-10 times as volatile as its market (a penny stock against a calm
 * index); percent against decimals is a factor of 100, halved or doubled by the stock's own
 * volatility, so 30 separates the two.
 */
export const MAX_SCALE_RATIO = 30;

/** Too few values say nothing about scale (and a median of 3 numbers is noise). */
export const MIN_VALUES = 20;

export interface ScaleSummary {
  /** Median of |value| over the finite values. NaN when there are none. */
  medianAbs: number;
  /** Finite values counted. */
  count: number;
  /** Every finite value is > 0 (prices are; returns never are for long). */
  allPositive: boolean;
}

/** Median |value| and sign facts over the finite values of all `columns`. */
export function summarizeScale(columns: readonly Float64Array[]): ScaleSummary {
  let count = 0;
  for (const col of columns) for (let i = 0; i < col.length; i++) if (Number.isFinite(col[i])) count++;
  const abs = new Float64Array(count);
  let allPositive = true;
  let k = 0;
  for (const col of columns)
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      if (!Number.isFinite(v)) continue;
      if (!(v > 0)) allPositive = false;
      abs[k++] = Math.abs(v);
    }
  return { medianAbs: median(abs), count, allPositive: allPositive && count > 0 };
}

/**
 * Median of `a` (no NaN), reordering it: the middle order statistic(s) by selection, O(n) expected,
 * instead of sorting (the scale check ran on every value of a 400,000-row table twice, and the sort
 * was a tenth of the peer workload's CPU, issue 15 §3). The same numbers as after a sort: for an even
 * count, (a_(h-1) + a_(h)) / 2 of the order statistics. NaN when empty.
 */
export function median(a: Float64Array): number {
  const n = a.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  // simple-statistics' Floyd-Rivest selection, in place (typed as number[]; it only indexes and swaps).
  quickselect(a as unknown as number[], h);
  const hi = a[h];
  if (n % 2 === 1) return hi;
  // After the selection, a[0..h) holds the h smallest: the largest of them is order statistic h-1.
  let lo = a[0];
  for (let i = 1; i < h; i++) if (a[i] > lo) lo = a[i];
  return (lo + hi) / 2;
}

/**
 * `decimal` when the values can be daily returns in decimals; `percent` or `prices` when their size
 * says otherwise (prices when every value is positive, since returns go both ways).
 */
export function judgeReturnScale(s: ScaleSummary): 'decimal' | 'percent' | 'prices' {
  if (s.count < MIN_VALUES || !(s.medianAbs > MAX_DECIMAL_MEDIAN)) return 'decimal';
  return s.allPositive ? 'prices' : 'percent';
}

/** True when two return series are too far apart in size to be on the same scale. */
export function scalesDisagree(a: ScaleSummary, b: ScaleSummary): boolean {
  if (a.count < MIN_VALUES || b.count < MIN_VALUES) return false;
  if (!(a.medianAbs > 0) || !(b.medianAbs > 0)) return false;
  const r = a.medianAbs / b.medianAbs;
  return r > MAX_SCALE_RATIO || r < 1 / MAX_SCALE_RATIO;
}
