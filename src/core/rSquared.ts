/**
 * R-squared of a fitted normal-return model on its own estimation sample:
 *
 *   R^2 = 1 - sum e_t^2 / sum (R_t - mean R)^2     over the rows with a residual e_t
 *
 * (the share of the listing's return variance its benchmark explains; Campbell, Lo & MacKinlay
 * 1997 sec. 4.3: the lower it is, the less the market model gains over the constant-mean model).
 * Rows left out of the fit (contamination, limit days, gap returns) have a NaN residual and are
 * left out here too. NaN with fewer than 2 rows or no variance in R.
 *
 * @example
 * // R = 0.01, 0.03, 0.02 with residuals 0.001, -0.001, 0: 1 - 2e-6 / 2e-4 = 0.99
 * rSquared(Float64Array.of(0.01, 0.03, 0.02), Float64Array.of(0.001, -0.001, 0), 0) // 0.99
 */
export function rSquared(y: Float64Array, residuals: Float64Array, fromRow: number): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < residuals.length; i++) {
    const r = fromRow + i;
    if (r < 0 || r >= y.length || !Number.isFinite(residuals[i]) || !Number.isFinite(y[r])) continue;
    n++;
    sum += y[r];
  }
  if (n < 2) return NaN;
  const mean = sum / n;
  let ssr = 0;
  let sst = 0;
  for (let i = 0; i < residuals.length; i++) {
    const r = fromRow + i;
    if (r < 0 || r >= y.length || !Number.isFinite(residuals[i]) || !Number.isFinite(y[r])) continue;
    ssr += residuals[i] * residuals[i];
    sst += (y[r] - mean) * (y[r] - mean);
  }
  return sst > 0 ? 1 - ssr / sst : NaN;
}
