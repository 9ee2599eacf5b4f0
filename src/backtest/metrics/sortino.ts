/**
 * Annualised Sortino ratio, target 0 (Sortino & Price 1994): mean(r) / DD x sqrt(N), with the
 * downside deviation DD = sqrt(sum min(r, 0)^2 / n) over all n daily returns. Null when no day
 * lost (DD = 0). Example: r = [0.02, -0.01], N = 242 -> 0.005 / 0.00707 x 15.56 = 11.0.
 */
import { mean } from './mean.js';

export function sortino(returns: ArrayLike<number>, perYear: number): number | null {
  if (returns.length === 0) return null;
  let ss = 0;
  for (let i = 0; i < returns.length; i++) if (returns[i] < 0) ss += returns[i] * returns[i];
  const dd = Math.sqrt(ss / returns.length);
  if (!(dd > 0)) return null;
  return (mean(returns) / dd) * Math.sqrt(perYear);
}
