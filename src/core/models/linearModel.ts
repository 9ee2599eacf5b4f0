/**
 * A fitted linear normal-return model E[R_t] = offset_t + a + b'x_t, shared by the mean, market,
 * factor, Scholes-Williams and Dimson models.
 *
 * Variance with estimation error (Campbell, Lo & MacKinlay 1997 sec. 4.4.3): with x0 = (1, x_t')',
 *   Var(AR_t)  = sigma^2 (1 + x0'(X'X)^-1 x0)                              (eq. 4.4.9, Patell 1976)
 *   Var(CAR)   = sigma^2 g'(I + X*(X'X)^-1 X*')g = sigma^2 (m + h'(X'X)^-1 h),  h = sum of x0 over
 *                the m window days                                         (eq. 4.4.8-4.4.10)
 * Using the centred block inverse (see ols.ts), with s = sum of x_t over the window,
 *   x0'(X'X)^-1 x0 = 1/L + (x_t - xbar)'S^-1 (x_t - xbar),
 *   h'(X'X)^-1 h   = m^2/L + (s - m xbar)'S^-1 (s - m xbar),
 * which for the market model is the familiar 1 + 1/L + (Rm_t - mean Rm)^2 / Sxx.
 */
import type { OlsFit } from '../ols.js';
import { checkMinObs, insufficient, isZeroVariance, varianceDivisor, type ResolvedOptions } from './estimationSample.js';
import type { FitResult, FittedModel, ModelKind, RowRange } from './types.js';

export interface LinearModelSpec {
  kind: ModelKind;
  /** Dependent variable the coefficients explain (y, or y - rf for excess-return factor models). */
  yFit: Float64Array;
  /** Full-length prediction regressors x_t (p columns, same order as `slopes`). */
  columns: readonly Float64Array[];
  /** Added to the prediction (the risk-free rate of a factor model on excess returns), or null. */
  offset: Float64Array | null;
  intercept: number;
  slopes: Float64Array;
  /**
   * The estimation design: L, xbar and S^-1 of `columns` over the estimation rows (an OLS fit of
   * yFit on `columns` over the same rows provides exactly these).
   */
  design: Pick<OlsFit, 'nObs' | 'xMeans' | 'centeredInv'>;
  coefficients: Record<string, number>;
  alpha?: number;
  beta?: number;
  estimation: RowRange;
  options: ResolvedOptions;
}

export function linearModel(spec: LinearModelSpec): FitResult {
  const { kind, yFit, columns, offset, intercept, slopes, design, estimation, options } = spec;
  const nRows = yFit.length;
  const p = columns.length;
  const L = design.nObs;
  const xbar = design.xMeans;
  const Sinv = design.centeredInv;

  // Estimation residuals and SSR.
  const len = estimation.to - estimation.from + 1;
  const residuals = new Float64Array(len).fill(NaN);
  let ssr = 0;
  let nRes = 0;
  for (let i = 0; i < len; i++) {
    const t = estimation.from + i;
    if (t < 0 || t >= nRows) continue;
    let e = yFit[t] - intercept;
    for (let j = 0; j < p; j++) e -= slopes[j] * columns[j][t];
    if (offset !== null && Number.isNaN(offset[t])) continue;
    if (Number.isNaN(e)) continue;
    residuals[i] = e;
    ssr += e * e;
    nRes++;
  }
  const tooFew = checkMinObs(nRes, options);
  if (tooFew) return tooFew;
  const k = p + 1;
  if (nRes <= k) return insufficient(`${nRes} valid returns in ${options.windowLabel} for ${k} parameters`, nRes);
  if (!Number.isFinite(ssr)) {
    // An overflowing return (e.g. 1e308 in a hand-edited file) makes the fit meaningless.
    return insufficient(`non-finite residual variance over the ${nRes} valid returns in ${options.windowLabel} (a return or regressor is too large to square)`, nRes);
  }
  if (isZeroVariance(ssr, yFit, estimation.from, estimation.to)) {
    return insufficient(
      `zero residual variance over the ${nRes} valid returns in ${options.windowLabel} (the model fits exactly or the returns are constant)`,
      nRes,
    );
  }
  const sigma2 = ssr / varianceDivisor(nRes, k, options.varianceConvention);

  const scratch = new Float64Array(p);
  /** (v)'S^-1(v) for v in scratch. */
  const quad = (): number => {
    let q = 0;
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += Sinv[i * p + j] * scratch[j];
      q += scratch[i] * s;
    }
    return q;
  };
  const predictable = (t: number): boolean => {
    if (t < 0 || t >= nRows || !Number.isInteger(t)) return false;
    if (offset !== null && Number.isNaN(offset[t])) return false;
    for (let j = 0; j < p; j++) if (Number.isNaN(columns[j][t])) return false;
    return true;
  };

  const model: FittedModel = {
    kind,
    coefficients: spec.coefficients,
    alpha: spec.alpha,
    beta: spec.beta,
    sigma: Math.sqrt(sigma2),
    sigma2,
    nObs: nRes,
    df: nRes - k,
    varianceConvention: options.varianceConvention,
    estimation: { from: estimation.from, to: estimation.to },
    estimationResiduals: residuals,
    expected(t: number): number {
      if (!predictable(t)) return NaN;
      let e = intercept;
      for (let j = 0; j < p; j++) e += slopes[j] * columns[j][t];
      return offset !== null ? e + offset[t] : e;
    },
    predictionFactor(t: number): number {
      if (!predictable(t)) return NaN;
      for (let j = 0; j < p; j++) scratch[j] = columns[j][t] - xbar[j];
      return 1 + 1 / L + quad();
    },
    windowVarianceFactor(from: number, to: number, y?: Float64Array): number {
      let m = 0;
      scratch.fill(0);
      for (let t = Math.max(0, from); t <= Math.min(nRows - 1, to); t++) {
        if (!predictable(t) || (y !== undefined && Number.isNaN(y[t]))) continue;
        m++;
        for (let j = 0; j < p; j++) scratch[j] += columns[j][t];
      }
      if (m === 0) return 0;
      for (let j = 0; j < p; j++) scratch[j] -= m * xbar[j];
      return m + (m * m) / L + quad();
    },
  };
  return { ok: true, model };
}
