/** Holm (1979) step-down adjustment by hand: sorted p 0.01, 0.02, 0.03, 0.5 with m = 4. */
import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../src/stats/holm.js';

describe('holmAdjust', () => {
  it('multiplies the k-th smallest by m - k, keeps the order monotone, caps at 1, skips nulls', () => {
    // 4 * 0.01 = 0.04; 3 * 0.02 = 0.06; 2 * 0.03 = 0.06; 1 * 0.5 = 0.5.
    expect(holmAdjust([0.5, 0.02, null, 0.01, 0.03])).toEqual([0.5, 0.06, null, 0.04, 0.06]);
    // Monotone step-down: 3 * 0.01 = 0.03, 2 * 0.011 = 0.022 -> 0.03; 1 * 0.9 = 0.9.
    expect(holmAdjust([0.011, 0.01, 0.9])[0]).toBeCloseTo(0.03, 15);
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
  });
});
