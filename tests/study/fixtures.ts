/**
 * The hand-checkable one-listing fixtures of the engine tests (contamination, limit days, gap
 * returns, alpha drift, overlap flags): weekday dates, a seeded LCG, and a provider serving one
 * return series against one market column.
 */
import type { DataProvider, SecurityData } from '../../src/study/types.js';
import { dayNumber, weekday } from '../../src/util/dayNumber.js';

/** The first n weekdays from 2022-01-03. */
export function weekdays(n: number): Int32Array {
  const days = new Int32Array(n);
  for (let i = 0, d = dayNumber(2022, 1, 3); i < n; d++) if (weekday(d) !== 0 && weekday(d) !== 6) days[i++] = d;
  return days;
}

/** Uniform draws in [0, 1) from an LCG (Numerical Recipes constants), so no fixture file is needed. */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * Every symbol gets `returns` on `days` (no closes unless `more` gives them), regressed on `market`;
 * `sessionDays` is the benchmark's own calendar when the test needs one.
 */
export function oneListingProvider(
  days: Int32Array,
  returns: Float64Array,
  market: Float64Array,
  more: Partial<Omit<SecurityData, 'symbol' | 'days' | 'returns'>> = {},
  sessionDays?: Int32Array,
): DataProvider {
  return {
    security: (symbol) => ({ ok: true, value: { symbol, days, returns, close: null, high: null, low: null, ...more } }),
    regressors: () => ({ ok: true, value: { label: 'M', columns: { market }, ...(sessionDays ? { sessionDays } : {}) } }),
  };
}
