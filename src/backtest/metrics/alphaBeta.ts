/**
 * Jensen's alpha and beta against the benchmark by OLS of the strategy's daily returns on the
 * benchmark's (zero risk-free rate): beta = cov(r, b) / var(b), alpha = mean(r) - beta mean(b),
 * annualised as alpha x N. Fitted by the project's core `ols` (market model, one regressor plus an
 * intercept), which leaves out pairs with a missing (NaN) return. Null below 3 pairs or with a flat
 * benchmark (core's constant-regressor failure). Example: r = 2b exactly -> beta 2, alpha 0.
 */
import { ols } from '../../core/ols.js';

export function alphaBeta(returns: ArrayLike<number>, bench: ArrayLike<number>, perYear: number): { alpha: number; beta: number; n: number } | null {
  const fit = ols(Float64Array.from(returns), [Float64Array.from(bench)]);
  if (!fit.ok) return null;
  return { alpha: fit.coefficients[0] * perYear, beta: fit.coefficients[1], n: fit.nObs };
}
