/**
 * Annualised volatility: sample sd of the daily returns x sqrt(N), N sessions per year.
 * Null for fewer than 2 returns. Example: daily sd 0.01, N = 242 -> 0.1556.
 */
import { sampleSd } from './sampleSd.js';

export function volatility(returns: ArrayLike<number>, perYear: number): number | null {
  const sd = sampleSd(returns);
  return Number.isFinite(sd) ? sd * Math.sqrt(perYear) : null;
}
