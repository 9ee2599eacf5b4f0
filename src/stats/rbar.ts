/**
 * Kolari & Pynnönen (2010) r-bar: the mean pairwise Pearson correlation of the events'
 * estimation-window residuals, each pair matched on CALENDAR day over the days both events have a
 * residual (see kolariPynnonen.ts for the statistic and the 'zero' / 'exclude' rule for short pairs).
 *
 * Kolari, J.W. & Pynnönen, S. (2010), RFS 23(11):3996-4025, section 1.2: the r-bar of the
 * adjustment of eq. (12). This file holds the entry points; the work is split by step:
 *   rbarSeries.ts    every event's residuals on calendar days, and its day-0 key;
 *   rbarLayout.ts    one calendar axis, events grouped by the days they cover, prefix sums;
 *   rbarChunks.ts    the grouped sweep, in RBAR_CHUNKS chunks summed in a fixed order;
 *   rbarPairwise.ts  the pair-by-pair definition (the tests' reference, and the repeated-day path);
 *   rbarSums.ts      how the pair sums and counts become r-bar.
 * Why not the obvious O(n^2 E) pair loop: a market-wide study has tens of thousands of events
 * clustered on a few hundred event days, so most pairs share the same common days, and the grouped
 * sweep handles each set of common days once (rbarLayout.ts, rbarChunks.ts).
 *
 * Which pairs: only events whose day 0 falls on the same calendar date can have correlated
 * event-day abnormal returns. Two events a month apart share calendar days in their estimation
 * windows, so their residuals correlate in calendar time (the market factor the model leaves), but
 * their day-0 ARs are drawn on different days and are independent. Counting such pairs made r-bar
 * about 0.12 on random dates and the adjusted tests reject 0% of true nulls (bench/size-power.md).
 * So a pair with different day-0 dates counts as a zero-correlation pair, and the calendar-time
 * correlation enters only for pairs that share day 0: exact for the clustered designs Kolari &
 * Pynnönen (2010) address, and r-bar -> 0 (no adjustment) for events spread over time. Without
 * `evDays` in the panel every pair is treated as sharing day 0 (the plain calendar-time r-bar).
 *
 * An event with a repeated calendar day (not produced by the engine) makes "common days" ambiguous:
 * the whole panel then falls back to the pair-by-pair merge, which matches a repeated day once.
 */
import type { EventPanel, RbarInfo } from './types.js';
import { combineRbar, planRbar, RBAR_CHUNKS, rbarChunk } from './rbarChunks.js';
import { pairwiseSums } from './rbarPairwise.js';
import { eventSeries } from './rbarSeries.js';
import { finishRbar, type RbarOptions, type RbarPartial } from './rbarSums.js';

/**
 * Kolari-Pynnönen r-bar of a panel; see the file comment. Counts: `pairsUsed` pairs entered the mean,
 * `pairsDegenerate` had a constant series on their common days, the rest (`pairsShort`) had fewer than
 * `minOverlap` common days (including no common day at all).
 */
export function kpRbar(panel: EventPanel, opts: RbarOptions): RbarInfo {
  const plan = planRbar(panel, opts);
  const partials: RbarPartial[] = [];
  for (let k = 0; k < RBAR_CHUNKS; k++) partials.push(rbarChunk(plan, k));
  return combineRbar(panel.n, opts.shortPairs, partials);
}

/** The pairwise reference on a panel (tests compare it with `kpRbar`). */
export function kpRbarPairwise(panel: EventPanel, opts: RbarOptions): RbarInfo {
  const E = panel.estEnd - panel.estStart + 1;
  const S = eventSeries(panel, E);
  const p = pairwiseSums(S, Math.max(3, opts.minOverlap));
  return finishRbar(p.sum, p.used, p.degenerate, panel.n, opts.shortPairs, S.samePairs);
}
