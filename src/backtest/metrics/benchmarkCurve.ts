/**
 * The benchmark held as a portfolio of the same starting value:
 *
 *   V_t = start x B_t / B_0,
 *
 * B_t the benchmark's close on the last of its sessions on or before day t (NaN before its first
 * close). A session the portfolio has and the benchmark lacks (a holiday on the benchmark's
 * exchange) carries its last close, so the move across the gap is kept, not dropped; the benchmark
 * return of a summary is the last V over the first, the same number the equity chart shows.
 *
 * @example
 * benchmarkCurve(Int32Array.of(1, 2, 3), Int32Array.of(1, 3), Float64Array.of(100, 110), 1000) // [1000, 1000, 1100]
 */
export function benchmarkCurve(days: Int32Array, bdays: Int32Array, bclose: Float64Array, start: number): Float64Array {
  const out = new Float64Array(days.length).fill(NaN);
  let j = -1;
  let base = NaN;
  for (let i = 0; i < days.length; i++) {
    while (j + 1 < bdays.length && bdays[j + 1] <= days[i]) j++;
    if (j < 0) continue;
    if (!Number.isFinite(base)) base = bclose[j];
    out[i] = (start * bclose[j]) / base;
  }
  return out;
}
