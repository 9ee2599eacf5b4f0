/**
 * Corrado & Zivney (1992) sign test (an extra: not in TEST_NAMES; `includeExtras`).
 *
 * Corrado, C.J. & Zivney, T.L. (1992), "The specification and power of the sign test in event study
 * hypothesis tests using daily stock returns", J. Financial and Quantitative Analysis 27(3):465-478:
 *   G_i,t = sign(AR_i,t - median_i), median over the combined estimation + event window
 *   Gbar_t = 1/sqrt(N_t) sum_i G_i,t,   S_G^2 = 1/T sum_t Gbar_t^2
 *   Day tau:  Z = Gbar_tau / S_G;   Window: Z = sum_{t=a..b} Gbar_t / (sqrt(L2) S_G)
 * Standard normal.
 *
 * estudy2 (`corrado_sign_test`, column "csign"), convention 'estudy2' — differences:
 *   1. S_G divides by mean_i M_i (`mean(delta_full)`) instead of T;
 *   2. its column sums are mean * n (`rowMeans(full_sign, na.rm = TRUE) * ncol(full_sign)`), i.e. on
 *      days where only N_t < n events have data the sum is inflated by n / N_t (ZM and UBER before
 *      their IPOs in the golden example); we use the plain sum. Identical without missing data.
 * It has no window version.
 */
import { onDay, onWindow, type SectionTest } from './sectionTest.js';
import { columnScoreTest } from './rankCommon.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';

export const corradoSignSection: SectionTest = (ctx, cs, opts) =>
  columnScoreTest(ctx, cs, ctx.ranks().colG, 'sqrt', 'signs about the median', opts.convention === 'estudy2');

export function corradoSignDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(corradoSignSection, panel, day, opts);
}

export function corradoSignWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(corradoSignSection, panel, a, b, opts);
}
