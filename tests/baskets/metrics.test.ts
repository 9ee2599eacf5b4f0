/** Metrics and series on hand-made typed arrays. */
import { describe, expect, it } from 'vitest';
import { annualisedVolatility, betaCorrelation, maxDrawdown, sampleSd, totalReturn } from '../../src/baskets/metrics.js';
import { buyAndHold, dailyRebalanced, levelReturns } from '../../src/baskets/series.js';
import { periodCalendar, unionDays } from '../../src/baskets/calendar.js';
import { floatCapColumn, forwardFill, normalise } from '../../src/baskets/weights.js';
import { dateTicks, niceTicks } from '../../src/baskets/svgChart.js';
import { dayNumber, formatDay } from '../../src/util/dayNumber.js';

const f64 = (xs: number[]) => Float64Array.from(xs);
const i32 = (xs: number[]) => Int32Array.from(xs);

describe('maxDrawdown', () => {
  it('finds the largest peak-to-trough fall, its dates and the recovery', () => {
    //            0    1    2    3    4    5    6    7
    const level = f64([1, 1.2, 0.9, 1.1, 1.3, 0.91, 1.0, 1.35]);
    const dd = maxDrawdown(level);
    // 1.2 -> 0.9 is -25%; 1.3 -> 0.91 is -30%: the second is the maximum.
    expect(dd.value).toBeCloseTo(0.91 / 1.3 - 1, 15);
    expect([dd.peak, dd.trough, dd.recovery]).toEqual([4, 5, 7]);
  });
  it('counts a fall from the start, reports no recovery when the path ends below the peak', () => {
    const dd = maxDrawdown(f64([1, 0.8, 0.9]));
    expect(dd.value).toBeCloseTo(-0.2, 15);
    expect([dd.peak, dd.trough, dd.recovery]).toEqual([0, 1, -1]);
  });
  it('is 0 with no dates for a path that never falls; the earliest of equal peaks wins', () => {
    expect(maxDrawdown(f64([1, 1.1, 1.2]))).toEqual({ value: 0, peak: -1, trough: -1, recovery: -1 });
    const dd = maxDrawdown(f64([1, 1.2, 1.2, 0.6]));
    expect([dd.peak, dd.trough]).toEqual([1, 3]);
  });
});

describe('volatility, beta, correlation', () => {
  it('annualised volatility = sample sd x sqrt(242), NaN skipped', () => {
    const r = f64([NaN, 0.01, -0.01, 0.02, 0]);
    const mean = 0.005;
    const sd = Math.sqrt(((0.01 - mean) ** 2 + (-0.01 - mean) ** 2 + (0.02 - mean) ** 2 + mean ** 2) / 3);
    expect(sampleSd(r)).toBeCloseTo(sd, 15);
    expect(annualisedVolatility(r)).toBeCloseTo(sd * Math.sqrt(242), 14);
    expect(annualisedVolatility(f64([NaN, 0.01]))).toBeNaN();
  });
  it('beta and correlation on common days only', () => {
    const x = f64([NaN, 0.01, -0.02, 0.03, 0.0, 0.05]);
    const y = f64([NaN, 0.02, -0.04, NaN, 0.0, 0.1]); // y = 2x where both exist
    const bc = betaCorrelation(y, x);
    expect(bc.n).toBe(4);
    expect(bc.beta).toBeCloseTo(2, 14);
    expect(bc.correlation).toBeCloseTo(1, 14);
  });
  it('totalReturn and levelReturns', () => {
    const level = f64([1, 1.1, 0.99]);
    expect(totalReturn(level)).toBeCloseTo(-0.01, 15);
    const r = levelReturns(level);
    expect(r[0]).toBeNaN();
    expect(r[2]).toBeCloseTo(0.99 / 1.1 - 1, 15);
  });
});

describe('series on typed arrays', () => {
  const d = (m: number, day: number) => dayNumber(2023, m, day);

  it('union calendar: sorted, de-duplicated, clipped', () => {
    expect(Array.from(unionDays([i32([1, 3, 5]), i32([2, 3, 9])], 2, 6))).toEqual([2, 3, 5]);
    const cal = periodCalendar([i32([d(1, 3), d(1, 5)]), i32([d(1, 4)])], d(1, 4), d(1, 31));
    expect(Array.from(cal.days).map(formatDay)).toEqual(['2023-01-04', '2023-01-05']);
    expect(cal.baseOnOrBeforeFrom).toBe(true);
  });

  it('daily: a return spanning a suspension longer than 10 calendar days is counted and flagged', () => {
    const days = i32([d(1, 3), d(1, 4), d(1, 30)]);
    const cal = i32([d(1, 3), d(1, 4), d(1, 5), d(1, 30)]);
    const other = { days: cal, close: f64([1, 1, 1, 1]), basis: f64([1, 1, 1, 1]) };
    const p = dailyRebalanced(cal, [{ days, close: f64([10, 11, 12.1]), basis: f64([1, 1, 1]) }, other]);
    expect(p.gapReturns[0]).toBe(1);
    expect(p.daysHeld[0]).toBe(2);
    // 2023-01-05: only `other` trades (flat): the basket is flat, not diluted by a zero for the first member.
    expect(p.returns[2]).toBe(0);
    expect(p.returns[3]).toBeCloseTo(0.1 / 2, 15);
    expect(p.contributions[0] + p.contributions[1]).toBeCloseTo(p.level[3] - 1, 15);
  });

  it('buy-and-hold: weights from the basis on the base row, contributions sum to the total', () => {
    const cal = i32([d(1, 3), d(1, 4), d(1, 5)]);
    const p = buyAndHold(cal, [
      { days: cal, close: f64([10, 12, 15]), basis: f64([3, 9, 9]) },
      { days: cal, close: f64([10, 9, 8]), basis: f64([1, 9, 9]) },
    ]);
    expect(Array.from(p.weights)).toEqual([0.75, 0.25]);
    expect(p.level[2]).toBeCloseTo(0.75 * 1.5 + 0.25 * 0.8, 15);
    expect(p.contributions[0] + p.contributions[1]).toBeCloseTo(p.level[2] - 1, 15);
  });

  it('float cap = amount / (rate / 100), missing days carried forward', () => {
    const cap = forwardFill(floatCapColumn(f64([2e8, 0, 3e8]), f64([2, 0, NaN])));
    expect(Array.from(cap)).toEqual([1e10, 1e10, 1e10]);
    expect(Array.from(normalise(f64([1, 3])))).toEqual([0.25, 0.75]);
  });
});

describe('chart axes', () => {
  it('nice ticks cover the range with round steps', () => {
    expect(niceTicks(0, 1.8)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(niceTicks(-0.12, 0.3)).toEqual([-0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0.02, 0.05)).toEqual([0.02, 0.025, 0.03, 0.035, 0.04, 0.045, 0.05]);
  });
  it('month starts for spans of months', () => {
    expect(dateTicks(dayNumber(2022, 12, 30), dayNumber(2023, 4, 24)).map(formatDay)).toEqual(['2023-01-01', '2023-02-01', '2023-03-01', '2023-04-01']);
  });
});
