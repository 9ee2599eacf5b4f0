/**
 * Calendar-time portfolio test of a CAR window (Jaffe 1974; Mandelker 1974), for clustered studies.
 *
 * Jaffe, J.F. (1974), "Special information and insider trading", Journal of Business 47(3):410-428;
 * Mandelker, G. (1974), "Risk and return: the case of merging firms", Journal of Financial Economics
 * 1(4):303-335. Instead of treating the N CARs as independent, every calendar day t covered by some
 * event's window gets one equal-weighted portfolio of the ARs of the events whose window covers t:
 *   AR_p,t = (1 / |M_t|) sum_{i in M_t} AR_i,t .
 * Events that share a day sit in one portfolio, so their cross-correlation is inside the portfolio's
 * own variance and the days' portfolios are (nearly) independent. Each day is standardised by its
 * portfolio's residual standard deviation in the estimation period (Jaffe's and Mandelker's
 * standardisation):
 *   s_p,t = sample sd (divisor L_t - 1) of the members' estimation residuals averaged per calendar day
 *           over the L_t days on which every member has a residual,
 *   Z_t = AR_p,t / s_p,t,
 *   t = mean_t(Z_t) / ( sd_t(Z_t) / sqrt(T) ) ~ t(T - 1) under H0, over the T days used,
 * the standardised calendar-time AR tested with its own time-series spread across the days (as
 * Mitchell & Stafford 2000, J. Business 73(3), describe the Jaffe-Mandelker method). Using the
 * spread of the Z_t rather than their nominal unit variance keeps the test valid under event-induced
 * variance (which the default study shows: variance ratios of 6-10), as BMP does across events.
 * A day whose members share fewer than `minDays` estimation days is left out and counted.
 * Calendar days are the panel's day numbers: listings of different markets share a day when the
 * date is equal (as for r-bar, rbarWindow.ts).
 */
import { pStudent2 } from './pvalue.js';
import type { EventPanel } from './types.js';
import { mean, sd } from './util.js';

export interface CalendarTimeResult {
  /** t of the standardised calendar-time portfolio ARs, or null with `reason`. */
  stat: number | null;
  p: number | null;
  /** Degrees of freedom of the reference t (days used - 1). */
  df: number | null;
  /** Calendar days covered by some event's window, and those that entered Z. */
  days: number;
  daysUsed: number;
  /** Mean equal-weighted portfolio AR over the days used (mean calendar-time AR). */
  meanAR: number | null;
  /** Why stat is null. */
  reason?: string;
  /** Days left out of a computed stat. */
  note?: string;
}

/** Dense per-calendar-day scratch over the panel's estimation days (typed arrays, reused per portfolio). */
interface Scratch {
  lo: number;
  sum: Float64Array;
  cnt: Int32Array;
}

function scratchOf(panel: EventPanel): Scratch | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of panel.estDays) {
    if (d < 0) continue;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  if (!(hi >= lo)) return null;
  return { lo, sum: new Float64Array(hi - lo + 1), cnt: new Int32Array(hi - lo + 1) };
}

/** sd (L - 1 divisor) and L of the members' per-day mean estimation residual, on days all members have. */
function portfolioSd(panel: EventPanel, members: number[], S: Scratch): { sd: number; L: number } {
  const E = panel.estEnd - panel.estStart + 1;
  const { lo, sum, cnt } = S;
  for (const i of members) {
    for (let e = 0; e < E; e++) {
      const d = panel.estDays[i * E + e];
      const v = panel.estAR[i * E + e];
      if (d < 0 || !Number.isFinite(v)) continue;
      sum[d - lo] += v;
      cnt[d - lo]++;
    }
  }
  const m = members.length;
  // The first member's days hold every day all members have; read, then clear what was touched.
  const f = members[0];
  let L = 0;
  let s1 = 0;
  let s2 = 0;
  let shift = NaN;
  for (let e = 0; e < E; e++) {
    const d = panel.estDays[f * E + e];
    if (d < 0 || cnt[d - lo] !== m) continue;
    const x = sum[d - lo] / m;
    if (L === 0) shift = x;
    s1 += x - shift;
    s2 += (x - shift) * (x - shift);
    L++;
    cnt[d - lo] = -1; // a repeated day counts once
  }
  for (const i of members) {
    for (let e = 0; e < E; e++) {
      const d = panel.estDays[i * E + e];
      if (d < 0) continue;
      sum[d - lo] = 0;
      cnt[d - lo] = 0;
    }
  }
  if (L < 2) return { sd: NaN, L };
  return { sd: Math.sqrt(Math.max(0, s2 - (s1 * s1) / L) / (L - 1)), L };
}

/** The calendar-time portfolio test of window [a, b] over the events `rows` (see the file comment). */
export function calendarTimeTest(panel: EventPanel, rows: Int32Array, a: number, b: number, minDays = 30): CalendarTimeResult {
  const none = (reason: string, days = 0): CalendarTimeResult => ({ stat: null, p: null, df: null, days, daysUsed: 0, meanAR: null, reason });
  if (!panel.evDays) return none('the panel has no calendar days for the event window');
  const W = panel.winEnd - panel.winStart + 1;
  const ca = a - panel.winStart;
  const len = b - a + 1;
  // Members and AR sums per calendar day.
  const byDay = new Map<number, { members: number[]; sum: number }>();
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    for (let t = 0; t < len; t++) {
      const d = panel.evDays[i * W + ca + t];
      const v = panel.evAR[i * W + ca + t];
      if (d < 0 || !Number.isFinite(v)) continue;
      let slot = byDay.get(d);
      if (!slot) byDay.set(d, (slot = { members: [], sum: 0 }));
      slot.members.push(i);
      slot.sum += v;
    }
  }
  const days = byDay.size;
  if (days === 0) return none('no event has an abnormal return in the window');
  // Days with the same members share one portfolio sd (a cluster's days usually do).
  const sdOf = new Map<string, { sd: number; L: number }>();
  const S = scratchOf(panel);
  if (!S) return none('no estimation residuals with a calendar day', days);
  const zs = new Float64Array(days);
  let arSum = 0;
  let used = 0;
  for (const { members, sum } of byDay.values()) {
    members.sort((p, q) => p - q);
    const key = members.join(',');
    let s = sdOf.get(key);
    if (!s) sdOf.set(key, (s = portfolioSd(panel, members, S)));
    if (s.L < Math.max(4, minDays) || !(s.sd > 0)) continue;
    const ar = sum / members.length;
    zs[used++] = ar / s.sd;
    arSum += ar;
  }
  if (used < 2) return none(`fewer than 2 calendar days whose portfolio has ${Math.max(4, minDays)} estimation days common to its members`, days);
  const z = zs.subarray(0, used);
  const zm = mean(z);
  const sdz = sd(z);
  if (!(sdz > 0)) return none('the standardised portfolio ARs do not vary across days', days);
  const t = zm / (sdz / Math.sqrt(used));
  const out: CalendarTimeResult = { stat: t, p: pStudent2(t, used - 1), df: used - 1, days, daysUsed: used, meanAR: arSum / used };
  if (used < days) out.note = `${days - used} of ${days} calendar days left out: their members share fewer than ${Math.max(4, minDays)} estimation days`;
  return out;
}
