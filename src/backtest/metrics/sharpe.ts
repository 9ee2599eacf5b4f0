/**
 * Annualised Sharpe ratio with a zero risk-free rate (Sharpe 1994): mean(r) / sd(r) x sqrt(N),
 * r the daily returns, sd the sample sd. Null when sd is 0 or undefined (flat curve: no risk taken).
 * Example: mean 0.001, sd 0.01, N = 242 -> 1.556.
 */
import { mean } from './mean.js';
import { sampleSd } from './sampleSd.js';

export function sharpe(returns: ArrayLike<number>, perYear: number): number | null {
  const sd = sampleSd(returns);
  if (!(sd > 0)) return null;
  return (mean(returns) / sd) * Math.sqrt(perYear);
}
