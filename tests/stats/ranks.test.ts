/**
 * `rankInto` / `midranks` (src/stats/util.ts) against a definition-level reference: the midrank of
 * x[i] is (number of finite values below it) + (number equal to it, itself included, + 1) / 2
 * (R's rank(ties.method = "average"), NaN kept); `order` lists the positions of the sorted values,
 * equal values in index order. Ties, NaN, infinities and signed zeros included (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { midranks, rankInto } from '../../src/stats/util.js';

function reference(x: number[]): { ranks: number[]; order: number[]; count: number; tieSum: number } {
  const fin = x.map((v, i) => ({ v, i })).filter((p) => Number.isFinite(p.v));
  const ranks = x.map((v) => {
    if (!Number.isFinite(v)) return NaN;
    const below = fin.filter((p) => p.v < v).length;
    const equal = fin.filter((p) => p.v === v).length;
    return below + (equal + 1) / 2;
  });
  const order = [...fin].sort((a, b) => (a.v < b.v ? -1 : a.v > b.v ? 1 : a.i - b.i)).map((p) => p.i);
  // A Map key compares by SameValueZero: -0 and 0 are one tie group, as the ranks have them.
  const groups = new Map<number, number>();
  for (const p of fin) groups.set(p.v, (groups.get(p.v) ?? 0) + 1);
  let tieSum = 0;
  for (const t of groups.values()) tieSum += t * t * t - t;
  return { ranks, order, count: fin.length, tieSum };
}

// Small pools of values make ties common; the specials are what real AR columns hold.
const value = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 2, NaN, Infinity, -Infinity),
  fc.integer({ min: -5, max: 5 }).map((k) => k / 4),
  fc.double({ min: -1, max: 1, noNaN: true }),
);

describe('rankInto', () => {
  it('gives the midranks, the sorted values, their positions and the tie sum of the definition', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (x) => {
        const n = x.length;
        const ranks = new Float64Array(n);
        const sorted = new Float64Array(n);
        const order = new Int32Array(n);
        const r = rankInto(x, ranks, sorted, order, new Int32Array(n));
        const ref = reference(x);
        expect(r.count).toBe(ref.count);
        expect(r.tieSum).toBe(ref.tieSum);
        expect(Array.from(ranks)).toEqual(ref.ranks);
        expect(Array.from(order.subarray(0, r.count))).toEqual(ref.order);
        expect(Array.from(sorted.subarray(0, r.count))).toEqual(ref.order.map((i) => x[i]));
      }),
      { numRuns: 300 },
    );
  });

  it('midranks: R rank(c(3, 1, 4, 1, 5, NA, 9, 2, 6), ties = "average", na.last = "keep")', () => {
    const { ranks, count, tieSum } = midranks([3, 1, 4, 1, 5, NaN, 9, 2, 6]);
    expect(Array.from(ranks)).toEqual([4, 1.5, 5, 1.5, 6, NaN, 8, 3, 7]);
    expect(count).toBe(8);
    expect(tieSum).toBe(6);
  });
});
