/**
 * Trading rules by market that do not depend on prices: settlement (may shares bought today be sold
 * today), board lots and the price tick. Price limits are in priceLimit.ts.
 *
 *  - cn (SSE, SZSE, BSE): T+1 — shares bought in a session are sellable from the next session
 *    (SSE/SZSE trading rules 3.1.4 / 3.1.5). Buys in board lots of 100 (rules 3.3.x); STAR Market
 *    buys of at least 200 shares then steps of 1 share (SSE STAR trading special rules art. 4.2.5 /
 *    4.2.6). Sells may include an odd lot only when it is the whole holding; the engine sells whole
 *    lots unless selling everything. Tick 0.01 CNY.
 *  - hk (HKEX): board lot per security (manifest field `lot`; default 100 with a warning), same-day
 *    round trips allowed (T+2 settlement does not restrict resale), no daily price limit.
 *  - us (NYSE, NASDAQ, ...): lots of 1, same-day round trips allowed, no daily price limit (the
 *    LULD bands are intraday pauses, not modelled).
 */
import type { BtBars, BtMarket } from '../types.js';

export const CN_BOARD_LOT = 100;
export const STAR_MIN_BUY = 200;
export const HK_DEFAULT_LOT = 100;
export const CN_TICK = 0.01;

/** True when shares bought in a session may not be sold in that session. */
export function sameDaySellBlocked(market: BtMarket): boolean {
  return market === 'cn';
}

/** Lot step and minimum buy of a listing; `one` (frictionless) is 1 and 1. */
export interface LotRule {
  step: number;
  min: number;
  /** The HK default lot was assumed (the caller may warn). */
  defaulted: boolean;
}

export function lotRule(bars: BtBars, lots: 'board' | 'one'): LotRule {
  if (lots === 'one') return { step: 1, min: 1, defaulted: false };
  if (bars.market === 'cn') return bars.board === 'star' ? { step: 1, min: STAR_MIN_BUY, defaulted: false } : { step: CN_BOARD_LOT, min: CN_BOARD_LOT, defaulted: false };
  if (bars.market === 'hk') {
    const lot = bars.lot;
    if (lot !== undefined && Number.isInteger(lot) && lot > 0) return { step: lot, min: lot, defaulted: false };
    return { step: HK_DEFAULT_LOT, min: HK_DEFAULT_LOT, defaulted: true };
  }
  return { step: 1, min: 1, defaulted: false };
}

/** The largest buyable quantity <= `shares` (0 when below the minimum). @example roundDownBuy(250.7, {step:100,min:100}) // 200 */
export function roundDownBuy(shares: number, lot: LotRule): number {
  const q = Math.floor(shares / lot.step + 1e-9) * lot.step;
  return q >= lot.min ? q : 0;
}

/** Sellable quantity <= `shares` out of `held`: everything, or whole lots. */
export function roundDownSell(shares: number, held: number, lot: LotRule): number {
  if (shares >= held) return held;
  return Math.floor(shares / lot.step + 1e-9) * lot.step;
}
