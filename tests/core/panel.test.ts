import { describe, expect, it } from 'vitest';
import { abnormalReturns } from '../../src/core/abnormal.js';
import { fitModel, type FitResult, type FittedModel } from '../../src/core/models/index.js';
import { buildEventPanel, perEventInput } from '../../src/core/panel.js';
import { normalSeries } from './prng.js';

function mustFit(r: FitResult): FittedModel {
  if (!r.ok) throw new Error(r.reason);
  return r.model;
}

describe('buildEventPanel', () => {
  // Two events on two securities. Event A: day 0 at row 40 of a 60-row series whose estimation
  // window [-30, -11] is complete. Event B: day 0 at row 25, so its window [-30, -11] starts 5 rows
  // before the data (rows -5..14): the first 5 estimation columns must be missing.
  const est = { start: -30, end: -11 };
  const win = { start: -2, end: 3 };
  const daysA = Int32Array.from({ length: 60 }, (_, i) => 1000 + i);
  const daysB = Int32Array.from({ length: 40 }, (_, i) => 2000 + 2 * i);
  const mA = normalSeries(81, 60, 0, 0.01);
  const yA = mA.map((m, i) => 0.9 * m + 0.01 * Math.sin(i));
  const mB = normalSeries(82, 40, 0, 0.01);
  const yB = mB.map((m, i) => 1.1 * m + 0.01 * Math.cos(i));
  yB[26] = NaN; // offset +1 of B
  const fitA = mustFit(fitModel('market', { y: yA, regressors: { market: mA }, estimation: { from: 10, to: 29 } }, { minObs: 10 }));
  const fitB = mustFit(fitModel('market', { y: yB, regressors: { market: mB }, estimation: { from: -5, to: 14 } }, { minObs: 10 }));
  const abnA = abnormalReturns(fitA, yA, 40, win.start, win.end);
  const abnB = abnormalReturns(fitB, yB, 25, win.start, win.end);
  const panel = buildEventPanel([perEventInput(fitA, abnA, daysA, yA), perEventInput(fitB, abnB, daysB, yB)], est, win);
  const E = 20;
  const W = 6;

  it('has the declared shape and per-event model summaries', () => {
    expect(panel.n).toBe(2);
    expect(panel.estAR.length).toBe(2 * E);
    expect(panel.estDays.length).toBe(2 * E);
    expect(panel.evAR.length).toBe(2 * W);
    expect(panel.evDays!.length).toBe(2 * W);
    expect(Array.from(panel.nObs)).toEqual([20, 15]);
    expect(Array.from(panel.df)).toEqual([18, 13]);
    expect(panel.sigma[1]).toBe(fitB.sigma);
  });

  it('places estimation residuals and their calendar days by offset', () => {
    // A: column 0 is offset -30 = row 10.
    expect(panel.estAR[0]).toBe(fitA.estimationResiduals[0]);
    expect(panel.estDays[0]).toBe(1010);
    // B: columns 0..4 (rows -5..-1) are missing; column 5 is row 0, day 2000.
    for (let c = 0; c < 5; c++) {
      expect(panel.estAR[E + c]).toBeNaN();
      expect(panel.estDays[E + c]).toBe(-1);
    }
    expect(panel.estAR[E + 5]).toBeCloseTo(yB[0] - fitB.alpha! - fitB.beta! * mB[0], 15);
    expect(panel.estDays[E + 5]).toBe(2000);
  });

  it('places event-window AR/SAR/C row-major by offset, NaN where missing', () => {
    // A offset 0 is column 2, row 40.
    expect(panel.evAR[2]).toBeCloseTo(yA[40] - fitA.expected(40), 15);
    expect(panel.evSAR[2]).toBe(abnA.sar[2]);
    expect(panel.evC[2]).toBe(fitA.predictionFactor(40));
    expect(panel.evDays![2]).toBe(1040);
    // B offset +1 (column 3) is missing.
    expect(panel.evAR[W + 3]).toBeNaN();
    expect(panel.evDays![W + 3]).toBe(-1);
    expect(panel.evDays![W + 2]).toBe(2050);
  });

  it('windowVariance delegates to each event: sigma^2 times the window factor over available days', () => {
    expect(panel.windowVariance(0, -1, 1)).toBeCloseTo(fitA.sigma2 * fitA.windowVarianceFactor(39, 41), 18);
    // B's offset +1 is missing, so the CAR over [0, 2] has two days.
    expect(panel.windowVariance(1, 0, 2)).toBeCloseTo(fitB.sigma2 * fitB.windowVarianceFactor(25, 27, yB), 18);
    const two = fitB.windowVarianceFactor(25, 27, yB);
    expect(two).toBeLessThan(fitB.windowVarianceFactor(25, 27));
    expect(two).toBeGreaterThan(2);
  });
});
