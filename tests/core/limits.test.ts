import { describe, expect, it } from 'vitest';
import { boardFromCode, limitHits, limitRate, previousClose, suspensionGaps } from '../../src/core/limits.js';
import { dayNumber } from '../../src/util/dayNumber.js';

describe('A-share limit hits', () => {
  it('601360 (SSE main board) hits +10% on 2023-02-07 and 2023-02-08', () => {
    // From /work/shared/data/tszlam__trading/data/601360.csv (收盘 column):
    //   2023-02-06 close 7.29 (prev 7.27), 2023-02-07 close 8.02, 2023-02-08 close 8.82.
    // Limit prices: round(7.29 * 1.1, 2) = round(8.019) = 8.02; round(8.02 * 1.1, 2) = round(8.822) = 8.82.
    const close = Float64Array.of(7.29, 8.02, 8.82);
    const prev = Float64Array.of(7.27, 7.29, 8.02);
    expect(Array.from(limitHits(close, prev, 'main'))).toEqual([0, 1, 1]);
  });

  it('limit-down uses round(prevClose * 0.9, 2)', () => {
    // 7.29 * 0.9 = 6.561 -> 6.56
    expect(Array.from(limitHits(Float64Array.of(6.56, 6.57), Float64Array.of(7.29, 7.29), 'main'))).toEqual([-1, 0]);
  });

  it('ChiNext: +-20% from 2020-08-24, +-10% before', () => {
    // prev 12.34: 12.34 * 1.2 = 14.808 -> 14.81; 12.34 * 0.8 = 9.872 -> 9.87; 12.34 * 1.1 = 13.574 -> 13.57.
    const prev = Float64Array.of(12.34, 12.34, 12.34, 12.34);
    const close = Float64Array.of(14.81, 9.87, 14.81, 13.57);
    const days = Int32Array.of(dayNumber(2020, 8, 24), dayNumber(2021, 3, 1), dayNumber(2020, 8, 21), dayNumber(2020, 8, 21));
    expect(Array.from(limitHits(close, prev, 'chinext', { days }))).toEqual([1, -1, 0, 1]);
    expect(() => limitHits(close, prev, 'chinext')).toThrow(/depends on the date/);
  });

  it('STAR 20%, BSE 30%, main-board ST 5%', () => {
    expect(limitRate('star', dayNumber(2023, 1, 3))).toBe(0.2);
    expect(limitRate('bse', dayNumber(2023, 1, 3))).toBe(0.3);
    expect(limitRate('main', dayNumber(2023, 1, 3), true)).toBe(0.05);
    expect(limitRate('main', dayNumber(2023, 1, 3))).toBe(0.1);
    // ST at 5%: 4.17 * 1.05 = 4.3785 -> 4.38
    const days = Int32Array.of(dayNumber(2023, 5, 5));
    expect(Array.from(limitHits(Float64Array.of(4.38), Float64Array.of(4.17), 'main', { days, st: true }))).toEqual([1]);
    // BSE: 10.00 * 1.3 = 13.00
    expect(Array.from(limitHits(Float64Array.of(13), Float64Array.of(10), 'bse'))).toEqual([1]);
  });

  it('forward-adjusted prices: the return fallback catches a limit day the cent test misses', () => {
    // Adjusted prices are raw prices times a factor, re-rounded by the vendor: here a +10% day whose
    // adjusted close 5.5089 misses round(5.0137 * 1.1, 2) = 5.52 by more than half a cent ...
    const prev = Float64Array.of(5.0137);
    const close = Float64Array.of(5.5089); // ... but its return, 9.877%, is within 0.0015 of 10%
    expect(Array.from(limitHits(close, prev, 'main'))).toEqual([0]);
    expect(Array.from(limitHits(close, prev, 'main', { adjusted: true }))).toEqual([1]);
    // A 9.8% day is not a limit hit even on adjusted data.
    expect(Array.from(limitHits(Float64Array.of(5.505), prev, 'main', { adjusted: true }))).toEqual([0]);
  });

  it('missing prices are not hits; previousClose shifts by one row', () => {
    const c = Float64Array.of(10, NaN, 11);
    const p = previousClose(c);
    expect(p[0]).toBeNaN();
    expect(p[2]).toBeNaN();
    expect(Array.from(limitHits(c, p, 'main'))).toEqual([0, 0, 0]);
  });

  it('boardFromCode', () => {
    expect(boardFromCode('601360')).toBe('main');
    expect(boardFromCode('000938.SZ')).toBe('main');
    expect(boardFromCode('300418.SZ')).toBe('chinext');
    expect(boardFromCode('688981')).toBe('star');
    expect(boardFromCode('830799')).toBe('bse');
    expect(boardFromCode('AAPL')).toBeNull();
  });
});

describe('suspensionGaps', () => {
  it('lists rows whose return spans more than the calendar gap', () => {
    const days = Int32Array.of(dayNumber(2023, 3, 1), dayNumber(2023, 3, 2), dayNumber(2023, 4, 3), dayNumber(2023, 4, 4));
    const g = suspensionGaps(days);
    expect(Array.from(g.rows)).toEqual([2]);
    expect(Array.from(g.calendarDays)).toEqual([32]);
  });
});
