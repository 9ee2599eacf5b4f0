/**
 * Sign test (binomial test of the share of positive abnormal returns against 1/2).
 *
 * Brown & Warner (1980) section 4.1 / (1985) section 3; the large-sample form is in Cowan (1992)
 * and EventStudyTools ("Sign Z"):  Z = (w - N/2) / sqrt(N/4),  w = number of positive ARs (day)
 * or CARs (window) among N. We report Z as the statistic but the p-value is the EXACT two-sided
 * binomial one, p = min(1, 2 min(P(X <= w), P(X >= w))), X ~ Bin(N, 1/2), valid for any N.
 * Exact zeros carry no sign and are dropped from N (default).
 *
 * estudy2 (`sign_test`), convention 'estudy2': the same Z, but a zero AR counts as "not positive"
 * (its indicator is AR > 0 over all N non-missing ARs); estudy2 itself judges Z with normal
 * critical values (we keep the exact p).
 */
import { binomialMinP, cannotRejectNote } from './cannotReject.js';
import { describe, onDay, onWindow, type SectionTest } from './sectionTest.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, ok } from './util.js';

/** Exact two-sided binomial p-value for w successes in N trials with success probability p0. */
export function binomialTwoSidedP(w: number, N: number, p0 = 0.5): number {
  if (!(N >= 0) || w < 0 || w > N) return NaN;
  if (N === 0) return 1;
  const lp = Math.log(p0);
  const lq = Math.log1p(-p0);
  // log pmf by the recurrence pmf(k) = pmf(k-1) * (N-k+1)/k * p/q.
  const logpmf = new Float64Array(N + 1);
  logpmf[0] = N * lq;
  for (let k = 1; k <= N; k++) logpmf[k] = logpmf[k - 1] + Math.log((N - k + 1) / k) + lp - lq;
  let lower = 0;
  for (let k = 0; k <= w; k++) lower += Math.exp(logpmf[k]);
  let upper = 0;
  for (let k = w; k <= N; k++) upper += Math.exp(logpmf[k]);
  return Math.min(1, 2 * Math.min(lower, upper));
}

export const signSection: SectionTest = (_ctx, cs, opts) => {
  const estudy2 = opts.convention === 'estudy2';
  let w = 0;
  let N = 0;
  let zeros = 0;
  for (const v of cs.x) {
    if (v > 0) w++;
    if (v === 0) zeros++;
    if (v !== 0 || estudy2) N++;
  }
  const what = cs.kind === 'day' ? 'ARs' : 'CARs';
  if (N < 2) return fail(`N = ${N} non-zero ${what} on ${describe(cs)}; at least 2 are needed`);
  const z = (w - N / 2) / Math.sqrt(N / 4);
  const limit = cannotRejectNote(binomialMinP(N, 0.5));
  const note =
    `${w} of ${N} positive; exact binomial p` +
    (zeros > 0 ? (estudy2 ? `; ${zeros} zero(s) counted as not positive` : `; ${zeros} zero(s) dropped`) : '') +
    (limit ? `; ${limit}` : '');
  return ok(z, binomialTwoSidedP(w, N), { n: N, note });
};

export function signDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(signSection, panel, day, opts);
}

export function signWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(signSection, panel, a, b, opts);
}
