/**
 * Simple daily returns of an equity curve: r_t = V_t / V_{t-1} - 1, t = 1..n-1 (length n - 1).
 * Example: [100, 110, 99] -> [0.1, -0.1].
 */
export function dailyReturns(value: ArrayLike<number>): Float64Array {
  const n = Math.max(0, value.length - 1);
  const r = new Float64Array(n);
  for (let t = 1; t <= n; t++) r[t - 1] = value[t] / value[t - 1] - 1;
  return r;
}
