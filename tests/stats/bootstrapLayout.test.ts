/**
 * Issue 15 §3: bootstrapExtremes lays the sections out event-major and sums several at once; its
 * counts must be exactly those of the plain one-section-at-a-time loop it replaced (kept below as
 * the reference: the same stream of indices, the same summation order per section), for sections
 * of equal and of different N, zero-spread resamples, and any split of the resamples.
 */
import { describe, expect, it } from 'vitest';
import { bootstrapExtremes, bootstrapInput, hashSeed, mulberry32, type BootstrapPrep } from '../../src/stats/index.js';
import { isZeroSpread } from '../../src/stats/util.js';

/**
 * The loop before issue 15 §3, section by section (src/stats/bootstrap.ts at commit c443c00), drawing
 * through random.ts's mulberry32 rather than a copy of the generator bootstrap.ts inlines, so the
 * inlined copy is checked too: resample b's k-th uniform u picks rank floor(u N).
 */
function reference(preps: readonly BootstrapPrep[], seed: number, b0: number, b1: number): Int32Array {
  const counts = new Int32Array(preps.length);
  let M = 0;
  for (const p of preps) if (!('reason' in p)) M = Math.max(M, p.n);
  const U = new Float64Array(M);
  for (let b = b0; b < b1; b++) {
    const draw = mulberry32(hashSeed(seed, b));
    for (let k = 0; k < M; k++) U[k] = draw();
    preps.forEach((p, s) => {
      if ('reason' in p) return;
      const { y, n, absT } = p;
      let s1 = 0;
      let s2 = 0;
      for (let k = 0; k < n; k++) {
        const q = y[Math.floor(U[k] * n)];
        s1 += q;
        s2 += q * q;
      }
      const m = s1 / n;
      const sb = Math.sqrt(Math.max(0, (s2 - n * m * m) / (n - 1)));
      const tb = isZeroSpread(sb, Math.abs(m) + 1e-300) ? (m === 0 ? 0 : Infinity) : m / (sb / Math.sqrt(n));
      if (Math.abs(tb) >= absT) counts[s]++;
    });
  }
  return counts;
}

/** Sections of the given sizes with shifted, skewed values (so counts are neither 0 nor B). */
function sections(sizes: number[], seed: number): BootstrapPrep[] {
  const u = mulberry32(seed);
  return sizes.map((n, s) => bootstrapInput(Array.from({ length: n }, () => 0.0004 * (s % 3) + 0.01 * (u() - 0.5) + (u() < 0.05 ? 0.05 * u() : 0))));
}

describe('bootstrapExtremes: event-major blocks give the reference counts exactly', () => {
  it('equal N (a block of 4 and a partial block), unequal N, a section with nothing to resample', () => {
    const cases: number[][] = [
      Array(7).fill(40),
      [40, 40, 39, 40, 12, 39, 2, 40, 40, 40, 3],
      [1, 25, 25],
      [300],
    ];
    cases.forEach((sizes, c) => {
      const preps = sections(sizes, 100 + c);
      expect(preps.some((p) => !('reason' in p))).toBe(true);
      const want = reference(preps, 7 + c, 0, 301);
      expect(Array.from(bootstrapExtremes(preps, 7 + c, 0, 301)), `case ${c}`).toEqual(Array.from(want));
      // Neither all nor none extreme, or the comparison would be weak.
      expect(Array.from(want).some((x) => x > 0 && x < 301), `case ${c}`).toBe(true);
      // Any split of the resamples adds up to the same counts.
      const parts = [bootstrapExtremes(preps, 7 + c, 0, 120), bootstrapExtremes(preps, 7 + c, 120, 301)];
      expect(Array.from(parts[0], (x, s) => x + parts[1][s])).toEqual(Array.from(want));
    });
  });

  it('zero-spread resamples (two distinct values, N = 2) count as the reference counts them', () => {
    const preps = [bootstrapInput([0.01, -0.01]), bootstrapInput([0.02, 0.0]), bootstrapInput([1, 1, 1, 2])];
    expect(Array.from(bootstrapExtremes(preps, 3, 0, 200))).toEqual(Array.from(reference(preps, 3, 0, 200)));
  });
});
