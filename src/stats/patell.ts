/**
 * Patell (1976) standardized residual test, with each event's own degrees of freedom.
 *
 * Patell, J.M. (1976), "Corporate forecasts of earnings per share and stock price behavior:
 * empirical tests", J. Accounting Research 14(2):246-276, eqs. (9)-(11); Campbell, Lo & MacKinlay
 * (1997) eq. (4.4.22)-(4.4.24) for the window; EventStudyTools "Patell Z".
 *   SAR_i,tau = AR_i,tau / (sigma_i sqrt(C_i,tau)),  C = 1 + x0'(X'X)^-1 x0  (prediction-error
 *   correction; for the market model 1 + 1/L + (Rm_tau - mean Rm)^2 / sum (Rm - mean Rm)^2)
 *   Under H0, SAR_i ~ t(df_i), df_i = L_i - k_i, with variance df_i / (df_i - 2); hence
 *   Day tau:  Z = sum_i SAR_i,tau / sqrt( sum_i df_i / (df_i - 2) )
 *   Window:   Z = sum_i SCAR_i / sqrt( sum_i df_i / (df_i - 2) ),
 *             SCAR_i = CAR_i / sqrt(Var(CAR_i)),  Var(CAR_i) = sigma_i^2 g'(I + X*(X'X)^-1 X*')g
 *             (EventPanel.windowVariance: the CAR variance including estimation error, CLM 4.4.6 ff).
 * Standard normal. Events with df_i <= 2 (variance undefined) or no SAR are left out and counted.
 *
 * estudy2 (`patell`), convention 'estudy2' — differences from our default:
 *   1. SAR uses sd() of the estimation residuals (divisor L - 1: varianceConvention 'L-1');
 *   2. the numerator is mean(available SARs) * (number of ALL events) and the denominator sums
 *      (L_i - 2)/(L_i - 4) over ALL events (ours: the events with a SAR on the day; identical
 *      without missing data; its df is L - 2 because it only runs for the market model);
 *   3. its prediction-error factor takes mean Rm and sum (Rm - mean)^2 over ALL index days of the
 *      estimation period, also the days the stock did not trade — that is a property of how the
 *      panel's SARs are built, reproduced in tests/golden/estudy2.test.ts, not of this test.
 * estudy2 has no window version of Patell.
 */
import { finiteZ } from './context.js';
import { describe, onDay, onWindow, type SectionTest } from './sectionTest.js';
import { pNormal2 } from './pvalue.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, ok } from './util.js';

/** Patell's Z (also used by the Kolari-Pynnönen adjustment): the statistic and its N. */
export function patellCore(
  ctx: Parameters<SectionTest>[0],
  cs: Parameters<SectionTest>[1],
  opts: Parameters<SectionTest>[2],
): { z: number; n: number; note?: string } | { reason: string } {
  const { z, rows } = finiteZ(cs);
  const what = cs.kind === 'day' ? 'standardized ARs' : 'standardized CARs';
  if (opts.convention === 'estudy2') {
    if (z.length < 2) return { reason: `N = ${z.length} ${what} on ${describe(cs)}; at least 2 are needed` };
    let s = 0;
    for (const v of z) s += v;
    let den = 0;
    for (let i = 0; i < ctx.n; i++) {
      const L = ctx.panel.nObs[i];
      if (!(L > 4)) return { reason: `event ${i} has L = ${L} <= 4 estimation returns; (L-2)/(L-4) undefined` };
      den += (L - 2) / (L - 4);
    }
    return { z: ((s / z.length) * ctx.n) / Math.sqrt(den), n: z.length };
  }
  let s = 0;
  let den = 0;
  let used = 0;
  let dropped = 0;
  for (let k = 0; k < z.length; k++) {
    const df = ctx.dfC[rows[k]];
    if (!(df > 2)) {
      dropped++;
      continue;
    }
    s += z[k];
    den += df / (df - 2);
    used++;
  }
  if (used < 2) {
    return { reason: `N = ${used} ${what} with df > 2 on ${describe(cs)}; at least 2 are needed` };
  }
  const missing = cs.x.length - z.length;
  const parts: string[] = [];
  if (missing > 0) parts.push(`${missing} event(s) without a standardized value`);
  if (dropped > 0) parts.push(`${dropped} event(s) with df <= 2 left out`);
  return { z: s / Math.sqrt(den), n: used, note: parts.length ? parts.join('; ') : undefined };
}

export const patellSection: SectionTest = (ctx, cs, opts) => {
  const r = patellCore(ctx, cs, opts);
  if ('reason' in r) return fail(r.reason);
  return ok(r.z, pNormal2(r.z), { n: r.n, note: r.note });
};

export function patellDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(patellSection, panel, day, opts);
}

export function patellWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(patellSection, panel, a, b, opts);
}
