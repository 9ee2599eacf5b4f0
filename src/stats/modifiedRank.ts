/**
 * Campbell & Wasley (1993) modified rank test (handles missing returns).
 *
 * Campbell, C.J. & Wasley, C.E. (1993), "Measuring security price performance using daily NASDAQ
 * returns", J. Financial Economics 33:73-92, section 3.2 (after Corrado & Zivney 1992):
 * ranks are divided by the number of each event's non-missing returns plus one, so events with
 * different amounts of data contribute uniform scores on (0, 1):
 *   U_i,t = K_i,t / (M_i + 1),   K_i,t the rank of AR_i,t over the combined estimation + event window
 *   Ubar_t = 1/sqrt(N_t) sum_i (U_i,t - 1/2)
 *   S_U^2  = 1/T sum_t Ubar_t^2
 *   Day tau:  Z = Ubar_tau / S_U
 *   Window:   Z = sum_{t=a..b} Ubar_t / (sqrt(L2) S_U)
 * Standard normal.
 *
 * estudy2 (`modified_rank_test`), convention 'estudy2' — differences: S_U divides by
 * mean_i M_i (`mean(delta_full)`) instead of T; each day's sum is mean * n (n = all events,
 * `rowMeans(...) * ncol(...)`) instead of the sum over the N_t events with data; it ranks over the
 * estimation window plus the tested event window (see rank.ts). It has no window version.
 */
import { onDay, onWindow, type SectionTest } from './sectionTest.js';
import { columnScoreTest } from './rankCommon.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';

export const modifiedRankSection: SectionTest = (ctx, cs, opts) =>
  columnScoreTest(ctx, cs, ctx.ranks().colU, 'sqrt', 'scaled ranks', opts.convention === 'estudy2');

export function modifiedRankDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(modifiedRankSection, panel, day, opts);
}

export function modifiedRankWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(modifiedRankSection, panel, a, b, opts);
}
