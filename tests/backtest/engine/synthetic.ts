/**
 * Test helpers without the price store (cheap to import): tiny listings from literal rows, signals,
 * a default strategy.
 */
import type { BtBars, BtMarket, BtSignal, BtStrategy, Timing } from '../../../src/backtest/types.js';
import { parseIsoDay } from '../../../src/util/dayNumber.js';

/** Synthetic bars from rows [date, open, high, low, close, volume]. */
export function synthetic(symbol: string, market: BtMarket, rows: [string, number, number, number, number, number][], extra: Partial<BtBars> = {}): BtBars {
  return {
    symbol,
    market,
    exchange: market === 'cn' ? 'SSE' : market === 'hk' ? 'HKEX' : 'NASDAQ',
    board: market === 'cn' ? 'main' : undefined,
    currency: market === 'cn' ? 'CNY' : market === 'hk' ? 'HKD' : 'USD',
    priceSource: 'unadjusted',
    days: Int32Array.from(rows.map((r) => parseIsoDay(r[0]))),
    open: Float64Array.from(rows.map((r) => r[1])),
    high: Float64Array.from(rows.map((r) => r[2])),
    low: Float64Array.from(rows.map((r) => r[3])),
    close: Float64Array.from(rows.map((r) => r[4])),
    volume: Float64Array.from(rows.map((r) => r[5])),
    ...extra,
  };
}

export function signal(b: BtBars, date: string, timing: Timing = 'pre-open', event = `${b.symbol}@${date}`): BtSignal {
  const day0 = parseIsoDay(date);
  const day0Index = b.days.indexOf(day0);
  if (day0Index < 0) throw new Error(`${b.symbol} has no bar on ${date}`);
  return { event, symbol: b.symbol, day0, day0Index, timing };
}

export function strategy(over: Partial<BtStrategy> = {}): BtStrategy {
  return {
    capital: 1_000_000,
    entry: { day: 0, at: 'open' },
    exit: { hold: 1, at: 'close' },
    size: { amount: 100_000 },
    maxPositions: 10,
    limitRule: 'locked',
    costs: 'none',
    maxVolumeShare: 0.1,
    allowLookahead: false,
    lots: 'board',
    ...over,
  };
}

export function mapOf(...list: BtBars[]): Map<string, BtBars> {
  return new Map(list.map((b) => [b.symbol, b]));
}
