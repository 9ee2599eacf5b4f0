import { describe, expect, it } from 'vitest';
import { choleskyFactor, choleskyInverse, choleskySolve } from '../../src/core/cholesky.js';
import { normalSeries } from './prng.js';

/** A random symmetric positive definite p x p matrix A'A + I from seeded normals. */
function spd(seed: number, p: number): Float64Array {
  const a = normalSeries(seed, p * p, 0, 1);
  const S = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = i === j ? 1 : 0;
      for (let m = 0; m < p; m++) s += a[m * p + i] * a[m * p + j];
      S[i * p + j] = s;
    }
  return S;
}

describe('choleskyFactor', () => {
  it('factors [4 2; 2 5] into [2 0; 1 2] by hand', () => {
    const L = new Float64Array(4);
    expect(choleskyFactor(Float64Array.of(4, 2, 2, 5), 2, L)).toBe(-1);
    expect([...L]).toEqual([2, 0, 1, 2]);
  });

  it('L L\' reproduces a 6 x 6 matrix, with nothing above the diagonal', () => {
    const p = 6;
    const S = spd(7, p);
    const L = new Float64Array(p * p);
    expect(choleskyFactor(S, p, L)).toBe(-1);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        if (j > i) expect(L[i * p + j]).toBe(0);
        let s = 0;
        for (let m = 0; m < p; m++) s += L[i * p + m] * L[j * p + m];
        expect(s).toBeCloseTo(S[i * p + j], 12);
      }
  });

  it('returns the first column that is a combination of the earlier ones', () => {
    // Columns x1 = (1, 2, 3), x2 = (0, 1, 1), x3 = x1 + 2 x2: S = X'X is singular at column 2.
    const X = [Float64Array.of(1, 2, 3), Float64Array.of(0, 1, 1), Float64Array.of(1, 4, 5)];
    const S = new Float64Array(9);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) S[i * 3 + j] = X[i].reduce((s, v, t) => s + v * X[j][t], 0);
    expect(choleskyFactor(S, 3, new Float64Array(9))).toBe(2);
    // The same two leading columns without the third are fine.
    expect(choleskyFactor(Float64Array.of(S[0], S[1], S[3], S[4]), 2, new Float64Array(4))).toBe(-1);
  });

  it('refuses a zero leading column, and a pivot below the relative tolerance but not one above it', () => {
    expect(choleskyFactor(Float64Array.of(0, 0, 0, 1), 2, new Float64Array(4))).toBe(0);
    // [1 1; 1 1 + eps]: pivot d_1 = eps relative to S_11 ~ 1.
    expect(choleskyFactor(Float64Array.of(1, 1, 1, 1 + 1e-10), 2, new Float64Array(4))).toBe(-1);
    expect(choleskyFactor(Float64Array.of(1, 1, 1, 1 + 1e-13), 2, new Float64Array(4))).toBe(1);
  });

  it('an empty matrix (p = 0) factors trivially', () => {
    expect(choleskyFactor(new Float64Array(0), 0, new Float64Array(0))).toBe(-1);
  });
});

describe('choleskyInverse', () => {
  it('[4 2; 2 5]^-1 = [5 -2; -2 4] / 16 by hand', () => {
    expect([...choleskyInverse(Float64Array.of(2, 0, 1, 2), 2)]).toEqual([5 / 16, -2 / 16, -2 / 16, 4 / 16]);
  });

  it('S S^-1 = I for a 6 x 6 matrix, and S^-1 is exactly symmetric', () => {
    const p = 6;
    const S = spd(11, p);
    const L = new Float64Array(p * p);
    choleskyFactor(S, p, L);
    const Sinv = choleskyInverse(L, p);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        expect(Sinv[i * p + j]).toBe(Sinv[j * p + i]);
        let s = 0;
        for (let m = 0; m < p; m++) s += S[i * p + m] * Sinv[m * p + j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
  });
});

describe('choleskySolve', () => {
  it('solves [4 2; 2 5] b = (10, 13) to b = (1.5, 2) by hand', () => {
    expect([...choleskySolve(Float64Array.of(2, 0, 1, 2), 2, Float64Array.of(10, 13))]).toEqual([1.5, 2]);
  });

  it('S b = r for a 6 x 6 matrix', () => {
    const p = 6;
    const S = spd(13, p);
    const r = normalSeries(14, p, 0, 1);
    const L = new Float64Array(p * p);
    choleskyFactor(S, p, L);
    const b = choleskySolve(L, p, r);
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let m = 0; m < p; m++) s += S[i * p + m] * b[m];
      expect(s).toBeCloseTo(r[i], 12);
    }
  });
});
