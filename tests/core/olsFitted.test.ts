import { describe, expect, it } from 'vitest';
import { olsRows } from '../../src/core/olsDesign.js';
import { centredResiduals, olsCoefficients, olsInverse } from '../../src/core/olsFitted.js';

const f = (...v: number[]) => Float64Array.from(v);

describe('olsCoefficients', () => {
  it('puts the intercept a = ybar - b\'xbar first', () => {
    // ybar 5, xbar (1, 2), b (2, -1): a = 5 - 2 + 2 = 5
    expect([...olsCoefficients(f(2, -1), f(1, 2), 5, true)]).toEqual([5, 2, -1]);
  });

  it('without an intercept is the slopes alone', () => {
    expect([...olsCoefficients(f(2, -1), f(0, 0), 0, false)]).toEqual([2, -1]);
  });

  it('with no regressors is the mean alone (the constant-mean model)', () => {
    expect([...olsCoefficients(new Float64Array(0), new Float64Array(0), 0.25, true)]).toEqual([0.25]);
  });
});

describe('olsInverse', () => {
  it('x = 0, 1, 2: the partitioned inverse equals the hand inverse of X\'X = [3 3; 3 5]', () => {
    const inv = olsInverse(f(0.5), f(1), 3, true);
    const want = [5 / 6, -0.5, -0.5, 0.5];
    for (let i = 0; i < 4; i++) expect(inv[i]).toBeCloseTo(want[i], 15);
  });

  it('two regressors: (X\'X)(X\'X)^-1 = I with X\'X built from raw rows', () => {
    // Rows (1, x1, x2): (1, 0, 1), (1, 1, 0), (1, 2, 2), (1, 3, 1). n 4, xbar (1.5, 1).
    const X = [
      [1, 0, 1],
      [1, 1, 0],
      [1, 2, 2],
      [1, 3, 1],
    ];
    // Centred S = [[5, 1], [1, 2]] (x1c = -1.5, -0.5, 0.5, 1.5; x2c = 0, -1, 1, 0), S^-1 = [[2, -1], [-1, 5]] / 9.
    const inv = olsInverse(f(2 / 9, -1 / 9, -1 / 9, 5 / 9), f(1.5, 1), 4, true);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let m = 0; m < 3; m++) s += X.reduce((acc, r) => acc + r[i] * r[m], 0) * inv[m * 3 + j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 14);
      }
  });

  it('without an intercept is S^-1 itself', () => {
    expect([...olsInverse(f(1, 2, 2, 5), f(0, 0), 10, false)]).toEqual([1, 2, 2, 5]);
  });

  it('with no regressors is 1/n', () => {
    expect([...olsInverse(new Float64Array(0), new Float64Array(0), 4, true)]).toEqual([0.25]);
  });
});

describe('centredResiduals', () => {
  it('writes e = (y - ybar) - b(x - xbar) on the complete rows only and returns their SSR', () => {
    // x = 0, 1, 2 and y = 1, 3, 2 on rows 1, 2, 4 (row 3 skipped): b 0.5, xbar 1, ybar 2 -> -0.5, 1, -0.5.
    const y = f(9, 1, 3, 9, 2);
    const x = f(9, 0, 1, 9, 2);
    const rows = olsRows(5, 1, 5); // row 5 lies past the series
    const residuals = new Float64Array(rows.len).fill(NaN);
    const ssr = centredResiduals(y, [x], rows, Uint8Array.of(1, 1, 0, 1, 0), f(0.5), f(1), 2, residuals);
    expect(ssr).toBe(1.5);
    expect([...residuals]).toEqual([-0.5, 1, NaN, -0.5, NaN]);
  });
});
