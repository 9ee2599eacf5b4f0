import { describe, expect, it } from 'vitest';
import {
  checkOlsShape,
  completeRows,
  constantRegressor,
  crossProducts,
  olsRows,
  regressorNames,
} from '../../src/core/olsDesign.js';

const f = (...v: number[]) => Float64Array.from(v);

describe('checkOlsShape', () => {
  it('refuses too many regressors, no coefficient at all, and a column of the wrong length, in that order', () => {
    const y = f(1, 2, 3);
    const seven = Array.from({ length: 7 }, () => f(1, 2));
    expect(() => checkOlsShape(y, seven, 8, 6)).toThrow(new RangeError('ols: at most 6 regressors, got 7'));
    expect(() => checkOlsShape(y, [], 0, 6)).toThrow(new RangeError('ols: no regressors and no intercept'));
    expect(() => checkOlsShape(y, [f(1, 2, 3), f(1, 2)], 3, 6)).toThrow(new RangeError('ols: regressor 1 has 2 rows, y has 3'));
    expect(() => checkOlsShape(y, [f(1, 2, 3)], 2, 6)).not.toThrow();
    expect(() => checkOlsShape(y, [], 1, 6)).not.toThrow();
  });
});

describe('regressorNames', () => {
  it('takes the given names and numbers the rest from x1', () => {
    expect(regressorNames(3, ['market'])).toEqual(['market', 'x2', 'x3']);
    expect(regressorNames(2, undefined)).toEqual(['x1', 'x2']);
  });
});

describe('olsRows', () => {
  it('defaults to the whole series and clamps the used rows to it', () => {
    expect(olsRows(10, undefined, undefined)).toEqual({ from: 0, to: 9, len: 10, lo: 0, hi: 9 });
    expect(olsRows(10, -2, 12)).toEqual({ from: -2, to: 12, len: 15, lo: 0, hi: 9 });
  });

  it('allows an empty range (to = from - 1) and refuses a negative one', () => {
    expect(olsRows(10, 5, 4).len).toBe(0);
    expect(() => olsRows(10, 5, 3)).toThrow(new RangeError('ols: empty row range [5, 3]'));
  });
});

describe('completeRows', () => {
  it('marks only rows where y and every regressor are present, and sums over those', () => {
    const y = f(1, NaN, 3, 4, 5, 6);
    const x1 = f(10, 20, 30, NaN, 50, 60);
    const x2 = f(1, 1, 2, 2, 3, 3);
    const rows = olsRows(6, 0, 4); // row 5 is outside the range
    const valid = new Uint8Array(rows.len);
    const xSums = new Float64Array(2);
    expect(completeRows(y, [x1, x2], rows, valid, xSums)).toEqual({ n: 3, ySum: 1 + 3 + 5 });
    expect([...valid]).toEqual([1, 0, 1, 0, 1]);
    expect([...xSums]).toEqual([90, 6]);
  });

  it('indexes valid from the requested start even when it lies before the series', () => {
    const rows = olsRows(3, -2, 2);
    const valid = new Uint8Array(rows.len);
    expect(completeRows(f(1, 2, 3), [], rows, valid, new Float64Array(0))).toEqual({ n: 3, ySum: 6 });
    expect([...valid]).toEqual([0, 0, 1, 1, 1]);
  });
});

describe('crossProducts', () => {
  it('centred S and s_xy by hand, exactly symmetric, over the complete rows only', () => {
    // Complete rows 0, 1, 3: x1 = 0, 1, 2 (mean 1), x2 = 1, 0, 2 (mean 1), y = 1, 3, 2 (mean 2).
    const y = f(1, 3, 99, 2);
    const x1 = f(0, 1, 99, 2);
    const x2 = f(1, 0, NaN, 2);
    const rows = olsRows(4, undefined, undefined);
    const valid = Uint8Array.of(1, 1, 0, 1);
    const cp = crossProducts(y, [x1, x2], rows, valid, f(1, 1), 2);
    // S11 = 1 + 0 + 1 = 2, S22 = 0 + 1 + 1 = 2, S12 = (-1)(0) + (0)(-1) + (1)(1) = 1.
    expect([...cp.S]).toEqual([2, 1, 1, 2]);
    // sxy1 = (-1)(-1) + 0 + (1)(0) = 1, sxy2 = 0 + (-1)(1) + (1)(0) = -1.
    expect([...cp.sxy]).toEqual([1, -1]);
    expect([...cp.rawSq]).toEqual([5, 5]);
    expect([...cp.first]).toEqual([0, 1]);
    expect([...cp.varies]).toEqual([1, 1]);
  });

  it('raw cross-products X\'X and X\'y when centred on zero', () => {
    const cp = crossProducts(f(2, 4, 6.5), [f(1, 2, 3)], olsRows(3, undefined, undefined), Uint8Array.of(1, 1, 1), f(0), 0);
    expect([...cp.S]).toEqual([14]);
    expect([...cp.sxy]).toEqual([29.5]);
  });
});

describe('constantRegressor', () => {
  const design = (cols: Float64Array[], intercept: boolean) => {
    // y plays no part in the check: zeros. Means over all rows with an intercept, else zeros.
    const n = cols[0].length;
    const y = new Float64Array(n);
    const rows = olsRows(n, undefined, undefined);
    const valid = new Uint8Array(n);
    const xMeans = new Float64Array(cols.length);
    completeRows(y, cols, rows, valid, xMeans);
    for (let j = 0; j < cols.length; j++) xMeans[j] = intercept ? xMeans[j] / n : 0;
    return crossProducts(y, cols, rows, valid, xMeans, 0);
  };

  it('with an intercept, names the first regressor that takes one value, and its value', () => {
    const cp = design([f(1, 2, 3, 5), f(0.1, 0.1, 0.1, 0.1), f(0, 0, 0, 0)], true);
    expect(constantRegressor(cp, ['market', 'smb', 'hml'], 4, true)).toEqual({
      ok: false,
      code: 'constant-regressor',
      reason: "regressor 'smb' is constant (0.1) on the 4 complete rows, so it is collinear with the intercept",
      nObs: 4,
    });
    expect(constantRegressor(design([f(1, 2, 3, 5)], true), ['market'], 4, true)).toBeNull();
  });

  it('with an intercept, refuses a regressor whose variation is below rounding of its level', () => {
    // 1e8 and its neighbour 1e8 + 2^-26: distinct values, but a centred sum of squares ~1e-16 against 4e16.
    const x = f(1e8, 1e8 + 2 ** -26, 1e8, 1e8);
    expect(x[1]).not.toBe(x[0]);
    const r = constantRegressor(design([x], true), ['level'], 4, true);
    expect(r?.code).toBe('constant-regressor');
    expect(r?.reason).toMatch(/^regressor 'level' is constant \(100000000\)/);
  });

  it('without an intercept, refuses only an all-zero regressor', () => {
    expect(constantRegressor(design([f(0.1, 0.1, 0.1)], false), ['c'], 3, false)).toBeNull();
    expect(constantRegressor(design([f(0.1, 0.2, 0.3), f(0, 0, 0)], false), ['a', 'z'], 3, false)).toEqual({
      ok: false,
      code: 'constant-regressor',
      reason: "regressor 'z' is zero on all 3 complete rows",
      nObs: 3,
    });
  });
});
