/**
 * Skewness-adjusted t test (Hall 1992 transformation).
 *
 * Hall, P. (1992), "On the removal of skewness by transformation", J. Royal Statistical Society B
 * 54(1):221-228; applied to abnormal returns by Lyon, Barber & Tsai (1999, J. Finance 54:165-201,
 * eq. 5) and EventStudyTools ("Skewness Corrected T"). With the cross-sectional values x_i (ARs on
 * the day, CARs over the window), mean m and sd s (N - 1 divisor):
 *   S     = m / s
 *   gamma = N / ((N - 1)(N - 2)) sum_i (x_i - m)^3 / s^3          (sample skewness)
 *   t_skew = sqrt(N) ( S + gamma S^2 / 3 + gamma^2 S^3 / 27 + gamma / (6 N) )
 * (the gamma^2 S^3 / 27 term is Hall's, which makes the transformation monotone). Needs N >= 3.
 * Reference distribution: Student t with N - 1 df, as for the cross-sectional t it corrects
 * (asymptotically N(0, 1)).
 *
 * estudy2 has no skewness-adjusted test.
 */
import { describe, onDay, onWindow, type SectionTest } from './sectionTest.js';
import { pStudent2 } from './pvalue.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, isZeroSpread, maxAbs, mean, ok, sd } from './util.js';

export const skewAdjTSection: SectionTest = (_ctx, cs) => {
  const x = cs.x;
  const N = x.length;
  const what = cs.kind === 'day' ? 'ARs' : 'CARs';
  if (N < 3) return fail(`N = ${N} ${what} on ${describe(cs)}; at least 3 are needed for the skewness`);
  const m = mean(x);
  const s = sd(x);
  if (isZeroSpread(s, maxAbs(x))) return fail(`zero cross-sectional variance of ${what} on ${describe(cs)} (N = ${N})`);
  let m3 = 0;
  for (let k = 0; k < N; k++) m3 += ((x[k] - m) / s) ** 3;
  const gamma = (N / ((N - 1) * (N - 2))) * m3;
  const S = m / s;
  const t = Math.sqrt(N) * (S + (gamma * S * S) / 3 + (gamma * gamma * S * S * S) / 27 + gamma / (6 * N));
  return ok(t, pStudent2(t, N - 1), { n: N, df: N - 1, note: `skewness ${gamma.toPrecision(4)}` });
};

export function skewAdjTDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(skewAdjTSection, panel, day, opts);
}

export function skewAdjTWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(skewAdjTSection, panel, a, b, opts);
}
