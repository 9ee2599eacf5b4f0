/**
 * Issue 12 §3, small samples: the generalized sign test's p-hat for an L-day CAR comes from L-day
 * sums of estimation residuals, its p-value is exact binomial, and sign / generalized sign /
 * Wilcoxon say when they cannot reject at the sample's N. Under `convention: 'estudy2'` the
 * generalized sign keeps estudy2's pooled daily p-hat and normal p. Expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import { type TestResult, generalizedSignDay, generalizedSignWindow, signDay, wilcoxonDay } from '../../src/stats/index.js';
import { rowsPanel } from './helpers.js';

const note = (r: TestResult) => (r.stat === null ? `(not computed: ${r.reason})` : (r.note ?? ''));

const choose = (n: number, k: number) => {
  let c = 1;
  for (let j = 1; j <= k; j++) c = (c * (n - j + 1)) / j;
  return c;
};
/** Exact two-sided binomial p by doubling the smaller tail. */
const binomP = (w: number, N: number, p: number) => {
  let lo = 0;
  let hi = 0;
  for (let k = 0; k <= N; k++) {
    const f = choose(N, k) * p ** k * (1 - p) ** (N - k);
    if (k <= w) lo += f;
    if (k >= w) hi += f;
  }
  return Math.min(1, 2 * Math.min(lo, hi));
};

describe('generalized sign: L-day p-hat and exact p', () => {
  // Skewed residuals: one +3 then two -1 (daily share positive 1/3). Rolling 2-day sums over
  // [3,-1,-1,3,-1,-1,3,-1,-1]: 2,-2,2,2,-2,2,2,-2 -> 5 of 8 positive.
  const row = [3, -1, -1, 3, -1, -1, 3, -1, -1];
  const est = Array.from({ length: 6 }, () => row);
  // Window [0, 1]: CARs 0.02, 0.01, -0.01, 0.03, 0.02, 0.01 -> 5 of 6 positive; day 0: 4 of 6.
  const ev = [
    [0.01, 0.01],
    [0.02, -0.01],
    [-0.02, 0.01],
    [0.01, 0.02],
    [0.03, -0.01],
    [-0.01, 0.02],
  ];
  const p = rowsPanel(est, ev);

  it('a 2-day window takes p-hat from 2-day sums, with the exact binomial p', () => {
    const ph = 5 / 8;
    const r = generalizedSignWindow(p, 0, 1);
    expect(r.stat as number).toBeCloseTo((5 - 6 * ph) / Math.sqrt(6 * ph * (1 - ph)), 12);
    expect(r.p as number).toBeCloseTo(binomP(5, 6, ph), 12);
    expect(note(r)).toMatch(/2-day/);
  });

  it('a day keeps the daily p-hat (1/3), exact p', () => {
    const ph = 1 / 3;
    const r = generalizedSignDay(p, 0);
    expect(r.stat as number).toBeCloseTo((4 - 6 * ph) / Math.sqrt(6 * ph * (1 - ph)), 12);
    expect(r.p as number).toBeCloseTo(binomP(4, 6, ph), 12);
  });

  it('estudy2: pooled daily p-hat for the window too, normal p', () => {
    const ph = 1 / 3;
    const r = generalizedSignWindow(p, 0, 1, { convention: 'estudy2' });
    const z = (5 - 6 * ph) / Math.sqrt(6 * ph * (1 - ph));
    expect(r.stat as number).toBeCloseTo(z, 12);
    // 2 * norm.sf(2.5980762114) = 0.0093747685 (scipy.stats 1.17.1)
    expect(z).toBeCloseTo(2.5980762114, 9);
    expect(r.p as number).toBeCloseTo(0.0093747685, 9);
  });
});

describe('tests that cannot reject at this N', () => {
  const est = Array.from({ length: 6 }, () => [1, -1, 1, -1, 0.5, -0.5]);
  const ev6 = [[0.01], [0.02], [0.03], [0.04], [0.05], [-0.06]];
  const p5 = rowsPanel(est.slice(0, 5), ev6.slice(0, 5));
  const p6 = rowsPanel(est, ev6);

  it('sign and Wilcoxon at N = 5: smallest two-sided p 0.0625, said in the note; not at N = 6', () => {
    for (const r of [signDay(p5, 0), wilcoxonDay(p5, 0)]) {
      expect(r.p as number).toBeCloseTo(0.0625, 12); // all five positive: the most extreme outcome
      expect(note(r)).toMatch(/cannot reject at 5% at this N: the smallest attainable two-sided p is 0\.0625/);
    }
    for (const r of [signDay(p6, 0), wilcoxonDay(p6, 0)]) expect(note(r)).not.toMatch(/cannot reject/);
  });

  it('generalized sign at N = 5 with p-hat 1/2: the same limit', () => {
    const r = generalizedSignDay(p5, 0);
    expect(r.p as number).toBeCloseTo(0.0625, 12);
    expect(note(r)).toMatch(/cannot reject/);
  });
});
