/**
 * Brown & Warner t assuming cross-sectional independence (key `bw1980`, after estudy2's name).
 *
 * Naming: both Brown & Warner papers define this t and the crude-dependence-adjusted one
 * (brownWarner1985.ts), the 1980 paper in its appendix A, the 1985 paper in sections 3 and 5; the
 * years as test names are estudy2's. report.md labels it by what it computes ("independence").
 *
 * Brown, S.J. & Warner, J.B. (1980), "Measuring security price performance", J. Financial
 * Economics 8:205-258, appendix A.2 (the "crude dependence"-free version): the AAR is divided by
 * the standard deviation of an average of N independent residuals, each with its own estimation-
 * window variance sigma_i^2 (EventStudyTools / estudy2 form):
 *   Day tau:   t = AAR_tau / ( sqrt(sum_i sigma_i^2) / N )
 *   Window:    t = CAAR    / ( sqrt(L2 * sum_i sigma_i^2) / N ),   L2 = b - a + 1
 * (Var(CAR_i) = L2 sigma_i^2 ignoring estimation error and autocorrelation.)
 * sigma_i is the model's residual standard deviation: SSR / df_i by default ('model-df'),
 * SSR / (L_i - 1) with varianceConvention 'L-1'. Reference distribution: Student t with the mean
 * residual df of the events (default).
 *
 * estudy2 (`brown_warner_1980`), convention 'estudy2' — differences from our default:
 *   1. the sum of variances and the divisor N run over ALL events of the panel (`ncol`), even those
 *      without an AR on the day; we use only the events in the cross-section;
 *   2. sigma_i^2 is `colVars` of the estimation residuals (divisor L_i - 1: use varianceConvention
 *      'L-1', which 'estudy2' selects by default);
 *   3. critical values from t with mean(L_i) - 1 df (we: mean(df_i)).
 * estudy2 has no window version; under 'estudy2' the window uses the same all-events sums.
 */
import { describe, onDay, onWindow, type SectionTest } from './sectionTest.js';
import { pStudent2 } from './pvalue.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, ok } from './util.js';

export const bw1980Section: SectionTest = (ctx, cs, opts) => {
  const N = cs.x.length;
  if (N < 2) return fail(`N = ${N} events on ${describe(cs)}; at least 2 are needed`);
  const estudy2 = opts.convention === 'estudy2';
  const idx = estudy2 ? Int32Array.from({ length: ctx.n }, (_, i) => i) : cs.rows;
  let sumVar = 0;
  let sumDf = 0;
  let sumL = 0;
  for (const i of idx) {
    const s2 = ctx.sigmaC[i] * ctx.sigmaC[i];
    if (!Number.isFinite(s2)) return fail(`event ${i} has no residual standard deviation`);
    sumVar += s2;
    sumDf += ctx.panel.df[i];
    sumL += ctx.panel.nObs[i];
  }
  const denomN = idx.length;
  const sdAvg = Math.sqrt(cs.len * sumVar) / denomN;
  if (!(sdAvg > 0)) return fail('zero estimation-window variance of the residuals');
  let m = 0;
  for (let k = 0; k < N; k++) m += cs.x[k];
  m /= N;
  const t = m / sdAvg;
  const df = estudy2 ? sumL / denomN - 1 : sumDf / denomN;
  return ok(t, pStudent2(t, df), { n: N, df });
};

export function bw1980Day(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(bw1980Section, panel, day, opts);
}

export function bw1980Window(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(bw1980Section, panel, a, b, opts);
}
