/**
 * Checks of one announcement against the world outside its file, shared by `events add` and
 * `events validate`: a stated timing that its own clock time contradicts (an error: the time used
 * to win silently), and, as warnings, symbols missing from the price manifest (with the nearest
 * ones), a date in the future, a date outside a listing's price data.
 */
import { EXCHANGE_SESSIONS, exchangeOfSymbol, localTiming, type ExchangeSession } from '../../calendar/index.js';
import { nearestNames } from './nearest.js';

export interface CrossCheckContext {
  /** Symbols of the price manifest; unset: not checked. */
  knownSymbols?: readonly string[];
  /** Today's date (YYYY-MM-DD); unset: not checked. */
  today?: string;
  /** First and last date of a listing's prices, or undefined when there are none to read. */
  priceRange?: (symbol: string) => { first: string; last: string } | undefined;
}

export interface CrossCheckIssue {
  field: string;
  message: string;
}

/**
 * The session a clock time is read against: the first listing traded in the event's time zone,
 * else the first listing, else (market-wide) an exchange of that time zone.
 */
function sessionOf(symbols: readonly string[], timezone: string): ExchangeSession | undefined {
  const sessions = symbols.map((s) => exchangeOfSymbol(s)).flatMap((x) => (x ? [EXCHANGE_SESSIONS[x]] : []));
  return sessions.find((s) => s.timeZone === timezone) ?? sessions[0] ?? Object.values(EXCHANGE_SESSIONS).find((s) => s.timeZone === timezone);
}

/**
 * @example
 * crossCheckEvent({ date: '2023-04-11', timing: 'intraday', time: '21:00', timezone: 'Asia/Shanghai', symbols: ['300418.SZ'] }, {}).errors[0].field; // 'timing'
 */
export function crossCheckEvent(
  e: { date: string; timing: string; time?: string; timezone?: string; symbols: readonly string[] },
  ctx: CrossCheckContext,
): { errors: CrossCheckIssue[]; warnings: CrossCheckIssue[] } {
  const errors: CrossCheckIssue[] = [];
  const warnings: CrossCheckIssue[] = [];
  if (e.time !== undefined && e.timezone !== undefined && e.timing !== 'unknown') {
    const session = sessionOf(e.symbols, e.timezone);
    if (session) {
      const local = localTiming({ date: e.date, timing: 'unknown', time: e.time, timezone: e.timezone }, session);
      if (local.timing !== e.timing)
        errors.push({
          field: 'timing',
          message: `timing ${e.timing} contradicts time ${e.time} ${e.timezone} (${local.note}, i.e. ${local.timing}): give timing ${local.timing}, or unknown to let the time decide`,
        });
    }
  }
  if (ctx.today !== undefined && e.date > ctx.today) warnings.push({ field: 'date', message: `${e.date} is in the future (today is ${ctx.today})` });
  const known = ctx.knownSymbols ? new Set(ctx.knownSymbols) : undefined;
  for (const s of e.symbols) {
    if (known && !known.has(s)) {
      const near = nearestNames(s, ctx.knownSymbols!);
      warnings.push({ field: 'symbols', message: `${s} is not in the price manifest${near.length > 0 ? ` (nearest: ${near.join(', ')})` : ''}: a study cannot use it until its prices are added` });
      continue;
    }
    const range = ctx.priceRange?.(s);
    if (range && (e.date < range.first || e.date > range.last))
      warnings.push({ field: 'date', message: `${e.date} is outside the price data of ${s} (${range.first} to ${range.last})` });
  }
  return { errors, warnings };
}
