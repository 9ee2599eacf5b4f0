/**
 * Day 0 of an event for one security, on the security's own trading days (its price rows).
 *
 * The rules (DESIGN.md, "Day 0"):
 * - `pre-open` / `intraday`: day 0 is the event date itself when it is a trading day of the
 *   security; `unknown` is treated as intraday and flagged.
 * - `after-close`: the news is first priced on the next trading day, so day 0 is the first
 *   trading day strictly after the date. That is the timing rule, not a shift.
 * - When the event date is not a trading day of the security (weekend, exchange holiday or a
 *   suspension), the policy decides: `next` (default) the first trading day after it, `previous`
 *   the last one before it, `skip` the event is dropped for this security, `error` it is an error.
 *   Every such shift is reported with its reason.
 * - Events before the first row or after the last row are `outside-data`.
 *
 * A calendar is a sorted Int32Array of day numbers; lookups are binary searches, so aligning many
 * events over a long series costs O(log n) each.
 */
import { formatDay, weekday } from '../util/dayNumber.js';
import { DataError } from '../util/errors.js';
import type { Timing } from '../data/events/schema.js';

export type NonTradingDayPolicy = 'next' | 'previous' | 'skip' | 'error';
export const NON_TRADING_DAY_POLICIES: readonly NonTradingDayPolicy[] = ['next', 'previous', 'skip', 'error'];

export interface Day0Ok {
  kind: 'ok';
  /** Row index of day 0 in the security's trading days. */
  index: number;
  /** Day number of day 0. */
  day0: number;
  /** True when the event date was not a trading day of the security and the policy moved day 0. */
  shifted: boolean;
  /** Why day 0 moved (only when shifted), e.g. "2023-05-06 is a Saturday; next trading day 2023-05-08". */
  shiftReason?: string;
  /** How day 0 was chosen, always present, e.g. "after-close on 2023-04-10: day 0 is the next trading day, 2023-04-11". */
  reason: string;
  /** The timing was `unknown` and treated as intraday. */
  timingUnknown: boolean;
}

export interface Day0OutsideData {
  kind: 'outside-data';
  reason: string;
}

export interface Day0Skipped {
  kind: 'skipped-non-trading-day';
  reason: string;
}

export interface Day0Error {
  kind: 'error-non-trading-day';
  reason: string;
  /** Ready to throw; the result is returned rather than thrown so a batch can collect every error. */
  error: DataError;
}

export type Day0Result = Day0Ok | Day0OutsideData | Day0Skipped | Day0Error;

export interface AlignOptions {
  /** Named in reasons, e.g. "not a trading day of 9988.HK". */
  symbol?: string;
  /**
   * The exchange's trading days (e.g. its main index's rows). With it, a missing weekday row is
   * told apart as an exchange holiday or a suspension of this security; without it, both are possible.
   */
  exchangeDays?: Int32Array;
}

/** First index i with days[i] >= day (days.length when none); any ascending array. */
export function lowerBound(days: ArrayLike<number>, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of `day` in `days`, or -1. */
export function indexOfDay(days: ArrayLike<number>, day: number): number {
  const i = lowerBound(days, day);
  return i < days.length && days[i] === day ? i : -1;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "2023-05-06 is a Saturday" / "2023-04-05 is not a trading day of 9988.HK (exchange holiday)". */
function whyNotTrading(day: number, options: AlignOptions): string {
  const wd = weekday(day);
  if (wd === 0 || wd === 6) return `${formatDay(day)} is a ${WEEKDAY_NAMES[wd]}`;
  const of = options.symbol ? ` of ${options.symbol}` : '';
  let cause = 'exchange holiday or suspension';
  if (options.exchangeDays && options.exchangeDays.length > 0) {
    const ex = options.exchangeDays;
    if (day >= ex[0] && day <= ex[ex.length - 1]) {
      cause = indexOfDay(ex, day) >= 0 ? 'the exchange traded: suspension or missing row' : 'exchange holiday';
    }
  }
  return `${formatDay(day)} is not a trading day${of} (${cause})`;
}

function dataRange(days: Int32Array, options: AlignOptions): string {
  const who = options.symbol ? `${options.symbol} ` : '';
  return `${who}data run ${formatDay(days[0])} .. ${formatDay(days[days.length - 1])}`;
}

/**
 * Aligns one event (its listing-local date as a day number, and timing) to the security's trading days.
 * Pure: never throws for data reasons; the `error` policy returns a result carrying a DataError.
 *
 * @example
 * alignDay0(days, parseIsoDay('2023-04-08'), 'intraday', 'next'); // { kind: 'ok', index, day0, shifted: true, shiftReason: '2023-04-08 is a Saturday; next trading day 2023-04-10', ... }
 */
export function alignDay0(
  tradingDays: Int32Array,
  eventDay: number,
  timing: Timing,
  policy: NonTradingDayPolicy = 'next',
  options: AlignOptions = {},
): Day0Result {
  const n = tradingDays.length;
  const date = formatDay(eventDay);
  if (n === 0) {
    return { kind: 'outside-data', reason: `no price rows${options.symbol ? ` for ${options.symbol}` : ''}` };
  }
  const first = tradingDays[0];
  const last = tradingDays[n - 1];
  if (eventDay < first) {
    return { kind: 'outside-data', reason: `${date} is before the first row (${dataRange(tradingDays, options)})` };
  }
  if (eventDay > last) {
    return { kind: 'outside-data', reason: `${date} is after the last row (${dataRange(tradingDays, options)})` };
  }

  const timingUnknown = timing === 'unknown';
  const i = lowerBound(tradingDays, eventDay);
  const isTradingDay = tradingDays[i] === eventDay;

  if (isTradingDay) {
    if (timing === 'after-close') {
      if (i + 1 >= n) {
        return {
          kind: 'outside-data',
          reason: `after-close on ${date}, the last row: no later trading day in the data (${dataRange(tradingDays, options)})`,
        };
      }
      return {
        kind: 'ok',
        index: i + 1,
        day0: tradingDays[i + 1],
        shifted: false,
        reason: `after-close on ${date}: day 0 is the next trading day, ${formatDay(tradingDays[i + 1])}`,
        timingUnknown,
      };
    }
    return {
      kind: 'ok',
      index: i,
      day0: eventDay,
      shifted: false,
      reason: timingUnknown ? `timing unknown, treated as intraday: day 0 is ${date}` : `${timing} on ${date}, a trading day: day 0 is ${date}`,
      timingUnknown,
    };
  }

  // Not a trading day of this security: first_row < eventDay < last_row here, so both neighbours exist.
  const why = whyNotTrading(eventDay, options);
  switch (policy) {
    case 'next': {
      const shiftReason = `${why}; next trading day ${formatDay(tradingDays[i])}`;
      return { kind: 'ok', index: i, day0: tradingDays[i], shifted: true, shiftReason, reason: `${timing} on ${date}: ${shiftReason}`, timingUnknown };
    }
    case 'previous': {
      const shiftReason = `${why}; previous trading day ${formatDay(tradingDays[i - 1])}`;
      return { kind: 'ok', index: i - 1, day0: tradingDays[i - 1], shifted: true, shiftReason, reason: `${timing} on ${date}: ${shiftReason}`, timingUnknown };
    }
    case 'skip':
      return { kind: 'skipped-non-trading-day', reason: `${why}; skipped (policy skip)` };
    case 'error': {
      const reason = `${why} (policy error)`;
      return {
        kind: 'error-non-trading-day',
        reason,
        error: new DataError(reason, { field: 'date', value: date }),
      };
    }
  }
}
