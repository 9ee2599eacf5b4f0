/**
 * Scholes & Williams (1977) beta for nonsynchronously traded securities:
 *   beta_SW = (b_-1 + b_0 + b_+1) / (1 + 2 rho_m),
 * where b_j is the simple OLS slope of R_t on Rm_{t+j} and rho_m the first-order autocorrelation of
 * the market return (SW 1977 eq. 14); alpha_SW = mean(R) - beta_SW mean(Rm) over the valid
 * (R_t, Rm_t) pairs of the estimation window (SW 1977 eq. 15). Lagged and led market returns are
 * taken inside the estimation window only, so nothing from the event window enters the fit.
 *
 * Expected return alpha + beta Rm_t. The residual variance is that of R_t - alpha - beta Rm_t over
 * the estimation window with L - 2 degrees of freedom, and the prediction-error factors are the
 * market model's (1 + 1/L + (Rm_t - mean)^2 / Sxx): an approximation that treats (alpha, beta) as
 * if estimated by OLS, as is usual in practice; the SW estimator's exact sampling variance has no
 * closed form under nonsynchronous trading.
 */
import { ols } from '../ols.js';
import { checkMinObs, countValid, insufficient, requireColumn, resolveOptions } from './estimationSample.js';
import { linearModel } from './linearModel.js';
import type { FitResult, ModelInput, ModelOptions } from './types.js';

/**
 * Slope of y_t on x_{t+lag} (with an intercept) over t such that t and t + lag lie in [from, to]
 * and inside the series; NaN when x has no variance there or fewer than 3 pairs.
 */
export function laggedSlope(y: Float64Array, x: Float64Array, from: number, to: number, lag: number): number {
  const lo = Math.max(0, from, from - lag);
  const hi = Math.min(y.length - 1, x.length - 1 - lag, to, to - lag);
  let n = 0;
  let sy = 0;
  let sx = 0;
  for (let t = lo; t <= hi; t++) {
    const a = y[t];
    const b = x[t + lag];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    sy += a;
    sx += b;
  }
  if (n < 3) return NaN;
  const my = sy / n;
  const mx = sx / n;
  let sxy = 0;
  let sxx = 0;
  for (let t = lo; t <= hi; t++) {
    const a = y[t];
    const b = x[t + lag];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sxy += (b - mx) * (a - my);
    sxx += (b - mx) * (b - mx);
  }
  return sxx > 0 ? sxy / sxx : NaN;
}

/** Pearson correlation of x_t with x_{t-1} over pairs inside [from, to]. */
export function firstOrderAutocorrelation(x: Float64Array, from: number, to: number): number {
  const lo = Math.max(1, from + 1);
  const hi = Math.min(x.length - 1, to);
  let n = 0;
  let s0 = 0;
  let s1 = 0;
  for (let t = lo; t <= hi; t++) {
    if (Number.isNaN(x[t]) || Number.isNaN(x[t - 1])) continue;
    n++;
    s0 += x[t];
    s1 += x[t - 1];
  }
  if (n < 3) return NaN;
  const m0 = s0 / n;
  const m1 = s1 / n;
  let c = 0;
  let v0 = 0;
  let v1 = 0;
  for (let t = lo; t <= hi; t++) {
    if (Number.isNaN(x[t]) || Number.isNaN(x[t - 1])) continue;
    const a = x[t] - m0;
    const b = x[t - 1] - m1;
    c += a * b;
    v0 += a * a;
    v1 += b * b;
  }
  return v0 > 0 && v1 > 0 ? c / Math.sqrt(v0 * v1) : NaN;
}

export function fitScholesWilliams(input: ModelInput, options: ModelOptions = {}): FitResult {
  const { y, estimation: est } = input;
  const opts = resolveOptions(est, options);
  const market = requireColumn(input.regressors?.market, 'market', 'scholes-williams', y.length);
  const tooFew = checkMinObs(countValid(y, [market], est.from, est.to), opts);
  if (tooFew) return tooFew;
  // The plain OLS fit supplies L, mean Rm and Sxx for the variance factors (and the constant/singular checks).
  const design = ols(y, [market], { from: est.from, to: est.to, names: ['market'] });
  if (!design.ok) return insufficient(`${design.reason} in ${opts.windowLabel}`, design.nObs);

  const bLag = laggedSlope(y, market, est.from, est.to, -1);
  const b0 = design.coefficients[1];
  const bLead = laggedSlope(y, market, est.from, est.to, 1);
  const rho = firstOrderAutocorrelation(market, est.from, est.to);
  if (!Number.isFinite(bLag) || !Number.isFinite(bLead) || !Number.isFinite(rho)) {
    return insufficient(`the lagged or led market return has no variance in ${opts.windowLabel}`, design.nObs);
  }
  if (!(1 + 2 * rho > 0)) {
    return insufficient(`market autocorrelation ${rho.toFixed(3)} <= -0.5 in ${opts.windowLabel} makes 1 + 2 rho non-positive`, design.nObs);
  }
  const beta = (bLag + b0 + bLead) / (1 + 2 * rho);
  // alpha from the means of the same (R_t, Rm_t) pairs the OLS design used.
  const alpha = design.yMean - beta * design.xMeans[0];
  return linearModel({
    kind: 'scholes-williams',
    yFit: y,
    columns: [market],
    offset: null,
    intercept: alpha,
    slopes: Float64Array.of(beta),
    design,
    coefficients: { alpha, beta, betaLag: bLag, beta0: b0, betaLead: bLead, rhoMarket: rho, betaOls: b0 },
    alpha,
    beta,
    estimation: est,
    options: opts,
  });
}
