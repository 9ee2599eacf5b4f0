/**
 * Closed-form checks of individual tests against values computed by hand (in the comments).
 */
import { describe, expect, it } from 'vitest';
import {
  binomialTwoSidedP,
  bmpDay,
  bw1980Day,
  bw1985Day,
  computeRbar,
  csectTDay,
  csectTWindow,
  generalizedSignDay,
  kpBmpDay,
  kpPatellDay,
  patellDay,
  patellWindow,
  pNormal2,
  pStudent2,
  signDay,
  signedRankExactP,
  skewAdjTDay,
  wilcoxonDay,
  wilcoxonSignedRank,
} from '../../src/stats/index.js';
import { directPanel } from './helpers.js';

describe('p-values', () => {
  it('two-sided normal and Student t', () => {
    expect(pNormal2(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(pNormal2(0)).toBe(1);
    expect(pNormal2(-30)).toBeGreaterThan(0); // tail kept (~1e-197), not cancelled to 0
    expect(pNormal2(30)).toBe(pNormal2(-30));
    // df = 2 has the closed form F(t) = 1/2 + t / (2 sqrt(2 + t^2)): p = 1 - t / sqrt(2 + t^2).
    expect(pStudent2(2, 2)).toBeCloseTo(1 - 2 / Math.sqrt(6), 12);
    expect(pStudent2(1.5, Infinity)).toBeCloseTo(pNormal2(1.5), 12);
  });
});

describe('Patell (1976), own degrees of freedom', () => {
  // Two firms, AR = 0.02 on day 0, prediction-error-corrected sigma 0.044 and 0.088, L = 20 estimation
  // returns with the market model (k = 2): df = 18, Var(SAR) = 18/16.
  // Z = (0.02/0.044 + 0.02/0.088) / sqrt(2 * 18/16).
  const expected = (0.02 / 0.044 + 0.02 / 0.088) / Math.sqrt((2 * 18) / 16);
  const panel = directPanel({
    evAR: [[0.02], [0.02]],
    evSAR: [[0.02 / 0.044], [0.02 / 0.088]],
    sigma: [0.044, 0.088],
    nObs: [20, 20],
    df: [18, 18],
  });

  it('day 0 matches the hand computation', () => {
    const r = patellDay(panel, 0);
    expect(r.stat).toBeCloseTo(expected, 14);
    expect(expected).toBeCloseTo(5 / 11, 14); // (0.454545 + 0.227273) / 1.5 = 0.681818 / 1.5
    expect(r.p).toBeCloseTo(pNormal2(expected), 14);
  });

  it('the window version standardizes the CAR by sqrt(windowVariance)', () => {
    // Two days of AR 0.02 each: CAR 0.04; windowVariance = sigma^2 * 2.2 (some estimation error).
    const p2 = directPanel({
      evAR: [
        [0.02, 0.02],
        [0.02, 0.02],
      ],
      sigma: [0.044, 0.088],
      nObs: [20, 20],
      df: [18, 18],
      windowVariance: (i, a, b) => [0.044, 0.088][i] ** 2 * (b - a + 1) * 1.1,
    });
    const z = (0.04 / Math.sqrt(0.044 ** 2 * 2.2) + 0.04 / Math.sqrt(0.088 ** 2 * 2.2)) / Math.sqrt(2 * (18 / 16));
    expect(patellWindow(p2, 0, 1).stat).toBeCloseTo(z, 14);
  });

  it("the 'L-1' convention rescales each SAR by sqrt((L-1)/df)", () => {
    const r = patellDay(panel, 0, { varianceConvention: 'L-1' });
    expect(r.stat).toBeCloseTo(expected * Math.sqrt(19 / 18), 14);
  });
});

describe('Kolari-Pynnönen (2010) r-bar, calendar-aligned', () => {
  // Estimation residuals by CALENDAR day (columns are not aligned on purpose):
  //   A: days 10 11 12 13          values  2  0 -2  0
  //   B: days  9 10 11 12 13       values  5  1  1 -1 -1     (day 9 is B's alone)
  //   C: days 11 12 13 10 20       values -1 -1  1  1 100    (stored out of order; day 20 is C's alone)
  // Common days of every pair: 10..13. Means over them are 0 for A (2+0-2+0), B (1+1-1-1), C (1-1-1+1).
  //   r(A,B) = (2*1 + 0*1 + (-2)(-1) + 0*(-1)) / sqrt((4+0+4+0)(1+1+1+1)) = 4 / sqrt(32) = 1/sqrt(2)
  //   r(A,C) = (2*1 + 0*(-1) + (-2)(-1) + 0*1) / sqrt(8 * 4)               = 4 / sqrt(32) = 1/sqrt(2)
  //   r(B,C) = (1*1 + 1*(-1) + (-1)(-1) + (-1)*1) / sqrt(4 * 4)             = 0
  //   r-bar = (1/sqrt(2) + 1/sqrt(2) + 0) / 3 = sqrt(2)/3 = 0.4714045...
  const estAR = [
    [2, 0, -2, 0, NaN],
    [5, 1, 1, -1, -1],
    [-1, -1, 1, 1, 100],
  ];
  const estDays = [
    [10, 11, 12, 13, -1],
    [9, 10, 11, 12, 13],
    [11, 12, 13, 10, 20],
  ];
  const rbarHand = Math.SQRT2 / 3;

  it('matches the hand computation; uncommon days do not enter', () => {
    const panel = directPanel({ evAR: [[0.01], [0.02], [0.03]], estAR, estDays });
    const info = computeRbar(panel, { kpMinOverlap: 4 });
    expect(info.rbar).toBeCloseTo(rbarHand, 14);
    expect(info.pairsUsed).toBe(3);
    expect(info.pairsShort).toBe(0);
  });

  it('pairs with fewer common days than kpMinOverlap count as 0 (default) or are excluded, and are reported', () => {
    // D shares only days 12 and 13 with the others (2 common days < 4).
    const panel = directPanel({
      evAR: [[0.01], [0.02], [0.03], [0.04]],
      estAR: [...estAR, [1, -1, 3, 2, 0]],
      estDays: [...estDays, [12, 13, 50, 51, 52]],
    });
    const ex = computeRbar(panel, { kpMinOverlap: 4, kpShortPairs: 'exclude' });
    expect(ex.rbar).toBeCloseTo(rbarHand, 14);
    expect(ex.pairsShort).toBe(3);
    expect(ex.pairsTotal).toBe(6);
    // Default: the 3 short pairs count as 0 -> (1/sqrt2 + 1/sqrt2 + 0 + 0 + 0 + 0) / 6.
    const zero = computeRbar(panel, { kpMinOverlap: 4 });
    expect(zero.rbar).toBeCloseTo(2 / Math.SQRT2 / 6, 14);
    const kp = kpBmpDay(panel, 0, { kpMinOverlap: 4, kpShortPairs: 'exclude' });
    expect(kp.stat).not.toBeNull();
    expect((kp as { note: string }).note).toMatch(/3 pair\(s\) with < 4 common days excluded/);
    expect((kpBmpDay(panel, 0, { kpMinOverlap: 4 }) as { note: string }).note).toMatch(/counted as 0/);
  });

  it('adjusts BMP by sqrt((1 - r)/(1 + (N-1) r)) and Patell by sqrt(1/(1 + (N-1) r))', () => {
    const panel = directPanel({ evAR: [[0.01], [0.02], [0.04]], estAR, estDays });
    const o = { kpMinOverlap: 4 };
    const b = bmpDay(panel, 0, o).stat as number;
    const p = patellDay(panel, 0, o).stat as number;
    expect(kpBmpDay(panel, 0, o).stat).toBeCloseTo(b * Math.sqrt((1 - rbarHand) / (1 + 2 * rbarHand)), 14);
    expect(kpPatellDay(panel, 0, o).stat).toBeCloseTo(p / Math.sqrt(1 + 2 * rbarHand), 14);
  });

  it('no usable pair: r-bar 0 when short pairs count as 0, a reason (not NaN) when they are excluded', () => {
    const panel = directPanel({ evAR: [[0.01], [0.02], [0.04]], estAR, estDays });
    // Default kpMinOverlap 30 > the 4 common days: every pair is short.
    expect(kpBmpDay(panel, 0).stat).toBeCloseTo(bmpDay(panel, 0).stat as number, 14);
    const r = kpBmpDay(panel, 0, { kpShortPairs: 'exclude' });
    expect(r.stat).toBeNull();
    expect((r as { reason: string }).reason).toMatch(/no pair/);
  });
});

describe('cross-sectional t', () => {
  it('on a known vector', () => {
    // x = 0.01, 0.02, 0.03: mean 0.02, sd 0.01, t = 0.02 / (0.01/sqrt(3)) = 2 sqrt(3); df 2:
    // p = 1 - t / sqrt(2 + t^2) = 1 - 2sqrt3/sqrt14.
    const panel = directPanel({ evAR: [[0.01], [0.02], [0.03]] });
    const r = csectTDay(panel, 0);
    expect(r.stat).toBeCloseTo(2 * Math.sqrt(3), 12);
    expect(r.p).toBeCloseTo(1 - (2 * Math.sqrt(3)) / Math.sqrt(14), 12);
    expect((r as { df: number }).df).toBe(2);
  });

  it('the window version works on the CARs of complete windows only', () => {
    // CARs: 0.03 and 0.05 and 0.04 (the 4th event misses day 1 and is left out): mean 0.04, sd 0.01.
    const panel = directPanel({
      evAR: [
        [0.01, 0.02],
        [0.02, 0.03],
        [0.02, 0.02],
        [0.5, NaN],
      ],
    });
    const r = csectTWindow(panel, 0, 1);
    expect(r.stat).toBeCloseTo(0.04 / (0.01 / Math.sqrt(3)), 10);
    expect((r as { n: number }).n).toBe(3);
  });
});

describe('Brown-Warner', () => {
  it('BW1980: AAR / (sqrt(sum sigma_i^2) / N)', () => {
    // sigma = 0.01, 0.02: sqrt(0.0001 + 0.0004)/2 = 0.0111803; AAR = 0.015 -> t = 1.341641
    const panel = directPanel({ evAR: [[0.01], [0.02]], sigma: [0.01, 0.02] });
    expect(bw1980Day(panel, 0).stat).toBeCloseTo(0.015 / (Math.sqrt(0.0005) / 2), 12);
  });

  it('BW1985: AAR / sd of the estimation AAR series (event time)', () => {
    // Estimation AAR by column: (1+3)/2 = 2, (-1+1)/2 = 0, (NaN, 4) -> 4, (-2-4)/2 = -3: mean 0.75,
    // sd = sqrt(((1.25)^2 + (0.75)^2 + (3.25)^2 + (3.75)^2) / 3) = sqrt(26.75/3).
    const panel = directPanel({
      evAR: [[1], [2]],
      estAR: [
        [1, -1, NaN, -2],
        [3, 1, 4, -4],
      ],
    });
    expect(bw1985Day(panel, 0).stat).toBeCloseTo(1.5 / Math.sqrt(26.75 / 3), 12);
  });
});

describe('sign test: exact binomial p', () => {
  it('enumerated by hand', () => {
    // 5 of 5 positive: P(X >= 5) = 1/32 -> p = 2/32.
    expect(binomialTwoSidedP(5, 5)).toBeCloseTo(2 / 32, 15);
    // 5 of 6: P(X >= 5) = (C(6,5) + C(6,6)) / 64 = 7/64 -> p = 14/64.
    expect(binomialTwoSidedP(5, 6)).toBeCloseTo(14 / 64, 15);
    // 2 of 4 (the centre): both tails exceed 1/2 -> p = 1.
    expect(binomialTwoSidedP(2, 4)).toBe(1);
  });

  it('on a panel: Z = (w - N/2)/sqrt(N/4), exact p; a zero AR is dropped by default', () => {
    const panel = directPanel({ evAR: [[0.01], [0.02], [0.03], [-0.01], [0.02], [0.05], [0]] });
    const r = signDay(panel, 0);
    // Non-zero N = 6, w = 5: Z = (5 - 3)/sqrt(1.5).
    expect(r.stat).toBeCloseTo(2 / Math.sqrt(1.5), 14);
    expect(r.p).toBeCloseTo(14 / 64, 14);
    // estudy2 keeps the zero as "not positive": N = 7, w = 5.
    const e2 = signDay(panel, 0, { convention: 'estudy2' });
    expect(e2.stat).toBeCloseTo((5 - 3.5) / Math.sqrt(1.75), 14);
  });
});

describe('Wilcoxon signed rank: exact p', () => {
  it('n = 4 without ties, enumerated by hand', () => {
    // x = 1, 2, -3, 4: W+ = 1 + 2 + 4 = 7. The 16 sign patterns give W+ = 0..10 with counts
    // 1,1,1,2,2,2,2,2,1,1,1; P(W+ >= 7) = (2+1+1+1)/16 = 5/16 -> p = 10/16.
    const d = wilcoxonSignedRank([1, 2, -3, 4])!;
    expect(d.wPlus).toBe(7);
    expect(d.exact).toBe(true);
    expect(d.p).toBeCloseTo(10 / 16, 15);
  });

  it('with ties (mid-ranks), enumerated by hand', () => {
    // x = 1, -1, 2: |x| ranks 1.5, 1.5, 3; W+ = 1.5 + 3 = 4.5. Subset sums of {1.5, 1.5, 3}:
    // 0, 1.5, 1.5, 3, 3, 4.5, 4.5, 6 -> P(W+ >= 4.5) = 3/8 -> p = 6/8.
    const d = wilcoxonSignedRank([1, -1, 2])!;
    expect(d.wPlus).toBe(4.5);
    expect(d.p).toBeCloseTo(0.75, 15);
    expect(signedRankExactP([3, 3, 6], 9)).toBeCloseTo(0.75, 15);
  });

  it('all 5 positive: p = 2/32; the statistic is z by default and W+ under estudy2', () => {
    const panel = directPanel({ evAR: [[0.01], [0.03], [0.02], [0.05], [0.04]] });
    const r = wilcoxonDay(panel, 0);
    expect(r.p).toBeCloseTo(2 / 32, 15);
    // W+ = 15, mean 7.5, var 5*6*11/24 = 13.75.
    expect(r.stat).toBeCloseTo(7.5 / Math.sqrt(13.75), 14);
    expect(wilcoxonDay(panel, 0, { convention: 'estudy2' }).stat).toBe(15);
  });

  it('the normal approximation (tie-corrected) from 30 values on', () => {
    const x = Array.from({ length: 30 }, (_, k) => (k % 3 === 0 ? -1 : 1) * (1 + (k % 5)));
    const d = wilcoxonSignedRank(x)!;
    expect(d.exact).toBe(false);
    expect(d.p).toBeCloseTo(pNormal2(d.z), 15);
    const exact = wilcoxonSignedRank(x, 31)!;
    expect(exact.exact).toBe(true);
    expect(Math.abs(exact.p - d.p)).toBeLessThan(0.02);
  });
});

describe('generalized sign (Cowan 1992)', () => {
  it('p-hat is the mean of per-event fractions (default) or pooled (estudy2)', () => {
    // Event 1: 3 of 4 estimation residuals positive (0.75); event 2: 1 of 2 (0.5).
    // Default p-hat = 0.625; pooled = 4/6. Day 0: both ARs positive (w = 2, N = 2).
    const panel = directPanel({
      evAR: [[0.01], [0.02]],
      estAR: [
        [1, 2, 3, -1],
        [1, -1, NaN, NaN],
      ],
    });
    const p = 0.625;
    expect(generalizedSignDay(panel, 0).stat).toBeCloseTo((2 - 2 * p) / Math.sqrt(2 * p * (1 - p)), 14);
    const q = 4 / 6;
    expect(generalizedSignDay(panel, 0, { convention: 'estudy2' }).stat).toBeCloseTo((2 - 2 * q) / Math.sqrt(2 * q * (1 - q)), 14);
  });
});

describe('skewness-adjusted t (Hall 1992)', () => {
  it('matches the formula on a skewed vector', () => {
    const x = [0.01, 0.02, 0.015, 0.2];
    const N = 4;
    const m = x.reduce((a, b) => a + b) / N;
    const s = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / (N - 1));
    const g = (N / ((N - 1) * (N - 2))) * x.reduce((a, v) => a + ((v - m) / s) ** 3, 0);
    const S = m / s;
    const t = Math.sqrt(N) * (S + (g * S * S) / 3 + (g * g * S ** 3) / 27 + g / (6 * N));
    const r = skewAdjTDay(directPanel({ evAR: x.map((v) => [v]) }), 0);
    expect(r.stat).toBeCloseTo(t, 12);
    expect(g).toBeGreaterThan(1.9); // strongly right-skewed
  });
});
