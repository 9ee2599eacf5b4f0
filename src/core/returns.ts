/**
 * Returns from prices, on one security's own trading days.
 *
 * Conventions (DESIGN.md "Returns"): simple close-to-close returns by default, log returns on
 * request (Campbell, Lo & MacKinlay 1997, sec. 1.4). Element 0 has no previous close and is NaN.
 * A missing or non-positive price gives NaN on both returns that touch it: a suspension is missing
 * data, never a zero return. A return that spans a calendar gap (e.g. a long suspension) is still
 * computed, because it is the true holding-period return between the two closes, but `gapFlags`
 * marks it so the caller can exclude or flag it.
 */

/** r_t = P_t / P_{t-1} - 1; r_0 = NaN. */
export function simpleReturns(close: Float64Array): Float64Array {
  const n = close.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  out[0] = NaN;
  for (let i = 1; i < n; i++) {
    const p0 = close[i - 1];
    const p1 = close[i];
    // A zero or negative price is a data error, not a -100% return; NaN also fails these tests.
    out[i] = p0 > 0 && p1 > 0 ? p1 / p0 - 1 : NaN;
  }
  return out;
}

/** r_t = ln(P_t / P_{t-1}); r_0 = NaN. */
export function logReturns(close: Float64Array): Float64Array {
  const n = close.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  out[0] = NaN;
  for (let i = 1; i < n; i++) {
    const p0 = close[i - 1];
    const p1 = close[i];
    out[i] = p0 > 0 && p1 > 0 ? Math.log(p1 / p0) : NaN;
  }
  return out;
}

export type ReturnKind = 'simple' | 'log';

export function returnsFromCloses(close: Float64Array, type: ReturnKind = 'simple'): Float64Array {
  return type === 'log' ? logReturns(close) : simpleReturns(close);
}

/**
 * flags[i] = 1 when the return ending on row i spans more than `maxCalendarGap` calendar days
 * (days[i] - days[i-1] > maxCalendarGap), i.e. the security did not trade for a while; 0 otherwise.
 * Row 0 is never flagged (it has no return). The default of 10 calendar days is longer than any
 * exchange holiday (Chinese New Year and Golden Week close SSE/SZSE for at most 9 calendar days
 * including weekends), so a flag means a suspension or a hole in the data.
 */
export function gapFlags(days: Int32Array, maxCalendarGap = 10): Uint8Array {
  const n = days.length;
  const out = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    if (days[i] - days[i - 1] > maxCalendarGap) out[i] = 1;
  }
  return out;
}

/** Percent to decimal (factor files such as Ken French's are in percent). NaN stays NaN. */
export function fromPercent(x: Float64Array): Float64Array;
export function fromPercent(x: number): number;
export function fromPercent(x: Float64Array | number): Float64Array | number {
  if (typeof x === 'number') return x / 100;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] / 100;
  return out;
}

/**
 * Values of a source series on the target's days: out[i] = srcValues[j] where srcDays[j] ===
 * targetDays[i], NaN where the source has no row on that day. Both day arrays must be strictly
 * ascending. An O(n + m) merge, memoized per pair of day arrays, then an O(n) gather.
 *
 * Used to put a benchmark's CLOSES on a security's own trading days before taking returns, so that
 * the benchmark return on row i is taken over exactly the same two dates as the security's return
 * (DESIGN.md: "its benchmark is aligned to them"). A day on which only the benchmark trades (the
 * security is suspended) drops out, so the benchmark return spans the same gap as the stock's; a day
 * on which only the security trades (a holiday of the benchmark's exchange) becomes NaN, never a
 * carried-forward close that would fake a zero benchmark return.
 */
export function alignToDays(targetDays: Int32Array, srcDays: Int32Array, srcValues: Float64Array): Float64Array {
  if (srcDays.length !== srcValues.length) {
    throw new RangeError(`alignToDays: ${srcDays.length} source days but ${srcValues.length} values`);
  }
  const rows = rowMap(targetDays, srcDays);
  const n = targetDays.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = rows[i];
    out[i] = j >= 0 ? srcValues[j] : NaN;
  }
  return out;
}

/**
 * rows[i] = the row of srcDays equal to targetDays[i], or -1. Memoized per pair of day arrays
 * (weakly, so it goes with them): a study aligns the same benchmark to the same calendar once per
 * event, and a gather through this map is cheaper than the merge. Day arrays are treated as
 * immutable once passed here, like the columns of a PriceSeries.
 */
const rowMaps = new WeakMap<Int32Array, WeakMap<Int32Array, Int32Array>>();
function rowMap(targetDays: Int32Array, srcDays: Int32Array): Int32Array {
  let bySrc = rowMaps.get(targetDays);
  const hit = bySrc?.get(srcDays);
  if (hit && hit.length === targetDays.length) return hit;
  const n = targetDays.length;
  const m = srcDays.length;
  const rows = new Int32Array(n);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const d = targetDays[i];
    while (j < m && srcDays[j] < d) j++;
    rows[i] = j < m && srcDays[j] === d ? j : -1;
  }
  if (!bySrc) {
    bySrc = new WeakMap();
    rowMaps.set(targetDays, bySrc);
  }
  bySrc.set(srcDays, rows);
  return rows;
}

/**
 * Benchmark returns on the security's days: align the benchmark closes to `targetDays`, then take
 * returns. A benchmark holiday makes the two returns touching it NaN (missing AR), never zero.
 */
export function alignedReturns(
  targetDays: Int32Array,
  srcDays: Int32Array,
  srcClose: Float64Array,
  type: ReturnKind = 'simple',
): Float64Array {
  return returnsFromCloses(alignToDays(targetDays, srcDays, srcClose), type);
}
