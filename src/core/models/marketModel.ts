/**
 * Market model (CLM 1997 sec. 4.3.2, eq. 4.3.3-4.3.6; MacKinlay 1997): R_t = alpha + beta Rm_t + e_t
 * by OLS over the estimation window; sigma^2 = SSR / (L - 2) (eq. 4.4.4) or SSR / (L - 1) under
 * estudy2's convention. Prediction factor 1 + 1/L + (Rm_t - mean Rm)^2 / sum (Rm - mean Rm)^2.
 */
import { ols } from '../ols.js';
import { checkMinObs, countValid, insufficient, requireColumn, resolveOptions } from './estimationSample.js';
import { linearModel } from './linearModel.js';
import type { FitResult, ModelInput, ModelOptions } from './types.js';

export function fitMarketModel(input: ModelInput, options: ModelOptions = {}): FitResult {
  const { y, estimation: est } = input;
  const opts = resolveOptions(est, options);
  const market = requireColumn(input.regressors?.market, 'market', 'market', y.length);
  const tooFew = checkMinObs(countValid(y, [market], est.from, est.to), opts);
  if (tooFew) return tooFew;
  const fit = ols(y, [market], { from: est.from, to: est.to, names: ['market'] });
  if (!fit.ok) return insufficient(`${fit.reason} in ${opts.windowLabel}`, fit.nObs);
  const alpha = fit.coefficients[0];
  const beta = fit.coefficients[1];
  return linearModel({
    kind: 'market',
    yFit: y,
    columns: [market],
    offset: null,
    intercept: alpha,
    slopes: fit.coefficients.subarray(1),
    design: fit,
    coefficients: { alpha, beta },
    alpha,
    beta,
    estimation: est,
    options: opts,
  });
}
