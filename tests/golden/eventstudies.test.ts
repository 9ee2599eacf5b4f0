/**
 * Peer check: the datasets of the R package eventstudies (xKDR/eventstudies @ 6ad1e1e, GPL-2; fixture
 * and provenance in tests/fixtures/golden/eventstudies_r/README.md) run through the ad-hoc mode
 * (`runAdhoc`, what `evstudy study` calls). The package ships inputs, not outputs: results are checked
 * on their merits against computations done here from the CSV rows.
 *
 * (a) Chen & Siems (2004): 9/11 across 33 stock markets. Returns in percent (`--percent`), wide by
 *     market name; the events file names each market in `name` with its own first trading day after
 *     the attack in `when`. Constant-mean model estimated on event days -30..-11 (20 returns), event
 *     window -10..10, CARs over 0..5 and 0..10 (the CLI requires the estimation window to end before
 *     the event window, so the window starts at -10, not -30). The table has a row whenever ANY market
 *     traded: a market's own trading days are the rows where it has a return (see src/study/adhoc.ts).
 * (b) 22 Indian stock splits against the Nifty: market model, estimation [-250,-11] (one trading year,
 *     at least 60 returns), window [-5,5] as in the package's vignette (`event.window = 5`). The returns
 *     run 2010-07-01..2013-03-28 and most split dates are years earlier: they must come out excluded,
 *     each with a reason.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAdhoc } from '../../src/study/adhoc.js';
import type { ReportJson } from '../../src/report/schema.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/golden/eventstudies_r');
const path = (f: string) => relative(process.cwd(), join(FIX, f));

/** A CSV written by R (quoted header and dates, NA = missing), read independently of src/data. */
function readR(name: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(join(FIX, name), 'utf8').trim().split(/\r?\n/);
  const split = (l: string) => l.split(',').map((c) => c.replace(/^"|"$/g, ''));
  return { header: split(lines[0]), rows: lines.slice(1).map(split) };
}

/** One column's own trading days: (date, value / 100) for the rows where it is not NA. */
function series(t: ReturnType<typeof readR>, name: string): { date: string; v: number }[] {
  const j = t.header.indexOf(name);
  expect(j, name).toBeGreaterThan(0);
  return t.rows.filter((r) => r[j] !== 'NA' && r[j] !== '').map((r) => ({ date: r[0], v: Number(r[j]) / 100 }));
}

const close = (a: number, b: number, rel: number, abs = 0) => {
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.abs(b) + abs);
};

describe('eventstudies_r (a): 9/11 across 33 markets, constant-mean model on days -30..-11', () => {
  let report: ReportJson;
  const returns = readR('TerrorIndiceReturns.csv');
  const attack = readR('TerrorAttack.csv').rows.map(([name, when]) => ({ name, when }));

  beforeAll(async () => {
    report = await runAdhoc({
      returns: path('TerrorIndiceReturns.csv'),
      percent: true,
      events: path('TerrorAttack.csv'),
      model: 'mean',
      estimation: [-30, -11],
      window: [-10, 10],
      carWindows: [
        [0, 5],
        [0, 10],
      ],
      minEstimation: 20,
      nonTrading: 'next',
      seed: 1,
      bootstrapSamples: 99,
    });
  });

  it('gives every market an outcome: all 33 included, day 0 on its own event date, 20 estimation returns', () => {
    expect(attack).toHaveLength(33);
    expect(report.events.map((e) => [e.id, e.symbol, e.date])).toEqual(attack.map((a, i) => [String(i + 1), a.name, a.when]));
    for (const e of report.events) {
      expect(e.outcome, `${e.symbol}: ${e.reason}`).toBe('ok');
      expect(e.day0).toBe(e.date);
      expect(e.model!.nObs).toBe(20);
    }
    expect(report.aggregate.n).toBe(33);
  });

  it("estimates each market's constant mean as the mean of its 20 returns on its own trading days -30..-11", () => {
    for (const e of report.events) {
      const s = series(returns, e.symbol);
      const i0 = s.findIndex((r) => r.date === e.day0);
      const est = s.slice(i0 - 30, i0 - 11 + 1);
      expect(est).toHaveLength(20);
      expect(e.model!.estimationFrom).toBe(est[0].date);
      expect(e.model!.estimationTo).toBe(est[19].date);
      const mean = est.reduce((a, r) => a + r.v, 0) / 20;
      close(e.model!.alpha!, mean, 1e-12, 1e-16);
      const sd = Math.sqrt(est.reduce((a, r) => a + (r.v - mean) ** 2, 0) / 19);
      close(e.model!.sigma!, sd, 1e-10);
      // AR = R - mean on day 0 and on the market's own trading days after it: the US markets,
      // closed 9/11-9/14, have no rows there (day 1 of the S&P 500 is 9/18, not 9/12).
      const d0 = e.days.find((d) => d.day === 0)!;
      close(d0.ar!, s[i0].v - mean, 0, 1e-15);
      const d1 = e.days.find((d) => d.day === 1)!;
      expect(d1.date).toBe(s[i0 + 1].date);
      const car05 = s.slice(i0, i0 + 6).reduce((a, r) => a + r.v - mean, 0);
      close(e.windows.find((w) => w.window[0] === 0 && w.window[1] === 5)!.car!, car05, 0, 1e-14);
    }
    const spx = report.events.find((e) => e.symbol === 'S.P500')!;
    expect(spx.days.find((d) => d.day === 1)!.date).toBe('2001-09-18');
  });

  it('shows the documented crash: CAAR[0,5] and CAAR[0,10] negative and significant (Chen & Siems 2004)', () => {
    const w05 = report.aggregate.windows.find((w) => w.window[0] === 0 && w.window[1] === 5)!;
    const w010 = report.aggregate.windows.find((w) => w.window[0] === 0 && w.window[1] === 10)!;
    const day0 = report.aggregate.days.find((d) => d.day === 0)!;
    expect(w05.n).toBe(33);
    expect(w05.caar!).toBeLessThan(0);
    expect(w010.caar!).toBeLessThan(0);
    // CAAR[0,5] -8.27%, CAAR[0,10] -9.18%, AAR on day 0 -5.43%: 32 and 31 of 33 markets down over the windows.
    close(w05.caar!, -0.08271567940423293, 1e-9);
    close(w010.caar!, -0.09178715246361065, 1e-9);
    close(day0.aar!, -0.05428937508095749, 1e-9);
    expect(w05.sharePositive!).toBeLessThan(0.1);
    for (const name of ['csectT', 'bw1980', 'bmp', 'patell', 'sign', 'wilcoxon'] as const) {
      expect(w05.tests[name].p!, name).toBeLessThan(0.001);
      expect(w010.tests[name].p!, name).toBeLessThan(0.001);
    }
    expect(w05.tests.csectT.stat!).toBeLessThan(-10);
  });

  it('Kolari-Pynnönen: with 20-day estimation windows no pair of markets reaches the 30 common days r-bar needs, so the adjustment is off and says so', () => {
    // The 33 markets fell together (a textbook case for the KP adjustment), but r-bar is estimated
    // from estimation-window residuals and src/stats needs >= 30 common days per pair (kpMinOverlap);
    // with 20 per market every pair counts as 0, and the adjusted BMP equals BMP. The note says it.
    const w05 = report.aggregate.windows.find((w) => w.window[0] === 0 && w.window[1] === 5)!;
    expect(report.aggregate.rbar).toBe(0);
    expect(w05.tests.kpBmp.stat).toBe(w05.tests.bmp.stat);
    // 528 pairs in all: those sharing day 0 are short of common days, the rest have day 0 on
    // different dates (markets reopened on different days); both count as 0.
    const note = (w05.tests.kpBmp as { note?: string }).note!;
    const short = Number(/(\d+) pair\(s\) with < 30 common days counted as 0/.exec(note)![1]);
    const other = Number(/(\d+) pair\(s\) with day 0 on different dates counted as 0/.exec(note)![1]);
    expect(short + other).toBe(528);
  });
});

describe('eventstudies_r (b): 22 Indian stock splits vs the Nifty, most outside the data', () => {
  let report: ReportJson;
  const splits = readR('SplitDates.csv').rows.map(([name, when]) => ({ name, when }));

  beforeAll(async () => {
    report = await runAdhoc({
      returns: path('StockPriceReturns.csv'),
      percent: true,
      market: path('OtherReturns.csv'),
      marketColumn: 'NiftyIndex',
      events: path('SplitDates.csv'),
      model: 'market',
      estimation: [-250, -11],
      window: [-5, 5],
      carWindows: [
        [-1, 1],
        [0, 5],
        [-5, 5],
      ],
      minEstimation: 60,
      nonTrading: 'next',
      seed: 1,
      bootstrapSamples: 99,
    });
  });

  it('accounts for all 22 events by id: 15 before the data, 1 with too short a history, 6 included', () => {
    expect(report.events.map((e) => [e.id, e.symbol, e.date])).toEqual(splits.map((s, i) => [String(i + 1), s.name, s.when]));
    const count = (o: string) => report.events.filter((e) => e.outcome === o).length;
    expect(count('outside-data')).toBe(15);
    expect(count('insufficient-estimation')).toBe(1);
    expect(count('ok')).toBe(6);
    expect(count('no-price-data')).toBe(0);
    expect(report.aggregate.n).toBe(6);
    expect(report.events.filter((e) => e.outcome === 'ok').map((e) => e.symbol)).toEqual([
      'BHEL',
      'HDFC.Bank',
      'ONGC',
      'Sun.Pharmaceutical',
      'Tata.Motors',
      'Tata.Power',
    ]);
    // Two splits of one firm stay two results: Sun Pharma's 2003 split is outside, its 2010 one is in.
    const sun = report.events.filter((e) => e.symbol === 'Sun.Pharmaceutical');
    expect(sun.map((e) => [e.id, e.outcome])).toEqual([
      ['19', 'outside-data'],
      ['20', 'ok'],
    ]);
  });

  it("gives each event outside the data a reason naming the stock's own data range", () => {
    for (const e of report.events.filter((x) => x.outcome === 'outside-data')) {
      expect(e.day0).toBeNull();
      expect(e.model).toBeNull();
      // Coal India's returns start at its listing, later than the others'.
      const from = e.symbol === 'Coal.India' ? '2010-11-05' : '2010-07-01';
      expect(e.reason).toBe(`${e.date} is before the first row (${e.symbol} data run ${from} .. 2013-03-28)`);
    }
  });

  it('excludes HDFC (split 2010-08-18, 34 trading days into the data) for too few estimation returns, saying how many', () => {
    const e = report.events.find((x) => x.outcome === 'insufficient-estimation')!;
    expect([e.id, e.symbol, e.day0]).toEqual(['9', 'HDFC', '2010-08-18']);
    expect(e.reason).toMatch(/^24 valid returns in \[-250,-11\], need 60/);
  });

  // Every excluded event's reason names the data range, so a reader sees that the split simply
  // predates the history (the data start 2010-07-01).
  it('names the data range in the insufficient-estimation reason too', () => {
    const e = report.events.find((x) => x.outcome === 'insufficient-estimation')!;
    expect(e.reason).toMatch(/2010-07-01/);
  });

  it('fits the included splits against the Nifty on the stock\'s own trading days (BHEL: independent OLS)', () => {
    const stocks = readR('StockPriceReturns.csv');
    const other = readR('OtherReturns.csv');
    const nifty = new Map(series(other, 'NiftyIndex').map((r) => [r.date, r.v]));
    const s = series(stocks, 'BHEL');
    const e = report.events.find((x) => x.symbol === 'BHEL')!;
    const i0 = s.findIndex((r) => r.date === e.day0);
    const est = s.slice(i0 - 250, i0 - 11 + 1).filter((r) => nifty.has(r.date));
    expect(e.model!.nObs).toBe(est.length);
    const L = est.length;
    const mx = est.reduce((a, r) => a + nifty.get(r.date)!, 0) / L;
    const my = est.reduce((a, r) => a + r.v, 0) / L;
    let sxx = 0;
    let sxy = 0;
    for (const r of est) {
      sxx += (nifty.get(r.date)! - mx) ** 2;
      sxy += (nifty.get(r.date)! - mx) * (r.v - my);
    }
    close(e.model!.beta!, sxy / sxx, 1e-10);
    close(e.model!.alpha!, my - (sxy / sxx) * mx, 1e-10);
    // Six splits carry no significant average abnormal return around the split date.
    const w = report.aggregate.windows.find((x) => x.window[0] === -1 && x.window[1] === 1)!;
    expect(w.n).toBe(6);
    expect(w.tests.csectT.p!).toBeGreaterThan(0.1);
  });
});
