/**
 * Small numeric helpers shared by the tests: result constructors that never let NaN/Infinity escape,
 * moments, and average ("mid") ranks.
 */
import type { TestResult } from './types.js';

/** A computed result. Falls back to a reason if the statistic or p-value is not finite. */
export function ok(stat: number, p: number, extra: { note?: string; n?: number; df?: number } = {}): TestResult {
  if (!Number.isFinite(stat)) return fail(`statistic is not finite (${String(stat)})`);
  if (!Number.isFinite(p)) return fail(`p-value is not finite (${String(p)})`);
  const r: TestResult = { stat, p: Math.min(1, Math.max(0, p)) };
  if (extra.note !== undefined) r.note = extra.note;
  if (extra.n !== undefined) r.n = extra.n;
  if (extra.df !== undefined) r.df = extra.df;
  return r;
}

/** A test that cannot be computed, with the reason. */
export function fail(reason: string): TestResult {
  return { stat: null, p: null, reason };
}

/** Mean of an array (NaN for an empty one). */
export function mean(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  return s / n;
}

/** Sample variance with the n - 1 divisor (two-pass; NaN for n < 2). */
export function variance(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  const m = mean(x);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    ss += d * d;
  }
  return ss / (n - 1);
}

/** Sample standard deviation with the n - 1 divisor. */
export function sd(x: ArrayLike<number>): number {
  return Math.sqrt(variance(x));
}

/**
 * Relative threshold below which a standard deviation is treated as zero: values that differ only by
 * rounding (e.g. identical ARs) must give "zero variance", not a huge statistic.
 */
export function isZeroSpread(s: number, scale: number): boolean {
  return !(s > 1e-14 * Math.max(scale, Number.MIN_VALUE)) || !Number.isFinite(s);
}

/** Largest absolute value (0 for an empty array). */
export function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]);
    if (a > m) m = a;
  }
  return m;
}

/**
 * Average ranks (1-based; ties get the mean of the positions they occupy, like R's
 * rank(ties.method = "average")) of the finite values of `x`; NaN stays NaN (na.last = "keep").
 * Returns the ranks and the number of finite values.
 */
export function midranks(x: ArrayLike<number>): { ranks: Float64Array; count: number; tieSum: number } {
  const n = x.length;
  const ranks = new Float64Array(n);
  const r = rankInto(x, ranks, new Float64Array(n), null, new Int32Array(n));
  return { ranks, count: r.count, tieSum: r.tieSum };
}

/**
 * `midranks` into the caller's buffers (each at least x.length long), for callers ranking many
 * rows: ranks[i] as midranks gives it (NaN for a non-finite x[i]); sorted[0 .. count) the finite
 * values ascending; and when `order` is given, order[k] = the index in x of sorted[k] (equal values
 * in index order). `fill` is scratch. No allocation beyond the small result.
 */
export function rankInto(
  x: ArrayLike<number>,
  ranks: Float64Array,
  sorted: Float64Array,
  order: Int32Array | null,
  fill: Int32Array,
): { count: number; tieSum: number } {
  const n = x.length;
  // The finite values with their positions (in `fill`), sorted by (value, position): one pass over
  // the sorted pairs then gives every tie group, its midrank (number below + (size + 1) / 2) and
  // the positions in index order. Called once per event per rank ingredient (10^4..10^5 times in
  // a market-wide study): sorting the pairs costs what a native sort of the values alone did, and
  // saves the two binary searches per value that ranking by lookup needed.
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (Number.isFinite(v)) {
      sorted[count] = v;
      fill[count] = i;
      count++;
    } else ranks[i] = NaN;
  }
  sortPairs(sorted, fill, 0, count - 1);
  let tieSum = 0; // sum of (t^3 - t) over tie groups
  for (let a = 0; a < count; ) {
    let b = a + 1;
    while (b < count && sorted[b] === sorted[a]) b++;
    const t = b - a;
    if (t > 1) tieSum += t * t * t - t;
    const r = a + (t + 1) / 2;
    for (let k = a; k < b; k++) ranks[fill[k]] = r;
    a = b;
  }
  if (order) for (let k = 0; k < count; k++) order[k] = fill[k];
  return { count, tieSum };
}

/** (v[a], idx[a]) before (v[b], idx[b]): by value, then by position (all keys distinct). */
function pairLess(va: number, ia: number, vb: number, ib: number): boolean {
  return va < vb || (va === vb && ia < ib);
}

/**
 * Sorts v[lo..hi] ascending, moving idx along, by (value, index): quicksort (Hoare partition,
 * median-of-three pivot) down to short runs, then insertion sort. Keys are distinct, so the
 * order is fully determined.
 */
function sortPairs(v: Float64Array, idx: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    // Median of three by key.
    let pv = v[mid];
    let pi = idx[mid];
    const aLess = pairLess(v[lo], idx[lo], pv, pi);
    const cLess = pairLess(v[hi], idx[hi], pv, pi);
    if (aLess === cLess) {
      // mid is the smallest or the largest: the median is the larger / smaller of lo and hi.
      const loLessHi = pairLess(v[lo], idx[lo], v[hi], idx[hi]);
      const useLo = aLess ? !loLessHi : loLessHi;
      pv = useLo ? v[lo] : v[hi];
      pi = useLo ? idx[lo] : idx[hi];
    }
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (pairLess(v[i], idx[i], pv, pi)) i++;
      while (pairLess(pv, pi, v[j], idx[j])) j--;
      if (i <= j) {
        const tv = v[i];
        v[i] = v[j];
        v[j] = tv;
        const ti = idx[i];
        idx[i] = idx[j];
        idx[j] = ti;
        i++;
        j--;
      }
    }
    // Recurse into the smaller side, loop on the larger: stack depth O(log n).
    if (j - lo < hi - i) {
      sortPairs(v, idx, lo, j);
      lo = i;
    } else {
      sortPairs(v, idx, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const tv = v[i];
    const ti = idx[i];
    let j = i - 1;
    while (j >= lo && pairLess(tv, ti, v[j], idx[j])) {
      v[j + 1] = v[j];
      idx[j + 1] = idx[j];
      j--;
    }
    v[j + 1] = tv;
    idx[j + 1] = ti;
  }
}

/** Formats a number for notes. */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  return Number(x.toPrecision(digits)).toString();
}

/** One-sample t statistic of H0: E[x] = 0, or the reason it cannot be formed. */
export function oneSampleT(
  x: ArrayLike<number>,
  what: string,
): { t: number; n: number; mean: number; sd: number } | { reason: string } {
  const n = x.length;
  if (n < 2) return { reason: `N = ${n} ${what}; at least 2 are needed` };
  const m = mean(x);
  const s = sd(x);
  if (isZeroSpread(s, maxAbs(x))) return { reason: `zero cross-sectional variance of ${what} (N = ${n})` };
  return { t: m / (s / Math.sqrt(n)), n, mean: m, sd: s };
}
