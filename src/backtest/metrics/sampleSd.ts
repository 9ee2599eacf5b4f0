/**
 * Sample standard deviation, sqrt(sum (x - mean)^2 / (n - 1)); NaN for n < 2.
 * Example: [1, 2, 3] -> 1.
 */
import { mean } from './mean.js';

export function sampleSd(x: ArrayLike<number>): number {
  if (x.length < 2) return NaN;
  const m = mean(x);
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - m) ** 2;
  return Math.sqrt(ss / (x.length - 1));
}
