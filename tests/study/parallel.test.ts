/**
 * Worker threads change nothing but the time: the report JSON of a synthetic study (clustered event
 * days, missing returns, two groups) is byte-identical on 1 and on 2 threads.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runEngine } from '../../src/study/engine.js';
import { parallelTaskCount, stopWorkers } from '../../src/study/parallel.js';
import { DEFAULT_SETTINGS, type DataProvider, type EngineSettings, type StudyEvent } from '../../src/study/types.js';
import { toJson } from '../../src/report/write.js';
import { mulberry32 } from '../../src/stats/random.js';
import type { ReportJson } from '../../src/report/schema.js';

/** Business days from 2020-01-06 on, as day numbers. */
function businessDays(n: number): Int32Array {
  const out = new Int32Array(n);
  let d = 18267; // 2020-01-06, a Monday
  for (let i = 0; i < n; i++) {
    out[i] = d;
    d += (d - 18267) % 7 === 4 ? 3 : 1;
  }
  return out;
}

function workload(): { events: StudyEvent[]; provider: DataProvider } {
  const rnd = mulberry32(7);
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const days = businessDays(700);
  const market = Float64Array.from(days, () => 0.0003 + 0.01 * gauss());
  const symbols = Array.from({ length: 40 }, (_, k) => `S${k}`);
  const returns = new Map<string, Float64Array>();
  for (const s of symbols) {
    const beta = 0.5 + rnd();
    const r = Float64Array.from(market, (m) => 0.0002 + beta * m + 0.02 * gauss());
    // A suspension: a few missing returns.
    const at = 100 + Math.floor(rnd() * 500);
    if (rnd() < 0.3) r.fill(NaN, at, at + 4);
    r[0] = NaN;
    returns.set(s, r);
  }
  const events: StudyEvent[] = [];
  for (let k = 0; k < 320; k++) {
    // Event days cluster on 30 dates, so r-bar meets groups of events sharing their days.
    const row = 300 + Math.floor(rnd() * 30) * 12;
    const symbol = symbols[Math.floor(rnd() * symbols.length)];
    events.push({ id: `e${k}`, eventId: `e${k}`, symbol, day: days[row], timing: 'intraday', group: k % 2 ? 'odd' : 'even' });
  }
  const provider: DataProvider = {
    security: (symbol) => ({ ok: true, value: { symbol, days, returns: returns.get(symbol)!, close: null, high: null, low: null } }),
    regressors: () => ({ ok: true, value: { label: 'market', columns: { market } } }),
  };
  return { events, provider };
}

function report(threads: number): string {
  const { events, provider } = workload();
  const settings: EngineSettings = { ...DEFAULT_SETTINGS, bootstrapSamples: 199, window: [-5, 5], carWindows: [[-1, 1], [0, 2], [-5, 5]] };
  const r = runEngine(events, provider, settings, undefined, { threads });
  const json = { events: r.events, aggregate: r.aggregate, groups: r.groups, notes: r.notes } as unknown as ReportJson;
  return toJson(json);
}

describe('worker threads', () => {
  const before = process.env.EVSTUDY_PARALLEL_MIN_EVENTS;
  afterAll(async () => {
    if (before === undefined) delete process.env.EVSTUDY_PARALLEL_MIN_EVENTS;
    else process.env.EVSTUDY_PARALLEL_MIN_EVENTS = before;
    await stopWorkers();
  });

  it('1 and 2 threads give byte-identical report JSON', () => {
    process.env.EVSTUDY_PARALLEL_MIN_EVENTS = '100';
    const one = report(1);
    const tasks = parallelTaskCount();
    const two = report(2);
    // The second run did go through the workers (whole panel and both groups).
    expect(parallelTaskCount()).toBeGreaterThan(tasks);
    expect(two).toBe(one);
    expect(JSON.parse(one).aggregate.rbar).not.toBeNull();
  });
});
