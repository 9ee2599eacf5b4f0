/**
 * A basket as one "security" for the study engine: its daily portfolio return on the union of its
 * members' trading days, with the benchmark's closes aligned to those days before returns are
 * taken (as registryProvider does for a stock), so the engine's market model, ARs and CAR tests
 * apply unchanged.
 */
import { alignedReturns } from '../core/returns.js';
import type { DataProvider, Lookup, RegressorSet, SecurityData } from '../study/types.js';

export interface BasketSecurity {
  data: SecurityData;
  /** Benchmark closes on its own days, and its label for the report. */
  benchmark: { label: string; days: Int32Array; close: Float64Array } | { reason: string };
}

export function basketProvider(baskets: ReadonlyMap<string, BasketSecurity>): DataProvider {
  const regCache = new Map<string, Lookup<RegressorSet>>();
  return {
    security(symbol) {
      const b = baskets.get(symbol);
      return b ? { ok: true, value: b.data } : { ok: false, reason: `no basket series for ${symbol}` };
    },
    regressors(sec) {
      const cached = regCache.get(sec.symbol);
      if (cached) return cached;
      const b = baskets.get(sec.symbol);
      let out: Lookup<RegressorSet>;
      if (!b) out = { ok: false, reason: `no basket series for ${sec.symbol}` };
      else if ('reason' in b.benchmark) out = { ok: false, reason: b.benchmark.reason };
      else out = { ok: true, value: { label: b.benchmark.label, columns: { market: alignedReturns(sec.days, b.benchmark.days, b.benchmark.close) } } };
      regCache.set(sec.symbol, out);
      return out;
    },
  };
}
