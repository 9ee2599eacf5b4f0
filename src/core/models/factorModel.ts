/**
 * Fama-French (1993) three-factor and Carhart (1997) four-factor models, by OLS over the estimation
 * window:
 *   R_t - RF_t = a + b (Mkt-RF)_t + s SMB_t + h HML_t [+ m MOM_t] + e_t,
 *   E[R_t]     = RF_t + a + b (Mkt-RF)_t + s SMB_t + h HML_t [+ m MOM_t].
 * Without a risk-free column the raw return is the dependent variable and E[R_t] drops RF_t.
 * Factor columns must be decimals: convert a percent factor file with `fromPercent` first, so that
 * the two give the same model. sigma^2 = SSR / (L - k) with k = 4 (FF3) or 5 (Carhart).
 */
import { ols } from '../ols.js';
import { checkMinObs, countValid, insufficient, requireColumn, resolveOptions } from './estimationSample.js';
import { linearModel } from './linearModel.js';
import type { FitResult, ModelInput, ModelOptions } from './types.js';

export type FactorModelKind = 'ff3' | 'carhart';

export function fitFactorModel(kind: FactorModelKind, input: ModelInput, options: ModelOptions = {}): FitResult {
  const { y, estimation: est } = input;
  const opts = resolveOptions(est, options);
  const n = y.length;
  const reg = input.regressors ?? {};
  const rf = reg.rf ? requireColumn(reg.rf, 'rf', kind, n) : null;

  let mktRf: Float64Array;
  if (reg.mktRf) {
    mktRf = requireColumn(reg.mktRf, 'mktRf', kind, n);
  } else if (reg.market && rf) {
    // Build Mkt-RF from a benchmark return and the risk-free rate on the same rows.
    const market = requireColumn(reg.market, 'market', kind, n);
    mktRf = new Float64Array(n);
    for (let t = 0; t < n; t++) mktRf[t] = market[t] - rf[t];
  } else {
    mktRf = requireColumn(undefined, 'mktRf', kind, n);
  }
  const names = ['mktRf', 'smb', 'hml'];
  const columns = [mktRf, requireColumn(reg.smb, 'smb', kind, n), requireColumn(reg.hml, 'hml', kind, n)];
  if (kind === 'carhart') {
    names.push('mom');
    columns.push(requireColumn(reg.mom ?? reg.umd, 'mom', kind, n));
  }

  const tooFew = checkMinObs(countValid(y, rf ? [...columns, rf] : columns, est.from, est.to), opts);
  if (tooFew) return tooFew;

  let yFit = y;
  if (rf) {
    yFit = new Float64Array(n);
    for (let t = 0; t < n; t++) yFit[t] = y[t] - rf[t];
  }
  const fit = ols(yFit, columns, { from: est.from, to: est.to, names });
  if (!fit.ok) return insufficient(`${fit.reason} in ${opts.windowLabel}`, fit.nObs);

  const coefficients: Record<string, number> = { alpha: fit.coefficients[0] };
  for (let j = 0; j < names.length; j++) coefficients[names[j]] = fit.coefficients[j + 1];
  return linearModel({
    kind,
    yFit,
    columns,
    offset: rf,
    intercept: fit.coefficients[0],
    slopes: fit.coefficients.subarray(1),
    design: fit,
    coefficients,
    alpha: fit.coefficients[0],
    beta: fit.coefficients[1],
    estimation: est,
    options: opts,
  });
}
