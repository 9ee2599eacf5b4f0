/**
 * The edge between the study's data and the engine: BtBars and BtSignal for every event of a study,
 * built with the study's own pieces (registry selection and expansion from src/study/runStudy.ts,
 * the price store, day 0 by src/calendar/alignEvent.ts exactly as src/study/align.ts calls it), so
 * a backtest trades the very day 0 the study measures.
 *
 * Prices. Fills and lot sizes use the listing's traded prices where the manifest has an unadjusted
 * series (`SYMBOL-unadj`, e.g. prices/cn/unadjusted) for the date; elsewhere the shipped series
 * rescaled by one factor so every return is the shipped series' own. The traded prices are used
 * only over the latest stretch where traded / shipped is constant (no dividend or bonus issue in
 * between), since a corporate action inside a holding would otherwise be booked as a loss.
 * Volume is the shipped series', in shares (AKShare and Tushare report lots of 100).
 */
import { relative, resolve } from 'node:path';
import type { LoadedStudy } from '../study/config.js';
import { expandEvents, selectEvents } from '../study/runStudy.js';
import { checkSelection } from '../study/checkSelection.js';
import { loadEvents } from '../data/events/index.js';
import { calendarExchange, openPriceStore, type PriceStore } from '../data/prices/index.js';
import type { PriceManifestEntry, PriceSeries } from '../data/prices/types.js';
import { alignEventForListing } from '../calendar/alignEvent.js';
import { formatDay } from '../util/dayNumber.js';
import type { BtBars, BtMarket, BtSignal } from './types.js';

export interface PriceNote {
  symbol: string;
  source: 'unadjusted' | 'shipped';
  file: string;
  from: string | null;
  to: string | null;
  note?: string;
}

export interface BacktestData {
  store: PriceStore;
  bars: Map<string, BtBars>;
  /** 1 on a day whose OHLC are traded (unadjusted) prices, per symbol. */
  traded: Map<string, Uint8Array>;
  signals: BtSignal[];
  /** Events of the study that give no signal, with the study's reason. */
  dropped: { event: string; symbol: string; reason: string }[];
  prices: PriceNote[];
  warnings: string[];
}

/** Lots of 100 shares in these vendor layouts' volume column. */
const VOLUME_IN_LOTS = new Set(['akshare', 'tushare']);
/** Shares in these; any other layout's unit is unknown, so no volume cap applies (said in warnings). */
const VOLUME_IN_SHARES = new Set(['yfinance', 'baostock']);
/** Relative jump in traded / shipped close that marks a corporate action (cent rounding stays below 0.1%). */
const FACTOR_STEP = 0.002;

export function marketOfExchange(exchange: string): BtMarket | undefined {
  if (exchange === 'SSE' || exchange === 'SZSE' || exchange === 'BSE') return 'cn';
  if (exchange === 'HKEX') return 'hk';
  if (exchange === 'NYSE' || exchange === 'NASDAQ' || exchange === 'AMEX' || exchange === 'NYSEARCA') return 'us';
  return undefined;
}

export function loadBacktestData(study: LoadedStudy, markets?: readonly BtMarket[]): BacktestData {
  const c = study.config;
  const store = openPriceStore(resolve(study.root, c.pricesDir));
  const all = loadEvents(resolve(study.root, c.eventsDir));
  const selected = selectEvents(all, c.select);
  checkSelection(study, all, selected);
  const events = expandEvents(selected, c.groupBy, c.eventsDir, (s) => (store.has(s) ? store.entry(s).firm : undefined));
  const out: BacktestData = { store, bars: new Map(), traded: new Map(), signals: [], dropped: [], prices: [], warnings: [] };
  for (const ev of events) {
    if (!store.has(ev.symbol)) {
      out.dropped.push({ event: ev.id, symbol: ev.symbol, reason: `no price data for ${ev.symbol}` });
      continue;
    }
    const entry = store.entry(ev.symbol);
    const market = marketOfExchange(entry.exchange);
    if (!market) {
      out.dropped.push({ event: ev.id, symbol: ev.symbol, reason: `${ev.symbol} trades on no exchange (${entry.exchange}): nothing to buy` });
      continue;
    }
    if (markets && !markets.includes(market)) continue;
    if (!out.bars.has(ev.symbol)) buildBars(store, entry, market, study.root, out);
    const bars = out.bars.get(ev.symbol)!;
    const a = alignEventForListing({ date: formatDay(ev.day), timing: ev.timing, time: ev.time, timezone: ev.timezone }, ev.symbol, bars.days, {
      policy: c.nonTradingDay,
      exchange: calendarExchange(entry) ?? entry.exchange,
    });
    if (a.kind === 'error-non-trading-day') throw a.error;
    if (a.kind !== 'ok') {
      out.dropped.push({ event: ev.id, symbol: ev.symbol, reason: a.reason });
      continue;
    }
    out.signals.push({ event: ev.id, symbol: ev.symbol, day0: a.day0, day0Index: a.index, timing: a.local?.timing ?? ev.timing });
  }
  return out;
}

function buildBars(store: PriceStore, entry: PriceManifestEntry, market: BtMarket, root: string, out: BacktestData): void {
  const loaded = store.get(entry.symbol);
  const s = loaded.series;
  const n = s.days.length;
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const traded = new Uint8Array(n);
  // Bars without open/high/low (a close-only file) trade at the close all day.
  for (let i = 0; i < n; i++) {
    close[i] = s.close[i];
    open[i] = s.open?.[i] ?? s.close[i];
    high[i] = s.high?.[i] ?? s.close[i];
    low[i] = s.low?.[i] ?? s.close[i];
  }
  let source: 'unadjusted' | 'shipped' = 'shipped';
  const sib = `${entry.symbol}-unadj`;
  const file = relative(root, store.path(entry.symbol));
  let note: PriceNote = { symbol: entry.symbol, source, file, from: null, to: null, note: `${entry.adjustment} series as shipped` };
  if (entry.adjustment !== 'none' && store.has(sib)) {
    const u = store.get(sib).series;
    const seg = lastConstantSegment(s, u);
    if (seg) {
      for (let i = 0; i < n; i++) {
        close[i] *= seg.factor;
        open[i] *= seg.factor;
        high[i] *= seg.factor;
        low[i] *= seg.factor;
      }
      for (const [i, j] of seg.pairs) {
        close[i] = u.close[j];
        open[i] = u.open?.[j] ?? u.close[j];
        high[i] = u.high?.[j] ?? u.close[j];
        low[i] = u.low?.[j] ?? u.close[j];
        traded[i] = 1;
      }
      source = 'unadjusted';
      const from = formatDay(s.days[seg.pairs[0][0]]);
      const to = formatDay(s.days[seg.pairs[seg.pairs.length - 1][0]]);
      note = {
        symbol: entry.symbol,
        source,
        file: relative(root, store.path(sib)),
        from,
        to,
        note: `traded prices ${from}..${to}; other days ${file} (${entry.adjustment}) x ${seg.factor.toFixed(4)}, the traded/shipped ratio of that stretch, so returns are the shipped ones`,
      };
    }
  }
  out.prices.push(note);
  const layout = loaded.layout;
  const volume = new Float64Array(n).fill(NaN);
  if (s.volume && (VOLUME_IN_LOTS.has(layout) || VOLUME_IN_SHARES.has(layout))) {
    const k = VOLUME_IN_LOTS.has(layout) ? 100 : 1;
    for (let i = 0; i < n; i++) volume[i] = s.volume[i] * k;
  } else {
    out.warnings.push(`${entry.symbol}: volume unit of the ${layout} layout is unknown, so no volume cap applies to its fills`);
  }
  const listedDay = s.days.length && entry.trimmed && formatDay(s.days[0]) > entry.trimmed.slice(0, 10) ? s.days[0] : undefined;
  const board = entry.board as BtBars['board'];
  if (market === 'hk' && entry.lot === undefined) out.warnings.push(`${entry.symbol}: no board lot in the manifest; the default lot applies`);
  out.bars.set(entry.symbol, {
    symbol: entry.symbol,
    market,
    exchange: entry.exchange,
    ...(board ? { board } : {}),
    st: /(^|\*)ST/.test(entry.name),
    ...(entry.lot !== undefined ? { lot: entry.lot } : {}),
    // Whether it is a registration-system listing follows from board and listing day
    // (core isRegistrationListing, applied by rules/priceLimit): not restated here.
    ...(listedDay !== undefined ? { listedDay } : {}),
    currency: entry.currency,
    // The engine recognises limit prices loosely on a re-rounded (adjusted) series: only a listing
    // whose every bar is a traded price is 'unadjusted' to it. Trades say per fill (traded mask).
    priceSource: source === 'unadjusted' && traded.every((x) => x === 1) ? 'unadjusted' : 'shipped',
    days: s.days,
    open,
    high,
    low,
    close,
    volume,
  });
  out.traded.set(entry.symbol, traded);
}

/**
 * Common days of the shipped (a) and traded (u) series, split where traded / shipped jumps by more
 * than FACTOR_STEP (a corporate action); the last stretch, with its median factor.
 */
function lastConstantSegment(a: PriceSeries, u: PriceSeries): { factor: number; pairs: [number, number][] } | undefined {
  let seg: [number, number][] = [];
  let prev = NaN;
  for (let i = 0, j = 0; i < a.days.length && j < u.days.length; ) {
    if (a.days[i] === u.days[j]) {
      const f = u.close[j] / a.close[i];
      if (Number.isFinite(f) && f > 0) {
        if (Number.isFinite(prev) && Math.abs(f / prev - 1) > FACTOR_STEP) seg = [];
        seg.push([i, j]);
        prev = f;
      }
      i++;
      j++;
    } else if (a.days[i] < u.days[j]) i++;
    else j++;
  }
  if (!seg.length) return undefined;
  const fs = seg.map(([i, j]) => u.close[j] / a.close[i]).sort((x, y) => x - y);
  return { factor: fs[fs.length >> 1], pairs: seg };
}
