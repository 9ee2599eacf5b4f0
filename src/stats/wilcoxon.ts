/**
 * Wilcoxon (1945) signed rank test of the abnormal returns (day) or CARs (window) against zero.
 *
 * Wilcoxon, F. (1945), "Individual comparisons by ranking methods", Biometrics Bulletin 1(6):80-83;
 * Lehmann (1975) ch. 3 / Hollander & Wolfe (1973) ch. 3 for ties; used in event studies e.g. by
 * Kolari & Pynnönen (2010). Zeros are dropped; |x| are ranked with average ranks for ties;
 *   W+ = sum of the ranks of the positive values,  E[W+] = n(n+1)/4,
 *   Var[W+] = n(n+1)(2n+1)/24 - sum_ties (t^3 - t)/48.
 * Statistic (default): z = (W+ - E[W+]) / sqrt(Var[W+]) (no continuity correction).
 * p-value: with fewer than `wilcoxonExactBelow` (30) non-zero values, the EXACT two-sided p of the
 * permutation distribution of W+ given the (mid)ranks, p = min(1, 2 min(P(W+ <= w), P(W+ >= w))),
 * by dynamic programming over the 2^n equally likely sign patterns (doubled ranks are integers, so
 * ties are exact too); otherwise the normal approximation with the tie-corrected variance.
 *
 * estudy2 (`wilcoxon_test`), convention 'estudy2' — difference: the reported statistic is W+ itself
 * (its "wlcx_stat"), not the standardized z; the p-value is computed the same way.
 */
import { describe, onDay, onWindow, type SectionTest } from './sectionTest.js';
import { pNormal2 } from './pvalue.js';
import { cannotRejectNote } from './cannotReject.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, midranks, ok } from './util.js';

/**
 * Exact two-sided p-value of the signed-rank statistic: `ranks2` are the DOUBLED (integer) ranks of
 * the |x|, `w2` the doubled observed W+.
 */
export function signedRankExactP(ranks2: ArrayLike<number>, w2: number): number {
  let total = 0;
  for (let k = 0; k < ranks2.length; k++) total += ranks2[k];
  // counts[s] = number of sign patterns with doubled positive-rank sum s, scaled by 1/2 per step
  // (probabilities), to keep magnitudes bounded for any n.
  let dist = new Float64Array(total + 1);
  dist[0] = 1;
  let reach = 0;
  for (let k = 0; k < ranks2.length; k++) {
    const r = ranks2[k];
    const next = new Float64Array(total + 1);
    for (let s = 0; s <= reach; s++) {
      const v = dist[s];
      if (v === 0) continue;
      next[s] += 0.5 * v;
      next[s + r] += 0.5 * v;
    }
    reach += r;
    dist = next;
  }
  let lower = 0;
  let upper = 0;
  for (let s = 0; s <= total; s++) {
    if (s <= w2) lower += dist[s];
    if (s >= w2) upper += dist[s];
  }
  return Math.min(1, 2 * Math.min(lower, upper));
}

export interface WilcoxonDetail {
  wPlus: number;
  n: number;
  z: number;
  p: number;
  exact: boolean;
}

/** Wilcoxon signed rank on a sample (zeros dropped). Null when fewer than 1 non-zero value. */
export function wilcoxonSignedRank(x: ArrayLike<number>, exactBelow = 30): WilcoxonDetail | null {
  const nz: number[] = [];
  for (let k = 0; k < x.length; k++) if (Number.isFinite(x[k]) && x[k] !== 0) nz.push(x[k]);
  const n = nz.length;
  if (n === 0) return null;
  const { ranks, tieSum } = midranks(nz.map(Math.abs));
  let wPlus = 0;
  for (let k = 0; k < n; k++) if (nz[k] > 0) wPlus += ranks[k];
  const mu = (n * (n + 1)) / 4;
  const v = (n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48;
  const z = v > 0 ? (wPlus - mu) / Math.sqrt(v) : 0;
  if (n < exactBelow && n <= 1000) {
    const r2 = Array.from(ranks, (r) => Math.round(2 * r));
    return { wPlus, n, z, p: signedRankExactP(r2, Math.round(2 * wPlus)), exact: true };
  }
  return { wPlus, n, z, p: pNormal2(z), exact: false };
}

export const wilcoxonSection: SectionTest = (_ctx, cs, opts) => {
  const d = wilcoxonSignedRank(cs.x, opts.wilcoxonExactBelow);
  const what = cs.kind === 'day' ? 'ARs' : 'CARs';
  if (!d || d.n < 2) return fail(`N = ${d ? d.n : 0} non-zero ${what} on ${describe(cs)}; at least 2 are needed`);
  const zeros = cs.x.length - d.n;
  // Exact: the most extreme sign pattern (all one sign) has probability 2^-n.
  const limit = d.exact ? cannotRejectNote(2 * 0.5 ** d.n) : undefined;
  const note =
    `W+ = ${d.wPlus}, n = ${d.n}, z = ${d.z.toPrecision(6)}; ${d.exact ? 'exact' : 'normal approximation (tie-corrected)'} p` +
    (zeros > 0 ? `; ${zeros} zero(s) dropped` : '') +
    (limit ? `; ${limit}` : '');
  const stat = opts.convention === 'estudy2' ? d.wPlus : d.z;
  return ok(stat, d.p, { n: d.n, note });
};

export function wilcoxonDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(wilcoxonSection, panel, day, opts);
}

export function wilcoxonWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(wilcoxonSection, panel, a, b, opts);
}
