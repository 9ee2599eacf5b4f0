/**
 * Constant-mean-return model (Campbell, Lo & MacKinlay 1997 sec. 4.3.1; Brown & Warner 1980):
 * R_t = mu + e_t, mu = the estimation-window mean. Residual variance SSR / (L - 1) (one parameter,
 * so both variance conventions agree); prediction factor 1 + 1/L (the error of mu); for a CAR over
 * m days the variance factor is m + m^2/L.
 */
import { ols } from '../ols.js';
import { checkMinObs, countValid, insufficient, resolveOptions } from './estimationSample.js';
import { linearModel } from './linearModel.js';
import type { FitResult, ModelInput, ModelOptions } from './types.js';

export function fitMeanAdjusted(input: ModelInput, options: ModelOptions = {}): FitResult {
  const { y, estimation: est } = input;
  const opts = resolveOptions(est, options);
  const tooFew = checkMinObs(countValid(y, [], est.from, est.to), opts);
  if (tooFew) return tooFew;
  // An intercept-only OLS is the sample mean, with (X'X)^-1 = 1/L.
  const fit = ols(y, [], { from: est.from, to: est.to });
  if (!fit.ok) return insufficient(`${fit.reason} in ${opts.windowLabel}`, fit.nObs);
  const mu = fit.coefficients[0];
  return linearModel({
    kind: 'mean',
    yFit: y,
    columns: [],
    offset: null,
    intercept: mu,
    slopes: new Float64Array(0),
    design: fit,
    coefficients: { mean: mu },
    alpha: mu,
    estimation: est,
    options: opts,
  });
}
