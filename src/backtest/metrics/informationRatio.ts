/**
 * Annualised information ratio: mean(r - b) / sd(r - b) x sqrt(N) over the days with a benchmark
 * return (Grinold & Kahn). Null below 2 such days or with a zero tracking error.
 * Example: excess returns [0.01, 0.03], N = 242 -> 0.02 / 0.01414 x 15.56 = 22.0.
 */
import { mean } from './mean.js';
import { sampleSd } from './sampleSd.js';

export function informationRatio(returns: ArrayLike<number>, bench: ArrayLike<number>, perYear: number): number | null {
  const ex: number[] = [];
  for (let i = 0; i < returns.length; i++) if (Number.isFinite(bench[i]) && Number.isFinite(returns[i])) ex.push(returns[i] - bench[i]);
  const te = sampleSd(ex);
  if (!(te > 0)) return null;
  return (mean(ex) / te) * Math.sqrt(perYear);
}
