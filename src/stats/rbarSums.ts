/**
 * What the day-level Kolari & Pynnönen (2010) r-bar computations hand each other: the options, the
 * partial sums over pairs, and the counting rule that turns them into r-bar and its pair counts.
 *
 * Kolari, J.W. & Pynnönen, S. (2010), RFS 23(11):3996-4025, section 1.2: r-bar is the average
 * off-diagonal correlation in the variance inflation of eq. (12), Var(sum_i SAR_i) =
 * N (1 + (N - 1) r-bar), so its denominator is every off-diagonal pair, not just the estimated ones.
 * Kept apart from the grouped sweep (rbarChunks.ts) and the pair-by-pair reference (rbarPairwise.ts)
 * because both must count pairs the same way for the tests to compare them.
 */
import type { RbarInfo } from './types.js';

export interface RbarOptions {
  /** Minimum common days for a pair to enter (at least 3). */
  minOverlap: number;
  shortPairs: 'exclude' | 'zero';
}

export interface RbarPartial {
  sum: number;
  used: number;
  degenerate: number;
  /** Pairs sharing day 0 (given by chunk 0 only, so partials add up). */
  samePairs?: number;
}

/**
 * r-bar and its counts from the sum of the estimated correlations (`used` pairs) and the degenerate
 * pairs among the `samePairs` pairs that share day 0 (all pairs when undefined); the rest of those
 * are short (fewer than minOverlap common days).
 */
export function finishRbar(sum: number, used: number, degenerate: number, n: number, shortPairs: 'exclude' | 'zero', samePairs?: number): RbarInfo {
  const total = (n * (n - 1)) / 2;
  const same = samePairs ?? total;
  // Pairs with different day-0 dates have independent event-day ARs: zero correlation, counted.
  const otherDay = total - same;
  const short = same - used - degenerate;
  const denom = used + otherDay + (shortPairs === 'zero' ? short : 0);
  return {
    rbar: denom > 0 ? sum / denom : null,
    pairsUsed: used,
    pairsShort: short,
    pairsDegenerate: degenerate,
    pairsTotal: total,
    pairsOtherDay: otherDay,
  };
}
