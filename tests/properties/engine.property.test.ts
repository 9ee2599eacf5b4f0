/**
 * Properties of the study engine on synthetic data, through `runEngine` with a hand-made
 * DataProvider (no files): the sum of the ARs over a window is its CAR; reordering the events
 * leaves every aggregate unchanged; market-adjusted ARs do not move when one constant is added to
 * both the stock's and the market's returns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEngine, type EngineResult } from '../../src/study/engine.js';
import type { DataProvider, EngineSettings, SecurityData, StudyEvent } from '../../src/study/types.js';
import { dayNumber } from '../../src/util/dayNumber.js';
import { normalGenerator } from '../core/prng.js';

/** N weekdays from 2021-01-04 as day numbers. */
function weekdays(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let d = dayNumber(2021, 1, 4), k = 0; k < n; d++) {
    const wd = (((d + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday: 0 = Sunday
    if (wd !== 0 && wd !== 6) out[k++] = d;
  }
  return out;
}

interface Synthetic {
  days: Int32Array;
  market: Float64Array;
  stocks: Map<string, Float64Array>;
}

/** Market-model returns for `nStocks` stocks over `n` days; `holes` sets some returns missing. */
function synthetic(seed: number, nStocks: number, n = 200, holes = 0): Synthetic {
  const g = normalGenerator(seed);
  const days = weekdays(n);
  const market = new Float64Array(n);
  for (let i = 0; i < n; i++) market[i] = g(0.0003, 0.01);
  market[0] = NaN; // row 0 of a listing has no return
  const stocks = new Map<string, Float64Array>();
  for (let s = 0; s < nStocks; s++) {
    const beta = 0.5 + s * 0.3;
    const r = new Float64Array(n);
    for (let i = 0; i < n; i++) r[i] = 0.0002 + beta * market[i] + g(0, 0.015);
    r[0] = NaN;
    for (let h = 0; h < holes; h++) r[1 + Math.floor(Math.abs(g(0, 1)) * 1000) % (n - 1)] = NaN;
    stocks.set(`S${s}`, r);
  }
  return { days, market, stocks };
}

function provider(data: Synthetic): DataProvider {
  return {
    security(symbol) {
      const returns = data.stocks.get(symbol);
      if (!returns) return { ok: false, reason: `no data for ${symbol}` };
      const sec: SecurityData = { symbol, exchange: 'NYSE', days: data.days, returns, close: null, high: null, low: null };
      return { ok: true, value: sec };
    },
    regressors() {
      return { ok: true, value: { label: 'synthetic market', columns: { market: data.market } } };
    },
  };
}

const SETTINGS: EngineSettings = {
  model: 'market',
  estimation: [-100, -11],
  window: [-5, 5],
  carWindows: [
    [-1, 1],
    [0, 2],
    [-5, 5],
  ],
  minEstimation: 50,
  nonTradingDay: 'next',
  returnType: 'given',
  seed: 7,
  bootstrapSamples: 49,
  varianceConvention: 'model-df',
  testConvention: 'estudy2',
  groupBy: 'none',
};

/** Events on rows 110..190 of the stocks (some share a stock: overlapping windows included). */
const eventsArb = (nStocks: number) =>
  fc.uniqueArray(fc.record({ stock: fc.integer({ min: 0, max: nStocks - 1 }), row: fc.integer({ min: 110, max: 190 }), group: fc.constantFrom('g1', 'g2', null) }), {
    minLength: 2,
    maxLength: 8,
    selector: (e) => `${e.stock}:${e.row}:${e.group}`, // same listing and day twice: allowed (counted once)
  });

function toEvents(days: Int32Array, specs: { stock: number; row: number; group: string | null }[]): StudyEvent[] {
  return specs.map((e, i) => ({ id: `ev-${i}`, eventId: `ev-${i}`, symbol: `S${e.stock}`, day: days[e.row], timing: 'intraday', group: e.group }));
}

/** Deep equality with numbers equal up to a relative 1e-9 (sums in another order). */
function expectClose(a: unknown, b: unknown, path = '$'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) {
      expect(Number.isNaN(a) && Number.isNaN(b), path).toBe(true);
      return;
    }
    expect(Math.abs(a - b), `${path}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length, path).toBe(b.length);
    a.forEach((x, i) => expectClose(x, b[i], `${path}[${i}]`));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(a)) expectClose((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  expect(a, path).toEqual(b);
}

const byId = (r: EngineResult) => new Map(r.events.map((e) => [e.id, e]));

describe('engine properties', () => {
  it('the sum of the ARs over a window equals its CAR (every complete window of every event)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 6 }), fc.constantFrom<EngineSettings['model']>('market', 'mean', 'market-adjusted'), (seed, holes, model) => {
        const data = synthetic(seed, 3, 200, holes);
        const events = toEvents(data.days, [
          { stock: 0, row: 120, group: null },
          { stock: 1, row: 150, group: null },
          { stock: 2, row: 185, group: null },
        ]);
        const res = runEngine(events, provider(data), { ...SETTINGS, model });
        let checked = 0;
        for (const ev of res.events) {
          for (const w of ev.windows) {
            const [a, b] = w.window;
            const ars = ev.days.filter((d) => d.day >= a && d.day <= b).map((d) => d.ar);
            if ((w.missingDays ?? 0) > 0) {
              // A window with a missing day has no CAR, and says how many days are missing.
              expect(w.car).toBeNull();
              expect(ars.filter((x) => x === null).length).toBe(w.missingDays);
              continue;
            }
            const sum = (ars as number[]).reduce((s, x) => s + x, 0);
            const scale = (ars as number[]).reduce((s, x) => s + Math.abs(x), 0);
            expect(Math.abs(sum - (w.car as number)), `${ev.id} [${a},${b}]`).toBeLessThanOrEqual(1e-12 * (1 + scale));
            checked++;
          }
        }
        // At least the windows of events without holes were checked.
        return holes > 0 || checked === res.events.length * 4;
      }),
      { numRuns: 25 },
    );
  });

  it('reordering the events leaves the aggregates (bootstrap included) and every event unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        eventsArb(4).chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs, { minLength: specs.length, maxLength: specs.length }))),
        (seed, [specs, shuffled]) => {
          const data = synthetic(seed, 4);
          // Ids travel with their events, so the shuffled run is the same study in another order.
          const events = toEvents(data.days, specs);
          const idOf = new Map(specs.map((s, i) => [s, events[i]]));
          const reordered = shuffled.map((s) => idOf.get(s)!);
          const a = runEngine(events, provider(data), SETTINGS);
          const b = runEngine(reordered, provider(data), SETTINGS);
          expectClose(a.aggregate, b.aggregate, 'aggregate');
          expectClose(a.groups, b.groups, 'groups');
          expect([...a.notes].sort()).toEqual([...b.notes].sort());
          const ea = byId(a);
          const eb = byId(b);
          for (const [id, ev] of ea) expectClose({ ...ev, flags: [...(ev.flags ?? [])].sort() }, { ...eb.get(id)!, flags: [...(eb.get(id)!.flags ?? [])].sort() }, id);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('market-adjusted ARs are invariant to adding one constant to both return series', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: -0.05, max: 0.05, noNaN: true }), (seed, c) => {
        const data = synthetic(seed, 2, 200, 2);
        const shifted: Synthetic = {
          days: data.days,
          market: data.market.map((x) => x + c),
          stocks: new Map([...data.stocks].map(([s, r]) => [s, r.map((x) => x + c)])),
        };
        const specs = [
          { stock: 0, row: 140, group: null },
          { stock: 1, row: 170, group: null },
        ];
        const settings = { ...SETTINGS, model: 'market-adjusted' as const };
        const a = runEngine(toEvents(data.days, specs), provider(data), settings);
        const b = runEngine(toEvents(data.days, specs), provider(shifted), settings);
        for (let i = 0; i < a.events.length; i++) {
          const [ea, eb] = [a.events[i], b.events[i]];
          expect(eb.outcome).toBe(ea.outcome);
          ea.days.forEach((d, k) => {
            const e = eb.days[k].ar;
            if (d.ar === null) expect(e).toBeNull();
            else expect(Math.abs((e as number) - d.ar), `${ea.id} day ${d.day}`).toBeLessThanOrEqual(1e-12);
          });
          ea.windows.forEach((w, k) => {
            if (w.car === null) expect(eb.windows[k].car).toBeNull();
            else expect(Math.abs((eb.windows[k].car as number) - w.car)).toBeLessThanOrEqual(1e-11);
          });
        }
      }),
      { numRuns: 30 },
    );
  });
});
