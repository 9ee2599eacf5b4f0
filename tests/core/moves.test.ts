import { describe, expect, it } from 'vitest';
import { lastIndexOnOrBefore, maxHighReturn, minLowReturn, periodReturn, rawReturn } from '../../src/core/moves.js';
import { dayNumber } from '../../src/util/dayNumber.js';

// Rows 0..4: close 10, 11, 12, 9, 10.5; high 10.2, 11.5, 12.8, 12.1, 10.9; low 9.8, 10.6, 11.4, 8.7, 9.1.
const close = Float64Array.of(10, 11, 12, 9, 10.5);
const high = Float64Array.of(10.2, 11.5, 12.8, 12.1, 10.9);
const low = Float64Array.of(9.8, 10.6, 11.4, 8.7, 9.1);

describe('raw moves', () => {
  it('rawReturn = close[b] / close[a-1] - 1', () => {
    expect(rawReturn(close, 1, 1)).toBeCloseTo(0.1, 15);
    expect(rawReturn(close, 1, 3)).toBeCloseTo(-0.1, 15);
    expect(rawReturn(close, 2, 4)).toBeCloseTo(10.5 / 11 - 1, 15);
    expect(rawReturn(close, 0, 2)).toBeNaN(); // no close before row 0
    expect(rawReturn(close, 3, 9)).toBeNaN();
  });

  it('maxHighReturn / minLowReturn use the extreme over [a, b] against close[a-1]', () => {
    expect(maxHighReturn(high, close, 1, 3)).toBeCloseTo(12.8 / 10 - 1, 15);
    expect(minLowReturn(low, close, 1, 3)).toBeCloseTo(8.7 / 10 - 1, 15);
    expect(maxHighReturn(high, close, 4, 4)).toBeCloseTo(10.9 / 9 - 1, 15);
    expect(minLowReturn(low, close, 4, 4)).toBeCloseTo(9.1 / 9 - 1, 15);
    const h = high.slice();
    h[2] = NaN;
    expect(maxHighReturn(h, close, 1, 3)).toBeCloseTo(12.1 / 10 - 1, 15);
  });
});

describe('periodReturn', () => {
  // Trading days: 2022-12-29, 2022-12-30, 2023-01-03 (1-2 Jan closed), 2023-01-04, 2023-06-30, 2023-07-03.
  const days = Int32Array.of(
    dayNumber(2022, 12, 29),
    dayNumber(2022, 12, 30),
    dayNumber(2023, 1, 3),
    dayNumber(2023, 1, 4),
    dayNumber(2023, 6, 30),
    dayNumber(2023, 7, 3),
  );
  const c = Float64Array.of(20, 21, 22, 23, 25.2, 26);

  it('year-to-date through a holiday start reports the dates used', () => {
    const r = periodReturn(days, c, dayNumber(2023, 1, 1), dayNumber(2023, 7, 1));
    expect(r.value).toBeCloseTo(25.2 / 21 - 1, 15);
    expect(r.fromDate).toBe('2022-12-30');
    expect(r.toDate).toBe('2023-06-30');
    expect(r.fromClose).toBe(21);
    expect(r.toClose).toBe(25.2);
  });

  it('no base close before the period -> NaN with a null date', () => {
    const r = periodReturn(days, c, dayNumber(2022, 1, 1), dayNumber(2023, 1, 4));
    expect(r.value).toBeNaN();
    expect(r.fromDate).toBeNull();
    expect(r.toDate).toBe('2023-01-04');
  });

  it('lastIndexOnOrBefore', () => {
    expect(lastIndexOnOrBefore(days, dayNumber(2023, 1, 2))).toBe(1);
    expect(lastIndexOnOrBefore(days, dayNumber(2023, 1, 3))).toBe(2);
    expect(lastIndexOnOrBefore(days, dayNumber(2020, 1, 1))).toBe(-1);
    expect(lastIndexOnOrBefore(days, dayNumber(2030, 1, 1))).toBe(5);
  });
});
