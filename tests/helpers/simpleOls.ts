/**
 * Market-model OLS written out independently of src/core/ols.ts, for tests that check the engine's
 * fit on a chosen set of estimation rows: y = alpha + beta x + e, sigma^2 = SSR / (L - 2).
 */
export function simpleOls(stock: ArrayLike<number>, market: ArrayLike<number>, rows: readonly number[]): { alpha: number; beta: number; sigma: number; L: number } {
  const L = rows.length;
  const mx = rows.reduce((s, t) => s + market[t], 0) / L;
  const my = rows.reduce((s, t) => s + stock[t], 0) / L;
  let sxy = 0;
  let sxx = 0;
  for (const t of rows) {
    sxy += (market[t] - mx) * (stock[t] - my);
    sxx += (market[t] - mx) ** 2;
  }
  const beta = sxy / sxx;
  const alpha = my - beta * mx;
  const ssr = rows.reduce((s, t) => s + (stock[t] - alpha - beta * market[t]) ** 2, 0);
  return { alpha, beta, sigma: Math.sqrt(ssr / (L - 2)), L };
}
