import { describe, expect, it } from 'vitest';
import { alignToDays, alignedReturns, fromPercent, gapFlags, logReturns, simpleReturns } from '../../src/core/returns.js';
import { dayNumber } from '../../src/util/dayNumber.js';

describe('simple and log returns', () => {
  it('prices 100 -> 110 -> 105 give 0.1 and -5/110', () => {
    const r = simpleReturns(Float64Array.of(100, 110, 105));
    expect(r.length).toBe(3);
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeCloseTo(0.1, 15);
    expect(r[2]).toBeCloseTo(-5 / 110, 15);
  });

  it('log returns are ln(P_t/P_t-1)', () => {
    const r = logReturns(Float64Array.of(100, 110, 105));
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeCloseTo(Math.log(1.1), 15);
    expect(r[2]).toBeCloseTo(Math.log(105 / 110), 15);
  });

  it('a missing or non-positive price makes both neighbouring returns NaN, never zero', () => {
    const r = simpleReturns(Float64Array.of(100, NaN, 105, 110, 0, 120));
    expect(r[1]).toBeNaN();
    expect(r[2]).toBeNaN();
    expect(r[3]).toBeCloseTo(110 / 105 - 1, 15);
    expect(r[4]).toBeNaN();
    expect(r[5]).toBeNaN();
    expect(simpleReturns(new Float64Array(0)).length).toBe(0);
  });
});

describe('gapFlags', () => {
  it('flags only returns spanning more than maxCalendarGap calendar days', () => {
    // Fri 2023-01-20 -> Mon 2023-01-30 is the 2023 Spring Festival closure (10 days): not a gap.
    // 2023-02-01 -> 2023-03-01 is a 28-day suspension.
    const days = Int32Array.of(
      dayNumber(2023, 1, 19),
      dayNumber(2023, 1, 20),
      dayNumber(2023, 1, 30),
      dayNumber(2023, 2, 1),
      dayNumber(2023, 3, 1),
    );
    expect(Array.from(gapFlags(days))).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(gapFlags(days, 5))).toEqual([0, 0, 1, 0, 1]);
  });
});

describe('fromPercent', () => {
  it('divides by 100 and keeps NaN', () => {
    expect(fromPercent(1.25)).toBe(0.0125);
    const x = fromPercent(Float64Array.of(1, -0.5, NaN));
    expect(x[0]).toBe(0.01);
    expect(x[1]).toBe(-0.005);
    expect(x[2]).toBeNaN();
  });
});

describe('alignToDays', () => {
  // Stock trades on days 1,2,3,5,6 (suspended on 4); the index trades on 1,2,4,5,6 (holiday on 3).
  const stockDays = Int32Array.of(1, 2, 3, 5, 6);
  const indexDays = Int32Array.of(1, 2, 4, 5, 6);
  const indexClose = Float64Array.of(1000, 1010, 1030, 1040, 1020);

  it('takes the source value on the target day and NaN where the source has no row', () => {
    const a = alignToDays(stockDays, indexDays, indexClose);
    expect(Array.from(a)).toEqual([1000, 1010, NaN, 1040, 1020]);
  });

  it('a holiday on the index side gives missing (never zero) benchmark returns', () => {
    const r = alignedReturns(stockDays, indexDays, indexClose);
    expect(r[1]).toBeCloseTo(1010 / 1000 - 1, 15);
    expect(r[2]).toBeNaN(); // day 3: index closed
    expect(r[3]).toBeNaN(); // day 5: base close (day 3) missing
    expect(r[4]).toBeCloseTo(1020 / 1040 - 1, 15);
  });

  it("a day the stock is suspended drops out, so the benchmark return spans the stock's two dates", () => {
    const idxDays = Int32Array.of(1, 2, 3, 4, 5, 6);
    const idxClose = Float64Array.of(1000, 1010, 1005, 1030, 1040, 1020);
    const r = alignedReturns(stockDays, idxDays, idxClose);
    // Stock return on day 5 runs from the close of day 3 to day 5; so must the benchmark's.
    expect(r[3]).toBeCloseTo(1040 / 1005 - 1, 15);
  });

  it('handles sources that start later and end earlier than the target', () => {
    const a = alignToDays(Int32Array.of(1, 2, 3, 4), Int32Array.of(2, 3), Float64Array.of(7, 8));
    expect(Array.from(a)).toEqual([NaN, 7, 8, NaN]);
  });
});
