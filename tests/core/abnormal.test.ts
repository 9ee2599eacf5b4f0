import { describe, expect, it } from 'vitest';
import { abnormalReturns, bhar, carWindow, carWindows, twoSidedTPValue, windowVarianceFn } from '../../src/core/abnormal.js';
import { fitModel, type FitResult, type FittedModel } from '../../src/core/models/index.js';
import { normalSeries } from './prng.js';

function mustFit(r: FitResult): FittedModel {
  if (!r.ok) throw new Error(r.reason);
  return r.model;
}

/** 150 rows: estimation rows 0..119 noisy, day 0 at row 130, window rows 130..134 with R = 0.02 and Rm = 0.01. */
function bharCase() {
  const n = 150;
  const y = normalSeries(61, n, 0.0005, 0.02);
  const market = normalSeries(62, n, 0.0003, 0.01);
  for (let t = 120; t < n; t++) {
    // Large moves just outside the window must not enter a BHAR that compounds only inside it.
    y[t] = 0.3;
    market[t] = -0.2;
  }
  for (let t = 130; t <= 134; t++) {
    y[t] = 0.02;
    market[t] = 0.01;
  }
  const model = mustFit(fitModel('market-adjusted', { y, regressors: { market }, estimation: { from: 0, to: 119 } }));
  return { y, market, model };
}

describe('CAR and BHAR', () => {
  it('BHAR compounds only inside the window: 1.02^5 - 1.01^5', () => {
    const { y, model } = bharCase();
    const r = carWindow(model, y, 130, 0, 4);
    expect(r.bhar).toBeCloseTo(1.02 ** 5 - 1.01 ** 5, 14);
    expect(r.car).toBeCloseTo(0.05, 14);
    expect(r.nDays).toBe(5);
    expect(r.missing).toBe(0);
    // Market-adjusted: no estimation error, Var(CAR) = 5 sigma^2.
    expect(r.carVar).toBeCloseTo(5 * model.sigma2, 16);
    expect(r.carT).toBeCloseTo(0.05 / (model.sigma * Math.sqrt(5)), 12);
    expect(r.carP).toBe(twoSidedTPValue(r.carT, model.df));
  });

  it('the standalone bhar() agrees', () => {
    const { y, market } = bharCase();
    expect(bhar(y, market, 130, 134)).toBeCloseTo(1.02 ** 5 - 1.01 ** 5, 14);
  });

  it('a missing day inside the window is counted and skipped by CAR, BHAR and the variance', () => {
    const { y, model } = bharCase();
    y[132] = NaN;
    const r = carWindow(model, y, 130, 0, 4);
    expect(r.missing).toBe(1);
    expect(r.car).toBeCloseTo(0.04, 14);
    expect(r.bhar).toBeCloseTo(1.02 ** 4 - 1.01 ** 4, 14);
    expect(r.carVar).toBeCloseTo(4 * model.sigma2, 16);
  });

  it('a window running past the end of the series counts the missing days', () => {
    const { y, model } = bharCase();
    const r = carWindow(model, y, 147, 0, 5); // rows 147..152, series ends at 149
    expect(r.nDays).toBe(6);
    expect(r.missing).toBe(3);
    const none = carWindow(model, y, 200, 0, 1);
    expect(none.car).toBeNaN();
    expect(none.missing).toBe(2);
  });

  it('carWindows returns one result per window in order', () => {
    const { y, model } = bharCase();
    const rs = carWindows(model, y, 130, [
      [0, 0],
      [0, 4],
    ]);
    expect(rs.map((r) => r.window)).toEqual([
      [0, 0],
      [0, 4],
    ]);
    expect(rs[0].car).toBeCloseTo(0.01, 14);
  });
});

describe('two-sided t p-values', () => {
  it('match an independent implementation (scipy.stats.t.sf)', () => {
    // 2 * scipy.stats.t.sf(2.0, 10) and 2 * scipy.stats.t.sf(1.5, 57)
    expect(twoSidedTPValue(2.0, 10)).toBeCloseTo(0.07338803477074037, 10);
    expect(twoSidedTPValue(-1.5, 57)).toBeCloseTo(0.13913335657124346, 10);
    // t_{0.975, 10} = 2.228138851986... (textbook critical value) -> p = 0.05
    expect(twoSidedTPValue(2.2281388519649385, 10)).toBeCloseTo(0.05, 10);
    expect(twoSidedTPValue(NaN, 10)).toBeNaN();
    expect(twoSidedTPValue(1, 0)).toBeNaN();
  });
});

describe('abnormal returns over the event window (market model)', () => {
  const n = 160;
  const market = normalSeries(71, n, 0.0005, 0.012);
  const eps = normalSeries(72, n, 0, 0.015);
  const y = market.map((m, t) => 0.0003 + 1.1 * m + eps[t]);
  y[141] = NaN;
  const model = mustFit(fitModel('market', { y, regressors: { market }, estimation: { from: 0, to: 119 } }));
  const abn = abnormalReturns(model, y, 140, -10, 10);

  it('AR = R - alpha - beta Rm, SAR = AR / (sigma sqrt(C_t)), C_t = prediction factor', () => {
    expect(abn.ar.length).toBe(21);
    const i = 10 + 3; // offset +3, row 143
    expect(abn.rows[i]).toBe(143);
    expect(abn.expected[i]).toBeCloseTo(model.alpha! + model.beta! * market[143], 15);
    expect(abn.ar[i]).toBeCloseTo(y[143] - model.alpha! - model.beta! * market[143], 15);
    expect(abn.c[i]).toBe(model.predictionFactor(143));
    expect(abn.sar[i]).toBeCloseTo(abn.ar[i] / (model.sigma * Math.sqrt(abn.c[i])), 14);
    expect(abn.ar[11]).toBeNaN(); // row 141 missing
    expect(abn.sigma).toBe(model.sigma);
    expect(abn.df).toBe(118);
  });

  it('the CAR over a window is the sum of its ARs; its variance is sigma^2 times the window factor', () => {
    const r = carWindow(model, y, 140, -1, 2);
    let s = 0;
    for (let k = -1; k <= 2; k++) if (!Number.isNaN(abn.ar[k + 10])) s += abn.ar[k + 10];
    expect(r.car).toBeCloseTo(s, 15);
    expect(r.missing).toBe(1);
    expect(r.carVar).toBeCloseTo(model.sigma2 * model.windowVarianceFactor(139, 142, y), 18);
    expect(windowVarianceFn(model, y, 140)(-1, 2)).toBe(r.carVar);
  });

  it('offsets outside the series are missing with row -1', () => {
    const a = abnormalReturns(model, y, 155, 0, 10);
    expect(a.rows[4]).toBe(159);
    expect(a.rows[5]).toBe(-1);
    expect(a.ar[5]).toBeNaN();
    expect(a.sar[5]).toBeNaN();
  });
});
