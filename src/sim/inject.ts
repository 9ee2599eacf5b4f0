/**
 * Abnormal-return injection, Brown & Warner (1980, 1985): a DataProvider wrapper that adds a fixed
 * abnormal return to a security's return on chosen days (day 0 of the simulated events), leaving the
 * benchmark untouched. The engine then sees a stock that beat its normal return by exactly that much.
 *
 * Only `returns` change: closes, highs and lows are passed through, so the raw-move fields of a
 * report on injected data do not include the shock (the tests never read them).
 */
import type { DataProvider, Lookup, SecurityData } from '../study/types.js';
import { limitRate, ols, type Board } from '../core/index.js';
import type { Rng } from './prng.js';
import type { SimEvent } from './sample.js';
import type { Universe } from './universe.js';

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

const BOARDS: readonly string[] = ['main', 'chinext', 'star', 'bse'];

/**
 * A day-0 injection of `ar` as an A-share price limit lets it through: the day's return is capped at
 * the board's limit (10% main board, 20% ChiNext from 2020-08-24 and STAR), the excess carried into
 * the next day's return, capped again there, and so on to the end of the data, as an unfilled
 * limit-up queue does (Kim & Rhee 1997). The carry adds to a day's return as the plain injection
 * does (so a day the limit does not bind gets exactly the plain shock): a day at r with carry c
 * becomes min(r + c, limit), and r + c - min(r + c, limit) is carried on.
 * A day already above the limit (an adjusted series, an ex-right day) is never lowered. Listings
 * without a board (HK, US) get the plain shock. Events of one listing are applied in day order on
 * one working copy, so a follow-up event's day 0 sees an earlier event's carry.
 *
 * Example: main board, day-0 return +9.0%, ar = +2%: day 0 becomes +10.0% (shock +1.0%) and the
 * next day's +0.5% becomes +1.5% (shock +1.0%): the CAR over [0,1] gets the whole +2%.
 */
export function censoredShocks(u: Universe, events: readonly SimEvent[], ar: number): Shock[] {
  const out: Shock[] = [];
  const bySymbol = new Map<string, SimEvent[]>();
  for (const e of events) bySymbol.set(e.symbol, [...(bySymbol.get(e.symbol) ?? []), e]);
  for (const [symbol, list] of bySymbol) {
    const sec = u.bySymbol.get(symbol);
    if (!sec) throw new RangeError(`${symbol} is not in the simulation universe`);
    const board = sec.data.board;
    if (sec.data.market !== 'A-share' || !board || !BOARDS.includes(board)) {
      for (const e of list) out.push({ symbol, day: e.day, ar });
      continue;
    }
    const base = sec.data.returns;
    const work = new Map<number, number>();
    const ret = (row: number) => work.get(row) ?? base[row];
    for (const e of [...list].sort((a, b) => a.row - b.row)) {
      let carry = ar;
      for (let row = e.row; row < base.length && carry > 1e-12; row++) {
        const r = ret(row);
        const limit = limitRate(board as Board, sec.data.days[row]);
        const capped = Math.max(r, Math.min(r + carry, limit));
        work.set(row, capped);
        carry = r + carry - capped;
      }
    }
    for (const [row, r] of work) if (r !== base[row]) out.push({ symbol, day: sec.data.days[row], ar: r - base[row] });
  }
  return out;
}

/**
 * Event-induced variance (Brown & Warner 1985 section 5; Boehmer, Musumeci & Poulsen 1991): each
 * event's day-0 abnormal return is multiplied by sqrt(v), v uniform on [lo, hi], so its variance is v
 * times the estimation-window one and its mean stays 0 under the null. The AR is the market-model
 * residual of day 0 from an OLS fit on the event's estimation rows (the engine's model, without its
 * contamination and limit-day exclusions), so the shock is (sqrt(v) - 1) x AR_0 on day 0.
 *
 * Example: AR_0 = -1.5%, v = 4: the day-0 return falls by a further 1.5% (AR_0 becomes -3.0%).
 */
export function eventVarianceShocks(u: Universe, events: readonly SimEvent[], estimation: [number, number], rng: Rng, ratio: [number, number]): Shock[] {
  return events.map((e) => {
    const sec = u.bySymbol.get(e.symbol);
    if (!sec) throw new RangeError(`${e.symbol} is not in the simulation universe`);
    const v = ratio[0] + (ratio[1] - ratio[0]) * rng.next();
    const ar0 = marketModelResidual(sec.data.returns, sec.market, e.row + estimation[0], e.row + estimation[1], e.row);
    return { symbol: e.symbol, day: e.day, ar: Number.isFinite(ar0) ? (Math.sqrt(v) - 1) * ar0 : 0 };
  });
}

/** r_t - (a + b m_t) with a, b the OLS fit of r on m over rows [from, to] (NaN pairs skipped; core/ols.ts). */
function marketModelResidual(r: Float64Array, m: Float64Array, from: number, to: number, t: number): number {
  const fit = ols(r, [m], { from: Math.max(1, from), to });
  if (!fit.ok) return NaN;
  const [a, b] = fit.coefficients;
  return r[t] - a - b * m[t];
}
