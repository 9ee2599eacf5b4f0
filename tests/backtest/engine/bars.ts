/**
 * Test helpers: shipped price files as BtBars (through the price store, column cache off so tests
 * write nothing), and tiny synthetic listings for rules the shipped data cannot show.
 */
import { fileURLToPath } from 'node:url';
import { openPriceStore, type PriceStore } from '../../../src/data/prices/store.js';
import type { BtBars, BtMarket } from '../../../src/backtest/types.js';

export { mapOf, signal, strategy, synthetic } from './synthetic.js';

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

