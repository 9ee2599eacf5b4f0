/**
 * Test helpers: shipped price files as BtBars (through the price store, column cache off so tests
 * write nothing), and tiny synthetic listings for rules the shipped data cannot show.
 */
import { fileURLToPath } from 'node:url';
import { openPriceStore, type PriceStore } from '../../../src/data/prices/store.js';
import type { BtBars, BtMarket, BtSignal, BtStrategy, Timing } from '../../../src/backtest/types.js';
import { parseIsoDay } from '../../../src/util/dayNumber.js';

let store: PriceStore | null = null;
const PRICES = fileURLToPath(new URL('../../../prices', import.meta.url));

/** A shipped listing; AKShare volume is in lots of 100 and becomes shares here. */
export function shipped(symbol: string, extra: Partial<BtBars> = {}): BtBars {
  store ??= openPriceStore(PRICES, { cacheDir: null });
  const e = store.entry(symbol);
  const { series, layout } = store.get(symbol);
  const market: BtMarket = e.exchange === 'HKEX' ? 'hk' : e.currency === 'CNY' ? 'cn' : 'us';
  const n = series.days.length;
  const vol = new Float64Array(n).fill(NaN);
  if (series.volume && layout !== 'canonical') for (let i = 0; i < n; i++) vol[i] = series.volume[i] * (layout === 'akshare' ? 100 : 1);
  return {
    symbol,
    market,
    exchange: e.exchange,
    board: e.board as BtBars['board'],
    currency: e.currency,
    priceSource: e.adjustment === 'none' ? 'unadjusted' : 'shipped',
    days: series.days,
    open: series.open ?? series.close,
    high: series.high ?? series.close,
    low: series.low ?? series.close,
    close: series.close,
    volume: vol,
    ...extra,
  };
}

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
