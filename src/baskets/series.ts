/**
 * Basket index paths on the basket calendar (the union of the members' trading days), from the
 * members' closes on their own trading days. Element 0 of the calendar is the base day: level 1,
 * no return.
 *
 * Buy-and-hold (`rebalancing: none`): at the base close the basket buys weight w_i of each member
 * and never trades again, so its level is the weighted sum of price relatives
 *     L_k = sum_i w_i * P_i(k) / P_i(0)
 * with P_i(k) the member's last close on or before calendar day k: a suspended member is carried
 * at its last close (its value is frozen, it does not return 0% "on" anything), and it moves again
 * on the day it resumes. Contribution_i = w_i * (P_i(T)/P_i(0) - 1); they add up to L_T - 1 exactly.
 *
 * Daily rebalancing (`rebalancing: daily`): each day the basket holds the members that trade that
 * day, weighted by their basis at the previous close (equal, custom, or float cap), renormalised
 * over those members:
 *     r_k = sum_{i trading on k} b_i(prev) r_i(k) / sum_{i trading on k} b_i(prev),  L_k = L_{k-1}(1 + r_k)
 * A suspended member is left out that day (its weight goes to the others) instead of counting as a
 * zero return; on the day it resumes its return spans the suspension and is counted then (flagged
 * by the caller). A newly listed member joins on its first return (its second row: its first row
 * has no previous close). Contribution_i = sum_k L_{k-1} w_i(k) r_i(k), so that contributions add
 * up to L_T - L_0 exactly: the day's level change split by member.
 *
 * Pure functions on typed arrays; members are given as columns, never as row objects.
 */
import { lastIndexOnOrBefore } from '../core/moves.js';

export interface MemberColumns {
  days: Int32Array;
  close: Float64Array;
  /** Weight basis per row (see weights.ts): the weight if (re)balanced at that row's close. */
  basis: Float64Array;
}

export interface BasketPath {
  days: Int32Array;
  /** Index level, 1 on the base day. */
  level: Float64Array;
  /** r_k = L_k / L_{k-1} - 1; NaN on the base day and on days no member could be held. */
  returns: Float64Array;
  /** Members with a return counted (daily) or a row (buy-and-hold) on each day. */
  active: Int32Array;
}

export interface BuyAndHoldPath extends BasketPath {
  /** Initial weights (sum to 1). */
  weights: Float64Array;
  /** Row of each member's base close and last close. */
  baseRows: Int32Array;
  endRows: Int32Array;
  /** P_i(T) / P_i(0) - 1. */
  memberReturns: Float64Array;
  /** w_i * memberReturns_i. */
  contributions: Float64Array;
}

export function buyAndHold(calendar: Int32Array, members: readonly MemberColumns[]): BuyAndHoldPath {
  const n = calendar.length;
  const m = members.length;
  if (n === 0) throw new RangeError('buyAndHold: empty calendar');
  const baseRows = new Int32Array(m);
  const endRows = new Int32Array(m);
  const raw = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const mem = members[i];
    const r0 = lastIndexOnOrBefore(mem.days, calendar[0]);
    if (r0 < 0 || !(mem.close[r0] > 0)) throw new RangeError(`buyAndHold: member ${i} has no close on or before the base day`);
    if (!(mem.basis[r0] > 0)) throw new RangeError(`buyAndHold: member ${i} has no weight basis on its base row`);
    baseRows[i] = r0;
    raw[i] = mem.basis[r0];
  }
  let sum = 0;
  for (let i = 0; i < m; i++) sum += raw[i];
  const weights = new Float64Array(m);
  for (let i = 0; i < m; i++) weights[i] = raw[i] / sum;

  const level = new Float64Array(n);
  const active = new Int32Array(n);
  const memberReturns = new Float64Array(m);
  const contributions = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const { days, close } = members[i];
    const p0 = close[baseRows[i]];
    let row = baseRows[i];
    let price = p0;
    for (let k = 0; k < n; k++) {
      // Advance to the member's last row on or before calendar day k (a merge: both ascending).
      while (row + 1 < days.length && days[row + 1] <= calendar[k]) {
        row++;
        if (close[row] > 0) price = close[row];
      }
      if (days[row] === calendar[k]) active[k]++;
      level[k] += (weights[i] * price) / p0;
    }
    endRows[i] = row;
    memberReturns[i] = price / p0 - 1;
    contributions[i] = weights[i] * memberReturns[i];
  }
  return { days: calendar, level, returns: levelReturns(level), active, weights, baseRows, endRows, memberReturns, contributions };
}

export interface DailyPath extends BasketPath {
  /** sum_k L_{k-1} w_i(k) r_i(k). */
  contributions: Float64Array;
  /** prod(1 + r_i(k)) - 1 over the days the member was held. */
  memberReturns: Float64Array;
  /** Days each member was held (had a counted return). */
  daysHeld: Int32Array;
  /** Mean of w_i(k) over all calendar days with a return (0 on days the member was not held). */
  meanWeights: Float64Array;
  /** Calendar index of each member's first counted return; -1 if never held. */
  firstHeld: Int32Array;
  /** Counted returns that span more than `gapDays` calendar days (resumption after a suspension). */
  gapReturns: Int32Array;
}

/** Calendar days longer than any SSE/SZSE holiday closure (9 days at Chinese New Year), as in core/returns gapFlags. */
export const SUSPENSION_GAP_DAYS = 10;

export function dailyRebalanced(calendar: Int32Array, members: readonly MemberColumns[]): DailyPath {
  const n = calendar.length;
  const m = members.length;
  if (n === 0) throw new RangeError('dailyRebalanced: empty calendar');
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  const active = new Int32Array(n);
  // Pass 1: the day's weighted sum of member returns and of their weights.
  forEachHeld(calendar, members, (_i, k, r, b) => {
    num[k] += b * r;
    den[k] += b;
    active[k]++;
  });
  const level = new Float64Array(n);
  const returns = new Float64Array(n);
  level[0] = 1;
  returns[0] = NaN;
  for (let k = 1; k < n; k++) {
    returns[k] = den[k] > 0 ? num[k] / den[k] : NaN;
    level[k] = den[k] > 0 ? level[k - 1] * (1 + returns[k]) : level[k - 1];
  }
  // Pass 2: split each day's level change by member.
  const contributions = new Float64Array(m);
  const growth = new Float64Array(m).fill(1);
  const daysHeld = new Int32Array(m);
  const meanWeights = new Float64Array(m);
  const firstHeld = new Int32Array(m).fill(-1);
  const gapReturns = new Int32Array(m);
  let withReturn = 0;
  for (let k = 1; k < n; k++) if (den[k] > 0) withReturn++;
  forEachHeld(calendar, members, (i, k, r, b, spanDays) => {
    const w = b / den[k];
    contributions[i] += level[k - 1] * w * r;
    growth[i] *= 1 + r;
    daysHeld[i]++;
    meanWeights[i] += w / withReturn;
    if (firstHeld[i] < 0) firstHeld[i] = k;
    if (spanDays > SUSPENSION_GAP_DAYS) gapReturns[i]++;
  });
  const memberReturns = new Float64Array(m);
  for (let i = 0; i < m; i++) memberReturns[i] = daysHeld[i] > 0 ? growth[i] - 1 : NaN;
  return { days: calendar, level, returns, active, contributions, memberReturns, daysHeld, meanWeights, firstHeld, gapReturns };
}

/**
 * Calls fn(member, calendar index, return, basis at the previous close, calendar days spanned) for
 * every member return counted on calendar days 1..n-1: the member has a row on that day and a
 * previous row, both closes positive, and a finite positive basis at the previous row.
 */
function forEachHeld(
  calendar: Int32Array,
  members: readonly MemberColumns[],
  fn: (i: number, k: number, r: number, b: number, spanDays: number) => void,
): void {
  const n = calendar.length;
  for (let i = 0; i < members.length; i++) {
    const { days, close, basis } = members[i];
    // First member row after the base day, then walk both calendars together.
    let row = lastIndexOnOrBefore(days, calendar[0]) + 1;
    let k = 1;
    while (row < days.length && k < n) {
      const d = days[row];
      if (d < calendar[k]) row++;
      else if (d > calendar[k]) k++;
      else {
        if (row >= 1) {
          const p0 = close[row - 1];
          const p1 = close[row];
          const b = basis[row - 1];
          if (p0 > 0 && p1 > 0 && b > 0 && Number.isFinite(b)) fn(i, k, p1 / p0 - 1, b, d - days[row - 1]);
        }
        row++;
        k++;
      }
    }
  }
}

/** r_k = L_k / L_{k-1} - 1, NaN at k = 0. */
export function levelReturns(level: Float64Array): Float64Array {
  const out = new Float64Array(level.length);
  if (level.length) out[0] = NaN;
  for (let k = 1; k < level.length; k++) out[k] = level[k] / level[k - 1] - 1;
  return out;
}
