/**
 * Corrado (1989) rank test; Cowan (1992) / Campbell & Wasley (1993) multi-day form for windows.
 *
 * Corrado, C.J. (1989), "A nonparametric test for abnormal security-price performance in event
 * studies", J. Financial Economics 23:385-395, eqs. (2)-(4); EventStudyTools "Rank Z".
 * Each event's ARs over the combined estimation + event window (M_i non-missing values) are ranked
 * (average ranks for ties); K_i,t is the rank of AR_i,t, with expected value (M_i + 1)/2.
 *   Kbar_t = 1/N_t sum_i (K_i,t - (M_i + 1)/2)              (events with an AR on day t)
 *   S_K^2  = 1/T sum_t Kbar_t^2                             (all T days of the combined window)
 *   Day tau:   Z = Kbar_tau / S_K
 *   Window:    Z = sum_{t=a..b} Kbar_t / (sqrt(L2) S_K)     (Cowan 1992 eq. 6; Campbell-Wasley 1993)
 * Standard normal. Ranks are computed once over the WHOLE event window and reused for every day
 * and every window.
 *
 * estudy2 (`rank_test`, `car_rank_test`), convention 'estudy2' — differences:
 *   1. S_K divides by mean_i M_i (`mean(delta_full)`) instead of T, and each day's sum of rank
 *      deviations is formed as mean * n (`rowMeans(...) * ncol(...)`, n = all events), inflating
 *      the days where only N_t < n events have data by n / N_t (identical without missing data);
 *   2. it ranks over the estimation window plus [event_start, event_end] (or [car_start, car_end]
 *      for the CAR test), we over the estimation window plus the whole panel event window; identical
 *      when the event window is the window tested (as in its vignette and our golden test);
 *   3. CAR test: Z = sqrt(L2') (mean of all ranks in the window - mean_i (M_i + 1)/2) /
 *      sqrt( sum_t (mean_i K_i,t - mean_i (M_i + 1)/2)^2 / mean_i M_i ), where the deviations use
 *      the POOLED mean rank rather than each event's own (M_i + 1)/2 and only days with more than
 *      90% of events enter (L2' of them). Identical to ours when every M_i is equal.
 */
import { type CrossSection, type StatsContext } from './context.js';
import { describe, estudy2CarDays, onDay, onWindow, type SectionTest } from './sectionTest.js';
import { pNormal2 } from './pvalue.js';
import { columnScoreTest } from './rankCommon.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, ok } from './util.js';

function estudy2CarRank(ctx: StatsContext, cs: CrossSection): TestResult {
  const rk = ctx.ranks();
  const days = estudy2CarDays(ctx, cs);
  if (days.length === 0) return fail(`no day of ${describe(cs)} has more than 90% of the events (estudy2 rule)`);
  let sumK = 0;
  let cntK = 0;
  for (const t of days) {
    const c = ctx.E + ctx.col(cs.a + t);
    sumK += rk.colK[c];
    cntK += rk.colN[c];
  }
  let ss = 0;
  for (let c = 0; c < rk.C; c++) if (rk.colN[c] > 0) ss += (rk.colK[c] / rk.colN[c] - rk.meanAvgRank) ** 2;
  const den = Math.sqrt(ss / rk.meanM);
  if (!(den > 0)) return fail('zero variance of the mean ranks over the combined window');
  const stat = (Math.sqrt(days.length) * (sumK / cntK - rk.meanAvgRank)) / den;
  return ok(stat, pNormal2(stat), { n: cs.x.length, note: `estudy2 CAR rank form over ${days.length} day(s)` });
}

export const rankSection: SectionTest = (ctx, cs, opts) => {
  const estudy2 = opts.convention === 'estudy2';
  if (estudy2 && cs.kind === 'window') return estudy2CarRank(ctx, cs);
  return columnScoreTest(ctx, cs, ctx.ranks().colDev, 'mean', 'ranks', estudy2);
};

export function rankDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(rankSection, panel, day, opts);
}

export function rankWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(rankSection, panel, a, b, opts);
}
