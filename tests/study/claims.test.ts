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
  it('nearly on a fall: just short of it in size is confirmed, past it approximately', () => {
    // ours is +50%; a claimed -X is compared from above: "跌近9%" is a fall just under 9%.
    const fall = (claimed: number, tol: number) =>
      checkClaim({ id: 'c', text: 't', source: 's', symbol: 'X', measure: 'period', from: '2023-01-02', to: '2023-01-05', claimed, comparison: 'nearly', tolerance: tol }, {
        ...ctx,
        series: () => ({ ok: true as const, series: { ...series, close: Float64Array.of(15, 12, 11, 10) }, describe: 'falling closes' }),
      }).verdict;
    // ours = 10 / 15 - 1 = -33.33%
    expect([fall(-0.335, 0.005), fall(-0.331, 0.005), fall(-0.5, 0.005)]).toEqual(['confirmed', 'approximately', 'not-confirmed']);
  });
});

describe('checkClaim verdicts on a price level (close 15 on 2023-01-05)', () => {
  const price = (claimed: number, comparison: Claim['comparison']) =>
    checkClaim({ id: 'p', text: 't', source: 's', symbol: 'X', measure: 'price', at: 'close', to: '2023-01-05', claimed, comparison, tolerance: 0.05 }, ctx).verdict;
  it('nearly: a close just below the claimed price is confirmed, just above approximately, far off not', () => {
    expect([price(15.03, 'nearly'), price(14.97, 'nearly'), price(16, 'nearly')]).toEqual(['confirmed', 'approximately', 'not-confirmed']);
  });
  it('about, at-least and at-most on each side', () => {
    expect([price(15.02, 'about'), price(15.4, 'about'), price(16, 'about')]).toEqual(['confirmed', 'approximately', 'not-confirmed']);
    expect([price(15.04, 'at-least'), price(15.2, 'at-least'), price(14.96, 'at-most'), price(14.8, 'at-most')]).toEqual(['confirmed', 'not-confirmed', 'confirmed', 'not-confirmed']);
  });
});
