/**
 * The simulation universe: the shipped A-share stocks (or any listings asked for, HK and US ones
 * included), each with its returns on its own trading days and its benchmark's returns aligned to
 * those days, loaded once and shared by every sample. A-shares are regressed on one benchmark (CSI
 * 300 by default); other listings on the manifest's `benchmark` of each (HSI for HK, S&P 500 for US),
 * as a study on the registry does, so a simulated HK or US event sees the model a real one gets.
 */
import type { PriceStore } from '../data/prices/index.js';
import { calendarExchange } from '../data/prices/manifest.js';
import { alignedReturns, returnsFromCloses } from '../core/index.js';
import { marketOf } from '../study/providers/marketLabel.js';
import type { DataProvider, Lookup, RegressorSet, SecurityData } from '../study/types.js';

export interface SimSecurity {
  symbol: string;
  name: string;
  data: SecurityData;
  /** The benchmark's simple return on each of the security's rows (NaN where it has none). */
  market: Float64Array;
  /**
   * First row whose return may enter an estimation window: 1, or for a stock that listed inside
   * the panel, the row after its first `listingBuffer` trading days (IPO-period returns are not
   * normal returns: STAR listings move +100..+300% on day one, with no price limit for 5 days).
   */
  firstUsableRow: number;
  /** The benchmark symbol regressed on. */
  benchmark: string;
  /** The manifest's issuer slug: listings sharing it are one firm's cross-listings. */
  firm?: string;
  /** The benchmark's own trading days (gap-return flags, as the registry provider gives them). */
  sessionDays: Int32Array;
}

export interface Universe {
  benchmark: string;
  benchmarkName: string;
  securities: SimSecurity[];
  bySymbol: Map<string, SimSecurity>;
}

export interface UniverseOptions {
  /** Benchmark symbol of the A-shares' market model (default CSI 300, 000300.SH); other listings use their manifest benchmark. */
  benchmark?: string;
  /** Restrict to these symbols (default: every A-share stock of the manifest, unadjusted cross-checks left out). */
  symbols?: readonly string[];
  /** Trading days after a listing inside the panel kept out of estimation windows (default 20). */
  listingBuffer?: number;
}

export function loadUniverse(store: PriceStore, opts: UniverseOptions = {}): Universe {
  const benchmark = opts.benchmark ?? '000300.SH';
  const buffer = opts.listingBuffer ?? 20;
  const bench = store.get(benchmark).series;
  const benchStart = bench.days[0];
  const benchSeries = new Map<string, typeof bench>([[benchmark, bench]]);
  const seriesOf = (sym: string) => {
    let b = benchSeries.get(sym);
    if (!b) benchSeries.set(sym, (b = store.get(sym).series));
    return b;
  };
  const wanted = opts.symbols ? new Set(opts.symbols) : null;
  const securities: SimSecurity[] = [];
  for (const e of store.entries()) {
    if (wanted ? !wanted.has(e.symbol) : e.kind !== 'stock' || marketOf(e.exchange, e.symbol) !== 'A-share' || e.symbol.includes('-')) continue;
    const s = store.get(e.symbol).series;
    const market = marketOf(e.exchange, e.symbol);
    const benchSym = market === 'A-share' ? benchmark : (e.benchmark ?? benchmark);
    const b = seriesOf(benchSym);
    const data: SecurityData = {
      symbol: e.symbol,
      name: e.name,
      exchange: e.exchange,
      calendar: calendarExchange(e),
      board: e.board,
      market,
      adjusted: e.adjustment === 'forward' || e.adjustment === 'backward',
      days: s.days,
      returns: returnsFromCloses(s.close, 'simple'),
      close: s.close,
      high: s.high,
      low: s.low,
    };
    // Listed after the benchmark's first day by more than a week: an IPO inside the panel.
    const listedInside = s.days[0] > Math.max(benchStart, b.days[0]) + 7;
    securities.push({
      symbol: e.symbol,
      name: e.name,
      data,
      market: alignedReturns(s.days, b.days, b.close, 'simple'),
      firstUsableRow: listedInside ? 1 + buffer : 1,
      benchmark: benchSym,
      ...(e.firm ? { firm: e.firm } : {}),
      sessionDays: b.days,
    });
  }
  if (wanted) {
    const missing = [...wanted].filter((s) => !securities.some((x) => x.symbol === s));
    if (missing.length) throw new RangeError(`not in the price store: ${missing.join(', ')}`);
  }
  return {
    benchmark,
    benchmarkName: store.entry(benchmark).name,
    securities,
    bySymbol: new Map(securities.map((s) => [s.symbol, s])),
  };
}

/**
 * A DataProvider over the universe: every security against its benchmark. `sessionDays` hands the
 * engine the benchmark's trading days for gap-return detection: needed when gap returns are
 * excluded from estimation (they change numbers then); under the default 'flag' they only feed
 * per-event flags, which a simulation never reads, and cost about 15% of the engine's time.
 */
export function universeProvider(u: Universe, opts: { sessionDays?: boolean } = {}): DataProvider {
  const regs = new Map<string, Lookup<RegressorSet>>();
  return {
    security(symbol: string): Lookup<SecurityData> {
      const s = u.bySymbol.get(symbol);
      return s ? { ok: true, value: s.data } : { ok: false, reason: `${symbol} is not in the simulation universe` };
    },
    regressors(sec: SecurityData): Lookup<RegressorSet> {
      let r = regs.get(sec.symbol);
      if (!r) {
        const s = u.bySymbol.get(sec.symbol);
        r = s
          ? { ok: true, value: { label: s.benchmark, columns: { market: s.market }, ...(opts.sessionDays ? { sessionDays: s.sessionDays } : {}) } }
          : { ok: false, reason: `${sec.symbol} is not in the simulation universe` };
        regs.set(sec.symbol, r);
      }
      return r;
    },
  };
}
