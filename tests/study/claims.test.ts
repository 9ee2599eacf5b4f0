/**
 * Claim verdicts pinned on both sides of every comparison (issue 12 §5: an inverted verdict passed
 * every test). Closes 10, 11, 12, 15 on four days: the period return from the first close is 0.5.
 */
import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../src/study/claims.js';
import type { Claim } from '../../src/study/config.js';
import { parseIsoDay } from '../../src/util/dayNumber.js';

const days = Int32Array.from(['2023-01-02', '2023-01-03', '2023-01-04', '2023-01-05'].map(parseIsoDay));
const series = { days, close: Float64Array.of(10, 11, 12, 15), open: null, high: null, low: null, volume: null, amount: null, turnoverRate: null, pctChange: null };
const ctx = { series: () => ({ ok: true as const, series, describe: 'hand-written closes' }), events: [] };

function verdict(comparison: Claim['comparison'], claimed: number, tolerance = 0.0005): string {
  const c: Claim = { id: 'c', text: 't', source: 's', symbol: 'X', measure: 'period', from: '2023-01-02', to: '2023-01-05', claimed, comparison, tolerance };
  const r = checkClaim(c, ctx);
  expect(r.ours).toBeCloseTo(0.5, 12);
  return r.verdict;
}

describe('checkClaim verdicts (ours = +50%)', () => {
  it('about: within the tolerance, within ten times it, beyond', () => {
    expect([verdict('about', 0.5), verdict('about', 0.503), verdict('about', 0.6)]).toEqual(['confirmed', 'approximately', 'not-confirmed']);
  });
  it('at-least and at-most on each side', () => {
    expect([verdict('at-least', 0.4), verdict('at-least', 0.6)]).toEqual(['confirmed', 'not-confirmed']);
    expect([verdict('at-most', 0.6), verdict('at-most', 0.4)]).toEqual(['confirmed', 'not-confirmed']);
  });
  it('nearly: just below is confirmed, just above approximately, far off not', () => {
    expect([verdict('nearly', 0.502, 0.005), verdict('nearly', 0.497, 0.005), verdict('nearly', 0.6, 0.005)]).toEqual(['confirmed', 'approximately', 'not-confirmed']);
  });
});
