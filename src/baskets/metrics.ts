/**
 * Comparison metrics of one index path against its benchmark. Pure functions on typed arrays; NaN
 * returns (the base day, days without a holding, benchmark holidays) are skipped, never read as 0.
 */

/**
 * Trading days per year used to annualise daily volatility: SSE/SZSE traded 242 days in 2022 and
 * 242 in 2023 (rows of the shipped CSI 300 file, prices/cn/index/000300.SH.csv), the usual
 * convention for A-shares (vs 252 for US markets). sigma_annual = sigma_daily * sqrt(242).
 */
export const A_SHARE_TRADING_DAYS = 242;

/** level[last] / level[0] - 1. */
export function totalReturn(level: Float64Array): number {
  return level.length ? level[level.length - 1] / level[0] - 1 : NaN;
}

/** Sample standard deviation (n - 1 divisor) of the finite values; NaN with fewer than two. */
export function sampleSd(x: Float64Array): number {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  // Welford's update: one pass, no cancellation for small daily returns.
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!Number.isFinite(v)) continue;
    n++;
    const d = v - mean;
    mean += d / n;
    m2 += d * (v - mean);
  }
  return n >= 2 ? Math.sqrt(m2 / (n - 1)) : NaN;
}

/** Daily sample standard deviation times sqrt(periodsPerYear). */
export function annualisedVolatility(returns: Float64Array, periodsPerYear = A_SHARE_TRADING_DAYS): number {
  return sampleSd(returns) * Math.sqrt(periodsPerYear);
}

export interface Drawdown {
  /** Worst fall from a running peak, trough / peak - 1 (<= 0); 0 when the path never falls. */
  value: number;
  /** Index of the peak and of the trough; -1 when value is 0. */
  peak: number;
  trough: number;
  /** First index after the trough at which the level is back at the peak's; -1 if never in the path. */
  recovery: number;
}

/**
 * Maximum drawdown of a level path (the base day included, so a fall from the start counts). The
 * earliest of equal peaks and the earliest of equal troughs are reported.
 */
export function maxDrawdown(level: Float64Array): Drawdown {
  let peak = 0;
  let best: Drawdown = { value: 0, peak: -1, trough: -1, recovery: -1 };
  for (let k = 1; k < level.length; k++) {
    if (!Number.isFinite(level[k])) continue;
    if (level[k] > level[peak]) peak = k;
    const dd = level[k] / level[peak] - 1;
    if (dd < best.value) best = { value: dd, peak, trough: k, recovery: -1 };
  }
  if (best.trough >= 0) {
    for (let k = best.trough + 1; k < level.length; k++) {
      if (level[k] >= level[best.peak]) {
        best.recovery = k;
        break;
      }
    }
  }
  return best;
}

export interface BetaCorrelation {
  beta: number;
  correlation: number;
  /** Days on which both returns are finite. */
  n: number;
}

/**
 * OLS slope of y on x and Pearson correlation, over the days where both are finite (the common
 * days of the basket and its benchmark). Two-pass (means first) for accuracy.
 */
export function betaCorrelation(y: Float64Array, x: Float64Array): BetaCorrelation {
  if (y.length !== x.length) throw new RangeError('betaCorrelation: series differ in length');
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]) || !Number.isFinite(x[i])) continue;
    n++;
    sx += x[i];
    sy += y[i];
  }
  if (n < 3) return { beta: NaN, correlation: NaN, n };
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]) || !Number.isFinite(x[i])) continue;
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { beta: sxx > 0 ? sxy / sxx : NaN, correlation: sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN, n };
}
