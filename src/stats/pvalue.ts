/**
 * Two-sided p-values from the standard normal and Student-t distributions (@stdlib CDFs).
 *
 * Both use the lower tail at -|x| (p = 2 F(-|x|)) rather than 1 - F(|x|), so p-values far in the tail
 * keep their relative precision instead of cancelling to 0.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';

/** Two-sided p-value of a standard normal statistic: 2 * Phi(-|z|). NaN in -> NaN out. */
export function pNormal2(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (!Number.isFinite(z)) return 0;
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

/**
 * Two-sided p-value of a Student-t statistic with `df` degrees of freedom (df may be fractional):
 * 2 * F_t(-|t|; df). df = Infinity gives the normal p-value.
 */
export function pStudent2(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || df <= 0) return NaN;
  if (!Number.isFinite(df)) return pNormal2(t);
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** One-sided upper-tail normal probability P(Z >= z). */
export function upperNormal(z: number): number {
  return normalCdf(-z, 0, 1);
}
