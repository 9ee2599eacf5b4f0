/**
 * Seeded Brown & Warner (1985) style simulation on the shipped A-share returns (src/sim): the size of
 * every test at random event dates, and the clustered-date case of Kolari & Pynnönen (2010). The
 * full-size run with power is bench/size-power.ts (table in bench/size-power.md).
 *
 * Design (small enough for seconds): 400 samples of 30 events, each a distinct stock of the 78-name
 * panel with day 0 drawn uniformly among its trading days that leave a full estimation window
 * [-130,-11] (the first 20 days after a listing inside the panel excluded) and window [-5,5]; market
 * model vs CSI 300; at least 100 valid estimation returns; bootstrap B = 99. Nothing is injected: the
 * null holds, so each test should reject about 5% of samples at the 5% level. With 400 samples the
 * standard error of a 5% rate is 1.1 points, and the band [2.5%, 8%] is about -2.3 / +2.8 s.e.
 *
 * A rejection is p <= 5%: a valid p-value has P(p <= alpha) <= alpha, and the discrete ones (the
 * bootstrap's (1 + #)/(B + 1), exact sign and Wilcoxon) reach 5% exactly that way.
 *
 * Three tests fall outside the band on these data. Each was investigated, and each is asserted
 * separately below with the reason, not by widening the band:
 *  - Patell (1976): rejects 9-11%. Its Z takes each SAR's variance as known (df/(df-2) = 1.017), but
 *    on these stocks the pooled event-window SARs have a second moment of about 1.25: event-window
 *    volatility above the estimation window's (volatility clustering, and E[1/sigma-hat^2] >
 *    1/sigma^2). BMP, built on the same SARs with a cross-sectional variance (Boehmer, Musumeci &
 *    Poulsen 1991, who introduced it for this reason), holds its size. A property of Patell's test on
 *    real returns, not a bug.
 *  - Hall's (1992) skewness-adjusted t: rejects 7.5-8.5% at N = 30. Its statistic has sd 1.13-1.15
 *    on samples where the plain cross-sectional t has 1.01-1.04: with daily ARs this heavy-tailed
 *    the sample skewness in Hall's correction terms is itself very noisy and adds variance. The
 *    formula matches Lyon, Barber & Tsai (1999, eq. 5). bench/size-power.md (500 samples) does not
 *    show it shrinking with N: 5.4-7.2% at N = 5 and 17, 8.8-9.0% at N = 50 on day 0 and CAR [0,1];
 *    reported there as oversized for the lead. Asserted here with its own upper bound of 10%.
 *  - The Kolari-Pynnönen adjusted BMP and Patell: an r-bar taken over every pair of events in
 *    calendar time came out 0.12 here (two events months apart share estimation days, and these tech
 *    names co-move) and made both adjusted tests reject 0%. r-bar now counts pairs whose day 0
 *    falls on different dates as uncorrelated (src/stats/rbar.ts): their day-0 ARs are drawn on
 *    different days. At random dates r-bar is then near 0 and KP-BMP keeps its size; KP-Patell
 *    stays where Patell is. The clustered scenario (one date) is unchanged.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPriceStore } from '../../src/data/prices/index.js';
import { runEngine } from '../../src/study/engine.js';
import { DEFAULT_SETTINGS, type EngineSettings, type StudyEvent } from '../../src/study/types.js';
import { TEST_NAMES, type TestName } from '../../src/stats/types.js';
import {
  CHIPS_AND_OPTICAL,
  clusterDates,
  clusteredSample,
  censoredShocks,
  createRng,
  crossListedSample,
  eventVarianceShocks,
  repeatSample,
  staggeredSample,
  loadUniverse,
  randomDateSample,
  rate,
  simulate,
  universeProvider,
  withAbnormalReturns,
  type SimResult,
  type SimSecurity,
  type Universe,
} from '../../src/sim/index.js';

const PRICES = join(dirname(fileURLToPath(import.meta.url)), '../../prices');
const SECTIONS = ['day 0', 'CAR [0,0]', 'CAR [0,1]'];
const LO = 0.025;
const HI = 0.08;
/** Investigated exceptions to the band (see the file comment). */
const PATELL: TestName[] = ['patell'];
const SKEW: TestName[] = ['skewAdjT'];
const KP: TestName[] = ['kpBmp', 'kpPatell'];

let store: ReturnType<typeof openPriceStore>;
let universe: Universe;
let nullRandom: SimResult;
let clustered: SimResult;

const cell = (r: SimResult, section: string, ar = 0) => r.cells.find((c) => c.section === section && c.abnormal === ar)!;
const rateOf = (r: SimResult, section: string, test: TestName, ar = 0) => rate(cell(r, section, ar).tests[test]);
/** Standard deviation of a test's statistic over the samples. */
const sdOf = (r: SimResult, section: string, test: TestName) => {
  const t = cell(r, section).tests[test];
  const m = t.sumStat / t.computed;
  return Math.sqrt(t.sumStat2 / t.computed - m * m);
};

beforeAll(() => {
  store = openPriceStore(PRICES);
  universe = loadUniverse(store);
  nullRandom = simulate(universe, { scenario: { kind: 'random' }, samples: 400, events: 30, abnormal: [0], bootstrapSamples: 99, seed: 20240611 });
  clustered = simulate(universe, {
    scenario: { kind: 'clustered', name: 'chips + optical', symbols: CHIPS_AND_OPTICAL, minEvents: 18 },
    samples: 200,
    events: 30,
    abnormal: [0],
    bootstrapSamples: 99,
    seed: 20240612,
  });
}, 120_000);

describe('simulation building blocks', () => {
  it('loads the 78 A-share stocks with CSI 300 returns aligned to their own days', () => {
    expect(universe.securities).toHaveLength(78);
    expect(universe.benchmark).toBe('000300.SH');
    for (const s of universe.securities) expect(s.market.length).toBe(s.data.days.length);
    // STAR listings inside the panel keep their first 20 trading days out of estimation windows.
    expect(universe.bySymbol.get('688041.SH')!.firstUsableRow).toBe(21);
    expect(universe.bySymbol.get('300308.SZ')!.firstUsableRow).toBe(1);
  });

  it('draws the same samples from the same seed, distinct stocks each with room for both windows', () => {
    const w = { estimation: [-130, -11] as [number, number], window: [-5, 5] as [number, number] };
    const a = randomDateSample(universe, createRng(7, 3), 50, w, 3);
    const b = randomDateSample(universe, createRng(7, 3), 50, w, 3);
    expect(a).toEqual(b);
    expect(new Set(a.map((e) => e.symbol)).size).toBe(50);
    for (const e of a) {
      const s = universe.bySymbol.get(e.symbol)!;
      expect(s.data.days[e.row]).toBe(e.day);
      expect(e.row - 130).toBeGreaterThanOrEqual(s.firstUsableRow);
      expect(e.row + 5).toBeLessThan(s.data.days.length);
    }
    const dates = clusterDates(universe, CHIPS_AND_OPTICAL, w, 18);
    const c = clusteredSample(dates, createRng(7, 4), 50, 4);
    expect(c.length).toBeGreaterThanOrEqual(18);
    expect(new Set(c.map((e) => e.day)).size).toBe(1);
    for (const e of c) expect(CHIPS_AND_OPTICAL).toContain(e.symbol);
  });

  it('injects the abnormal return into day 0 only: the AR there rises by exactly that much, nothing else moves', () => {
    const w = { estimation: [-130, -11] as [number, number], window: [-5, 5] as [number, number] };
    const sample = randomDateSample(universe, createRng(11), 8, w);
    const events: StudyEvent[] = sample.map((e) => ({ id: e.id, eventId: e.id, symbol: e.symbol, day: e.day, timing: 'intraday' }));
    const settings: EngineSettings = { ...DEFAULT_SETTINGS, estimation: [-130, -11], window: [-5, 5], carWindows: [[0, 1]], minEstimation: 100, bootstrapSamples: 99 };
    const base = universeProvider(universe);
    const plain = runEngine(events, base, settings);
    const shocked = runEngine(events, withAbnormalReturns(base, sample.map((e) => ({ symbol: e.symbol, day: e.day, ar: 0.01 }))), settings);
    plain.events.forEach((p, i) => {
      const s = shocked.events[i];
      expect(s.model).toEqual(p.model);
      for (let k = 0; k < p.days.length; k++) {
        const diff = s.days[k].ar! - p.days[k].ar!;
        expect(diff).toBeCloseTo(p.days[k].day === 0 ? 0.01 : 0, 12);
      }
    });
    expect(shocked.aggregate.days.find((d) => d.day === 0)!.aar! - plain.aggregate.days.find((d) => d.day === 0)!.aar!).toBeCloseTo(0.01, 12);
    // The universe's own arrays are untouched.
    expect(runEngine(events, base, settings).events).toEqual(plain.events);
  });
});

describe('issue 12 §4 scenario builders (no engine runs but one)', () => {
  const w = { estimation: [-130, -11] as [number, number], window: [-5, 10] as [number, number] };
  const HK_US = ['9988.HK', 'BABA', '9888.HK', 'BIDU'];
  let mixed: Universe;
  beforeAll(() => {
    // The same store: its parsed series are reused, so the HK / US universe costs only the four new listings.
    mixed = loadUniverse(store, { symbols: [...universe.securities.map((s) => s.symbol), ...HK_US] });
  });

  it('regresses HK and US listings on their manifest benchmarks and A-shares on the CSI 300, with firms', () => {
    expect(mixed.bySymbol.get('9988.HK')!.benchmark).toBe('HSI');
    expect(mixed.bySymbol.get('BABA')!.benchmark).toBe('SPX');
    expect(mixed.bySymbol.get('300308.SZ')!.benchmark).toBe('000300.SH');
    expect(mixed.bySymbol.get('BIDU')!.firm).toBe('baidu');
  });

  it('staggers day 0 over the spread in calendar time, on distinct listings, reproducibly', () => {
    const a = staggeredSample(universe, createRng(5, 1), 17, w, 14, 1);
    expect(a).toEqual(staggeredSample(universe, createRng(5, 1), 17, w, 14, 1));
    expect(new Set(a.map((e) => e.symbol)).size).toBe(17);
    const days = a.map((e) => e.day);
    // Anchor + 0..13 calendar days, moved to the next session: at most 13 + a holiday apart.
    expect(Math.max(...days) - Math.min(...days)).toBeLessThanOrEqual(13 + 10);
    expect(new Set(days).size).toBeGreaterThan(1);
  });

  it('repeats: 3 events per listing 1..10 trading days apart, the last listing takes the remainder', () => {
    const a = repeatSample(universe, createRng(5, 2), 17, w, 3, 10, 2);
    const by = new Map<string, number[]>();
    for (const e of a) by.set(e.symbol, [...(by.get(e.symbol) ?? []), e.row]);
    expect([...by.values()].map((r) => r.length).sort()).toEqual([2, 3, 3, 3, 3, 3]);
    for (const rows of by.values()) for (let i = 1; i < rows.length; i++) expect(rows[i] - rows[i - 1]).toBeGreaterThanOrEqual(1), expect(rows[i] - rows[i - 1]).toBeLessThanOrEqual(10);
  });

  it('cross-listed: both listings of a firm share the announcement, on their first session on or after its date', () => {
    const a = crossListedSample(mixed, createRng(5, 3), 5, w, { symbols: HK_US, perFirm: 2, minApart: 146, others: universe.securities.map((s) => s.symbol) }, 3);
    expect(a).toHaveLength(9);
    const byAnn = new Map<string, typeof a>();
    for (const e of a) byAnn.set(e.eventId ?? e.id, [...(byAnn.get(e.eventId ?? e.id) ?? []), e]);
    expect([...byAnn.values()].map((x) => x.length).sort()).toEqual([1, 2, 2, 2, 2]);
    for (const pair of byAnn.values()) {
      if (pair.length < 2) continue;
      expect(pair[0].firm).toBe(pair[1].firm);
      expect(pair[0].symbol.endsWith('.HK')).toBe(true);
      // The US session on or after the HK day 0's date: the same date or the next US trading day.
      expect(pair[1].day - pair[0].day).toBeGreaterThanOrEqual(0);
      expect(pair[1].day - pair[0].day).toBeLessThanOrEqual(4);
    }
  });

  it('censors an injection at the main-board limit and carries the excess into the next day', () => {
    const days = Int32Array.from([100, 101, 102, 103]);
    const sec: SimSecurity = {
      symbol: '600000.SH',
      name: 't',
      data: { symbol: '600000.SH', name: 't', exchange: 'SSE', board: 'main', market: 'A-share', days, returns: Float64Array.from([NaN, 0.09, 0.005, 0.01]), close: null, high: null, low: null },
      market: new Float64Array(4),
      firstUsableRow: 1,
      benchmark: '000300.SH',
      sessionDays: days,
    };
    const u: Universe = { benchmark: '000300.SH', benchmarkName: 'CSI 300', securities: [sec], bySymbol: new Map([[sec.symbol, sec]]) };
    const shocks = censoredShocks(u, [{ id: 'a', symbol: sec.symbol, day: 101, row: 1 }], 0.02);
    expect(shocks).toHaveLength(2);
    expect(shocks[0].day).toBe(101);
    expect(shocks[0].ar).toBeCloseTo(0.01, 12);
    expect(shocks[1].day).toBe(102);
    expect(shocks[1].ar).toBeCloseTo(0.01, 12);
    // Below the limit the shock passes whole.
    const free = censoredShocks(u, [{ id: 'b', symbol: sec.symbol, day: 102, row: 2 }], 0.02);
    expect(free).toHaveLength(1);
    expect(free[0].ar).toBeCloseTo(0.02, 12);
  });

  it('event-induced variance at ratio 4 doubles the engine\'s day-0 AR and leaves the other days alone', () => {
    const sample = randomDateSample(universe, createRng(5, 4), 1, w);
    const events: StudyEvent[] = sample.map((e) => ({ id: e.id, eventId: e.id, symbol: e.symbol, day: e.day, timing: 'intraday' }));
    const settings: EngineSettings = { ...DEFAULT_SETTINGS, estimation: [-130, -11], window: [-5, 10], carWindows: [[0, 1]], minEstimation: 100, bootstrapSamples: 19 };
    const base = universeProvider(universe);
    const plain = runEngine(events, base, settings).events[0];
    const shocked = runEngine(events, withAbnormalReturns(base, eventVarianceShocks(universe, sample, [-130, -11], createRng(1), [4, 4])), settings).events[0];
    for (let k = 0; k < plain.days.length; k++) expect(shocked.days[k].ar!).toBeCloseTo(plain.days[k].day === 0 ? 2 * plain.days[k].ar! : plain.days[k].ar!, 10);
  });
});

describe('size at random dates (400 samples x 30 events, 5% level)', () => {
  it('keeps all 30 events of every sample in the aggregate', () => {
    expect(nullRandom.meanN).toBe(30);
  });

  for (const section of SECTIONS)
    it(`every test except Patell, the skewness-adjusted t and the KP pair rejects within [2.5%, 8%] on ${section}`, () => {
      const off: string[] = [];
      for (const t of TEST_NAMES) {
        if (PATELL.includes(t) || SKEW.includes(t) || KP.includes(t)) continue;
        const r = rateOf(nullRandom, section, t);
        expect(cell(nullRandom, section).tests[t].computed, t).toBe(400);
        if (!(r >= LO && r <= HI)) off.push(`${t} ${(100 * r).toFixed(1)}%`);
      }
      expect(off).toEqual([]);
    });

  it('Patell over-rejects (9.5-11%) because event-window SARs vary more than its nominal df/(df-2); BMP on the same SARs does not', () => {
    const sar = nullRandom.nullSar!;
    expect(sar.nominal).toBeGreaterThan(1.01);
    expect(sar.nominal).toBeLessThan(1.02);
    // The pooled SAR second moment is well above nominal: Patell's known-variance assumption fails.
    expect(sar.meanSquare / sar.nominal).toBeGreaterThan(1.1);
    for (const section of SECTIONS) {
      const p = rateOf(nullRandom, section, 'patell');
      expect(p).toBeGreaterThan(HI);
      expect(p).toBeLessThan(0.15);
      const bmp = rateOf(nullRandom, section, 'bmp');
      expect(bmp).toBeGreaterThanOrEqual(LO);
      expect(bmp).toBeLessThanOrEqual(HI);
    }
  });

  it("the skewness-adjusted t over-rejects mildly at N = 30 (at most 10%): Hall's skewness terms add variance", () => {
    for (const section of SECTIONS) {
      const r = rateOf(nullRandom, section, 'skewAdjT');
      expect(r).toBeGreaterThanOrEqual(LO);
      expect(r).toBeLessThanOrEqual(0.1);
      // The extra rejections come from a wider statistic than the plain t on the same samples.
      expect(sdOf(nullRandom, section, 'skewAdjT')).toBeGreaterThan(sdOf(nullRandom, section, 'csectT') + 0.05);
    }
  });

  // r-bar counts pairs with different day-0 dates as uncorrelated (src/stats/rbar.ts): at random
  // dates it is near 0 and the adjusted tests keep their size.
  it('the Kolari-Pynnönen adjusted BMP and Patell hold their size at random dates', () => {
    for (const section of SECTIONS) {
      const r = rateOf(nullRandom, section, 'kpBmp');
      expect(r, `kpBmp on ${section}`).toBeGreaterThanOrEqual(LO);
      expect(r, `kpBmp on ${section}`).toBeLessThanOrEqual(HI);
      // The adjusted Patell inherits Patell's own over-rejection (asserted above); with r-bar near
      // 0 the adjustment leaves it where Patell is, neither shrinking nor inflating it.
      expect(Math.abs(rateOf(nullRandom, section, 'kpPatell') - rateOf(nullRandom, section, 'patell')), `kpPatell on ${section}`).toBeLessThanOrEqual(0.015);
    }
  });

  it('splits every rejection into a lower or an upper tail, and tallies the calendar-time t on windows only', () => {
    for (const section of SECTIONS)
      for (const t of TEST_NAMES) {
        const x = cell(nullRandom, section).tests[t];
        expect(x.lower + x.upper, `${t} on ${section}`).toBe(x.rejections);
      }
    expect(cell(nullRandom, 'day 0').tests.calendarTime.computed).toBe(0);
    const ct = cell(nullRandom, 'CAR [0,1]').tests.calendarTime;
    expect(ct.computed).toBe(400);
    expect(ct.lower + ct.upper).toBe(ct.rejections);
    expect(ct.rejections / ct.computed).toBeGreaterThanOrEqual(LO);
    expect(ct.rejections / ct.computed).toBeLessThanOrEqual(HI);
  });

  it('r-bar is near 0 at random dates (few pairs share day 0), so the adjustment is small', () => {
    expect(Math.abs(nullRandom.meanRbar!)).toBeLessThan(0.02);
  });
});

describe('clustered: all events on one date in one sector (chips + optical, 200 samples)', () => {
  it('puts 18-23 sector members on one date per sample, with residuals strongly cross-correlated', () => {
    expect(clustered.meanN).toBeGreaterThanOrEqual(18);
    expect(clustered.meanN).toBeLessThanOrEqual(23);
    // Same-day residual correlation of these names against the CSI 300 (KP r-bar) is about 0.33.
    expect(clustered.meanRbar!).toBeGreaterThan(0.2);
  });

  for (const section of SECTIONS)
    it(`BMP over-rejects massively and the KP-adjusted BMP does not, on ${section}`, () => {
      const bmp = rateOf(clustered, section, 'bmp');
      const kp = rateOf(clustered, section, 'kpBmp');
      expect(bmp).toBeGreaterThan(0.3);
      expect(bmp).toBeGreaterThan(4 * kp);
      // KP (2010) report their adjusted test close to nominal under clustering; with 200 samples over
      // fewer distinct dates (the standard error is about 1.5 points, more with repeated dates) and
      // KP's assumption that the event-day correlation equals the estimation-window one, a band of
      // [2.5%, 10%] is what "does not over-reject" can mean here. Observed 5.5-6.5% (bench/size-power.md,
      // same date, N = 17: 5.8% on day 0 and 7.0% on CAR [0,1]).
      expect(kp).toBeGreaterThanOrEqual(LO);
      expect(kp).toBeLessThanOrEqual(0.1);
      // Brown-Warner 1985's crude dependence adjustment (time-series sd of the AAR) copes far better
      // than BMP too (observed 8-10.5%; bench/size-power.md, same date, N = 17: 6.2% and 6.0%).
      expect(rateOf(clustered, section, 'bw1985')).toBeLessThan(bmp / 3);
    });
});
