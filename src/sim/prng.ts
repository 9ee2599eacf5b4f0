/**
 * The simulation's seeded random numbers: one independent stream per (seed, sample, purpose), so a
 * sample's events do not change when the number of samples or the list of abnormal-return levels
 * changes. Built on src/stats' splitmix32 seed hash and mulberry32 generator.
 */
import { hashSeed, mulberry32 } from '../stats/random.js';

export interface Rng {
  /** Uniform double in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** k distinct items drawn uniformly without replacement (partial Fisher-Yates), in draw order. */
  sample<T>(items: readonly T[], k: number): T[];
}

export function createRng(seed: number, ...stream: number[]): Rng {
  const u = mulberry32(hashSeed(seed, ...stream));
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`Rng.int: n must be a positive integer, got ${n}`);
    return Math.floor(u() * n);
  };
  return {
    next: u,
    int,
    sample<T>(items: readonly T[], k: number): T[] {
      if (k > items.length) throw new RangeError(`Rng.sample: cannot draw ${k} of ${items.length} items`);
      const a = items.slice();
      for (let i = 0; i < k; i++) {
        const j = i + int(a.length - i);
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
      return a.slice(0, k);
    },
  };
}
