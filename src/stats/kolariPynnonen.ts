/**
 * Kolari & Pynnönen (2010) adjustment of the BMP and Patell tests for cross-sectional correlation.
 *
 * Kolari, J.W. & Pynnönen, S. (2010), "Event study testing with cross-sectional correlation of
 * abnormal returns", Review of Financial Studies 23(11):3996-4025, section 1.2, eqs. (8)-(12).
 * With an average pairwise correlation r-bar of the (standardized) abnormal returns,
 *   Var(sum_i SAR_i) = N (1 + (N - 1) r-bar), and the cross-sectional variance estimator of BMP is
 *   biased by the factor (1 - r-bar). Hence
 *   adjusted BMP:     t_adj = t_BMP    * sqrt( (1 - r-bar) / (1 + (N - 1) r-bar) )   (KP eq. 12)
 *   adjusted Patell:  Z_adj = Z_Patell * sqrt( 1 / (1 + (N - 1) r-bar) )
 * The Patell statistic's denominator is the sum of the KNOWN SAR variances (no cross-sectional
 * variance estimate, so no (1 - r-bar) bias to undo): only the variance-inflation factor applies,
 * as in EventStudyTools' "Adjusted Patell Z". Both for days and for windows (KP section 1.3 uses the
 * same factor for cumulated SARs).
 *
 * r-bar is the mean off-diagonal Pearson correlation of the events' estimation-window residuals,
 * paired on CALENDAR day (EventPanel.estDays) over the days both have a residual, diagonal excluded.
 * Pairs with fewer than `kpMinOverlap` (default 30) common days cannot be estimated; they are
 * counted as ZERO correlation by default (kpShortPairs 'zero') and reported in the note: with
 * estimation windows overlapping by < 30 days the two event days are months apart, so their
 * event-window ARs are uncorrelated, and r-bar remains the mean over ALL off-diagonal pairs, which is
 * what Var(sum SAR) = N (1 + (N-1) r-bar) needs. Excluding them instead (kpShortPairs 'exclude')
 * applies the mean of the few overlapping pairs to every pair; in our simulation of independent
 * events at random dates that made both adjusted tests reject 8.9% at the 5% level (4.7% with 'zero').
 * For a day, r-bar is computed once per panel (per group when the caller passes a group's sub-panel).
 * For a window it is the r-bar of the CARs actually summed (rbarWindow.ts: rho_ij scaled by the
 * calendar overlap of the two events' window days), since windows of events a few days apart share
 * calendar days and their CARs correlate even though their day-0 ARs do not. With kpWindowRbar
 * 'day' (the default under convention 'estudy2') the day-level r-bar is used for windows as before.
 * Reference distributions: t(N - 1) for the adjusted BMP, N(0, 1) for the adjusted Patell.
 *
 * estudy2 has neither test.
 */
import { bmpCore } from './bmp.js';
import { getContext, resolveOptions, type CrossSection, type StatsContext } from './context.js';
import { onDay, onWindow, type SectionTest } from './sectionTest.js';
import { patellCore } from './patell.js';
import { pNormal2, pStudent2 } from './pvalue.js';
import type { BatteryOptions, EventPanel, RbarInfo, TestResult } from './types.js';
import { fail, fmt, ok } from './util.js';

/** Kolari-Pynnönen r-bar of a panel (see the file comment). */
export function computeRbar(panel: EventPanel, opts: Partial<BatteryOptions> = {}): RbarInfo {
  const r = resolveOptions(opts);
  return getContext(panel, r).rbar();
}

type RbarOrReason = { rbar: number; note: string } | { reason: string };

function rbarOrReason(ctx: StatsContext, cs: CrossSection): RbarOrReason {
  return cs.kind === 'window' && ctx.opts.kpWindowRbar === 'overlap' ? windowRbarOrReason(ctx, cs) : dayRbarOrReason(ctx);
}

/** The panel's day-level r-bar (rbar.ts). */
function dayRbarOrReason(ctx: StatsContext): RbarOrReason {
  const info = ctx.rbar();
  if (info.rbar === null) {
    return {
      reason:
        `no pair of events with at least ${ctx.opts.kpMinOverlap} common estimation days ` +
        `(${info.pairsShort} short, ${info.pairsDegenerate} degenerate of ${info.pairsTotal} pairs); r-bar undefined`,
    };
  }
  const parts = [`r-bar ${fmt(info.rbar)} from ${info.pairsUsed} of ${info.pairsTotal} pairs`];
  if (info.pairsShort > 0) {
    parts.push(
      `${info.pairsShort} pair(s) with < ${ctx.opts.kpMinOverlap} common days ${ctx.opts.kpShortPairs === 'zero' ? 'counted as 0' : 'excluded'}`,
    );
  }
  if (info.pairsDegenerate > 0) parts.push(`${info.pairsDegenerate} degenerate pair(s) excluded`);
  if (info.pairsOtherDay) parts.push(`${info.pairsOtherDay} pair(s) with day 0 on different dates counted as 0`);
  return { rbar: info.rbar, note: parts.join('; ') };
}

function windowRbarOrReason(ctx: StatsContext, cs: CrossSection): RbarOrReason {
  const w = ctx.windowRbar(cs);
  if (w.rbar === null) return { reason: `window r-bar undefined: ${w.reason ?? 'no usable pair'}` };
  const parts = [`window r-bar ${fmt(w.rbar)} (rho x calendar overlap of the summed days) from ${w.pairsEstimated} estimated of ${w.pairsTotal} pairs`];
  if (w.pairsDisjoint > 0) parts.push(`${w.pairsDisjoint} pair(s) whose windows share no calendar day counted as 0`);
  if (w.pairsShort > 0) {
    parts.push(`${w.pairsShort} pair(s) with < ${ctx.opts.kpMinOverlap} common estimation days ${ctx.opts.kpShortPairs === 'zero' ? 'counted as 0' : 'excluded'}`);
  }
  if (w.pairsDegenerate > 0) parts.push(`${w.pairsDegenerate} degenerate pair(s) excluded`);
  // The day-level r-bar beside it, so a reader sees what the window adjustment replaced.
  const day = dayRbarOrReason(ctx);
  parts.push(`day-level ${'note' in day ? day.note : day.reason}`);
  return { rbar: w.rbar, note: parts.join('; ') };
}

export const kpBmpSection: SectionTest = (ctx, cs) => {
  const b = bmpCore(cs);
  if ('reason' in b) return fail(b.reason);
  const r = rbarOrReason(ctx, cs);
  if ('reason' in r) return fail(r.reason);
  const infl = 1 + (b.n - 1) * r.rbar;
  if (!(infl > 0) || !(1 - r.rbar > 0)) return fail(`r-bar ${fmt(r.rbar)} gives a non-positive variance factor for N = ${b.n}`);
  const t = b.t * Math.sqrt((1 - r.rbar) / infl);
  return ok(t, pStudent2(t, b.n - 1), { n: b.n, df: b.n - 1, note: r.note });
};

export const kpPatellSection: SectionTest = (ctx, cs, opts) => {
  const p = patellCore(ctx, cs, opts);
  if ('reason' in p) return fail(p.reason);
  const r = rbarOrReason(ctx, cs);
  if ('reason' in r) return fail(r.reason);
  const infl = 1 + (p.n - 1) * r.rbar;
  if (!(infl > 0)) return fail(`r-bar ${fmt(r.rbar)} gives a non-positive variance factor for N = ${p.n}`);
  const z = p.z / Math.sqrt(infl);
  return ok(z, pNormal2(z), { n: p.n, note: r.note });
};

export function kpBmpDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(kpBmpSection, panel, day, opts);
}
export function kpBmpWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(kpBmpSection, panel, a, b, opts);
}
export function kpPatellDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(kpPatellSection, panel, day, opts);
}
export function kpPatellWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(kpPatellSection, panel, a, b, opts);
}
