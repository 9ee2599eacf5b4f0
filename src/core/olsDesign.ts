/**
 * The design of an OLS fit (core/ols.ts), before anything is solved: the arguments' shape, the rows
 * of the requested range that are complete observations, the (centred) cross-products, and the
 * regressors that cannot be estimated because they do not vary. Each is a pure function on typed
 * arrays; the row loops allocate nothing.
 */
import type { OlsFailure } from './ols.js';

/** A regressor whose centred sum of squares is this small relative to its raw sum of squares is constant. */
export const CONSTANT_TOL = 1e-13;

/**
 * Throws a RangeError for a call no data could satisfy: more than `maxRegressors` regressors, no
 * coefficient at all (k = 0), or a regressor whose length differs from y's. These are programming
 * errors of the caller, unlike the data-dependent failures (too few rows, a constant or collinear
 * regressor), which ols returns as values.
 */
export function checkOlsShape(y: Float64Array, columns: readonly Float64Array[], k: number, maxRegressors: number): void {
  const p = columns.length;
  if (p > maxRegressors) throw new RangeError(`ols: at most ${maxRegressors} regressors, got ${p}`);
  if (k === 0) throw new RangeError('ols: no regressors and no intercept');
  const nRows = y.length;
  for (let j = 0; j < p; j++) {
    if (columns[j].length !== nRows) {
      throw new RangeError(`ols: regressor ${j} has ${columns[j].length} rows, y has ${nRows}`);
    }
  }
}

/** Names of the p regressors for failure reasons and the fit: `names[j]` where given, else x1, x2, ... */
export function regressorNames(p: number, names: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (let j = 0; j < p; j++) out.push(names?.[j] ?? `x${j + 1}`);
  return out;
}

/**
 * The requested rows [from, to] (inclusive) and the part of them inside the series, [lo, hi]. The
 * range may reach outside the series (rows there are simply not observations), so `len` =
 * to - from + 1 can exceed what is used; residuals are reported for all `len` rows.
 */
export interface OlsRows {
  from: number;
  to: number;
  len: number;
  lo: number;
  hi: number;
}

/** Resolves from/to (defaults: the whole series) and throws a RangeError when to < from - 1 (a negative length). */
export function olsRows(nRows: number, from: number | undefined, to: number | undefined): OlsRows {
  const f = from ?? 0;
  const t = to ?? nRows - 1;
  const len = t - f + 1;
  if (len < 0) throw new RangeError(`ols: empty row range [${f}, ${t}]`);
  return { from: f, to: t, len, lo: Math.max(0, f), hi: Math.min(nRows - 1, t) };
}

/**
 * Listwise deletion: marks valid[t - from] = 1 for each row t in [lo, hi] where y and every regressor
 * are non-NaN (a missing return in the estimation window is not an observation), and accumulates
 * each regressor's sum over those rows into `xSums` (p, zero on entry). Returns the number of
 * complete rows n and the sum of y over them.
 */
export function completeRows(
  y: Float64Array,
  columns: readonly Float64Array[],
  rows: OlsRows,
  valid: Uint8Array,
  xSums: Float64Array,
): { n: number; ySum: number } {
  const p = columns.length;
  const { from, lo, hi } = rows;
  let n = 0;
  let ySum = 0;
  for (let t = lo; t <= hi; t++) {
    const yt = y[t];
    if (Number.isNaN(yt)) continue;
    let ok = true;
    for (let j = 0; j < p; j++) {
      if (Number.isNaN(columns[j][t])) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    valid[t - from] = 1;
    n++;
    ySum += yt;
    for (let j = 0; j < p; j++) xSums[j] += columns[j][t];
  }
  return { n, ySum };
}

/** The second pass over the complete rows: cross-products and what the constant-regressor check needs. */
export interface CrossProducts {
  /** S = sum (x_t - xbar)(x_t - xbar)', p x p row-major, symmetric (xbar = 0 without an intercept: X'X). */
  S: Float64Array;
  /** s_xy = sum (x_t - xbar)(y_t - ybar) (X'y without an intercept). */
  sxy: Float64Array;
  /** Raw sums of squares sum x_jt^2, the scale the centred ones are judged against. */
  rawSq: Float64Array;
  /** Each regressor's value on the first complete row (NaN with no complete row). */
  first: Float64Array;
  /** 1 where a regressor takes more than one value on the complete rows. */
  varies: Uint8Array;
}

/**
 * Cross-products over the complete rows, centred on `xMeans` and `yMean` (pass zeros for raw ones).
 * Centring before summing avoids the cancellation of sum x^2 - n xbar^2 when a regressor's mean is
 * large relative to its dispersion (the two-pass algorithm; Chan, Golub & LeVeque 1983, Am. Stat.
 * 37(3)). Only the lower triangle is summed; the upper is a copy, so S is exactly
 * symmetric.
 */
export function crossProducts(
  y: Float64Array,
  columns: readonly Float64Array[],
  rows: OlsRows,
  valid: Uint8Array,
  xMeans: Float64Array,
  yMean: number,
): CrossProducts {
  const p = columns.length;
  const { from, lo, hi } = rows;
  const S = new Float64Array(p * p);
  const sxy = new Float64Array(p);
  const rawSq = new Float64Array(p);
  const first = new Float64Array(p).fill(NaN);
  const varies = new Uint8Array(p);
  for (let t = lo; t <= hi; t++) {
    if (!valid[t - from]) continue;
    const yc = y[t] - yMean;
    for (let j = 0; j < p; j++) {
      const xj = columns[j][t];
      if (Number.isNaN(first[j])) first[j] = xj;
      else if (xj !== first[j]) varies[j] = 1;
      rawSq[j] += xj * xj;
      const xjc = xj - xMeans[j];
      sxy[j] += xjc * yc;
      for (let l = 0; l <= j; l++) S[j * p + l] += xjc * (columns[l][t] - xMeans[l]);
    }
  }
  for (let j = 0; j < p; j++) {
    for (let l = 0; l < j; l++) S[l * p + j] = S[j * p + l];
  }
  return { S, sxy, rawSq, first, varies };
}

/**
 * The first regressor that cannot be estimated because it does not vary, as a typed failure naming
 * it (`names`, one per regressor), or null. With an intercept a constant regressor is collinear with the intercept: it takes one
 * value on all n complete rows, or its centred sum of squares is below CONSTANT_TOL of its raw one
 * (a constant that rounding made look variable). Without an intercept only an all-zero regressor is
 * degenerate on its own.
 */
export function constantRegressor(cp: CrossProducts, names: readonly string[], n: number, intercept: boolean): OlsFailure | null {
  const p = cp.sxy.length;
  const { S, rawSq, first, varies } = cp;
  for (let j = 0; j < p; j++) {
    if (intercept && (!varies[j] || S[j * p + j] <= CONSTANT_TOL * rawSq[j])) {
      return {
        ok: false,
        code: 'constant-regressor',
        reason: `regressor '${names[j]}' is constant (${first[j]}) on the ${n} complete rows, so it is collinear with the intercept`,
        nObs: n,
      };
    }
    if (!intercept && rawSq[j] === 0) {
      return { ok: false, code: 'constant-regressor', reason: `regressor '${names[j]}' is zero on all ${n} complete rows`, nObs: n };
    }
  }
  return null;
}
