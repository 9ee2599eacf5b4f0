/**
 * Lamb (1995) test (an extra: not in TEST_NAMES; `includeExtras`). Reproduces estudy2's `lamb` and
 * `car_lamb`.
 *
 * Lamb, R.P. (1995), "An exposure-based analysis of property-liability insurer stock values around
 * Hurricane Andrew", J. Risk and Insurance 62(1):111-123: the Brown-Warner (1985) portfolio test with
 * the variance of the AAR inflated by the market-model prediction-error factor of the portfolio:
 *   S_AAR = sd of the estimation-window AAR series (as in brownWarner1985.ts)
 *   Day tau:  Z = AAR_tau / ( S_AAR sqrt(F_tau) )
 *   default:  F_tau = mean over the day's events of C_i,tau (EventPanel.evC, each event's own
 *             1 + x0'(X'X)^-1 x0); for a common market and estimation sample this is the portfolio's
 *             1 + 1/L + (Rm_tau - mean Rm)^2 / sum (Rm - mean Rm)^2.
 *   Window:   Z = CAAR / ( S_AAR sqrt(G) ),  G = mean_i Var(CAR_i) / sigma_i^2 (windowVariance).
 * Standard normal.
 *
 * estudy2, convention 'estudy2' — differences:
 *   1. F_tau = 1 + 1/mean_i(L_i) + (Rm_tau - mean Rm)^2 / sum (Rm - mean Rm)^2 with the market
 *      moments over all index days of the estimation period; from the panel this is
 *      mean_i (C_i,tau - 1/L_i) + 1/mean_i(L_i) over ALL events, exact when the panel's C carries
 *      the same market term for every event (estudy2's setting: one regressor for all);
 *   2. the CAR version (`car_lamb`) is sum over the window's days of the daily statistics divided by
 *      sqrt(days), over the days where more than 90% of the events have an AR.
 */
import { type CrossSection, type StatsContext } from './context.js';
import { describe, estudy2CarDays, onDay, onWindow, type SectionTest } from './sectionTest.js';
import { pNormal2 } from './pvalue.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, ok } from './util.js';

/** estudy2's Lamb factor for an event-window offset (see the file comment). */
function estudy2Factor(ctx: StatsContext, day: number): number {
  const w = ctx.col(day);
  let s = 0;
  let c = 0;
  let sumL = 0;
  for (let i = 0; i < ctx.n; i++) {
    sumL += ctx.panel.nObs[i];
    const v = ctx.panel.evC[i * ctx.W + w];
    if (Number.isFinite(v)) {
      s += v - 1 / ctx.panel.nObs[i];
      c++;
    }
  }
  return c > 0 ? s / c + 1 / (sumL / ctx.n) : NaN;
}

function dailyEstudy2(ctx: StatsContext, aar: number, day: number, sd: number): number {
  return aar / (sd * Math.sqrt(estudy2Factor(ctx, day)));
}

export const lambSection: SectionTest = (ctx, cs: CrossSection, opts) => {
  const est = ctx.estAAR();
  if (est.T < 3) return fail(`only ${est.T} estimation days with residuals; at least 3 are needed`);
  if (!(est.sd > 0)) return fail('zero variance of the estimation-window AAR series');
  const N = cs.x.length;
  const estudy2 = opts.convention === 'estudy2';
  if (estudy2 && cs.kind === 'window') {
    const days = estudy2CarDays(ctx, cs);
    if (days.length === 0) return fail(`no day of ${describe(cs)} has more than 90% of the events (estudy2 rule)`);
    let s = 0;
    for (const t of days) s += dailyEstudy2(ctx, cs.dayAAR[t], cs.a + t, est.sd);
    const z = s / Math.sqrt(days.length);
    return ok(z, pNormal2(z), { n: N, note: `estudy2 CAR form over ${days.length} day(s)` });
  }
  if (N < 2) return fail(`N = ${N} events on ${describe(cs)}; at least 2 are needed`);
  let m = 0;
  for (const v of cs.x) m += v;
  m /= N;
  let F: number;
  if (cs.kind === 'day') {
    if (estudy2) F = estudy2Factor(ctx, cs.a);
    else {
      const w = ctx.col(cs.a);
      let s = 0;
      let c = 0;
      for (const i of cs.rows) {
        const v = ctx.panel.evC[i * ctx.W + w];
        if (Number.isFinite(v)) {
          s += v;
          c++;
        }
      }
      F = c > 0 ? s / c : NaN;
    }
  } else {
    let s = 0;
    let c = 0;
    for (const i of cs.rows) {
      const v = ctx.panel.windowVariance(i, cs.a, cs.b) / (ctx.panel.sigma[i] * ctx.panel.sigma[i]);
      if (Number.isFinite(v)) {
        s += v;
        c++;
      }
    }
    F = c > 0 ? s / c : NaN;
  }
  if (!(F > 0)) return fail(`no prediction-error factor available on ${describe(cs)}`);
  const z = m / (est.sd * Math.sqrt(F));
  return ok(z, pNormal2(z), { n: N });
};

export function lambDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(lambSection, panel, day, opts);
}

export function lambWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(lambSection, panel, a, b, opts);
}
