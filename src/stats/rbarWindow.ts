/**
 * Kolari & Pynnönen (2010) r-bar for a CAR window: the mean pairwise correlation of the quantities
 * the window test actually sums, the events' CARs over [a, b].
 *
 * Kolari, J.W. & Pynnönen, S. (2010), RFS 23(11):3996-4025, section 1.3: the adjustment of eq. (12)
 * needs r-bar of the cumulated (standardised) ARs. With residual correlation rho_ij between events i
 * and j on a common calendar day and none across days,
 *   Corr(CAR_i, CAR_j) = rho_ij |W_i ∩ W_j| / sqrt(|W_i| |W_j|),
 * W_i being the calendar days event i sums over. The day-level r-bar (rbar.ts) sets every pair with
 * different day-0 dates to zero, which is right for a day but wrong for windows that overlap in
 * calendar time (9988.HK announced on 04-11 and 04-18: their [-5, 5] windows share days). So:
 *   r-bar_W = (1 / P) sum_{i<j} rho_ij * ov_ij,  ov_ij = |W_i ∩ W_j| / sqrt(|W_i| |W_j|),
 * over the P pairs of the window's events (those with a complete window, the test's N). rho_ij is the
 * Pearson correlation of the two events' estimation residuals over their common calendar days, as in
 * rbar.ts. A pair whose windows share no day is exactly 0 (counted, not estimated); a pair that shares
 * days but has fewer than `minOverlap` common estimation days is 0 ('zero') or left out ('exclude');
 * a constant series is left out (degenerate).
 *
 * Calendar days are the panel's day numbers (evDays / estDays): two events of different markets share
 * a day when the calendar DATE is equal (no time-zone shift: HK and US closes of the same date count as
 * one day). Without evDays every window is taken as the same days (ov = 1), the plain KP r-bar.
 *
 * Cost: O(pairs with overlapping windows x E), the rho of a pair cached for all windows (the caller
 * keeps `cache`); pairs that cannot reach minOverlap common estimation days are counted short without
 * a merge. Above WINDOW_RBAR_BUDGET / E correlations or WINDOW_RBAR_MAX_PAIRS visited pairs the r-bar
 * is not computed (null, with the reason) rather than spending minutes: the KP window tests then say
 * why they are missing instead of applying a day-level r-bar known to be wrong for windows.
 */
import { pairCorrelation } from './rbarPairwise.js';
import type { EventPanel } from './types.js';

export interface WindowRbarInfo {
  rbar: number | null;
  /** Pairs of the window's events. */
  pairsTotal: number;
  /** Pairs whose windows share no calendar day: correlation exactly 0. */
  pairsDisjoint: number;
  /** Pairs whose windows overlap and whose rho was estimated. */
  pairsEstimated: number;
  /** Overlapping pairs with fewer than minOverlap common estimation days (0 or excluded). */
  pairsShort: number;
  /** Overlapping pairs with a constant residual series (excluded). */
  pairsDegenerate: number;
  /** Why rbar is null. */
  reason?: string;
}

/** Multiply-adds allowed for the rho of the overlapping pairs of one panel window. */
export const WINDOW_RBAR_BUDGET = 4e7;
/** Pairs with overlapping window spans visited per window (and rho values cached per panel). */
export const WINDOW_RBAR_MAX_PAIRS = 2e7;

function overBudget(total: number, what: string): WindowRbarInfo {
  return {
    rbar: null,
    pairsTotal: total,
    pairsDisjoint: 0,
    pairsEstimated: 0,
    pairsShort: 0,
    pairsDegenerate: 0,
    reason: `${what}: over the computing budget, window r-bar not formed`,
  };
}

/** rho of pair (i, j), NaN = short, -Infinity = degenerate; keyed i * n + j with i < j. */
export type RhoCache = Map<number, number>;

/**
 * r-bar of window [a, b] over the events `rows` (the window's cross-section). `cache` carries the
 * pairs' rho between windows of the same panel and options.
 */
export function windowRbar(
  panel: EventPanel,
  rows: Int32Array,
  a: number,
  b: number,
  opts: { minOverlap: number; shortPairs: 'exclude' | 'zero'; budget?: number; maxPairs?: number },
  cache: RhoCache,
): WindowRbarInfo {
  const N = rows.length;
  const W = panel.winEnd - panel.winStart + 1;
  const E = panel.estEnd - panel.estStart + 1;
  const minOverlap = Math.max(3, opts.minOverlap);
  const len = b - a + 1;
  const ca = a - panel.winStart;
  const total = (N * (N - 1)) / 2;
  // Each event's window days (ascending: the engine stores event time in calendar order).
  const days = new Int32Array(N * len);
  const cnt = new Int32Array(N);
  const first = new Float64Array(N);
  const last = new Float64Array(N);
  const ev = panel.evDays;
  for (let k = 0; k < N; k++) {
    const i = rows[k];
    let c = 0;
    for (let t = 0; t < len; t++) {
      const d = ev ? ev[i * W + ca + t] : t;
      if (d >= 0) days[k * len + c++] = d;
    }
    cnt[k] = c;
    first[k] = c > 0 ? days[k * len] : Infinity;
    last[k] = c > 0 ? days[k * len + c - 1] : -Infinity;
  }
  // Valid residuals and the calendar span of each event's estimation sample: a pair whose samples
  // cannot share minOverlap days is short without merging them (a short estimation window makes
  // every pair short: no correlation is computed at all).
  const nEst = new Int32Array(N);
  const eLo = new Float64Array(N);
  const eHi = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    const base = rows[k] * E;
    let c = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let e = 0; e < E; e++) {
      const d = panel.estDays[base + e];
      if (d < 0 || !Number.isFinite(panel.estAR[base + e])) continue;
      c++;
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
    nEst[k] = c;
    eLo[k] = lo;
    eHi[k] = hi;
  }
  // Sweep in order of first day: only pairs whose spans meet can share a day. Budgets: the pairs
  // visited (a market-wide cluster can have 10^8) and the correlations computed (each O(E)); over
  // either the r-bar is not formed and says why.
  const order = Array.from({ length: N }, (_, k) => k).sort((p, q) => first[p] - first[q] || p - q);
  const maxVisits = opts.maxPairs ?? WINDOW_RBAR_MAX_PAIRS;
  const maxRho = Math.floor((opts.budget ?? WINDOW_RBAR_BUDGET) / Math.max(1, E));
  const xa = new Float64Array(E);
  const ya = new Float64Array(E);
  let visits = 0;
  let computed = 0;
  let sum = 0;
  let estimated = 0;
  let short = 0;
  let degenerate = 0;
  let overlapping = 0;
  for (let u = 0; u < N; u++) {
    const k = order[u];
    if (cnt[k] === 0) continue;
    for (let v = u + 1; v < N; v++) {
      const l = order[v];
      if (first[l] > last[k]) break;
      if (++visits > maxVisits) return overBudget(total, `more than ${maxVisits} pairs of events with overlapping windows`);
      // |W_k ∩ W_l| by merging the two sorted day lists.
      let p = k * len;
      let q = l * len;
      const pe = p + cnt[k];
      const qe = q + cnt[l];
      let common = 0;
      while (p < pe && q < qe) {
        if (days[p] < days[q]) p++;
        else if (days[p] > days[q]) q++;
        else {
          common++;
          p++;
          q++;
        }
      }
      if (common === 0) continue;
      overlapping++;
      if (nEst[k] < minOverlap || nEst[l] < minOverlap || Math.min(eHi[k], eHi[l]) - Math.max(eLo[k], eLo[l]) + 1 < minOverlap) {
        short++;
        continue;
      }
      const i = rows[k];
      const j = rows[l];
      const key = i < j ? i * panel.n + j : j * panel.n + i;
      let r = cache.get(key);
      if (r === undefined) {
        if (++computed > maxRho) return overBudget(total, `more than ${maxRho} residual correlations of ${E} days to compute`);
        const lo = Math.min(i, j) * E;
        const hi = Math.max(i, j) * E;
        // Residuals are stored in day order (rbarSeries.ts): the day-level pair correlation (rbarPairwise.ts), over the whole estimation windows.
        r = pairCorrelation(panel.estDays, panel.estAR, lo, lo + E, hi, hi + E, minOverlap, xa, ya);
        if (cache.size < WINDOW_RBAR_MAX_PAIRS) cache.set(key, r);
      }
      if (Number.isNaN(r)) short++;
      else if (r === -Infinity) degenerate++;
      else {
        sum += (r * common) / Math.sqrt(cnt[k] * cnt[l]);
        estimated++;
      }
    }
  }
  const disjoint = total - overlapping;
  const denom = total - degenerate - (opts.shortPairs === 'zero' ? 0 : short);
  return {
    rbar: denom > 0 ? sum / denom : null,
    pairsTotal: total,
    pairsDisjoint: disjoint,
    pairsEstimated: estimated,
    pairsShort: short,
    pairsDegenerate: degenerate,
    ...(denom > 0 ? {} : { reason: 'no pair of events left to form r-bar' }),
  };
}
