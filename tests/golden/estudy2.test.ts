/**
 * Golden test: reproduce R estudy2's COVID-19 example (irudnyts/estudy2 @ 1494638, GPL-3; fixture and
 * provenance in tests/fixtures/golden/estudy2_covid/README.md) with src/stats under
 * `convention: 'estudy2'`.
 *
 * Setup (as in estudy2's vignette): 7 stocks vs ^GSPC, continuously compounded returns, single-index
 * market model by OLS on all non-NA returns dated 2019-04-01..2020-03-13 (240 / 227 / 212 obs),
 * event days 2020-03-16..2020-03-20 (offsets 0..4). The EventPanel is built HERE, independently of
 * src/core: the OLS fit is done by hand below.
 *
 * What 'estudy2' changes relative to our defaults (each documented in the test's source file):
 *  - residual variance SSR/(L-1) instead of SSR/(L-2)            [varianceConvention 'L-1'; BW1980,
 *    Patell, BMP]. The panel below carries the model-df sigma (as src/core produces it) and
 *    src/stats rescales: this also checks that path.
 *  - BW1980 sums variances and divides by N over ALL events      [brownWarner1980.ts]
 *  - Patell: mean(SAR) * n_all / sqrt(sum over all events)        [patell.ts]
 *  - generalized sign: pooled p-hat over all residuals           [generalizedSign.ts / context.ts]
 *  - rank, modified rank, Corrado sign: S divides by mean_i M_i, and every day's cross-sectional
 *    sum is formed as mean * n_all (`rowMeans(...) * ncol(...)`), which inflates the early
 *    estimation days where ZM / UBER had not listed yet by 7/5 and 7/6: without reproducing this
 *    the three statistics differ from estudy2 by ~2.5%   [rankCommon.ts, rank.ts, modifiedRank.ts,
 *    corradoSign.ts]
 *  - CAR rank test: pooled mean-rank form, >90% days             [rank.ts]
 *  - BW1985 / Lamb CAR tests: sum of daily stats / sqrt(days)    [brownWarner1985.ts, lamb.ts]
 *  - Lamb: 1/mean(L) in the prediction-error factor              [lamb.ts]
 *  - sign: zeros count as non-positive (none occur here)         [sign.ts]
 *  - Wilcoxon: the statistic is W+ itself                        [wilcoxon.ts]
 *
 * One difference lies in how estudy2 builds the standardized ARs, i.e. in the PANEL, not in the
 * tests, so it is reproduced in `buildPanel` below: its prediction-error factor
 * 1 + 1/L_i + (Rm_t - mean Rm)^2 / sum (Rm - mean Rm)^2 takes mean Rm and the sum over ALL index days
 * of the estimation period (240), also for ZM and UBER whose regressions use only the 227 / 212 days
 * they traded. src/core (CLM 1997 eq. 4.4.9) uses each event's own estimation sample; with that
 * panel Patell/BMP/Lamb for this data move in the 4th-5th significant digit.
 *
 * Matched within 1e-9 relative (observed < 1e-12) on all five days: mean AR, BW1980, BW1985, t-test, Patell, BMP ("bh"),
 * Lamb, sign, generalized sign, Corrado sign, rank, modified rank, Wilcoxon W+; and the three CAR
 * tests (Lamb, BW1985, rank) plus car_mean.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggregate, runDayBattery, type EventPanel, type TestResult } from '../../src/stats/index.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/golden/estudy2_covid');

function readCsv(name: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(join(FIX, name), 'utf8').trim().split(/\r?\n/);
  const split = (l: string) => l.split(',').map((c) => c.replace(/^"|"$/g, ''));
  return { header: split(lines[0]), rows: lines.slice(1).map(split) };
}

const num = (s: string) => (s === 'NA' || s === '' ? NaN : Number(s));
const dayNum = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

interface Setup {
  panel: EventPanel;
  symbols: string[];
  eventDates: string[];
  nObs: number[];
}

/**
 * Builds the EventPanel by hand: OLS market model per stock on its non-NA estimation returns,
 * residuals over the estimation window (offsets -240..-1 = 2019-04-02..2020-03-13, aligned with the
 * calendar because every stock shares day 0), ARs on 2020-03-16..20 (offsets 0..4).
 */
function buildPanel(): Setup {
  const rates = readCsv('estudy2_rates.csv');
  const indx = readCsv('estudy2_rates_indx.csv');
  const symbols = rates.header.slice(1);
  const dates = rates.rows.map((r) => r[0]);
  expect(indx.rows.map((r) => r[0])).toEqual(dates);
  const rm = indx.rows.map((r) => num(r[1]));
  const estRows = dates.map((d, k) => (d >= '2019-04-01' && d <= '2020-03-13' ? k : -1)).filter((k) => k >= 0);
  const evRows = dates.map((d, k) => (d >= '2020-03-16' && d <= '2020-03-20' ? k : -1)).filter((k) => k >= 0);
  const E = estRows.length; // 240
  const W = evRows.length; // 5
  const n = symbols.length;

  // Market moments over ALL index days of the estimation period (estudy2's prediction-error factor).
  let mAll = 0;
  for (const k of estRows) mAll += rm[k];
  mAll /= E;
  let sxxAll = 0;
  for (const k of estRows) sxxAll += (rm[k] - mAll) ** 2;

  const estAR = new Float64Array(n * E).fill(NaN);
  const estDays = new Int32Array(n * E).fill(-1);
  const evAR = new Float64Array(n * W).fill(NaN);
  const evSAR = new Float64Array(n * W).fill(NaN);
  const evC = new Float64Array(n * W).fill(NaN);
  const sigma = new Float64Array(n);
  const nObs = new Int32Array(n);
  const df = new Int32Array(n);

  for (let i = 0; i < n; i++) {
    const y = rates.rows.map((r) => num(r[i + 1]));
    const use = estRows.filter((k) => Number.isFinite(y[k]) && Number.isFinite(rm[k]));
    const L = use.length;
    let mx = 0;
    let my = 0;
    for (const k of use) {
      mx += rm[k];
      my += y[k];
    }
    mx /= L;
    my /= L;
    let sxx = 0;
    let sxy = 0;
    for (const k of use) {
      sxx += (rm[k] - mx) ** 2;
      sxy += (rm[k] - mx) * (y[k] - my);
    }
    const beta = sxy / sxx;
    const alpha = my - beta * mx;
    let ssr = 0;
    estRows.forEach((k, e) => {
      const ar = y[k] - alpha - beta * rm[k];
      if (Number.isFinite(ar)) {
        estAR[i * E + e] = ar;
        estDays[i * E + e] = dayNum(dates[k]);
        ssr += ar * ar;
      }
    });
    nObs[i] = L;
    df[i] = L - 2;
    sigma[i] = Math.sqrt(ssr / (L - 2)); // model df, as src/core reports it
    evRows.forEach((k, w) => {
      const ar = y[k] - alpha - beta * rm[k];
      const c = 1 + 1 / L + (rm[k] - mAll) ** 2 / sxxAll;
      evAR[i * W + w] = ar;
      evC[i * W + w] = c;
      evSAR[i * W + w] = ar / (sigma[i] * Math.sqrt(c));
    });
  }

  const windowVariance = (i: number, a: number, b: number) => {
    const L2 = b - a + 1;
    let sd = 0;
    for (let t = a; t <= b; t++) sd += rm[evRows[t]] - mAll;
    return sigma[i] ** 2 * (L2 + (L2 * L2) / nObs[i] + (sd * sd) / sxxAll);
  };

  const panel: EventPanel = {
    n,
    estStart: -E,
    estEnd: -1,
    estAR,
    estDays,
    winStart: 0,
    winEnd: W - 1,
    evAR,
    evSAR,
    evC,
    windowVariance,
    sigma,
    nObs,
    df,
  };
  return { panel, symbols, eventDates: evRows.map((k) => dates[k]), nObs: Array.from(nObs) };
}

// The brief asks for 1e-6 relative; every statistic actually agrees to better than 1e-12 (checked), so
// the test holds the tighter 1e-9 to catch any drift.
const REL = 1e-9;

function expectClose(actual: TestResult | number | null | undefined, expected: number, label: string) {
  let v: number | null;
  if (typeof actual === 'number' || actual === null || actual === undefined) v = actual ?? null;
  else {
    if (actual.stat === null) throw new Error(`${label}: not computed (${actual.reason})`);
    v = actual.stat;
  }
  expect(v, label).not.toBeNull();
  const rel = Math.abs((v as number) - expected) / Math.max(Math.abs(expected), 1e-12);
  expect(rel, `${label}: ours ${v} vs estudy2 ${expected}`).toBeLessThan(REL);
}

describe('estudy2 COVID-19 example (irudnyts/estudy2 @ 1494638)', () => {
  const { panel, eventDates, nObs } = buildPanel();
  const opts = { convention: 'estudy2' as const, includeExtras: true, windows: [[0, 4]] as Array<[number, number]> };
  const agg = aggregate(panel, opts);
  const par = readCsv('estudy2_parametric_sim.csv');
  const nonpar = readCsv('estudy2_nonparametric_sim.csv');
  const col = (t: { header: string[] }, name: string) => t.header.indexOf(name);

  it('rebuilds the setup: 240/227/212 estimation observations and the five event dates', () => {
    expect(new Set(nObs)).toEqual(new Set([240, 227, 212]));
    expect(eventDates).toEqual(['2020-03-16', '2020-03-17', '2020-03-18', '2020-03-19', '2020-03-20']);
    expect(par.rows.map((r) => r[0])).toEqual(eventDates);
    expect(nonpar.rows.map((r) => r[0])).toEqual(eventDates);
  });

  it('parametric tests on each day: mean AR, BW1980, BW1985, t-test, Patell, BMP, Lamb', () => {
    par.rows.forEach((row, d) => {
      const day = agg.days[d];
      const g = (name: string) => num(row[col(par, name)]);
      expect(day.n).toBe(7);
      expectClose(day.aar, g('mean'), `${row[0]} mean`);
      expectClose(day.tests.bw1980, g('bw_1980_stat'), `${row[0]} bw_1980`);
      expectClose(day.tests.bw1985, g('bw_1985_stat'), `${row[0]} bw_1985`);
      expectClose(day.tests.csectT, g('t_test_stat'), `${row[0]} t_test`);
      expectClose(day.tests.patell, g('pt_stat'), `${row[0]} patell`);
      expectClose(day.tests.bmp, g('bh_stat'), `${row[0]} boehmer`);
      expectClose(day.tests.lamb, g('lmb_stat'), `${row[0]} lamb`);
    });
  });

  it('nonparametric tests on each day: sign, generalized sign, Corrado sign, rank, modified rank, Wilcoxon', () => {
    nonpar.rows.forEach((row, d) => {
      const t = agg.days[d].tests;
      const g = (name: string) => num(row[col(nonpar, name)]);
      expectClose(t.sign, g('sign_stat'), `${row[0]} sign`);
      expectClose(t.generalizedSign, g('gsign_stat'), `${row[0]} gsign`);
      expectClose(t.corradoSign, g('csign_stat'), `${row[0]} csign`);
      expectClose(t.rank, g('rank_stat'), `${row[0]} rank`);
      expectClose(t.modifiedRank, g('mrank_stat'), `${row[0]} mrank`);
      expectClose(t.wilcoxon, g('wlcx_stat'), `${row[0]} wilcoxon W+`);
    });
  });

  it('CAR tests over 2020-03-16..20: Lamb, BW1985, rank; car_mean is the mean daily AAR', () => {
    const carPar = readCsv('estudy2_car_parametric_sim.csv');
    const carNon = readCsv('estudy2_car_nonparametric_sim.csv');
    const w = agg.windows[0];
    expect(w.window).toEqual([0, 4]);
    expect(w.n).toBe(7);
    const stat = (t: typeof carPar, name: string) => num(t.rows.find((r) => r[0] === name)![col(t, 'statistic')]);
    const carMean = num(carPar.rows[0][col(carPar, 'car_mean')]);
    expectClose(w.caar! / 5, carMean, 'car_mean (= CAAR / 5)');
    expectClose(w.tests.lamb, stat(carPar, 'car_lamb'), 'car_lamb');
    expectClose(w.tests.bw1985, stat(carPar, 'car_brown_warner_1985'), 'car_brown_warner_1985');
    expectClose(w.tests.rank, stat(carNon, 'car_rank_test'), 'car_rank_test');
  });

  it('the default convention differs from estudy2 only where documented', () => {
    // SSR/(L-2) instead of SSR/(L-1): BW1980 grows by about sqrt((L-1)/(L-2)) ~ 1.002; the t-test and
    // the sign test do not depend on the convention.
    const def = runDayBattery(panel, 0);
    const e2 = agg.days[0].tests;
    expect(def.csectT.stat).toBeCloseTo(e2.csectT.stat as number, 12);
    expect(def.sign.stat).toBeCloseTo(e2.sign.stat as number, 12);
    const ratio = (def.bw1980.stat as number) / (e2.bw1980.stat as number);
    expect(ratio).toBeLessThan(1);
    expect(ratio).toBeGreaterThan(0.99);
    // Wilcoxon: z by default, W+ under estudy2 (23 on 2020-03-16; n = 7, E[W+] = 14, Var = 35).
    expect(e2.wilcoxon.stat).toBe(23);
    expect(def.wilcoxon.stat).toBeCloseTo((23 - 14) / Math.sqrt(35), 12);
    expect(def.wilcoxon.p).toBe(e2.wilcoxon.p);
  });
});
