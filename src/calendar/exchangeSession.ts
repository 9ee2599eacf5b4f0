/**
 * Where and when each exchange trades: its IANA time zone and its regular continuous session.
 *
 * Only the open and the close matter here: they decide whether news at a given instant is
 * `pre-open`, `intraday` or `after-close` for a listing. The midday breaks (Shanghai/Shenzhen
 * 11:30-13:00, Hong Kong 12:00-13:00) count as intraday: the market reopens the same day, so the
 * news is priced on that trading day. Sessions per the exchanges' published trading hours:
 * SSE/SZSE/BSE 09:30-11:30 and 13:00-15:00 Beijing time; HKEX 09:30-12:00 and 13:00-16:00
 * Hong Kong time; NYSE/Nasdaq 09:30-16:00 New York time.
 */
import { DataError } from '../util/errors.js';

export type Exchange = 'SSE' | 'SZSE' | 'BSE' | 'HKEX' | 'NYSE' | 'NASDAQ';

export interface ExchangeSession {
  exchange: Exchange;
  timeZone: string;
  /** Minutes after local midnight. */
  open: number;
  close: number;
}

const hm = (h: number, m: number): number => h * 60 + m;

export const EXCHANGE_SESSIONS: Readonly<Record<Exchange, ExchangeSession>> = Object.freeze({
  SSE: { exchange: 'SSE', timeZone: 'Asia/Shanghai', open: hm(9, 30), close: hm(15, 0) },
  SZSE: { exchange: 'SZSE', timeZone: 'Asia/Shanghai', open: hm(9, 30), close: hm(15, 0) },
  BSE: { exchange: 'BSE', timeZone: 'Asia/Shanghai', open: hm(9, 30), close: hm(15, 0) },
  HKEX: { exchange: 'HKEX', timeZone: 'Asia/Hong_Kong', open: hm(9, 30), close: hm(16, 0) },
  NYSE: { exchange: 'NYSE', timeZone: 'America/New_York', open: hm(9, 30), close: hm(16, 0) },
  NASDAQ: { exchange: 'NASDAQ', timeZone: 'America/New_York', open: hm(9, 30), close: hm(16, 0) },
});

/**
 * Symbol suffix -> exchange. `.SS` is Yahoo's spelling of Shanghai. A symbol without a suffix is a
 * US listing; NYSE and Nasdaq share one session, so NYSE stands for both when the manifest does not
 * say which.
 */
const SUFFIX_EXCHANGE: Readonly<Record<string, Exchange>> = Object.freeze({
  SH: 'SSE',
  SS: 'SSE',
  SZ: 'SZSE',
  BJ: 'BSE',
  HK: 'HKEX',
});

/** Exchange names as a manifest may write them. */
const EXCHANGE_ALIASES: Readonly<Record<string, Exchange>> = Object.freeze({
  SSE: 'SSE',
  SHSE: 'SSE',
  SH: 'SSE',
  SZSE: 'SZSE',
  SZ: 'SZSE',
  BSE: 'BSE',
  BJSE: 'BSE',
  BJ: 'BSE',
  HKEX: 'HKEX',
  SEHK: 'HKEX',
  HK: 'HKEX',
  NYSE: 'NYSE',
  NASDAQ: 'NASDAQ',
  US: 'NYSE',
  // NYSE American and NYSE Arca keep the NYSE session.
  AMEX: 'NYSE',
  NYSEARCA: 'NYSE',
});

/** The exchange of a symbol from its suffix, or undefined for a suffix we do not know (e.g. `.L`). */
export function exchangeOfSymbol(symbol: string): Exchange | undefined {
  const dot = symbol.lastIndexOf('.');
  if (dot < 0) return 'NYSE';
  return SUFFIX_EXCHANGE[symbol.slice(dot + 1).toUpperCase()];
}

/** Parses a manifest's exchange name (case-insensitive, common aliases). */
export function parseExchange(name: string): Exchange | undefined {
  return EXCHANGE_ALIASES[name.trim().toUpperCase()];
}

/**
 * The session of a listing: from the manifest's exchange when given, else from the symbol's suffix.
 * Throws a DataError naming the symbol when neither is known, rather than guessing a time zone.
 */
export function sessionFor(symbol: string, exchange?: string): ExchangeSession {
  const ex = exchange !== undefined ? parseExchange(exchange) : exchangeOfSymbol(symbol);
  if (ex === undefined) {
    throw new DataError(
      exchange !== undefined
        ? `unknown exchange "${exchange}" (known: ${Object.keys(EXCHANGE_SESSIONS).join(', ')})`
        : `cannot tell the exchange from the symbol's suffix (known: .SH .SS .SZ .BJ .HK, none = US); set the exchange in the manifest`,
      { field: 'symbol', value: symbol },
    );
  }
  return EXCHANGE_SESSIONS[ex];
}
