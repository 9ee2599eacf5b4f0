/**
 * Dimson (1979) aggregated-coefficients beta for thinly traded securities: the multiple regression
 *   R_t = a + b_-1 Rm_{t-1} + b_0 Rm_t + b_+1 Rm_{t+1} + e_t
 * over the estimation window, beta = b_-1 + b_0 + b_+1 (Dimson 1979 eq. 6 with one lag and one
 * lead), alpha = a. Lagged and led market returns are taken inside the estimation window only.
 *
 * Expected return alpha + beta Rm_t. As for Scholes-Williams, the residual variance is that of
 * R_t - alpha - beta Rm_t with L - 2 degrees of freedom and the prediction-error factors are the
 * market model's, an approximation that treats (alpha, beta) as OLS estimates of a single-index
 * model.
 */
import { ols } from '../ols.js';
import { checkMinObs, countValid, insufficient, requireColumn, resolveOptions } from './estimationSample.js';
import { linearModel } from './linearModel.js';
import type { FitResult, ModelInput, ModelOptions } from './types.js';

export function fitDimson(input: ModelInput, options: ModelOptions = {}): FitResult {
  const { y, estimation: est } = input;
  const opts = resolveOptions(est, options);
  const n = y.length;
  const market = requireColumn(input.regressors?.market, 'market', 'dimson', n);
  const tooFew = checkMinObs(countValid(y, [market], est.from, est.to), opts);
  if (tooFew) return tooFew;
  const design = ols(y, [market], { from: est.from, to: est.to, names: ['market'] });
  if (!design.ok) return insufficient(`${design.reason} in ${opts.windowLabel}`, design.nObs);

  // Shifted market columns, NaN where the neighbour falls outside the estimation window.
  const lag = new Float64Array(n).fill(NaN);
  const lead = new Float64Array(n).fill(NaN);
  for (let t = Math.max(0, est.from); t <= Math.min(n - 1, est.to); t++) {
    if (t - 1 >= est.from && t - 1 >= 0) lag[t] = market[t - 1];
    if (t + 1 <= est.to && t + 1 < n) lead[t] = market[t + 1];
  }
  const fit = ols(y, [lag, market, lead], { from: est.from, to: est.to, names: ['market(t-1)', 'market', 'market(t+1)'] });
  if (!fit.ok) return insufficient(`${fit.reason} in ${opts.windowLabel}`, fit.nObs);
  const alpha = fit.coefficients[0];
  const bLag = fit.coefficients[1];
  const b0 = fit.coefficients[2];
  const bLead = fit.coefficients[3];
  const beta = bLag + b0 + bLead;
  return linearModel({
    kind: 'dimson',
    yFit: y,
    columns: [market],
    offset: null,
    intercept: alpha,
    slopes: Float64Array.of(beta),
    design,
    coefficients: { alpha, beta, betaLag: bLag, beta0: b0, betaLead: bLead, betaOls: design.coefficients[1] },
    alpha,
    beta,
    estimation: est,
    options: opts,
  });
}
