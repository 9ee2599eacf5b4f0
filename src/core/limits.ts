/**
 * A-share daily price limits (涨跌停) and suspension gaps.
 *
 * On a limit-hit day the observed close is censored at the limit price: the unconstrained reaction
 * is at least the measured return on a limit-up day, at most it on a limit-down day, and spills into
 * the following days. Event studies on A-shares
 * flag these days instead of treating the return as the full reaction (DESIGN.md conventions).
 *
 * Limits by board, relative to the previous close:
 *   SSE/SZSE main board   +-10%; risk-warning (ST, *ST) stocks +-5% (+-10% from 2025-07-07, see below)
 *   ChiNext (SZSE 300/301) +-20% from 2020-08-24 (registration reform), +-10% (ST +-5%) before
 *   STAR (SSE 688/689)     +-20% since its launch on 2019-07-22, ST included
 *   Beijing SE (BSE)       +-30%
 * Not modelled: the first trading days after an IPO (no limit on ChiNext/STAR for five days; main
 * board 44% / -36% on day one) and ex-rights days (the exchange's reference price replaces the
 * previous close). Callers should treat those rows separately.
 *
 * Rounding: the exchange computes the limit price as prevClose * (1 +- limit) rounded half-up to
 * the cent, so a hit is close == that price (within half a cent).
 */
import { dayNumber } from '../util/dayNumber.js';
import { gapFlags } from './returns.js';

export type Board = 'main' | 'chinext' | 'star' | 'bse';

/** First trading day of ChiNext's +-20% regime (SZSE registration reform). */
export const CHINEXT_20PCT_FROM = dayNumber(2020, 8, 24);
/**
 * First day on which main-board risk-warning (ST) stocks trade under the common +-10% limit. The
 * SSE/SZSE notice of 2025-06-27 (consultation draft) proposed raising it from 5% to 10%; effective
 * date 2025-07-07 as later announced. Verify against the exchange notice before relying on ST rows
 * after mid-2025.
 */
export const MAIN_BOARD_ST_10PCT_FROM = dayNumber(2025, 7, 7);

/** The limit as a fraction (0.1 = 10%) for a board on a day. */
export function limitRate(board: Board, day: number, st = false): number {
  switch (board) {
    case 'main':
      return st && day < MAIN_BOARD_ST_10PCT_FROM ? 0.05 : 0.1;
    case 'chinext':
      if (day >= CHINEXT_20PCT_FROM) return 0.2;
      return st ? 0.05 : 0.1;
    case 'star':
      return 0.2;
    case 'bse':
      return 0.3;
    default: {
      const never: never = board;
      throw new RangeError(`unknown board '${String(never)}'`);
    }
  }
}

/** Board from a 6-digit A-share code (with or without an exchange suffix); null when not an A-share stock code. */
export function boardFromCode(code: string): Board | null {
  const m = /^(\d{6})/.exec(code.trim());
  if (!m) return null;
  const c = m[1];
  if (c.startsWith('688') || c.startsWith('689')) return 'star';
  if (c.startsWith('300') || c.startsWith('301')) return 'chinext';
  if (/^(60[0-5]|00[0-3])/.test(c)) return 'main';
  if (/^(8[1-9]|43|92)/.test(c)) return 'bse';
  return null;
}

/** Round half up to the cent, exactly when the base price is itself in cents. */
function limitPrice(prevClose: number, rate: number, sign: 1 | -1): number {
  const cents = Math.round(prevClose * 100);
  const pct = Math.round(rate * 100);
  if (Math.abs(prevClose * 100 - cents) < 1e-6 && Math.abs(rate * 100 - pct) < 1e-9) {
    // Integer arithmetic: cents * (100 +- pct) / 100, rounded half up, has no binary rounding error.
    return Math.floor((cents * (100 + sign * pct) + 50) / 100) / 100;
  }
  return Math.floor(prevClose * (1 + sign * rate) * 100 + 0.5 + 1e-9) / 100;
}

export interface LimitOptions {
  /** Day numbers of the rows: needed for date-dependent limits (ChiNext, ST on the main board). */
  days?: Int32Array;
  /** Risk-warning flag, for the whole series or per row. */
  st?: boolean | Uint8Array;
  /**
   * Prices are forward- or backward-adjusted: also accept |return -+ limit| < returnTolerance.
   * Adjusted prices are the traded prices times an adjustment factor, re-rounded by the vendor, so
   * the adjusted close can miss the cent-rounded limit of the adjusted previous close by a cent or
   * more even on a true limit day; the return itself stays within the exchange's cent rounding of
   * the limit (0.005 / prevClose, under 0.15% for prices above about 3.3 yuan) of the nominal rate.
   * Without adjustment the exact price test alone is used, since a 9.86% day on a 10% board is not
   * a limit hit.
   */
  adjusted?: boolean;
  /** Tolerance of the return fallback (default 0.0015). */
  returnTolerance?: number;
}

/**
 * Limit flags per row: +1 limit-up, -1 limit-down, 0 otherwise (and 0 where a price is missing).
 * `board` is a board name, or the limit rate itself (one number or one per row).
 */
export function limitHits(
  close: Float64Array,
  prevClose: Float64Array,
  board: Board | number | Float64Array,
  options: LimitOptions = {},
): Int8Array {
  const n = close.length;
  if (prevClose.length !== n) throw new RangeError(`limitHits: ${n} closes but ${prevClose.length} previous closes`);
  const { days, st = false } = options;
  const tol = options.adjusted ? (options.returnTolerance ?? 0.0015) : -1;
  const dateDependent = board === 'chinext' || (board === 'main' && st !== false);
  if (typeof board === 'string' && dateDependent && !days) {
    throw new RangeError(`limitHits: the ${board} board's limit depends on the date; pass options.days`);
  }
  const out = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const c = close[i];
    const p = prevClose[i];
    if (!(c > 0) || !(p > 0)) continue;
    let rate: number;
    if (typeof board === 'number') rate = board;
    else if (board instanceof Float64Array) rate = board[i];
    else rate = limitRate(board, days ? days[i] : 0, typeof st === 'boolean' ? st : st[i] === 1);
    if (!(rate > 0)) continue;
    if (atLimit(c, p, rate, 1, tol)) out[i] = 1;
    else if (atLimit(c, p, rate, -1, tol)) out[i] = -1;
  }
  return out;
}

/**
 * Whether `price` is at the limit of side `sign` (+1 upper, -1 lower) given the previous close:
 * within half a cent of the cent-rounded limit price, or (adjusted series, `tol` > 0) a return
 * within `tol` of +-rate. The test limitHits applies per row; `tol` < 0 disables the return fallback.
 */
export function atLimit(price: number, prevClose: number, rate: number, sign: 1 | -1, tol: number): boolean {
  return Math.abs(price - limitPrice(prevClose, rate, sign)) < 0.005 || Math.abs(price / prevClose - 1 - sign * rate) < tol;
}

/** prev[i] = close[i - 1], NaN on row 0: the previous close on the security's own trading days. */
export function previousClose(close: Float64Array): Float64Array {
  const out = new Float64Array(close.length);
  if (close.length > 0) out[0] = NaN;
  for (let i = 1; i < close.length; i++) out[i] = close[i - 1];
  return out;
}

export interface SuspensionGaps {
  /** Rows whose return spans a gap of more than maxCalendarGap calendar days. */
  rows: Int32Array;
  /** Calendar days between that row and the previous one. */
  calendarDays: Int32Array;
}

/**
 * Suspensions seen from a security's own rows: returns that span more than `maxCalendarGap`
 * calendar days (see `gapFlags`). The return across a suspension is the true move between the two
 * closes but it is not a daily return; callers flag or drop it.
 */
export function suspensionGaps(days: Int32Array, maxCalendarGap = 10): SuspensionGaps {
  const flags = gapFlags(days, maxCalendarGap);
  let count = 0;
  for (let i = 0; i < flags.length; i++) count += flags[i];
  const rows = new Int32Array(count);
  const calendarDays = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < flags.length; i++) {
    if (flags[i]) {
      rows[k] = i;
      calendarDays[k] = days[i] - days[i - 1];
      k++;
    }
  }
  return { rows, calendarDays };
}

/**
 * The limit price itself: prevClose x (1 +- rate) rounded half-up to the cent, exact when prevClose
 * is in cents (the exchange's rule; same arithmetic as limitHits). `sign` +1 upper, -1 lower.
 *
 * @example limitPriceOf(8.02, 0.1, 1) // 8.82 (601360.SH, 2023-02-08)
 */
export function limitPriceOf(prevClose: number, rate: number, sign: 1 | -1): number {
  return limitPrice(prevClose, rate, sign);
}

/**
 * Registration-system (注册制) listings trade without a price limit in their first five sessions:
 * STAR Market from its launch (SSE STAR trading rules 2019, art. 4.2.2), ChiNext from the reform
 * of 2020-08-24 (SZSE ChiNext trading special rules 2020), SSE/SZSE main boards from the full
 * registration reform (first listings 2023-04-10, SSE/SZSE trading rules revised 2023-02-17). The
 * Beijing SE has no limit on the first day only (BSE trading rules 2021, art. 3.3.4).
 */
export const REGISTRATION_NO_LIMIT_SESSIONS = 5;
export const MAIN_BOARD_REGISTRATION_FROM = dayNumber(2023, 4, 10);
export const STAR_LAUNCH = dayNumber(2019, 7, 22);
export const BSE_LAUNCH = dayNumber(2021, 11, 15);

/** Whether a listing first traded on `listedDay` on `board` is a registration-system listing. */
export function isRegistrationListing(board: Board, listedDay: number): boolean {
  switch (board) {
    case 'star':
      return listedDay >= STAR_LAUNCH;
    case 'chinext':
      return listedDay >= CHINEXT_20PCT_FROM;
    case 'main':
      return listedDay >= MAIN_BOARD_REGISTRATION_FROM;
    case 'bse':
      return listedDay >= BSE_LAUNCH;
    default:
      return false;
  }
}

/**
 * The limit of one session of a listing, 0 when it has none: `session` counts the listing's own
 * sessions from its first (0 = listing day). A registration-system listing has none in its first
 * five sessions (BSE: its first); otherwise limitRate(board, day, st).
 *
 * @example limitRateAt('star', day, false, 4, true) // 0: fifth session of a STAR listing
 */
export function limitRateAt(board: Board, day: number, st: boolean, session: number, registration: boolean): number {
  if (registration && session >= 0) {
    const free = board === 'bse' ? 1 : REGISTRATION_NO_LIMIT_SESSIONS;
    if (session < free) return 0;
  }
  return limitRate(board, day, st);
}
