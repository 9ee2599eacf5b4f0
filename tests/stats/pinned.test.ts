/**
 * Numbers pinned on a three-event panel written out below, each recomputed here from the paper's
 * formula (not through src/stats), with p-values from closed forms: Student t with 2 df has
 * two-sided p = 1 - |t| / sqrt(2 + t^2); with 3 df p = 1 - (2/pi)(theta + sin theta cos theta),
 * theta = atan(|t| / sqrt 3). N = 3 events and T = 3 estimation days make the df of BMP, the
 * cross-sectional t and BW1985 equal 2, so an off-by-one df (N for N - 1, T for T - 1) moves p
 * by far more than the tolerance. Normal and t(38) p-values are literals from
 * scipy.stats 1.17.1 (norm.sf, t.sf; recorded in the comments beside them).
 *
 * These are the mutations issue 12 §5 found no test catching; bench/mutations.ts applies them.
 */
import { describe, expect, it } from 'vitest';
import {
  bmpDay,
  bootstrapDay,
  bmpWindow,
  bw1980Day,
  bw1985Day,
  csectTDay,
  modifiedRankDay,
  patellDay,
  patellWindow,
  wilcoxonDay,
  type EventPanel,
  type TestResult,
} from '../../src/stats/index.js';
import { rowsPanel } from './helpers.js';

const n = 3;
const est = [
  [0.01, -0.02, 0.005],
  [-0.01, 0.015, 0.0],
  [0.02, -0.005, -0.01],
];
const ev = [
  [0.03, 0.01],
  [0.02, -0.01],
  [-0.01, 0.02],
];
const C = [
  [1.02, 1.03],
  [1.01, 1.02],
  [1.05, 1.04],
];
const sigma = [0.02, 0.01, 0.015];
const L = [30, 40, 50];
const df = L.map((l) => l - 2);
/** Var(CAR_i over [a, b]) with a made-up estimation-error term, the same closure as the panel's. */
const carVar = (i: number, a: number, b: number) => sigma[i] ** 2 * ((b - a + 1) + (b - a + 1) ** 2 / L[i]);

function panel(sigmaConvention?: 'model-df' | 'L-1'): EventPanel {
  return rowsPanel(est, ev, { C, sigma, nObs: L, df, windowVariance: carVar, sigmaConvention });
}

const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
const sd = (x: number[]) => {
  const m = mean(x);
  return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1));
};
const oneSampleT = (x: number[]) => mean(x) / (sd(x) / Math.sqrt(x.length));
const pT2 = (t: number) => 1 - Math.abs(t) / Math.sqrt(2 + t * t);
const pT3 = (t: number) => {
  const th = Math.atan(Math.abs(t) / Math.sqrt(3));
  return 1 - (2 / Math.PI) * (th + Math.sin(th) * Math.cos(th));
};

function check(r: TestResult, stat: number, p: number, label: string) {
  expect(r.stat, `${label} (${'reason' in r ? r.reason : ''})`).not.toBeNull();
  expect(r.stat as number, `${label} stat`).toBeCloseTo(stat, 10);
  expect(r.p as number, `${label} p`).toBeCloseTo(p, 10);
}

describe('pinned statistics on a hand-written panel', () => {
  const p = panel();
  const sar0 = ev.map((r, i) => r[0] / (sigma[i] * Math.sqrt(C[i][0])));

  it('BMP day 0: t on the SARs with N - 1 = 2 df', () => {
    const t = oneSampleT(sar0);
    check(bmpDay(p, 0), t, pT2(t), 'bmp');
    // The closed forms differ enough that df 3 (N) cannot pass for df 2.
    expect(Math.abs(pT2(t) - pT3(t))).toBeGreaterThan(0.01);
  });

  it('cross-sectional t day 0 with N - 1 = 2 df', () => {
    const t = oneSampleT(ev.map((r) => r[0]));
    check(csectTDay(p, 0), t, pT2(t), 'csectT');
  });

  it('BW1985 day 0: AAR over the event-time AAR series sd with T - 1 = 2 df', () => {
    const series = [0, 1, 2].map((e) => mean(est.map((r) => r[e])));
    const t = mean(ev.map((r) => r[0])) / sd(series);
    check(bw1985Day(p, 0), t, pT2(t), 'bw1985');
    expect(Math.abs(pT2(t) - pT3(t))).toBeGreaterThan(0.01);
  });

  it('BW1980 day 0: AAR / (sqrt(sum sigma^2) / N), t with mean df = 38', () => {
    const t = mean(ev.map((r) => r[0])) / (Math.sqrt(sigma.reduce((s, v) => s + v * v, 0)) / n);
    expect(t).toBeCloseTo(1.4855627054, 9);
    // scipy: 2 * t.sf(1.4855627054, 38) = 0.1456445312
    check(bw1980Day(p, 0), t, 0.1456445312, 'bw1980');
  });

  it('Wilcoxon day 1: tied |AR| get midranks and the tie-corrected variance', () => {
    // |AR| = 0.01, 0.01, 0.02 -> ranks 1.5, 1.5, 3; W+ = 1.5 + 3 = 4.5, E = 3,
    // Var = 3*4*7/24 - (2^3 - 2)/48 = 3.375 (3.5 without the correction: z 0.8018).
    const z = 1.5 / Math.sqrt(3.375);
    // Exact p over the 8 sign patterns of doubled ranks 3, 3, 6 (sums 0 3 3 6 6 9 9 12):
    // observed 9, P(>= 9) = 3/8 -> p = 0.75.
    check(wilcoxonDay(p, 1), z, 0.75, 'wilcoxon');
    expect(wilcoxonDay(p, 1, { convention: 'estudy2' }).stat).toBe(4.5);
  });

  it("window [0, 1] under --variance L-1: each CAR variance scaled by df/(L - 1), once", () => {
    const scar = ev.map((r, i) => (r[0] + r[1]) / Math.sqrt(carVar(i, 0, 1) * (df[i] / (L[i] - 1))));
    const t = oneSampleT(scar);
    check(bmpWindow(p, 0, 1, { varianceConvention: 'L-1' }), t, pT2(t), 'bmp window L-1');
    const z = scar.reduce((s, v) => s + v, 0) / Math.sqrt(df.reduce((s, d) => s + d / (d - 2), 0));
    expect(z).toBeCloseTo(1.436305382, 9);
    // scipy: 2 * norm.sf(1.436305382) = 0.1509154633
    check(patellWindow(p, 0, 1, { varianceConvention: 'L-1' }), z, 0.1509154633, 'patell window L-1');
    // The model-df numbers differ (a mutation dropping the window scaling shows up here).
    expect(Math.abs((patellWindow(p, 0, 1).stat as number) - z)).toBeGreaterThan(1e-3);
  });

  it('a panel already fitted under L-1 is not rescaled again, and is converted back for model-df', () => {
    const pl = panel('L-1');
    const t = mean(ev.map((r) => r[0])) / (Math.sqrt(sigma.reduce((s, v) => s + v * v, 0)) / n);
    expect(bw1980Day(pl, 0, { varianceConvention: 'L-1' }).stat).toBeCloseTo(t, 12);
    const back = Math.sqrt(sigma.reduce((s, v, i) => s + (v * v * (L[i] - 1)) / df[i], 0)) / n;
    expect(bw1980Day(pl, 0, { varianceConvention: 'model-df' }).stat).toBeCloseTo(mean(ev.map((r) => r[0])) / back, 12);
  });
});

describe('bootstrap p with its Monte Carlo error (issue 12 §3)', () => {
  it('the note gives sqrt(p(1-p)/B) for the p it reports', () => {
    const r = bootstrapDay(panel(), 0, { seed: 5, bootstrapSamples: 99 });
    const p = r.p as number;
    // p = (1 + extreme) / (B + 1): a multiple of 1/100 here.
    expect(Math.abs(p * 100 - Math.round(p * 100))).toBeLessThan(1e-9);
    expect((r as { note?: string }).note).toContain(`B = 99, seed 5, the same resamples for every day and window; Monte Carlo error of p ${Math.sqrt((p * (1 - p)) / 99).toFixed(4)}`);
  });
});

describe('paper (default) and estudy2 conventions when an AR is missing (issue 12 §2)', () => {
  // Four events, a factor model (k = 4: df = L - 4); event 3 has no AR on day 0.
  const est4 = [...est, [0.004, -0.006, 0.002]];
  const ev4 = [...ev, [NaN, 0.015]];
  const C4 = [...C, [1.03, 1.02]];
  const sigma4 = [...sigma, 0.012];
  const L4 = [30, 40, 50, 60];
  const df4 = L4.map((l) => l - 4);
  const p4 = rowsPanel(est4, ev4, { C: C4, sigma: sigma4, nObs: L4, df: df4 });
  const has = [0, 1, 2];
  const sar = has.map((i) => ev4[i][0] / (sigma4[i] * Math.sqrt(C4[i][0])));
  const pNorm2 = (z: number) => 2 * (1 - normCdf(Math.abs(z)));
  const mf = { varianceConvention: 'model-df' as const };

  it("Patell: paper sums SARs and each model's df/(df - 2) over the 3 events with an AR; estudy2 scales mean x 4 by (L-2)/(L-4) over all 4", () => {
    const paper = sar.reduce((s, v) => s + v, 0) / Math.sqrt(has.reduce((s, i) => s + df4[i] / (df4[i] - 2), 0));
    const peers = (mean(sar) * 4) / Math.sqrt(L4.reduce((s, l) => s + (l - 2) / (l - 4), 0));
    expect(Math.abs(paper - peers)).toBeGreaterThan(0.05);
    expect(patellDay(p4, 0).stat as number).toBeCloseTo(paper, 12);
    expect(patellDay(p4, 0).p as number).toBeCloseTo(pNorm2(paper), 6);
    expect(patellDay(p4, 0, { convention: 'estudy2', ...mf }).stat as number).toBeCloseTo(peers, 12);
  });

  it('BW independence t: paper over the 3 events with an AR (mean df); estudy2 sums variances and divides by N over all 4 (mean L - 1 df)', () => {
    const aar = mean(has.map((i) => ev4[i][0]));
    const paper = aar / (Math.sqrt(has.reduce((s, i) => s + sigma4[i] ** 2, 0)) / 3);
    const peers = aar / (Math.sqrt(sigma4.reduce((s, v) => s + v * v, 0)) / 4);
    const r = bw1980Day(p4, 0);
    expect(r.stat as number).toBeCloseTo(paper, 12);
    expect((r as { df?: number }).df).toBeCloseTo(mean(has.map((i) => df4[i])), 12);
    const e = bw1980Day(p4, 0, { convention: 'estudy2', ...mf });
    expect(e.stat as number).toBeCloseTo(peers, 12);
    expect((e as { df?: number }).df).toBeCloseTo(mean(L4) - 1, 12);
  });

  it('modified rank (Campbell & Wasley 1993): paper sums U - 1/2 over the N_t events and divides by T days; estudy2 uses mean x n and mean M_i', () => {
    // Midranks of each event's combined estimation + event values (its missing day left out).
    const U = est4.map((r, i) => {
      const v = [...r, ...ev4[i]];
      const ok = v.filter((x) => !Number.isNaN(x));
      return v.map((x) => (Number.isNaN(x) ? NaN : (ok.filter((y) => y < x).length + (ok.filter((y) => y === x).length + 1) / 2) / (ok.length + 1)));
    });
    const M = est4.map((r, i) => [...r, ...ev4[i]].filter((x) => !Number.isNaN(x)).length);
    const cols = [0, 1, 2, 3, 4].map((c) => U.map((r) => r[c] - 0.5).filter((x) => !Number.isNaN(x)));
    const term = (d: number[], peers: boolean) => (peers ? mean(d) * 4 : d.reduce((a, b) => a + b, 0)) / Math.sqrt(d.length);
    const z = (peers: boolean) => term(cols[3], peers) / Math.sqrt(cols.reduce((a, d) => a + term(d, peers) ** 2, 0) / (peers ? mean(M) : 5));
    expect(Math.abs(z(false) - z(true))).toBeGreaterThan(0.01);
    expect(modifiedRankDay(p4, 0).stat as number).toBeCloseTo(z(false), 12);
    expect(modifiedRankDay(p4, 0, { convention: 'estudy2', ...mf }).stat as number).toBeCloseTo(z(true), 12);
  });
});

/** Standard normal CDF, Zelen & Severo (Abramowitz & Stegun 26.2.17). */
function normCdf(x: number): number {
  // Absolute error below 7.5e-8: enough for a 1e-6 p check.
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  const q = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - q : q;
}
