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
  let count = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(x[i])) sorted[count++] = x[i];
  // Native numeric sort of the finite values, then each value's rank by binary search:
  // rank = (number below) + (number equal + 1) / 2.
  const view = sorted.subarray(0, count);
  view.sort();
  let tieSum = 0; // sum of (t^3 - t) over tie groups
  for (let a = 0; a < count; ) {
    let b = a + 1;
    while (b < count && sorted[b] === sorted[a]) b++;
    const t = b - a;
    if (t > 1) tieSum += t * t * t - t;
    a = b;
  }
  if (order) fill.fill(0, 0, count);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (!Number.isFinite(v)) {
      ranks[i] = NaN;
      continue;
    }
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    let up = lo;
    hi = count;
    while (up < hi) {
      const mid = (up + hi) >>> 1;
      if (sorted[mid] <= v) up = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo + (up - lo + 1) / 2;
    if (order) order[lo + fill[lo]++] = i;
  }
  return { count, tieSum };
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
