import { describe, expect, it } from 'vitest';
import { ols, type OlsFit } from '../../src/core/ols.js';
import { normalSeries } from './prng.js';

function mustFit(r: ReturnType<typeof ols>): OlsFit {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('ols', () => {
  it('(X\'X)^-1 matches the hand inverse for x = 0, 1, 2', () => {
    // X = [1 0; 1 1; 1 2] -> X'X = [3 3; 3 5], det 6, inverse [5/6 -1/2; -1/2 1/2].
    const f = mustFit(ols(Float64Array.of(1, 3, 2), [Float64Array.of(0, 1, 2)]));
    expect(f.xtxInv[0]).toBeCloseTo(5 / 6, 14);
    expect(f.xtxInv[1]).toBeCloseTo(-0.5, 14);
    expect(f.xtxInv[2]).toBeCloseTo(-0.5, 14);
    expect(f.xtxInv[3]).toBeCloseTo(0.5, 14);
    // Slope = Sxy/Sxx = ((0-1)(1-2) + (2-1)(2-2)) / 2 = 0.5; intercept = 2 - 0.5 = 1.5.
    expect(f.coefficients[0]).toBeCloseTo(1.5, 14);
    expect(f.coefficients[1]).toBeCloseTo(0.5, 14);
    // Residuals -0.5, 1, -0.5 -> SSR 1.5, df 1.
    expect(f.ssr).toBeCloseTo(1.5, 14);
    expect(f.df).toBe(1);
    expect(f.sigma2).toBeCloseTo(1.5, 14);
  });

  it('recovers exact coefficients of a noise-free 3-regressor model and skips NaN rows', () => {
    const n = 50;
    const x1 = normalSeries(1, n, 0, 1);
    const x2 = normalSeries(2, n, 0.5, 2);
    const x3 = normalSeries(3, n, -1, 0.3);
    const y = new Float64Array(n);
    for (let t = 0; t < n; t++) y[t] = 0.3 + 1.2 * x1[t] - 0.7 * x2[t] + 2.5 * x3[t];
    y[4] = NaN;
    x2[9] = NaN;
    const f = mustFit(ols(y, [x1, x2, x3], { names: ['a', 'b', 'c'] }));
    expect(f.nObs).toBe(48);
    expect(f.df).toBe(44);
    expect(f.names).toEqual(['intercept', 'a', 'b', 'c']);
    const want = [0.3, 1.2, -0.7, 2.5];
    for (let j = 0; j < 4; j++) expect(f.coefficients[j]).toBeCloseTo(want[j], 12);
    expect(f.residuals.length).toBe(n);
    expect(f.residuals[4]).toBeNaN();
    expect(f.residuals[9]).toBeNaN();
    expect(Math.abs(f.residuals[0])).toBeLessThan(1e-12);
  });

  it('honours a row range and reports residuals for exactly those rows', () => {
    const x = Float64Array.of(9, 9, 1, 2, 3, 4, 9);
    const y = Float64Array.of(0, 0, 2, 4, 6, 9, 0);
    const f = mustFit(ols(y, [x], { from: 2, to: 5 }));
    expect(f.nObs).toBe(4);
    expect(f.residuals.length).toBe(4);
    // Hand: xbar 2.5, ybar 5.25, Sxy = (-1.5)(-3.25)+(-0.5)(-1.25)+(0.5)(0.75)+(1.5)(3.75) = 11.5, Sxx = 5.
    expect(f.coefficients[1]).toBeCloseTo(11.5 / 5, 14);
    expect(f.coefficients[0]).toBeCloseTo(5.25 - 2.3 * 2.5, 14);
  });

  it('fits without an intercept', () => {
    const f = mustFit(ols(Float64Array.of(2, 4, 6.5), [Float64Array.of(1, 2, 3)], { intercept: false }));
    // b = sum xy / sum xx = (2 + 8 + 19.5) / 14
    expect(f.coefficients[0]).toBeCloseTo(29.5 / 14, 14);
    expect(f.k).toBe(1);
    expect(f.df).toBe(2);
  });

  it('a constant regressor is a typed failure naming it, not NaN', () => {
    const r = ols(Float64Array.of(1, 2, 3, 4), [Float64Array.of(1, 2, 3, 5), Float64Array.of(0.1, 0.1, 0.1, 0.1)], {
      names: ['market', 'smb'],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('constant-regressor');
      expect(r.reason).toMatch(/'smb' is constant/);
    }
  });

  it('exact collinearity is a typed failure', () => {
    const x1 = Float64Array.of(1, 2, 4, 7, 11);
    const x2 = x1.map((v) => 2 * v + 1);
    const r = ols(Float64Array.of(1, 0, 3, 2, 5), [x1, x2], { names: ['a', 'b'] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('collinear');
      expect(r.reason).toMatch(/'b' is a linear combination/);
    }
  });

  it('too few complete rows is a typed failure', () => {
    const r = ols(Float64Array.of(1, NaN, 3), [Float64Array.of(1, 2, 3)]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('too-few-observations');
  });
});
