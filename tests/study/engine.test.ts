/**
 * The engine on a hand-made provider: outcomes per event, keyed by id, and the arithmetic of one
 * event recomputed here (market model by OLS, AR, CAR).
 */
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/study/engine.js';
import { DEFAULT_SETTINGS, type DataProvider, type EngineSettings, type SecurityData, type StudyEvent } from '../../src/study/types.js';
import { dayNumber, formatDay, weekday } from '../../src/util/dayNumber.js';

/** Weekdays from 2022-01-03, n of them. */
function weekdays(n: number): Int32Array {
  const out = new Int32Array(n);
  let d = dayNumber(2022, 1, 3);
  for (let i = 0; i < n; ) {
    if (weekday(d) !== 0 && weekday(d) !== 6) out[i++] = d;
    d++;
  }
  return out;
}

/** Deterministic pseudo-random returns (an LCG), so the test needs no fixture file. */
function series(n: number, seed: number, scale = 0.01): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = ((s / 2 ** 32) - 0.5) * 2 * scale;
  }
  out[0] = NaN;
  return out;
}

const N = 300;
const days = weekdays(N);
const market = series(N, 7);
const stocks: Record<string, Float64Array> = {
  AAA: market.map((m, i) => (i === 0 ? NaN : 0.001 + 1.2 * m + series(N, 11)[i] * 0.5)),
  BBB: market.map((m, i) => (i === 0 ? NaN : -0.0005 + 0.8 * m + series(N, 13)[i] * 0.5)),
};

const provider: DataProvider = {
  security(symbol) {
    const r = stocks[symbol];
    if (!r) return { ok: false, reason: `no data for ${symbol}` };
    const sec: SecurityData = { symbol, days, returns: r, close: null, high: null, low: null, market: 'X' };
    return { ok: true, value: sec };
  },
  regressors() {
    return { ok: true, value: { label: 'M', columns: { market } } };
  },
};

const settings: EngineSettings = { ...DEFAULT_SETTINGS, estimation: [-130, -11], window: [-5, 5], carWindows: [[-1, 1], [0, 2]], bootstrapSamples: 99 };
const ev = (id: string, symbol: string, i: number): StudyEvent => ({ id, eventId: id, symbol, day: days[i], timing: 'intraday' });

describe('runEngine', () => {
  const events = [ev('a1', 'AAA', 200), ev('a2', 'AAA', 250), ev('b1', 'BBB', 200), ev('zz', 'ZZZ', 200), ev('early', 'AAA', 50), ev('late', 'AAA', 298)];
  const res = runEngine(events, provider, settings);
  const byId = new Map(res.events.map((e) => [e.id, e]));

  it('gives every event an outcome, keyed by its id', () => {
    expect(res.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(byId.get('a1')!.outcome).toBe('ok');
    expect(byId.get('zz')!.outcome).toBe('no-price-data');
    expect(byId.get('early')!.outcome).toBe('insufficient-estimation');
    expect(byId.get('early')!.reason).toMatch(/\[-130,-11\]/);
    expect(byId.get('late')!.outcome).toBe('window-gap');
    expect(res.aggregate.n).toBe(3);
  });

  it('never mixes two events of the same firm', () => {
    const a1 = byId.get('a1')!;
    const a2 = byId.get('a2')!;
    expect(a1.day0).toBe(formatDay(days[200]));
    expect(a2.day0).toBe(formatDay(days[250]));
    expect(a1.days.find((d) => d.day === 0)!.date).toBe(formatDay(days[200]));
    expect(a2.days.find((d) => d.day === 0)!.date).toBe(formatDay(days[250]));
    expect(a1.model!.estimationTo).toBe(formatDay(days[189]));
    expect(a2.model!.estimationTo).toBe(formatDay(days[239]));
  });

  it('fits the market model by OLS on the event\'s own window, sigma^2 = SSR/(L-2)', () => {
    const y = stocks.AAA;
    let sx = 0, sy = 0, n = 0;
    for (let i = 70; i <= 189; i++) (sx += market[i]), (sy += y[i]), n++;
    const mx = sx / n, my = sy / n;
    let sxx = 0, sxy = 0;
    for (let i = 70; i <= 189; i++) (sxx += (market[i] - mx) ** 2), (sxy += (market[i] - mx) * (y[i] - my));
    const beta = sxy / sxx;
    const alpha = my - beta * mx;
    let ssr = 0;
    for (let i = 70; i <= 189; i++) ssr += (y[i] - alpha - beta * market[i]) ** 2;
    const m = byId.get('a1')!.model!;
    expect(m.nObs).toBe(120);
    expect(m.beta).toBeCloseTo(beta, 12);
    expect(m.alpha).toBeCloseTo(alpha, 12);
    expect(m.sigma).toBeCloseTo(Math.sqrt(ssr / 118), 12);
    const d0 = byId.get('a1')!.days.find((d) => d.day === 0)!;
    expect(d0.ar).toBeCloseTo(y[200] - alpha - beta * market[200], 12);
    const car = [199, 200, 201].reduce((s, i) => s + y[i] - alpha - beta * market[i], 0);
    expect(byId.get('a1')!.windows.find((w) => w.window[0] === -1)!.car).toBeCloseTo(car, 12);
  });

  it('aggregates AAR over the included events only', () => {
    const d0 = res.aggregate.days.find((d) => d.day === 0)!;
    const ars = ['a1', 'a2', 'b1'].map((id) => byId.get(id)!.days.find((d) => d.day === 0)!.ar!);
    expect(d0.n).toBe(3);
    expect(d0.aar).toBeCloseTo(ars.reduce((s, x) => s + x, 0) / 3, 14);
  });

  it('flags overlapping windows of one listing and counts a shared day 0 once', () => {
    const r = runEngine([ev('x', 'AAA', 200), ev('y', 'AAA', 200), ev('z', 'AAA', 203)], provider, settings);
    expect(r.events.every((e) => e.flags!.some((f) => f.startsWith('confounded')))).toBe(true);
    expect(r.aggregate.n).toBe(2);
    expect(r.events.find((e) => e.id === 'y')!.reason).toMatch(/counted once/);
  });
});
