/**
 * Brown & Warner "crude dependence adjustment" t (key `bw1985`, after estudy2's name).
 *
 * Naming: the adjustment is already the 1980 paper's (appendix A: the AAR over the time-series sd
 * of the estimation-period AAR); the 1985 paper keeps it for daily data. report.md labels the test
 * by what it computes ("crude dependence adj."), estudy2's "BW 1985" beside it.
 *
 * Brown, S.J. & Warner, J.B. (1985), "Using daily stock returns: the case of event studies",
 * J. Financial Economics 14:3-31, section 4 / appendix: the AAR is compared with the time-series
 * standard deviation of the AAR over the estimation window, which captures cross-sectional
 * correlation of the residuals (hence "crude dependence adjustment"):
 *   S^2 = 1/(T-1) sum_{t in est} (AAR_t - mean AAR)^2,  AAR_t = mean of the residuals at offset t
 *   Day tau:   t = AAR_tau / S
 *   Window:    t = CAAR / (sqrt(L2) * S)             (no autocorrelation adjustment)
 * Student t with T - 1 df (T = estimation days with at least one residual).
 * The estimation AAR series is formed in EVENT time (offset), as in Brown & Warner.
 *
 * estudy2 (`brown_warner_1985`, `car_brown_warner_1985`), convention 'estudy2' — differences:
 *   1. estudy2 forms the estimation AAR series in CALENDAR time (rows of the merged zoo matrix);
 *      identical to ours when all events share day 0 (its use case) — not an option here;
 *   2. critical values from t with mean(L_i) - 1 df (we: T - 1);
 *   3. the CAR version is sum over the window's days of the DAILY statistics / sqrt(days), i.e.
 *      sum_t AAR_t / (sqrt(L2') S) with each AAR_t over the events available that day, using only
 *      the days where more than 90% of the events have an AR (L2' of them); normal critical values.
 *      Ours: CAAR over the events with a complete window. Identical without missing data.
 */
import { describe, estudy2CarDays, onDay, onWindow, type SectionTest } from './sectionTest.js';
import { pNormal2, pStudent2 } from './pvalue.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, ok } from './util.js';

export const bw1985Section: SectionTest = (ctx, cs, opts) => {
  const est = ctx.estAAR();
  if (est.T < 3) return fail(`only ${est.T} estimation days with residuals; at least 3 are needed`);
  if (!(est.sd > 0)) return fail('zero variance of the estimation-window AAR series');
  const N = cs.x.length;
  const estudy2 = opts.convention === 'estudy2';
  let sumL = 0;
  for (let i = 0; i < ctx.n; i++) sumL += ctx.panel.nObs[i];
  const dfE2 = sumL / Math.max(1, ctx.n) - 1;
  if (estudy2 && cs.kind === 'window') {
    const days = estudy2CarDays(ctx, cs);
    if (days.length === 0) return fail(`no day of ${describe(cs)} has more than 90% of the events (estudy2 rule)`);
    let s = 0;
    for (const t of days) s += cs.dayAAR[t];
    const stat = s / (Math.sqrt(days.length) * est.sd);
    return ok(stat, pNormal2(stat), { n: N, note: `estudy2 CAR form over ${days.length} day(s)` });
  }
  if (N < 2) return fail(`N = ${N} events on ${describe(cs)}; at least 2 are needed`);
  let m = 0;
  for (let k = 0; k < N; k++) m += cs.x[k];
  m /= N;
  const stat = m / (Math.sqrt(cs.len) * est.sd);
  const df = estudy2 ? dfE2 : est.T - 1;
  return ok(stat, pStudent2(stat, df), { n: N, df });
};

export function bw1985Day(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(bw1985Section, panel, day, opts);
}

export function bw1985Window(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(bw1985Section, panel, a, b, opts);
}
