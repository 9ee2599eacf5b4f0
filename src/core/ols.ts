/**
 * Small-k ordinary least squares on typed-array columns (k <= 7 coefficients: an intercept plus at
 * most 6 regressors), for the normal-return models of Campbell, Lo & MacKinlay (1997) ch. 4.
 *
 * Rows where y or any regressor is NaN are skipped (listwise deletion), as a missing return inside
 * the estimation window is simply not an observation.
 *
 * Numerics: with an intercept we solve the centred normal equations S b = s_xy, where
 * S = sum (x_t - xbar)(x_t - xbar)' over the used rows, by Cholesky; the intercept is
 * ybar - b'xbar. Centring avoids the cancellation of raw sums of squares when means are large
 * relative to dispersion, and it gives the block form of (X'X)^-1 directly:
 *   (X'X)^-1 = [[1/n + xbar'S^-1 xbar, -xbar'S^-1], [-S^-1 xbar, S^-1]],
 * so the prediction-error factor x0'(X'X)^-1 x0 = 1/n + (x0 - xbar)'S^-1 (x0 - xbar)
 * (CLM 1997 eq. 4.4.9 for the market model) is computed from centred quantities too.
 *
 * A singular design (a constant regressor next to the intercept, an all-zero regressor, or exact
 * collinearity) is a typed failure with a reason, never NaN coefficients.
 *
 * The steps live beside this file: the design (argument checks, complete rows, cross-products, the
 * constant-regressor check) in olsDesign.ts, the factorisation, inverse and solve in cholesky.ts,
 * and the coefficients, (X'X)^-1 and residuals in olsFitted.ts.
 */

import { choleskyFactor, choleskyInverse, choleskySolve } from './cholesky.js';
import { checkOlsShape, completeRows, constantRegressor, crossProducts, olsRows, regressorNames } from './olsDesign.js';
import { centredResiduals, olsCoefficients, olsInverse } from './olsFitted.js';

export const OLS_MAX_REGRESSORS = 6;

export interface OlsOptions {
  /** Add an intercept column (default true). */
  intercept?: boolean;
  /** First row used (inclusive; default 0). Rows outside the series are ignored. */
  from?: number;
  /** Last row used (inclusive; default the last row). */
  to?: number;
  /** Regressor names for failure reasons and `names` (default x1, x2, ...). */
  names?: readonly string[];
}

export interface OlsFit {
  ok: true;
  /** Coefficients: [intercept, b_1 .. b_p] with an intercept, else [b_1 .. b_p]. */
  coefficients: Float64Array;
  /** Coefficient names in the same order ('intercept' first when present). */
  names: string[];
  intercept: boolean;
  /** Number of coefficients k (= p + 1 with an intercept). */
  k: number;
  /** Number of regressors p (without the intercept). */
  p: number;
  /** (X'X)^-1, k x k row-major, including the intercept row/column when present. */
  xtxInv: Float64Array;
  /** Regressor means over the used rows (zeros without an intercept: nothing is centred). */
  xMeans: Float64Array;
  /** S^-1, p x p row-major: the centred cross-product inverse with an intercept, else (X'X)^-1. */
  centeredInv: Float64Array;
  /** Mean of y over the used rows. */
  yMean: number;
  /** Sum of squared residuals. */
  ssr: number;
  /** Number of rows used. */
  nObs: number;
  /** Residual degrees of freedom n - k. */
  df: number;
  /** SSR / df. */
  sigma2: number;
  /** First row of the requested range: residuals[i] belongs to row from + i. */
  from: number;
  /** Residuals aligned to rows from..to; NaN for skipped rows. */
  residuals: Float64Array;
}

export type OlsFailureCode = 'too-few-observations' | 'constant-regressor' | 'collinear';

export interface OlsFailure {
  ok: false;
  code: OlsFailureCode;
  reason: string;
  nObs: number;
}

export type OlsResult = OlsFit | OlsFailure;

/**
 * Fits y on `columns` (plus an intercept unless `intercept: false`) over rows from..to, skipping
 * incomplete rows. Throws a RangeError for arguments no data could satisfy (more than
 * OLS_MAX_REGRESSORS regressors, no coefficient, a column of the wrong length, to < from - 1);
 * returns an OlsFailure when the data cannot identify the coefficients (n <= k complete rows, a
 * constant or collinear regressor), else the fit.
 *
 * @example
 * // x = 0, 1, 2, y = 1, 3, 2: slope 0.5, intercept 1.5, residuals -0.5, 1, -0.5, SSR 1.5 on 1 df
 * ols(Float64Array.of(1, 3, 2), [Float64Array.of(0, 1, 2)]) // { ok: true, coefficients: [1.5, 0.5], ... }
 */

export function ols(y: Float64Array, columns: readonly Float64Array[], options: OlsOptions = {}): OlsResult {
  const p = columns.length;
  const intercept = options.intercept ?? true;
  const k = p + (intercept ? 1 : 0);
  checkOlsShape(y, columns, k, OLS_MAX_REGRESSORS);
  const names = regressorNames(p, options.names);
  const rows = olsRows(y.length, options.from, options.to);

  // Pass 1: which rows are complete, and the means.
  const valid = new Uint8Array(rows.len);
  const xMeans = new Float64Array(p);
  const { n, ySum } = completeRows(y, columns, rows, valid, xMeans);
  if (n <= k) {
    return {
      ok: false,
      code: 'too-few-observations',
      reason: `${n} complete rows for ${k} coefficients (need at least ${k + 1})`,
      nObs: n,
    };
  }
  let yMean = ySum / n;
  for (let j = 0; j < p; j++) xMeans[j] /= n;
  if (!intercept) {
    // Without an intercept nothing is centred: the normal equations are in raw cross-products.
    xMeans.fill(0);
    yMean = 0;
  }

  // Pass 2: cross-products (centred with an intercept), and the constant-regressor check.
  const cp = crossProducts(y, columns, rows, valid, xMeans, yMean);
  const constant = constantRegressor(cp, names, n, intercept);
  if (constant) return constant;

  // Cholesky S = L L'; a pivot that vanishes names the regressor that breaks the rank.
  const L = new Float64Array(p * p);
  const singular = choleskyFactor(cp.S, p, L);
  if (singular >= 0) {
    return {
      ok: false,
      code: 'collinear',
      reason: `regressor '${names[singular]}' is a linear combination of the other regressors on the ${n} complete rows (singular X'X)`,
      nObs: n,
    };
  }
  const Sinv = choleskyInverse(L, p);
  // Slopes by forward and back substitution (more accurate than Sinv * sxy).
  const b = choleskySolve(L, p, cp.sxy);

  const coefficients = olsCoefficients(b, xMeans, yMean, intercept);
  const xtxInv = olsInverse(Sinv, xMeans, n, intercept);

  const { from, len } = rows;
  const residuals = new Float64Array(len).fill(NaN);
  const ssr = centredResiduals(y, columns, rows, valid, b, xMeans, yMean, residuals);
  const df = n - k;
  return {
    ok: true,
    coefficients,
    names: intercept ? ['intercept', ...names] : names,
    intercept,
    k,
    p,
    xtxInv,
    xMeans,
    centeredInv: Sinv,
    yMean: intercept ? yMean : ySum / n,
    ssr,
    nObs: n,
    df,
    sigma2: ssr / df,
    from,
    residuals,
  };
}
