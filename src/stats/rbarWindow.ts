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
 * Two computations of the same sums and counts:
 *   pair by pair (windowRbarPairwise): O(pairs with overlapping windows x E), the rho of a pair
 *     cached for all windows (the caller keeps `cache`); pairs that cannot reach minOverlap common
 *     estimation days are counted short without a merge. Bounded by WINDOW_RBAR_BUDGET / E
 *     correlations and WINDOW_RBAR_MAX_PAIRS visited pairs;
 *   grouped (windowRbarGrouped): events with the same window days (a "window class") and the same
 *     estimation layout (span, holes: rbarLayout.ts) form a group; every pair between two groups has
 *     the same ov and the same common estimation days, so
 *       sum_{i in G, j in H} rho_ij ov_ij = ov(G, H) sum_{i in G, j in H} rho_ij,
 *     the inner sum being the day-level grouped sum (one dot product of weighted column sums,
 *     rbarChunks.ts), and only pairs of window classes whose days intersect are visited (swept in
 *     order of first window day). Bounded by WINDOW_RBAR_GROUPED_BUDGET multiply-adds (group pairs
 *     x their common span x min(|G| |H|, |G| + |H| + 1)) and WINDOW_RBAR_MAX_PAIRS group pairs.
 * windowRbar takes the pairwise result wherever it stays within its budget (so every study it could
 * compute reports the same bits), the grouped one where it would not (a market-wide cluster: 10^8
 * pairs, a few thousand group pairs); over both budgets the r-bar is not formed (null, with the
 * pairwise reason) rather than spending minutes: the KP window tests then say why they are missing
 * instead of applying a day-level r-bar known to be wrong for windows. The two agree to rounding
 * (tests/stats/rbarWindowGrouped.test.ts).
 */
import { groupPairSums, groupScratch, groupSelfSums } from './rbarChunks.js';
import { layout } from './rbarLayout.js';
import { pairCorrelation } from './rbarPairwise.js';
import { eventSeries } from './rbarSeries.js';
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
/** Pairs with overlapping window spans visited per window (and rho values cached per panel); also the group pairs of the grouped path. */
export const WINDOW_RBAR_MAX_PAIRS = 2e7;
/**
 * Multiply-adds allowed for the grouped path of one panel window (over the group pairs: common span
 * x min(|G| |H|, |G| + |H| + 1)); about 3 ns each on the market benchmark, so a few seconds.
 */
export const WINDOW_RBAR_GROUPED_BUDGET = 2e9;

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

export interface WindowRbarOptions {
  minOverlap: number;
  shortPairs: 'exclude' | 'zero';
  /** Pairwise path: multiply-adds (default WINDOW_RBAR_BUDGET). */
  budget?: number;
  /** Pairwise path: visited pairs (default WINDOW_RBAR_MAX_PAIRS). */
  maxPairs?: number;
  /** Grouped path: multiply-adds (default WINDOW_RBAR_GROUPED_BUDGET). */
  groupedBudget?: number;
  /** Grouped path: group pairs (default WINDOW_RBAR_MAX_PAIRS). */
  maxGroupPairs?: number;
}

/** The options with their defaults resolved, once for every path (so the tests' references match windowRbar). */
function limits(opts: WindowRbarOptions, E: number) {
  return {
    minOverlap: Math.max(3, opts.minOverlap),
    maxVisits: opts.maxPairs ?? WINDOW_RBAR_MAX_PAIRS,
    maxRho: Math.floor((opts.budget ?? WINDOW_RBAR_BUDGET) / Math.max(1, E)),
    groupedBudget: opts.groupedBudget ?? WINDOW_RBAR_GROUPED_BUDGET,
    maxGroupPairs: opts.maxGroupPairs ?? WINDOW_RBAR_MAX_PAIRS,
  };
}

/**
 * r-bar of window [a, b] over the events `rows` (the window's cross-section). `cache` carries the
 * pairs' rho between windows of the same panel and options. Pair by pair when that stays within its
 * budget, grouped when it would not (see the file comment); null with the pairwise reason over both.
 */
export function windowRbar(panel: EventPanel, rows: Int32Array, a: number, b: number, opts: WindowRbarOptions, cache: RhoCache): WindowRbarInfo {
  const w = windowDays(panel, rows, a, b);
  const est = estSpans(panel, rows);
  const { minOverlap, maxVisits, maxRho, groupedBudget, maxGroupPairs } = limits(opts, panel.estEnd - panel.estStart + 1);
  const C = windowClasses(w, est, minOverlap);
  // The pairwise sweep refuses iff its visits or its new correlations exceed the budget (both only
  // grow). Visits are known exactly; new correlations lie between the pairs it would estimate that
  // the class bound proves long, less those possibly cached, and all pairs with overlapping windows.
  const visits = pairwiseVisits(w);
  const surelyOver = visits > maxVisits || C.longPairs - cache.size > maxRho;
  const surelyWithin = visits <= maxVisits && C.overlapping <= maxRho;
  let pairwise: WindowRbarInfo | null = null;
  if (!surelyOver) {
    const r = pairwiseSweep(panel, rows, w, est, minOverlap, opts.shortPairs, maxVisits, maxRho, cache);
    if (surelyWithin || !r.over) return r.info;
    pairwise = r.info;
  }
  const g = groupedSweep(panel, rows, w, C, minOverlap, opts.shortPairs, groupedBudget, maxGroupPairs);
  if (g) return g;
  return pairwise ?? pairwiseSweep(panel, rows, w, est, minOverlap, opts.shortPairs, maxVisits, maxRho, cache).info;
}

/** The pair-by-pair window r-bar alone (no grouped fallback): the reference of the tests. */
export function windowRbarPairwise(panel: EventPanel, rows: Int32Array, a: number, b: number, opts: WindowRbarOptions, cache: RhoCache): WindowRbarInfo {
  const { minOverlap, maxVisits, maxRho } = limits(opts, panel.estEnd - panel.estStart + 1);
  return pairwiseSweep(panel, rows, windowDays(panel, rows, a, b), estSpans(panel, rows), minOverlap, opts.shortPairs, maxVisits, maxRho, cache).info;
}

/** The grouped window r-bar alone (no pairwise path); null when over its budget or when an event repeats a calendar day. */
export function windowRbarGrouped(panel: EventPanel, rows: Int32Array, a: number, b: number, opts: WindowRbarOptions): WindowRbarInfo | null {
  const w = windowDays(panel, rows, a, b);
  const { minOverlap, groupedBudget, maxGroupPairs } = limits(opts, panel.estEnd - panel.estStart + 1);
  const C = windowClasses(w, estSpans(panel, rows), minOverlap);
  return groupedSweep(panel, rows, w, C, minOverlap, opts.shortPairs, groupedBudget, maxGroupPairs);
}

/** Each event's window days: event k (panel row rows[k]) sums days[k * len .. k * len + cnt[k]). */
interface WindowDays {
  len: number;
  days: Int32Array;
  cnt: Int32Array;
  first: Float64Array;
  last: Float64Array;
}

function windowDays(panel: EventPanel, rows: Int32Array, a: number, b: number): WindowDays {
  const N = rows.length;
  const W = panel.winEnd - panel.winStart + 1;
  const len = b - a + 1;
  const ca = a - panel.winStart;
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
  return { len, days, cnt, first, last };
}

/** Valid residuals and the calendar span [lo, hi] of each event's estimation sample. */
interface EstSpans {
  nEst: Int32Array;
  lo: Float64Array;
  hi: Float64Array;
}

function estSpans(panel: EventPanel, rows: Int32Array): EstSpans {
  const N = rows.length;
  const E = panel.estEnd - panel.estStart + 1;
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
  return { nEst, lo: eLo, hi: eHi };
}

/**
 * Pairs the pairwise sweep visits, without visiting them: in the sweep's order (first day, then
 * index) the event at position u visits the later events that start by its last day, i.e.
 * #{v : first_v <= last_u} - (u + 1) of them; summed over the n events with window days (positions
 * 0 .. n - 1, ahead of those without).
 */
function pairwiseVisits(w: WindowDays): number {
  const firsts = Float64Array.from(w.first).sort();
  let n = 0;
  let upTo = 0;
  for (let k = 0; k < firsts.length; k++) {
    if (w.cnt[k] === 0) continue;
    n++;
    let lo = 0;
    let hi = firsts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (firsts[mid] <= w.last[k]) lo = mid + 1;
      else hi = mid;
    }
    upTo += lo;
  }
  return upTo - (n * (n + 1)) / 2;
}

/**
 * Window classes: the events with the same window days (in the window's order), sorted by first day,
 * with the pairs of classes whose days intersect and their ov = |W_A ∩ W_B| / sqrt(|W_A| |W_B|)
 * (a class with itself: ov = 1). `overlapping` counts the event pairs with a common window day;
 * `longPairs` those among them that the pairwise sweep certainly estimates (both events with
 * minOverlap residuals, and every pair of the two classes' estimation spans sharing minOverlap days).
 */
interface WindowClasses {
  /** Class of each event, -1 for an event without window days. */
  of: Int32Array;
  /** Events per class. */
  size: Int32Array;
  /** Pairs of classes with common window days: pairA[k], pairB[k] (pairA <= pairB), ov[k]. */
  pairA: Int32Array;
  pairB: Int32Array;
  ov: Float64Array;
  overlapping: number;
  longPairs: number;
}

function windowClasses(w: WindowDays, est: EstSpans, minOverlap: number): WindowClasses {
  const N = w.cnt.length;
  const { len, days, cnt } = w;
  const of = new Int32Array(N).fill(-1);
  const byKey = new Map<string, number>();
  const rep: number[] = [];
  for (let k = 0; k < N; k++) {
    if (cnt[k] === 0) continue;
    const key = days.subarray(k * len, k * len + cnt[k]).join(',');
    let c = byKey.get(key);
    if (c === undefined) {
      c = rep.length;
      byKey.set(key, c);
      rep.push(k);
    }
    of[k] = c;
  }
  // Renumber classes by first day (then by first event), the sweep's order.
  const K = rep.length;
  const rank = Array.from({ length: K }, (_, c) => c).sort((p, q) => w.first[rep[p]] - w.first[rep[q]] || rep[p] - rep[q]);
  const newId = new Int32Array(K);
  rank.forEach((c, r) => (newId[c] = r));
  const repS = Int32Array.from(rank, (c) => rep[c]);
  const size = new Int32Array(K);
  // Per class: events with minOverlap residuals, the latest start and earliest end of their spans.
  const good = new Float64Array(K);
  const maxLo = new Float64Array(K).fill(-Infinity);
  const minHi = new Float64Array(K).fill(Infinity);
  for (let k = 0; k < N; k++) {
    if (of[k] < 0) continue;
    const c = (of[k] = newId[of[k]]);
    size[c]++;
    if (est.nEst[k] < minOverlap) continue;
    good[c]++;
    maxLo[c] = Math.max(maxLo[c], est.lo[k]);
    minHi[c] = Math.min(minHi[c], est.hi[k]);
  }
  const A: number[] = [];
  const B: number[] = [];
  const ov: number[] = [];
  let overlapping = 0;
  let longPairs = 0;
  const surelyLong = (p: number, q: number) => Math.min(minHi[p], minHi[q]) - Math.max(maxLo[p], maxLo[q]) + 1 >= minOverlap;
  for (let p = 0; p < K; p++) {
    const kp = repS[p];
    A.push(p);
    B.push(p);
    ov.push(1);
    overlapping += (size[p] * (size[p] - 1)) / 2;
    if (surelyLong(p, p)) longPairs += (good[p] * (good[p] - 1)) / 2;
    for (let q = p + 1; q < K; q++) {
      const kq = repS[q];
      if (w.first[kq] > w.last[kp]) break;
      const common = commonDays(w, kp, kq);
      if (common === 0) continue;
      A.push(p);
      B.push(q);
      ov.push(common / Math.sqrt(cnt[kp] * cnt[kq]));
      overlapping += size[p] * size[q];
      if (surelyLong(p, q)) longPairs += good[p] * good[q];
    }
  }
  return { of, size, pairA: Int32Array.from(A), pairB: Int32Array.from(B), ov: Float64Array.from(ov), overlapping, longPairs };
}

/** |W_k ∩ W_l|: the calendar days two events' windows share, by merging their sorted day lists. */
function commonDays(w: WindowDays, k: number, l: number): number {
  const { len, days, cnt } = w;
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
  return common;
}

function pairwiseSweep(
  panel: EventPanel,
  rows: Int32Array,
  w: WindowDays,
  est: EstSpans,
  minOverlap: number,
  shortPairs: 'exclude' | 'zero',
  maxVisits: number,
  maxRho: number,
  cache: RhoCache,
): { info: WindowRbarInfo; over: boolean } {
  const N = rows.length;
  const E = panel.estEnd - panel.estStart + 1;
  const total = (N * (N - 1)) / 2;
  const { cnt, first, last } = w;
  const { nEst, lo: eLo, hi: eHi } = est;
  // Sweep in order of first day: only pairs whose spans meet can share a day. Budgets: the pairs
  // visited (a market-wide cluster can have 10^8) and the correlations computed (each O(E)); over
  // either the r-bar is not formed and says why. Pairs whose estimation samples cannot share
  // minOverlap days are short without merging them (a short estimation window makes every pair
  // short: no correlation is computed at all).
  const order = Array.from({ length: N }, (_, k) => k).sort((p, q) => first[p] - first[q] || p - q);
  const xa = new Float64Array(E);
  const ya = new Float64Array(E);
  let visits = 0;
  let computed = 0;
  let sum = 0;
  let estimated = 0;
  let short = 0;
  let degenerate = 0;
  for (let u = 0; u < N; u++) {
    const k = order[u];
    if (cnt[k] === 0) continue;
    for (let v = u + 1; v < N; v++) {
      const l = order[v];
      if (first[l] > last[k]) break;
      if (++visits > maxVisits) return { info: overBudget(total, `more than ${maxVisits} pairs of events with overlapping windows`), over: true };
      const common = commonDays(w, k, l);
      if (common === 0) continue;
      if (nEst[k] < minOverlap || nEst[l] < minOverlap || Math.min(eHi[k], eHi[l]) - Math.max(eLo[k], eLo[l]) + 1 < minOverlap) {
        short++;
        continue;
      }
      const i = rows[k];
      const j = rows[l];
      const key = i < j ? i * panel.n + j : j * panel.n + i;
      let r = cache.get(key);
      if (r === undefined) {
        if (++computed > maxRho) return { info: overBudget(total, `more than ${maxRho} residual correlations of ${E} days to compute`), over: true };
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
  return { info: finishWindow(sum, total, estimated, short, degenerate, shortPairs), over: false };
}

/**
 * The grouped sweep (file comment): the window's events on the calendar layout of rbarLayout.ts,
 * keyed by window class instead of day 0, so a layout group is a window class x an estimation
 * layout; for each pair of classes with common window days, ov times the grouped sum of rho over
 * their groups' pairs (groupPairSums, groupSelfSums: rbarChunks.ts). Counts as the pairwise sweep:
 * pairs of overlapping classes are overlapping pairs, estimated or degenerate as the group sums say,
 * the rest short. Null over the budget, or when an event repeats a calendar day (the layout cannot
 * say which of the two residuals a common day pairs).
 */
function groupedSweep(
  panel: EventPanel,
  rows: Int32Array,
  w: WindowDays,
  C: WindowClasses,
  minOverlap: number,
  shortPairs: 'exclude' | 'zero',
  budget: number,
  maxGroupPairs: number,
): WindowRbarInfo | null {
  const N = rows.length;
  const E = panel.estEnd - panel.estStart + 1;
  const total = (N * (N - 1)) / 2;
  const K = C.size.length;
  const series = eventSeries(panel, E, { rows, key: Float64Array.from(C.of) });
  if (series.repeated) return null;
  const L = layout(series);
  let sum = 0;
  let used = 0;
  let degenerate = 0;
  if (L) {
    // Each class's groups (ascending lo: the layout's order).
    const G = L.G;
    const gN = new Int32Array(K);
    for (let g = 0; g < G; g++) if (L.ek[g] >= 0) gN[L.ek[g]]++;
    const g0 = new Int32Array(K + 1);
    for (let c = 0; c < K; c++) g0[c + 1] = g0[c] + gN[c];
    const list = new Int32Array(g0[K]);
    const fill = g0.slice(0, K);
    for (let g = 0; g < G; g++) if (L.ek[g] >= 0) list[fill[L.ek[g]]++] = g;
    // Cost bound before any work: the group pairs of every two overlapping classes (O(class
    // pairs)); then, visiting those pairs but no day, the multiply-adds of each pair's dot products
    // over the overlap of the two spans (pair by pair for few pairs, else through two column sums:
    // groupPairSums) plus weighing both groups' events.
    let groupPairs = 0;
    for (let k = 0; k < C.pairA.length; k++) {
      const p = C.pairA[k];
      const q = C.pairB[k];
      groupPairs += p === q ? (gN[p] * (gN[p] + 1)) / 2 : gN[p] * gN[q];
    }
    if (groupPairs > maxGroupPairs) return null;
    let cost = 0;
    for (let k = 0; k < C.pairA.length; k++) {
      const p = C.pairA[k];
      const q = C.pairB[k];
      for (let x = g0[p]; x < g0[p + 1]; x++) {
        const g = list[x];
        const ng = L.count[g];
        if (p === q) cost += (ng + 1) * (L.hi[g] - L.lo[g] + 1);
        for (let y = p === q ? x + 1 : g0[q]; y < g0[q + 1]; y++) {
          const h = list[y];
          const span = Math.min(L.hi[g], L.hi[h]) - Math.max(L.lo[g], L.lo[h]) + 1;
          if (span >= minOverlap) cost += span * Math.min(ng * L.count[h], ng + L.count[h] + 1) + ng + L.count[h];
        }
      }
    }
    if (cost > budget) return null;
    const S = groupScratch(L);
    const out = S.out;
    for (let k = 0; k < C.pairA.length; k++) {
      const p = C.pairA[k];
      const q = C.pairB[k];
      let s = 0;
      if (p === q) {
        // Pairs inside the class: ov = 1; its groups by lo, so a later group starting after g's
        // span ends cannot share an estimation day with g.
        for (let x = g0[p]; x < g0[p + 1]; x++) {
          const g = list[x];
          if (groupSelfSums(L, g, minOverlap, S)) {
            s += out[0];
            used += out[1];
            degenerate += out[2];
          }
          for (let y = x + 1; y < g0[p + 1]; y++) {
            const h = list[y];
            if (L.lo[h] > L.hi[g]) break;
            if (!groupPairSums(L, g, h, minOverlap, S)) continue;
            s += out[0];
            used += out[1];
            degenerate += out[2];
          }
        }
        sum += s;
      } else {
        for (let x = g0[p]; x < g0[p + 1]; x++) {
          for (let y = g0[q]; y < g0[q + 1]; y++) {
            if (!groupPairSums(L, list[x], list[y], minOverlap, S)) continue;
            s += out[0];
            used += out[1];
            degenerate += out[2];
          }
        }
        sum += C.ov[k] * s;
      }
    }
  }
  return finishWindow(sum, total, used, C.overlapping - used - degenerate, degenerate, shortPairs);
}

/** r-bar_W = sum / P, P the pairs less the degenerate ones and, under 'exclude', the short ones. */
function finishWindow(sum: number, total: number, estimated: number, short: number, degenerate: number, shortPairs: 'exclude' | 'zero'): WindowRbarInfo {
  // Every pair with a common window day is estimated, short or degenerate; the rest share none.
  const disjoint = total - estimated - short - degenerate;
  const denom = total - degenerate - (shortPairs === 'zero' ? 0 : short);
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
