/**
 * Cowan (1992) generalized sign test.
 *
 * Cowan, A.R. (1992), "Nonparametric event study tests", Review of Quantitative Finance and
 * Accounting 2:343-358, eqs. (1)-(2); EventStudyTools "Generalized Sign Z". The share of positive
 * abnormal returns is compared with the share expected from the estimation window, p-hat:
 *   p-hat = 1/N sum_i (1/L_i) sum_{t in est} 1[AR_i,t > 0]           (default, Cowan eq. 1)
 *   Z = (w - N p-hat) / sqrt(N p-hat (1 - p-hat))
 * with w the number of positive ARs on the day (or positive CARs over the window).
 * Default ("paper") convention, where issue 12 §3 found the textbook form over-rejecting:
 *   - a window of L days takes p-hat from L-day sums of estimation residuals (phat.ts): a CAR is
 *     positive as often as an L-day sum is, not as a single day is (Cowan reuses the daily p-hat);
 *   - the p-value is the exact two-sided binomial one, Bin(N, p-hat), at any N (the normal
 *     approximation gave 0.037 where the exact p is 0.095 at N = 6); Z stays the statistic;
 *   - when even N positives (or none) could not reach p <= 0.05, the note says the test cannot
 *     reject at this N.
 *
 * estudy2 (`generalized_sign_test`), convention 'estudy2' — difference: p-hat is the POOLED share
 * of positive residuals over all events' estimation windows (each event weighted by its number of
 * residuals) instead of the mean of the per-event shares; identical with equal L_i. The daily
 * p-hat serves every window and the p-value is the normal one, as in estudy2.
 */
import { describe, onDay, onWindow, type SectionTest } from './sectionTest.js';
import { pNormal2 } from './pvalue.js';
import { binomialTwoSidedP } from './sign.js';
import { binomialMinP, cannotRejectNote } from './cannotReject.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, fmt, ok } from './util.js';

export const generalizedSignSection: SectionTest = (ctx, cs, opts) => {
  const N = cs.x.length;
  if (N < 2) return fail(`N = ${N} events on ${describe(cs)}; at least 2 are needed`);
  const estudy2 = opts.convention === 'estudy2';
  const { phat, note } = ctx.phat(cs.len);
  if (!(phat > 0 && phat < 1)) return fail(`estimation-window share of positive residuals is ${fmt(phat)}; must lie strictly between 0 and 1`);
  let w = 0;
  for (const v of cs.x) if (v > 0) w++;
  const z = (w - N * phat) / Math.sqrt(N * phat * (1 - phat));
  if (estudy2) return ok(z, pNormal2(z), { n: N, note: `${w} of ${N} positive; ${note}` });
  const limit = cannotRejectNote(binomialMinP(N, phat));
  return ok(z, binomialTwoSidedP(w, N, phat), { n: N, note: `${w} of ${N} positive; ${note}; exact binomial p${limit ? `; ${limit}` : ''}` });
};

export function generalizedSignDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(generalizedSignSection, panel, day, opts);
}

export function generalizedSignWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(generalizedSignSection, panel, a, b, opts);
}
