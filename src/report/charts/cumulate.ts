/**
 * Running sums and products over day series where a value may be missing (null). A missing term
 * makes every later cumulative value unknown as well: the same convention as the engine, which
 * reports no CAR for a window with a missing day rather than summing what is left.
 */

/** Running sum; null from the first null term on. */
export function cumulativeSum(values: readonly (number | null)[]): (number | null)[] {
  const out: (number | null)[] = [];
  let acc: number | null = 0;
  for (const v of values) {
    acc = acc === null || v === null || !Number.isFinite(v) ? null : acc + v;
    out.push(acc);
  }
  return out;
}

/** Running level `start * prod(growth(r))`; null from the first null term on. */
export function compound(values: readonly (number | null)[], start: number, growth: (r: number) => number): (number | null)[] {
  const out: (number | null)[] = [];
  let level: number | null = start;
  for (const v of values) {
    level = level === null || v === null ? null : level * growth(v);
    if (level !== null && !Number.isFinite(level)) level = null;
    out.push(level);
  }
  return out;
}

/** Sample standard deviation (n - 1 denominator); null below two values. */
export function sampleSd(xs: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const ss = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
  return Math.sqrt(ss / (n - 1));
}

/** Inclusive integer range [a, b]. */
export function dayRange(a: number, b: number): number[] {
  const out: number[] = [];
  for (let d = a; d <= b; d++) out.push(d);
  return out;
}
