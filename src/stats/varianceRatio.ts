/**
 * Event-induced variance diagnostic (Boehmer, Musumeci & Poulsen 1991): the cross-sectional variance
 * of the standardized ARs (day) or standardized CARs (window) against the variance they have under
 * the null without an event effect on volatility, df_i / (df_i - 2) per event (Patell 1976), averaged.
 * Patell, BW1980, BW1985 and KP-Patell take that null variance as given, so with a ratio far above 1
 * they over-reject (issue 12 §3: 6.95 against 1.02 on day 0 while they printed ***); BMP, the
 * cross-sectional t and the rank tests do not rely on it.
 * Reference distribution for normal standardized values: (N - 1) s^2 / nominal ~ chi-square(N - 1);
 * the ratio is flagged `unreliable` when its upper-tail p is below 1% and the ratio is above 1.
 */
import chisqCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { finiteZ, type CrossSection, type StatsContext } from './context.js';
import { variance } from './util.js';

/** Tests whose null variance assumes no event-induced variance. */
export const NO_EIV_TESTS = ['patell', 'kpPatell', 'bw1980', 'bw1985', 'lamb'] as const;

export interface VarianceRatio {
  /** s^2 of the standardized values over `nominal`. */
  ratio: number;
  /** Mean of df_i / (df_i - 2) over the events used. */
  nominal: number;
  /** Events used (a standardized value and df > 2). */
  n: number;
  /** Upper-tail p of (n - 1) * ratio under chi-square(n - 1). */
  p: number;
  /** True when p < 0.01 and ratio > 1: the tests in NO_EIV_TESTS are marked unreliable. */
  unreliable: boolean;
}

export const VARIANCE_RATIO_LEVEL = 0.01;

export function varianceRatio(ctx: StatsContext, cs: CrossSection): VarianceRatio | null {
  const { z, rows } = finiteZ(cs);
  const use: number[] = [];
  let nominal = 0;
  for (let k = 0; k < z.length; k++) {
    const df = ctx.dfC[rows[k]];
    if (!(df > 2)) continue;
    use.push(z[k]);
    nominal += df / (df - 2);
  }
  const n = use.length;
  if (n < 3) return null;
  nominal /= n;
  const ratio = variance(use) / nominal;
  const p = 1 - chisqCdf((n - 1) * ratio, n - 1);
  return { ratio, nominal, n, p, unreliable: p < VARIANCE_RATIO_LEVEL && ratio > 1 };
}
