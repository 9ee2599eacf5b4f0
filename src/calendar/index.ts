/** Trading calendars: exchange sessions, listing-local timing, day-0 alignment and windows in trading days. */
export {
  EXCHANGE_SESSIONS,
  exchangeOfSymbol,
  parseExchange,
  sessionFor,
  type Exchange,
  type ExchangeSession,
} from './exchangeSession.js';
export {
  localTiming,
  classifyMinutes,
  instantToZoned,
  zonedToInstant,
  type ListingTiming,
  type TimedEvent,
  type ZonedWallTime,
  type ResolvedInstant,
} from './localTiming.js';
export {
  alignDay0,
  lowerBound,
  indexOfDay,
  NON_TRADING_DAY_POLICIES,
  type NonTradingDayPolicy,
  type Day0Result,
  type Day0Ok,
  type Day0OutsideData,
  type Day0Skipped,
  type Day0Error,
  type AlignOptions,
} from './alignDay0.js';
export { sliceWindow, estimationWindow, type Window, type WindowSlice, type WindowOutside, type WindowResult, type SliceOptions, type EstimationOptions, type EstimationResult } from './window.js';
export { alignEventForListing, type ListingAlignment, type NoPriceData, type AlignEventOptions } from './alignEvent.js';
