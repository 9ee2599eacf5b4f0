/**
 * Raw price moves around an event, in the security's own rows (no model): what a trader who held
 * from the close before the window saw. All are relative to close[a - 1], the last close before the
 * window opens, so a window [0, 0] measures day 0's own move including its open gap.
 *
 *   rawReturn     = close[b] / close[a-1] - 1
 *   maxHighReturn = max(high[a..b]) / close[a-1] - 1   (best intraday exit)
 *   minLowReturn  = min(low[a..b])  / close[a-1] - 1   (worst intraday drawdown)
 *
 * On unadjusted prices a split or dividend inside the window shows up as a move; use adjusted
 * closes (and the matching adjusted highs/lows) for windows that span corporate actions.
 */
import { formatDay } from '../util/dayNumber.js';

/** close[bRow] / close[aRow - 1] - 1; NaN when a base or end close is missing or aRow - 1 < 0. */
export function rawReturn(close: Float64Array, aRow: number, bRow: number): number {
  if (aRow - 1 < 0 || bRow >= close.length || bRow < aRow) return NaN;
  const base = close[aRow - 1];
  const end = close[bRow];
  return base > 0 && end > 0 ? end / base - 1 : NaN;
}

/** Extreme of `px` over rows [aRow, bRow] relative to close[aRow - 1]; NaN values are skipped. */
function extremeReturn(px: Float64Array, close: Float64Array, aRow: number, bRow: number, sign: 1 | -1): number {
  if (aRow - 1 < 0 || bRow < aRow || aRow - 1 >= close.length) return NaN;
  const base = close[aRow - 1];
  if (!(base > 0)) return NaN;
  let best = NaN;
  for (let t = aRow; t <= Math.min(bRow, px.length - 1); t++) {
    const v = px[t];
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(best) || sign * v > sign * best) best = v;
  }
  return best / base - 1;
}

export function maxHighReturn(high: Float64Array, close: Float64Array, aRow: number, bRow: number): number {
  return extremeReturn(high, close, aRow, bRow, 1);
}

export function minLowReturn(low: Float64Array, close: Float64Array, aRow: number, bRow: number): number {
  return extremeReturn(low, close, aRow, bRow, -1);
}

export interface PeriodReturn {
  /** toClose / fromClose - 1, NaN when either close is missing. */
  value: number;
  /** Trading day whose close is the base: the last one on or before fromDay - 1 (ISO date, null if none). */
  fromDate: string | null;
  /** Trading day whose close is the end: the last one on or before toDay (ISO date, null if none). */
  toDate: string | null;
  fromDay: number;
  toDay: number;
  fromRow: number;
  toRow: number;
  fromClose: number;
  toClose: number;
}

/** Index of the last element <= day in an ascending Int32Array, or -1. */
export function lastIndexOnOrBefore(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] <= day) {
      ans = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return ans;
}

/**
 * Return over the calendar period [fromDay, toDay] (day numbers), e.g. year-to-date: the close on
 * the last trading day <= toDay over the close on the last trading day <= fromDay - 1 (the previous
 * period's final close). The dates actually used are reported, because a period that starts on a
 * holiday or a suspension silently shifts otherwise.
 */
export function periodReturn(days: Int32Array, close: Float64Array, fromDay: number, toDay: number): PeriodReturn {
  const fromRow = lastIndexOnOrBefore(days, fromDay - 1);
  const toRow = lastIndexOnOrBefore(days, toDay);
  const fromClose = fromRow >= 0 ? close[fromRow] : NaN;
  const toClose = toRow >= 0 ? close[toRow] : NaN;
  const value = fromRow >= 0 && toRow >= fromRow && fromClose > 0 && toClose > 0 ? toClose / fromClose - 1 : NaN;
  return {
    value,
    fromDate: fromRow >= 0 ? formatDay(days[fromRow]) : null,
    toDate: toRow >= 0 ? formatDay(days[toRow]) : null,
    fromDay: fromRow >= 0 ? days[fromRow] : -1,
    toDay: toRow >= 0 ? days[toRow] : -1,
    fromRow,
    toRow,
    fromClose,
    toClose,
  };
}
