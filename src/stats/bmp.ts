/**
 * Boehmer, Musumeci & Poulsen (1991) standardized cross-sectional test ("StdCSect T", "BMP").
 *
 * Boehmer, E., Musumeci, J. & Poulsen, A.B. (1991), "Event-study methodology under conditions of
 * event-induced variance", J. Financial Economics 30(2):253-272, eq. (7): a cross-sectional t
 * test on Patell's standardized abnormal returns, robust to event-induced variance:
 *   Day tau:  t = mean_i SAR_i,tau / ( S_SAR / sqrt(N) ),  S_SAR^2 = 1/(N-1) sum (SAR_i - mean SAR)^2
 *   Window:   the same on SCAR_i = CAR_i / sqrt(Var(CAR_i)) (EventPanel.windowVariance, which includes
 *             the estimation error; BMP eq. (8) with the Mikkelson-Partch CAR variance)
 * Student t with N - 1 df. SARs carry the prediction-error correction (see patell.ts).
 *
 * estudy2 (`boehmer`, column "bh"): identical per day, with its SAR built from sd() of the residuals
 * (divisor L - 1: varianceConvention 'L-1' rescales each event's SAR by sqrt((L-1)/df)); it has no
 * window version.
 */
import { finiteZ } from './context.js';
import { describe, onDay, onWindow, type SectionTest } from './sectionTest.js';
import { pStudent2 } from './pvalue.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, ok, oneSampleT } from './util.js';

/** BMP's t on the finite standardized values of a cross-section. */
export function bmpCore(cs: Parameters<SectionTest>[1]): { t: number; n: number; note?: string } | { reason: string } {
  const { z } = finiteZ(cs);
  const r = oneSampleT(z, `${cs.kind === 'day' ? 'standardized ARs' : 'standardized CARs'} on ${describe(cs)}`);
  if ('reason' in r) return r;
  const missing = cs.x.length - z.length;
  return { t: r.t, n: r.n, note: missing > 0 ? `${missing} event(s) without a standardized value` : undefined };
}

export const bmpSection: SectionTest = (_ctx, cs) => {
  const r = bmpCore(cs);
  if ('reason' in r) return fail(r.reason);
  return ok(r.t, pStudent2(r.t, r.n - 1), { n: r.n, df: r.n - 1, note: r.note });
};

export function bmpDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(bmpSection, panel, day, opts);
}

export function bmpWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(bmpSection, panel, a, b, opts);
}
