import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abnormalReturns, carWindow } from '../../src/core/abnormal.js';
import { fitModel, type FittedModel } from '../../src/core/models/index.js';
import { normalSeries } from './prng.js';

const N = 90;
const EST = { from: 0, to: 59 };
const DAY0 = 75;

/** Security and market returns from a seed; some event-window days may be missing. */
function series(seed: number, beta: number, missing: number[]) {
  const market = normalSeries(seed, N, 0.0003, 0.012);
  const eps = normalSeries(seed + 1, N, 0, 0.02);
  const y = market.map((m, t) => 0.0002 + beta * m + eps[t]);
  for (const k of missing) y[DAY0 + k] = NaN;
  return { y, market };
}

describe('properties', () => {
  it('the sum of the ARs over a window equals the CAR (market model, any window, missing days skipped)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: -1, max: 3, noNaN: true }),
        fc.integer({ min: -10, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.array(fc.integer({ min: -10, max: 10 }), { maxLength: 3 }),
        (seed, beta, a, len, missing) => {
          const b = Math.min(10, a + len);
          const { y, market } = series(seed, beta, missing);
          const r = fitModel('market', { y, regressors: { market }, estimation: EST }, { minObs: 30 });
          if (!r.ok) return;
          const model: FittedModel = r.model;
          const abn = abnormalReturns(model, y, DAY0, -10, 10);
          let sum = 0;
          let used = 0;
          for (let k = a; k <= b; k++) {
            const v = abn.ar[k + 10];
            if (!Number.isNaN(v)) {
              sum += v;
              used++;
            }
          }
          const car = carWindow(model, y, DAY0, a, b);
          expect(car.missing).toBe(b - a + 1 - used);
          if (used > 0) expect(car.car).toBeCloseTo(sum, 13);
          else expect(car.car).toBeNaN();
        },
      ),
      { numRuns: 100 },
    );
  });

  it('market-adjusted ARs and sigma are invariant to adding a constant to both series', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        (seed, c) => {
          const { y, market } = series(seed, 1, []);
          const y2 = y.map((v) => v + c);
          const m2 = market.map((v) => v + c);
          const r1 = fitModel('market-adjusted', { y, regressors: { market }, estimation: EST });
          const r2 = fitModel('market-adjusted', { y: y2, regressors: { market: m2 }, estimation: EST });
          expect(r1.ok && r2.ok).toBe(true);
          if (!r1.ok || !r2.ok) return;
          const a1 = abnormalReturns(r1.model, y, DAY0, -10, 10);
          const a2 = abnormalReturns(r2.model, y2, DAY0, -10, 10);
          for (let i = 0; i < a1.ar.length; i++) expect(a2.ar[i]).toBeCloseTo(a1.ar[i], 12);
          expect(r2.model.sigma).toBeCloseTo(r1.model.sigma, 12);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('window variance factor of one day equals the prediction factor for every linear model', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 60, max: N - 1 }), (seed, row) => {
        const { y, market } = series(seed, 1.2, []);
        for (const kind of ['mean', 'market', 'scholes-williams', 'dimson'] as const) {
          const r = fitModel(kind, { y, regressors: { market }, estimation: EST }, { minObs: 30 });
          if (!r.ok) continue;
          expect(r.model.windowVarianceFactor(row, row)).toBeCloseTo(r.model.predictionFactor(row), 12);
        }
      }),
      { numRuns: 40 },
    );
  });
});
