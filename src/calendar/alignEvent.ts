/**
 * One event on one listing, end to end: the listing's local date and timing (from `time` +
 * `timezone` when given), then day 0 on the listing's own trading days. A listing without price
 * rows gets the `no-price-data` outcome instead of being dropped, so every (event, symbol) pair in
 * a study is accounted for.
 */
import { alignDay0, type AlignOptions, type Day0Result, type NonTradingDayPolicy } from './alignDay0.js';
import { sessionFor } from './exchangeSession.js';
import { localTiming, type ListingTiming, type TimedEvent } from './localTiming.js';

export interface NoPriceData {
  kind: 'no-price-data';
  reason: string;
}

export type ListingAlignment = (Day0Result | NoPriceData) & {
  symbol: string;
  /** The local date/timing the alignment used (absent when there is no price data). */
  local?: ListingTiming;
};

export interface AlignEventOptions {
  policy?: NonTradingDayPolicy;
  /** The manifest's exchange for the symbol; else taken from the symbol's suffix. */
  exchange?: string;
  exchangeDays?: AlignOptions['exchangeDays'];
}

/**
 * Day 0 of one event for one listing: its local date and timing (from the event's time and time zone when given), then alignDay0 on the listing's trading days.
 *
 * @example
 * alignEventForListing({ date: '2023-04-11', timing: 'after-close' }, '300418.SZ', days); // day 0 is the next trading day
 */
export function alignEventForListing(
  event: TimedEvent,
  symbol: string,
  tradingDays: Int32Array | undefined,
  options: AlignEventOptions = {},
): ListingAlignment {
  if (tradingDays === undefined) {
    return { kind: 'no-price-data', symbol, reason: `no price data for ${symbol} (not in the price manifest)` };
  }
  const local = localTiming(event, sessionFor(symbol, options.exchange));
  const result = alignDay0(tradingDays, local.day, local.timing, options.policy ?? 'next', {
    symbol,
    exchangeDays: options.exchangeDays,
  });
  if (result.kind === 'ok' && local.note) {
    return { ...result, symbol, local, reason: `${local.note}; ${result.reason}` };
  }
  return { ...result, symbol, local };
}
