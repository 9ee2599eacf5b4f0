/**
 * What an OLS fit (core/ols.ts) reports once the centred normal equations S b = s_xy are solved:
 * the coefficients with the intercept put back, (X'X)^-1 assembled from S^-1, and the residuals with
 * their sum of squares. Pure functions on typed arrays; the row loop allocates nothing.
 */
import type { OlsRows } from './olsDesign.js';

/**
 * The coefficient vector from the slopes b of the centred regression: with an intercept
 * [a, b_1 .. b_p] where a = ybar - b'xbar (the fitted plane passes through the means), else b itself.
 *
 * @example
 * // y on x = 0, 1, 2 with ybar 2, xbar 1, slope 0.5: a = 2 - 0.5 = 1.5
 * olsCoefficients(Float64Array.of(0.5), Float64Array.of(1), 2, true) // [1.5, 0.5]
 */
export function olsCoefficients(b: Float64Array, xMeans: Float64Array, yMean: number, intercept: boolean): Float64Array {
  const p = b.length;
  const coefficients = new Float64Array(p + (intercept ? 1 : 0));
  if (intercept) {
    let a = yMean;
    for (let j = 0; j < p; j++) a -= b[j] * xMeans[j];
    coefficients[0] = a;
    for (let j = 0; j < p; j++) coefficients[j + 1] = b[j];
  } else {
    coefficients.set(b);
  }
  return coefficients;
}

/**
 * (X'X)^-1, k x k row-major, from S^-1 (p x p). With an intercept X = [1 x] and X'X has S, the
 * centred cross-products, as the Schur complement of its (1, 1) entry n, so the partitioned inverse
 * is
 *
 *   (X'X)^-1 = [[1/n + xbar'S^-1 xbar, -xbar'S^-1], [-S^-1 xbar, S^-1]],
 *
 * formed without ever summing raw squares. Without an intercept S is X'X itself and this is a copy.
 *
 * @example
 * // x = 0, 1, 2: n = 3, xbar = 1, S = 2: [[1/3 + 1/2, -1/2], [-1/2, 1/2]] (X'X = [3 3; 3 5])
 * olsInverse(Float64Array.of(0.5), Float64Array.of(1), 3, true) // [5/6, -0.5, -0.5, 0.5]
 */
export function olsInverse(Sinv: Float64Array, xMeans: Float64Array, n: number, intercept: boolean): Float64Array {
  const p = xMeans.length;
  const k = p + (intercept ? 1 : 0);
  const xtxInv = new Float64Array(k * k);
  if (intercept) {
    let q = 1 / n;
    for (let i = 0; i < p; i++) {
      let sx = 0;
      for (let j = 0; j < p; j++) sx += Sinv[i * p + j] * xMeans[j];
      q += xMeans[i] * sx;
      xtxInv[i + 1] = -sx;
      xtxInv[(i + 1) * k] = -sx;
      for (let j = 0; j < p; j++) xtxInv[(i + 1) * k + j + 1] = Sinv[i * p + j];
    }
    xtxInv[0] = q;
  } else {
    xtxInv.set(Sinv);
  }
  return xtxInv;
}

/**
 * Residuals in centred form, e_t = (y_t - ybar) - b'(x_t - xbar), identical to y_t - a - b'x_t but
 * without the cancellation of a large intercept against large fitted values. Written to
 * residuals[t - from] for the complete rows (valid[t - from] = 1; `residuals` is NaN elsewhere on
 * entry); returns the sum of squared residuals. Pass zero means without an intercept.
 */
export function centredResiduals(
  y: Float64Array,
  columns: readonly Float64Array[],
  rows: OlsRows,
  valid: Uint8Array,
  b: Float64Array,
  xMeans: Float64Array,
  yMean: number,
  residuals: Float64Array,
): number {
  const p = columns.length;
  const { from, lo, hi } = rows;
  let ssr = 0;
  for (let t = lo; t <= hi; t++) {
    if (!valid[t - from]) continue;
    let e = y[t] - yMean;
    for (let j = 0; j < p; j++) e -= b[j] * (columns[j][t] - xMeans[j]);
    residuals[t - from] = e;
    ssr += e * e;
  }
  return ssr;
}
