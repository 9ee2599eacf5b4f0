/**
 * Cross-sectional t test ("Csect T").
 *
 * Brown & Warner (1985, J. Financial Economics 14:3-31), section 3 and Boehmer, Musumeci &
 * Poulsen (1991, JFE 30:253-272) eq. (4), the "cross-sectional" test; EventStudyTools "Csect T".
 *   Day tau:    t = AAR_tau / (S_tau / sqrt(N)),   S_tau^2 = 1/(N-1) sum_i (AR_i,tau - AAR_tau)^2
 *   Window:     t = CAAR / (S_CAR / sqrt(N))       on the events' CAR_i over [a, b]
 * Student t with N - 1 df. Robust to event-induced variance, assumes cross-sectional independence.
 *
 * estudy2 (`t_test`): identical per day (rowSds with the N - 1 divisor, times sqrt(N)); it has no
 * window version.
 */
import { describe, onDay, onWindow, type SectionTest } from './sectionTest.js';
import { pStudent2 } from './pvalue.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, ok, oneSampleT } from './util.js';

export const csectTSection: SectionTest = (_ctx, cs) => {
  const r = oneSampleT(cs.x, cs.kind === 'day' ? `ARs on ${describe(cs)}` : `CARs over ${describe(cs)}`);
  if ('reason' in r) return fail(r.reason);
  return ok(r.t, pStudent2(r.t, r.n - 1), { n: r.n, df: r.n - 1 });
};

export function csectTDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(csectTSection, panel, day, opts);
}

export function csectTWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(csectTSection, panel, a, b, opts);
}
