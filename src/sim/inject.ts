/**
 * Abnormal-return injection, Brown & Warner (1980, 1985): a DataProvider wrapper that adds a fixed
 * abnormal return to a security's return on chosen days (day 0 of the simulated events), leaving the
 * benchmark untouched. The engine then sees a stock that beat its normal return by exactly that much.
 *
 * Only `returns` change: closes, highs and lows are passed through, so the raw-move fields of a
 * report on injected data do not include the shock (the tests never read them).
 */
import type { DataProvider, Lookup, SecurityData } from '../study/types.js';

export interface Shock {
  symbol: string;
  /** The trading day (day number) whose return gets the shock. */
  day: number;
  /** Added to the simple return of that day, e.g. 0.01 for +1%. */
  ar: number;
}

export function withAbnormalReturns(base: DataProvider, shocks: readonly Shock[]): DataProvider {
  const bySymbol = new Map<string, Shock[]>();
  for (const s of shocks) {
    if (s.ar === 0) continue;
    const list = bySymbol.get(s.symbol) ?? [];
    list.push(s);
    bySymbol.set(s.symbol, list);
  }
  if (bySymbol.size === 0) return base;
  return {
    security(symbol: string): Lookup<SecurityData> {
      const found = base.security(symbol);
      const list = bySymbol.get(symbol);
      if (!found.ok || !list) return found;
      const sec = found.value;
      const returns = Float64Array.from(sec.returns);
      for (const s of list) {
        const row = indexOfDay(sec.days, s.day);
        if (row < 1) throw new RangeError(`shock on ${symbol}: day ${s.day} is not a trading day with a return`);
        returns[row] += s.ar;
      }
      return { ok: true, value: { ...sec, returns } };
    },
    regressors: (sec, ev) => base.regressors(sec, ev),
  };
}

function indexOfDay(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] === day) return mid;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
