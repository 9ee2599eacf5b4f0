/**
 * The grouped sweep of the day-level Kolari & Pynnönen (2010) r-bar: the sum of the pairs'
 * correlations from the calendar layout (rbarLayout.ts), in a fixed number of chunks.
 *
 * Kolari, J.W. & Pynnönen, S. (2010), RFS 23(11):3996-4025, section 1.2: r-bar of eq. (12) is the
 * mean pairwise correlation. Every pair between two groups G and H of the layout has the same common
 * days C, m = |C|; each member's mean and norm over C come from its prefix sums (O(1) plus one
 * correction per hole of the other group), and the sum of all |G| x |H| correlations is one dot
 * product of the weighted column sums U_t = sum_i x_it / a_i and V_t = sum_j y_jt / b_j:
 *   sum_ij r_ij = sum_t U_t V_t - m (sum_i xbar_i / a_i)(sum_j ybar_j / b_j),
 *   a_i = sqrt(sum_C x_i^2 - m xbar_i^2).
 * Cost: O(sum over overlapping group pairs of |C| (|G| + |H|)) instead of O(pairs x |C|); groups
 * whose day ranges do not overlap are never visited (groups are swept in order of their first day).
 * The sums are the one-pass (prefix-sum) form of the per-pair two-pass formula (rbarPairwise.ts);
 * residuals have means far below their spread, so the two agree to rounding (~1e-15 per correlation).
 */
import type { EventPanel, RbarInfo } from './types.js';
import { finishRbar, type RbarOptions, type RbarPartial } from './rbarSums.js';
import { eventSeries } from './rbarSeries.js';
import { layout, type Layout } from './rbarLayout.js';
import { pairwiseSums } from './rbarPairwise.js';

/**
 * Weights of group g's members over the common days C of one pair of groups: C = [s, e] minus the
 * holes of both groups, m = |C|. w[k] = 1/a_k (0 for a member with no spread over C); returns
 * sum_k w_k xbar_k in acc[0] and the number of members with a spread in acc[1]. The group's own
 * holes hold 0 in its rows and prefix sums, so only the other group's holes need subtracting
 * (`excl`, `nx` of them, positions relative to the group's lo).
 */
function weigh(L: Layout, g: number, s: number, e: number, m: number, excl: Int32Array, nx: number, w: Float64Array, acc: Float64Array): void {
  const { X, P1, P2 } = L;
  const a0 = s - L.lo[g];
  const a1 = e - L.lo[g] + 1;
  const r0 = L.row0[g];
  const cnt = L.count[g];
  let A = 0;
  let good = 0;
  for (let k = 0; k < cnt; k++) {
    const p = L.p0[r0 + k];
    const x0 = L.x0[r0 + k];
    let sx = P1[p + a1] - P1[p + a0];
    let sxx = P2[p + a1] - P2[p + a0];
    for (let j = 0; j < nx; j++) {
      const v = X[x0 + excl[j]];
      sx -= v;
      sxx -= v * v;
    }
    const mean = sx / m;
    const ss = sxx - sx * mean;
    // A constant series: its centred sum of squares is rounding noise against the raw one.
    if (!(ss > 1e-13 * sxx)) {
      w[k] = 0;
      continue;
    }
    const wk = 1 / Math.sqrt(ss);
    w[k] = wk;
    A += wk * mean;
    good++;
  }
  acc[0] = A;
  acc[1] = good;
}

/**
 * Positions (relative to group g's lo) in [s, e] where group h has a hole and g does not; returns
 * their count (written to `excl`).
 */
function otherHoles(L: Layout, g: number, h: number, s: number, e: number, excl: Int32Array): number {
  // Both hole lists are ascending: one binary search to g's first hole in [s, e], then a merge,
  // not a binary search of g's holes per hole of h (the window r-bar of a market panel calls this
  // for millions of group pairs).
  let nx = 0;
  const jEnd = L.hole0[g] + L.holeN[g];
  let j = lowerBound(L.holes, L.hole0[g], jEnd, s);
  for (let k = L.hole0[h], end = L.hole0[h] + L.holeN[h]; k < end; k++) {
    const t = L.holes[k];
    if (t < s) continue;
    if (t > e) break;
    while (j < jEnd && L.holes[j] < t) j++;
    if (j < jEnd && L.holes[j] === t) continue;
    excl[nx++] = t - L.lo[g];
  }
  return nx;
}

/**
 * out[t - s] = sum_k w_k x_k,t over t in [s, e]. It is 0 at the group's own holes, so in a
 * product of two such sums a day missing from either group drops out by itself.
 */
function columnSum(L: Layout, g: number, w: Float64Array, s: number, e: number, out: Float64Array): void {
  const { X } = L;
  const len = e - s + 1;
  const r0 = L.row0[g];
  const cnt = L.count[g];
  const shift = s - L.lo[g];
  out.fill(0, 0, len);
  // Four rows per pass over `out`: the read-modify-write of out[t] costs as much as a row's term.
  let k = 0;
  for (; k + 3 < cnt; k += 4) {
    const w0 = w[k];
    const w1 = w[k + 1];
    const w2 = w[k + 2];
    const w3 = w[k + 3];
    const b0 = L.x0[r0 + k] + shift;
    const b1 = L.x0[r0 + k + 1] + shift;
    const b2 = L.x0[r0 + k + 2] + shift;
    const b3 = L.x0[r0 + k + 3] + shift;
    for (let t = 0; t < len; t++) out[t] += w0 * X[b0 + t] + w1 * X[b1 + t] + w2 * X[b2 + t] + w3 * X[b3 + t];
  }
  for (; k < cnt; k++) {
    const wk = w[k];
    if (wk === 0) continue;
    const base = L.x0[r0 + k] + shift;
    for (let t = 0; t < len; t++) out[t] += wk * X[base + t];
  }
}

/**
 * The work of one panel's r-bar, split into chunks of consecutive groups (each chunk sweeps its
 * groups against every later group). The split depends only on the data, never on the number of
 * threads, and partial sums are always added in chunk order, so the result would be the same bits
 * on any number of threads. Today kpRbar runs every chunk on the calling thread: the parallel
 * battery (src/study/parallel.ts) computes r-bar once on the main thread while the workers rank,
 * and hands the result over.
 */
export interface RbarPlan {
  n: number;
  minOverlap: number;
  shortPairs: 'exclude' | 'zero';
  /** Null when the pair-by-pair path is taken (repeated days) or there is no residual at all. */
  layout: Layout | null;
  /** The pair-by-pair sums, when that path is taken (returned as chunk 0). */
  direct: RbarPartial | null;
  /** Chunk k < bounds.length - 1 sweeps groups [bounds[k], bounds[k + 1]); later chunks are empty. */
  bounds: Int32Array;
  samePairs: number;
}

/**
 * Every plan has exactly this many chunks (the trailing ones may be empty), so a caller can hand
 * them out before the plan exists (enough to balance 2..8 threads).
 */
export const RBAR_CHUNKS = 32;

export function planRbar(panel: EventPanel, opts: RbarOptions): RbarPlan {
  const n = panel.n;
  const E = panel.estEnd - panel.estStart + 1;
  const minOverlap = Math.max(3, opts.minOverlap);
  const series = eventSeries(panel, E);
  const base = { n, minOverlap, shortPairs: opts.shortPairs, samePairs: series.samePairs };
  if (series.repeated) return { ...base, layout: null, direct: pairwiseSums(series, minOverlap), bounds: new Int32Array([0]) };
  const L = layout(series);
  if (!L) return { ...base, layout: null, direct: { sum: 0, used: 0, degenerate: 0 }, bounds: new Int32Array([0]) };
  // Cost of group g ~ its events x the events of the groups it meets x its width.
  const { G } = L;
  const cost = new Float64Array(G);
  let total = 0;
  for (let g = 0, h = 0, inRange = 0; g < G; g++) {
    // Events of groups g..h-1, the groups starting within g's span (a sliding window over lo).
    if (h < g) {
      h = g;
      inRange = 0;
    }
    while (h < G && L.lo[h] <= L.hi[g]) inRange += L.count[h++];
    cost[g] = L.count[g] * (inRange + 1) * (L.hi[g] - L.lo[g] + 1);
    total += cost[g];
    inRange -= L.count[g];
  }
  const chunks = Math.max(1, Math.min(RBAR_CHUNKS, G));
  const bounds = [0];
  let acc = 0;
  for (let g = 0; g < G; g++) {
    acc += cost[g];
    if (acc >= (total * bounds.length) / chunks && bounds.length < chunks && g + 1 < G) bounds.push(g + 1);
  }
  bounds.push(G);
  return { ...base, layout: L, direct: null, bounds: Int32Array.from(bounds) };
}

/** Sums over the pairs of chunk k, 0 <= k < RBAR_CHUNKS (see the file comment for the algebra). */
export function rbarChunk(plan: RbarPlan, k: number): RbarPartial {
  const part = rbarChunkSums(plan, k);
  return k === 0 ? { ...part, samePairs: plan.samePairs } : part;
}

function rbarChunkSums(plan: RbarPlan, k: number): RbarPartial {
  if (plan.direct) return k === 0 ? plan.direct : { sum: 0, used: 0, degenerate: 0 };
  if (k >= plan.bounds.length - 1) return { sum: 0, used: 0, degenerate: 0 };
  const L = plan.layout as Layout;
  const { minOverlap } = plan;
  const { G } = L;
  const S = groupScratch(L);
  const out = S.out;
  let sum = 0;
  let used = 0;
  let degenerate = 0;

  // Sweep the group pairs whose spans overlap (groups are sorted by lo).
  for (let g = plan.bounds[k]; g < plan.bounds[k + 1]; g++) {
    const gHi = L.hi[g];
    // Pairs inside the group: C is the group's own days.
    if (groupSelfSums(L, g, minOverlap, S)) {
      sum += out[0];
      used += out[1];
      degenerate += out[2];
    }
    for (let h = g + 1; h < G; h++) {
      if (L.lo[h] > gHi) break;
      if (L.ek[h] !== L.ek[g]) continue; // different day 0: a zero-correlation pair
      if (!groupPairSums(L, g, h, minOverlap, S)) continue;
      sum += out[0];
      used += out[1];
      degenerate += out[2];
    }
  }
  return { sum, used, degenerate };
}

/**
 * Scratch buffers for the group sums of one layout (sized by its widest and largest group), and
 * `out`, where groupSelfSums / groupPairSums leave [sum of r, used pairs, degenerate pairs].
 */
export interface GroupScratch {
  U: Float64Array;
  V: Float64Array;
  wG: Float64Array;
  wH: Float64Array;
  accG: Float64Array;
  accH: Float64Array;
  excl: Int32Array;
  out: Float64Array;
}

export function groupScratch(L: Layout): GroupScratch {
  let maxLen = 0;
  let maxCount = 0;
  for (let g = 0; g < L.G; g++) {
    maxLen = Math.max(maxLen, L.hi[g] - L.lo[g] + 1);
    maxCount = Math.max(maxCount, L.count[g]);
  }
  return {
    U: new Float64Array(maxLen),
    V: new Float64Array(maxLen),
    wG: new Float64Array(maxCount),
    wH: new Float64Array(maxCount),
    accG: new Float64Array(2),
    accH: new Float64Array(2),
    excl: new Int32Array(maxLen),
    out: new Float64Array(3),
  };
}

/**
 * The pairs inside group g, whose common days C are the group's own days: S.out = [sum_{i<j} r_ij,
 * pairs estimated, pairs degenerate]. False (out untouched) when the group has one event or fewer
 * than minOverlap days: every pair short.
 */
export function groupSelfSums(L: Layout, g: number, minOverlap: number, S: GroupScratch): boolean {
  const ng = L.count[g];
  const gLo = L.lo[g];
  const gHi = L.hi[g];
  const mIn = gHi - gLo + 1 - L.holeN[g];
  if (!(ng > 1 && mIn >= minOverlap)) return false;
  const { wG, accG, U, excl, out } = S;
  weigh(L, g, gLo, gHi, mIn, excl, 0, wG, accG);
  const good = accG[1];
  const len = gHi - gLo + 1;
  columnSum(L, g, wG, gLo, gHi, U);
  let uu = 0;
  for (let t = 0; t < len; t++) uu += U[t] * U[t];
  // sum_{i<j} r_ij = (sum of all r_ij incl. the diagonal's ones - good) / 2.
  out[0] = (uu - mIn * accG[0] * accG[0] - good) / 2;
  out[1] = (good * (good - 1)) / 2;
  out[2] = (ng * (ng - 1)) / 2 - (good * (good - 1)) / 2;
  return true;
}

/**
 * The |G| x |H| pairs between groups g and h (either order), whose common days C are the overlap
 * of their spans minus either group's holes: S.out = [sum_ij r_ij, pairs estimated, pairs
 * degenerate]. False (out untouched) when |C| < minOverlap: every pair short.
 */
export function groupPairSums(L: Layout, g: number, h: number, minOverlap: number, S: GroupScratch): boolean {
  const { X } = L;
  const { wG, wH, accG, accH, U, V, excl, out } = S;
  const gLo = L.lo[g];
  const s = Math.max(gLo, L.lo[h]);
  const e = Math.min(L.hi[g], L.hi[h]);
  if (e - s + 1 < minOverlap) return false;
  // Days in [s, e] that either group lacks.
  let m = e - s + 1;
  for (let k = L.hole0[g], end = k + L.holeN[g]; k < end; k++) if (L.holes[k] >= s && L.holes[k] <= e) m--;
  const nxG = L.holeN[h] > 0 ? otherHoles(L, g, h, s, e, excl) : 0;
  m -= nxG;
  if (m < minOverlap) return false;
  const ng = L.count[g];
  const nh = L.count[h];
  weigh(L, g, s, e, m, excl, nxG, wG, accG);
  const nxH = L.holeN[g] > 0 ? otherHoles(L, h, g, s, e, excl) : 0;
  weigh(L, h, s, e, m, excl, nxH, wH, accH);
  const goodG = accG[1];
  const goodH = accH[1];
  out[2] = ng * nh - goodG * goodH;
  if (goodG === 0 || goodH === 0) {
    out[0] = 0;
    out[1] = 0;
    return true;
  }
  const len = e - s + 1;
  let dot = 0;
  if (ng * nh <= ng + nh + 1) {
    // Few pairs (e.g. two single events): their dot products directly cost less than
    // building two column sums.
    for (let i = 0; i < ng; i++) {
      const wi = wG[i];
      if (wi === 0) continue;
      const bx = L.x0[L.row0[g] + i] + (s - gLo);
      for (let j = 0; j < nh; j++) {
        const wj = wH[j];
        if (wj === 0) continue;
        const by = L.x0[L.row0[h] + j] + (s - L.lo[h]);
        let d = 0;
        for (let t = 0; t < len; t++) d += X[bx + t] * X[by + t];
        dot += wi * wj * d;
      }
    }
  } else {
    columnSum(L, g, wG, s, e, U);
    columnSum(L, h, wH, s, e, V);
    for (let t = 0; t < len; t++) dot += U[t] * V[t];
  }
  out[0] = dot - m * accG[0] * accH[0];
  out[1] = goodG * goodH;
  return true;
}

/** r-bar from the RBAR_CHUNKS chunks' partial sums, added in chunk order. */
export function combineRbar(n: number, shortPairs: 'exclude' | 'zero', partials: readonly RbarPartial[]): RbarInfo {
  let sum = 0;
  let used = 0;
  let degenerate = 0;
  let samePairs: number | undefined;
  for (const p of partials) {
    sum += p.sum;
    used += p.used;
    degenerate += p.degenerate;
    if (p.samePairs !== undefined) samePairs = (samePairs ?? 0) + p.samePairs;
  }
  return finishRbar(sum, used, degenerate, n, shortPairs, samePairs);
}

/** The first index in holes[lo .. hi) whose value is >= t (hi when none). */
function lowerBound(holes: Int32Array, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holes[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
