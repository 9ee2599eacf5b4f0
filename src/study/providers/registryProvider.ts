/**
 * Data for a study over the shipped price store: each listing on its own trading days, and its
 * benchmark's closes aligned to those days before returns are taken, so the benchmark return
 * always spans the same two dates as the stock's (a holiday on the benchmark's exchange gives a
 * missing value, never a zero return).
 */
import { dirname, join, relative } from 'node:path';
import { calendarExchange, type PriceStore } from '../../data/prices/index.js';
import { alignedReturns, excludeSelfSeries, returnsFromCloses } from '../../core/index.js';
import { readWeightTable, weightsOf, type WeightTable } from '../../data/prices/weights.js';
import { EvstudyError } from '../../util/errors.js';
import type { DataProvider, Lookup, RegressorSet, SecurityData } from '../types.js';
import { defaultBenchmark, marketOf } from './marketLabel.js';

export interface RegistryProviderOptions {
  returnType: 'simple' | 'log';
  /**
   * Benchmark overrides (the study's `benchmarks`): keyed by a listing's symbol, or by
   * `market:<A-share | Hong Kong | US>` for every listing of that market; a symbol key wins.
   */
  benchmarks?: Record<string, string>;
  /** Take the listing out of its benchmark where the manifest gives the index's constituent weights. */
  excludeSelf?: boolean;
}

/** The market keys a study's `benchmarks` may use besides symbols (marketOf's labels). */
export const BENCHMARK_MARKETS = ['A-share', 'Hong Kong', 'US'] as const;

export interface BenchmarkChoice {
  symbol: string;
  /** Why: `study benchmarks.BABA`, `study benchmarks.market:US`, `manifest`, or the exchange default. */
  source: string;
}

/**
 * The benchmark of a listing and why: the study's override for its symbol, else for its market,
 * else the manifest's `benchmark`, else the default of its exchange and board (marketLabel.ts).
 */
export function benchmarkChoice(store: PriceStore, overrides: Record<string, string> | undefined, symbol: string): BenchmarkChoice | undefined {
  if (overrides?.[symbol]) return { symbol: overrides[symbol], source: `study benchmarks.${symbol}` };
  if (!store.has(symbol)) return undefined;
  const e = store.entry(symbol);
  const market = marketOf(e.exchange, symbol);
  const byMarket = overrides?.[`market:${market}`];
  if (byMarket) return { symbol: byMarket, source: `study benchmarks.market:${market}` };
  if (e.benchmark) return { symbol: e.benchmark, source: 'manifest' };
  const d = defaultBenchmark(e.exchange, e.board, symbol);
  return d ? { symbol: d, source: `default for ${market} listings` } : undefined;
}

export function registryProvider(store: PriceStore, opts: RegistryProviderOptions): DataProvider & {
  benchmarkOf(symbol: string): string | undefined;
} {
  const benchmarkOf = (symbol: string): string | undefined => benchmarkChoice(store, opts.benchmarks, symbol)?.symbol;
  const regCache = new Map<string, Lookup<RegressorSet>>();
  const weightTables = new Map<string, WeightTable>();
  // Reasons name the manifest as the user knows it (relative to the working directory).
  const manifest = relative(process.cwd(), store.manifestFile) || store.manifestFile;
  return {
    benchmarkOf,
    security(symbol: string): Lookup<SecurityData> {
      if (!store.has(symbol)) return { ok: false, reason: `no price data for ${symbol}: not in ${manifest}` };
      const entry = store.entry(symbol);
      const loaded = store.get(symbol);
      const s = loaded.series;
      return {
        ok: true,
        value: {
          symbol,
          name: entry.name,
          exchange: entry.exchange,
          calendar: calendarExchange(entry),
          board: entry.board,
          market: marketOf(entry.exchange, symbol),
          adjusted: entry.adjustment === 'forward' || entry.adjustment === 'backward',
          days: s.days,
          returns: returnsFromCloses(s.close, opts.returnType),
          close: s.close,
          high: s.high,
          low: s.low,
        },
      };
    },
    regressors(sec: SecurityData): Lookup<RegressorSet> {
      const cached = regCache.get(sec.symbol);
      if (cached) return cached;
      const choice = benchmarkChoice(store, opts.benchmarks, sec.symbol);
      const b = choice?.symbol;
      let out: Lookup<RegressorSet>;
      if (!b) out = { ok: false, reason: `no benchmark known for ${sec.symbol}: set one in the manifest or the study's benchmarks` };
      else if (!store.has(b)) out = { ok: false, reason: `benchmark ${b} of ${sec.symbol} is not in ${manifest}` };
      else {
        // A bad weights table is the study's input error (exit 3 at its line), not one event's outcome.
        const cw = opts.excludeSelf ? store.entry(b).constituentWeights : undefined;
        let table = cw ? weightTables.get(b) : undefined;
        if (cw && !table) weightTables.set(b, (table = readWeightTable(join(dirname(store.manifestFile), cw.file))));
        try {
          const bs = store.get(b).series;
          const bEntry = store.entry(b);
          let market = alignedReturns(sec.days, bs.days, bs.close, opts.returnType);
          let label = `${b} ${bEntry.name}`;
          let source = choice!.source;
          if (opts.excludeSelf) {
            if (!cw || !table) source += `; exclude-self not possible: the manifest gives no constituentWeights for ${b}`;
            else {
              const w = weightsOf(table, sec.symbol);
              if (!w) source += `; exclude-self: ${sec.symbol} is not a constituent in ${cw.file}, ${b} used as it is`;
              else {
                market = excludeSelfSeries(sec.days, market, sec.returns, w, cw.mode, opts.returnType).returns;
                label = `${label} ex-${sec.symbol}`;
                source += `; exclude-self: R_ex = (R_I - w R_i) / (1 - w), w from ${cw.file} (${cw.source}), ${cw.mode === 'drifted' ? 'drifted with returns between publications' : 'as published'}; days before its first date have no benchmark return`;
              }
            }
          }
          out = { ok: true, value: { label, columns: { market }, sessionDays: bs.days, source } };
        } catch (e) {
          if (!(e instanceof EvstudyError)) throw e;
          out = { ok: false, reason: `benchmark ${b}: ${e.format()}` };
        }
      }
      regCache.set(sec.symbol, out);
      return out;
    },
  };
}
