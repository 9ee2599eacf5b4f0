/**
 * Whether a price limit blocks a fill (A-shares only; Hong Kong and US have none).
 *
 * The limit price is previous close x (1 +- limit) rounded half-up to 0.01 (src/core/limits.ts,
 * limitRateAt: board, date, ST, registration-system listings free of limits in their first five
 * sessions). The previous close is the listing's own previous bar (after a suspension, the last
 * close before it, which is the exchange's reference price absent corporate actions).
 *
 *  - `locked`: a buy is blocked only on a bar locked at the upper limit all day (open = high = low =
 *    close = limit), a sell only on a bar locked at the lower limit. A bar that opens at the limit
 *    and trades below it is buyable: the limit order book opened.
 *  - `touch`: a buy is blocked when its fill price is within one tick of the upper limit, a sell
 *    when within one tick of the lower limit (a queue at the limit is assumed not to fill).
 *  - `off`: no block.
 * Selling at the upper limit and buying at the lower limit are never blocked.
 *
 * On a forward-adjusted (`shipped`) series the vendor re-rounded the prices, so the limit is also
 * recognised from the return: |price / prevClose - 1 -+ rate| < 0.0015 (as limitHits does).
 */
import { atLimit, boardFromCode, limitPriceOf, limitRateAt, isRegistrationListing, type Board } from '../../core/limits.js';
import type { BtBars, LimitRule } from '../types.js';
import { CN_TICK } from './market.js';

const ADJUSTED_TOLERANCE = 0.0015;

/** The A-share board whose limits apply: the manifest's, else from the code (600519.SH -> main); null when unknown. */
export function limitBoard(bars: BtBars): Board | null {
  if (bars.market !== 'cn') return null;
  const b = bars.board;
  if (b === 'main' || b === 'chinext' || b === 'star' || b === 'bse') return b;
  return boardFromCode(bars.symbol);
}

/** The limit rate of bar `i` of a listing, 0 when no limit applies (not cn, no previous bar, early registration sessions). */
export function barLimitRate(bars: BtBars, i: number): number {
  if (bars.market !== 'cn' || i <= 0) return 0;
  const board = limitBoard(bars);
  if (board === null) return 0;
  const day = bars.days[i];
  let session = -1;
  let registration = false;
  if (bars.listedDay !== undefined) {
    registration = bars.registration ?? isRegistrationListing(board, bars.listedDay);
    // Sessions since listing counted on the listing's own bars; a listing day before the first
    // bar means the early sessions are not in the data (session stays large).
    if (bars.listedDay >= bars.days[0]) {
      // First bar on or after the listing day, by bisection (this runs once per fill attempt).
      let lo = 0;
      let hi = i;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (bars.days[mid] < bars.listedDay) lo = mid + 1;
        else hi = mid;
      }
      session = i - lo;
    } else session = Number.MAX_SAFE_INTEGER;
  }
  return limitRateAt(board, day, bars.st ?? false, session, registration);
}

/** 'locked' | 'touch' when the limit blocks a buy of bar `i` at `price`, else null. */
export function buyBlock(bars: BtBars, i: number, price: number, rule: LimitRule): string | null {
  return limitBlock(bars, i, price, rule, 1);
}

/** 'locked' | 'touch' when the limit blocks a sell of bar `i` at `price`, else null. */
export function sellBlock(bars: BtBars, i: number, price: number, rule: LimitRule): string | null {
  return limitBlock(bars, i, price, rule, -1);
}

/** The block of a buy (`sign` +1, against the upper limit) or a sell (-1, against the lower). */
function limitBlock(bars: BtBars, i: number, price: number, rule: LimitRule, sign: 1 | -1): string | null {
  if (rule === 'off') return null;
  const rate = barLimitRate(bars, i);
  if (!(rate > 0)) return null;
  const pc = bars.close[i - 1];
  if (!(pc > 0)) return null;
  const tol = bars.priceSource === 'shipped' ? ADJUSTED_TOLERANCE : -1;
  if (rule === 'locked') {
    const o = bars.open[i];
    return o === bars.high[i] && o === bars.low[i] && o === bars.close[i] && atLimit(o, pc, rate, sign, tol) ? 'locked' : null;
  }
  const lim = limitPriceOf(pc, rate, sign);
  const withinTick = sign > 0 ? price >= lim - CN_TICK - 1e-9 : price <= lim + CN_TICK + 1e-9;
  return withinTick || atLimit(price, pc, rate, sign, tol) ? 'touch' : null;
}
