/**
 * Market-adjusted returns (Brown & Warner 1980; CLM 1997 sec. 4.3.3): AR_t = R_t - Rm_t, i.e. a
 * market model with alpha = 0 and beta = 1 imposed, so nothing is estimated and there is no
 * estimation error: prediction factor 1, CAR variance factor m. sigma is the standard deviation
 * of the estimation-window ARs with L - 1 degrees of freedom (the sample variance, around their
 * mean), which is also estudy2's choice, so both variance conventions agree.
 */
import { checkMinObs, countValid, isZeroVariance, resolveOptions, insufficient, requireColumn } from './estimationSample.js';
import type { FitResult, FittedModel, ModelInput, ModelOptions } from './types.js';

export function fitMarketAdjusted(input: ModelInput, options: ModelOptions = {}): FitResult {
  const { y, estimation: est } = input;
  const opts = resolveOptions(est, options);
  const nRows = y.length;
  const market = requireColumn(input.regressors?.market, 'market', 'market-adjusted', nRows);
  const L = countValid(y, [market], est.from, est.to);
  const tooFew = checkMinObs(L, opts);
  if (tooFew) return tooFew;
  if (L < 2) return insufficient(`${L} valid returns in ${opts.windowLabel}`, L);

  const len = est.to - est.from + 1;
  const residuals = new Float64Array(len).fill(NaN);
  let sum = 0;
  for (let i = 0; i < len; i++) {
    const t = est.from + i;
    if (t < 0 || t >= nRows) continue;
    const ar = y[t] - market[t];
    if (Number.isNaN(ar)) continue;
    residuals[i] = ar;
    sum += ar;
  }
  const mean = sum / L;
  let ss = 0;
  for (let i = 0; i < len; i++) {
    const ar = residuals[i];
    if (!Number.isNaN(ar)) ss += (ar - mean) * (ar - mean);
  }
  if (!Number.isFinite(ss)) {
    return insufficient(`non-finite variance of the ${L} estimation ARs in ${opts.windowLabel} (a return is too large to square)`, L);
  }
  if (isZeroVariance(ss, y, est.from, est.to)) {
    return insufficient(`zero variance of the ${L} estimation ARs in ${opts.windowLabel} (the security moves exactly with its benchmark)`, L);
  }
  const sigma2 = ss / (L - 1);
  const ok = (t: number): boolean => t >= 0 && t < nRows && Number.isInteger(t) && !Number.isNaN(market[t]);
  const model: FittedModel = {
    kind: 'market-adjusted',
    // Implied, not estimated: reported so every model has an alpha and a beta.
    coefficients: { alpha: 0, beta: 1 },
    alpha: 0,
    beta: 1,
    sigma: Math.sqrt(sigma2),
    sigma2,
    nObs: L,
    df: L - 1,
    varianceConvention: opts.varianceConvention,
    estimation: { from: est.from, to: est.to },
    estimationResiduals: residuals,
    expected: (t) => (ok(t) ? market[t] : NaN),
    predictionFactor: (t) => (ok(t) ? 1 : NaN),
    windowVarianceFactor(from, to, yy) {
      let m = 0;
      for (let t = Math.max(0, from); t <= Math.min(nRows - 1, to); t++) {
        if (ok(t) && (yy === undefined || !Number.isNaN(yy[t]))) m++;
      }
      return m;
    },
  };
  return { ok: true, model };
}
