import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignDay0, indexOfDay, lowerBound, type Day0Result } from '../../src/calendar/index.js';
import { formatDay } from '../../src/util/dayNumber.js';
import { DataError } from '../../src/util/errors.js';
import { day, tradingDays } from './fixtures.js';

const sz002230 = tradingDays('002230.SZ');
const sz300418 = tradingDays('300418.SZ');
const hk9988 = tradingDays('9988.HK');

function ok(r: Day0Result) {
  if (r.kind !== 'ok') throw new Error(`expected ok, got ${r.kind}: ${r.reason}`);
  return r;
}

describe('alignDay0: the alignment cases of issue 2, on real trading days', () => {
  it('an intraday event on Saturday 2023-05-06 for 002230.SZ has day 0 = 2023-05-08 under next', () => {
    const r = ok(alignDay0(sz002230, day('2023-05-06'), 'intraday', 'next', { symbol: '002230.SZ' }));
    expect(formatDay(r.day0)).toBe('2023-05-08');
    expect(sz002230[r.index]).toBe(r.day0);
    expect(r.shifted).toBe(true);
    expect(r.shiftReason).toBe('2023-05-06 is a Saturday; next trading day 2023-05-08');
  });

  it('an after-close event on 2023-04-10 for 300418.SZ has day 0 = 2023-04-11, by the timing rule, not a shift', () => {
    const r = ok(alignDay0(sz300418, day('2023-04-10'), 'after-close', 'next', { symbol: '300418.SZ' }));
    expect(formatDay(r.day0)).toBe('2023-04-11');
    expect(r.shifted).toBe(false);
    expect(r.shiftReason).toBeUndefined();
    expect(r.reason).toBe('after-close on 2023-04-10: day 0 is the next trading day, 2023-04-11');
  });

  it('9988.HK on 2023-04-05 (Ching Ming: Hong Kong and Shanghai closed) lands on 2023-04-06', () => {
    const r = ok(alignDay0(hk9988, day('2023-04-05'), 'intraday', 'next', { symbol: '9988.HK' }));
    expect(formatDay(r.day0)).toBe('2023-04-06');
    expect(r.shifted).toBe(true);
    expect(r.shiftReason).toBe('2023-04-05 is not a trading day of 9988.HK (exchange holiday or suspension); next trading day 2023-04-06');
  });

  it('9988.HK on 2023-04-07 (Good Friday: Hong Kong closed, Shanghai open) skips Easter Monday too and lands on 2023-04-11', () => {
    // The data confirm Hong Kong was also closed on Easter Monday 2023-04-10.
    expect(indexOfDay(hk9988, day('2023-04-10'))).toBe(-1);
    expect(indexOfDay(sz002230, day('2023-04-07'))).toBeGreaterThan(-1);
    const r = ok(alignDay0(hk9988, day('2023-04-07'), 'intraday', 'next', { symbol: '9988.HK' }));
    expect(formatDay(r.day0)).toBe('2023-04-11');
    expect(r.shiftReason).toContain('2023-04-07 is not a trading day of 9988.HK');
  });

  it('names the cause as an exchange holiday when the exchange calendar is known', () => {
    // The Hong Kong calendar stands in for the exchange's: 2023-04-07 is not in it.
    const r = ok(alignDay0(hk9988, day('2023-04-07'), 'intraday', 'next', { symbol: '9988.HK', exchangeDays: hk9988 }));
    expect(r.shiftReason).toBe('2023-04-07 is not a trading day of 9988.HK (exchange holiday); next trading day 2023-04-11');
    // A Shenzhen stock missing a day the exchange traded is a suspension or a missing row, not a holiday.
    const withoutApril7 = sz002230.filter((d) => d !== day('2023-04-07'));
    const s = ok(alignDay0(withoutApril7, day('2023-04-07'), 'intraday', 'next', { symbol: '002230.SZ', exchangeDays: sz002230 }));
    expect(s.shiftReason).toContain('the exchange traded: suspension or missing row');
  });

  it('the same Good Friday event is day 0 on 2023-04-07 itself for a Shenzhen listing (its own calendar)', () => {
    const r = ok(alignDay0(sz002230, day('2023-04-07'), 'intraday'));
    expect(formatDay(r.day0)).toBe('2023-04-07');
    expect(r.shifted).toBe(false);
  });
});

describe('alignDay0: timing rules', () => {
  it('pre-open and intraday on a trading day are that day', () => {
    for (const timing of ['pre-open', 'intraday'] as const) {
      const r = ok(alignDay0(sz300418, day('2023-04-11'), timing));
      expect(formatDay(r.day0)).toBe('2023-04-11');
      expect(r.shifted).toBe(false);
      expect(r.timingUnknown).toBe(false);
    }
  });

  it('unknown timing is treated as intraday and flagged', () => {
    const r = ok(alignDay0(sz300418, day('2023-04-11'), 'unknown'));
    expect(formatDay(r.day0)).toBe('2023-04-11');
    expect(r.timingUnknown).toBe(true);
    expect(r.reason).toContain('timing unknown, treated as intraday');
  });

  it('after-close on Friday goes to Monday; after-close on a Saturday is a policy shift', () => {
    const fri = ok(alignDay0(sz002230, day('2023-05-05'), 'after-close'));
    expect(formatDay(fri.day0)).toBe('2023-05-08');
    expect(fri.shifted).toBe(false);
    const sat = ok(alignDay0(sz002230, day('2023-05-06'), 'after-close'));
    expect(formatDay(sat.day0)).toBe('2023-05-08');
    expect(sat.shifted).toBe(true);
  });
});

describe('alignDay0: non-trading-day policies', () => {
  const sat = day('2023-05-06');

  it('previous: the last trading day before the date', () => {
    const r = ok(alignDay0(sz002230, sat, 'intraday', 'previous', { symbol: '002230.SZ' }));
    expect(formatDay(r.day0)).toBe('2023-05-05');
    expect(r.shifted).toBe(true);
    expect(r.shiftReason).toBe('2023-05-06 is a Saturday; previous trading day 2023-05-05');
  });

  it('previous on the Hong Kong Easter break: 2023-04-07 -> 2023-04-06', () => {
    const r = ok(alignDay0(hk9988, day('2023-04-07'), 'intraday', 'previous'));
    expect(formatDay(r.day0)).toBe('2023-04-06');
  });

  it('skip: outcome skipped-non-trading-day with the reason', () => {
    const r = alignDay0(sz002230, sat, 'intraday', 'skip');
    expect(r.kind).toBe('skipped-non-trading-day');
    expect(r.kind === 'skipped-non-trading-day' && r.reason).toContain('2023-05-06 is a Saturday');
  });

  it('error: a DataError naming the date, returned so a batch can collect all', () => {
    const r = alignDay0(sz002230, sat, 'intraday', 'error', { symbol: '002230.SZ' });
    expect(r.kind).toBe('error-non-trading-day');
    if (r.kind !== 'error-non-trading-day') return;
    expect(r.error).toBeInstanceOf(DataError);
    expect(r.error.location.value).toBe('2023-05-06');
    expect(r.error.message).toContain('Saturday');
  });

  it('a trading day is never shifted, whatever the policy', () => {
    for (const policy of ['next', 'previous', 'skip', 'error'] as const) {
      const r = ok(alignDay0(sz002230, day('2023-05-08'), 'intraday', policy));
      expect(formatDay(r.day0)).toBe('2023-05-08');
      expect(r.shifted).toBe(false);
    }
  });
});

describe('alignDay0: outside the data', () => {
  it('before the first row', () => {
    const r = alignDay0(sz300418, day('2022-11-30'), 'intraday', 'next', { symbol: '300418.SZ' });
    expect(r).toEqual({ kind: 'outside-data', reason: '2022-11-30 is before the first row (300418.SZ data run 2023-01-03 .. 2023-06-30)' });
  });

  it('after the last row, whatever the policy', () => {
    for (const policy of ['next', 'previous'] as const) {
      const r = alignDay0(sz300418, day('2023-07-01'), 'intraday', policy);
      expect(r.kind).toBe('outside-data');
      expect(r.kind === 'outside-data' && r.reason).toContain('after the last row');
    }
  });

  it('after-close on the last row has no next trading day in the data', () => {
    const r = alignDay0(sz300418, day('2023-06-30'), 'after-close');
    expect(r.kind).toBe('outside-data');
  });

  it('an empty calendar', () => {
    expect(alignDay0(new Int32Array(0), day('2023-01-03'), 'intraday', 'next', { symbol: 'X' })).toEqual({ kind: 'outside-data', reason: 'no price rows for X' });
  });
});

describe('binary search', () => {
  it('lowerBound agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 60 }), fc.integer({ min: -5, max: 505 }), (xs, x) => {
        const days = Int32Array.from(xs.sort((a, b) => a - b));
        const linear = days.findIndex((d) => d >= x);
        expect(lowerBound(days, x)).toBe(linear === -1 ? days.length : linear);
      }),
    );
  });

  it('day 0 under next is the first trading day on or after the date, for every date in range', () => {
    for (let d = sz002230[0]; d <= sz002230[sz002230.length - 1]; d++) {
      const r = ok(alignDay0(sz002230, d, 'intraday'));
      expect(r.day0).toBeGreaterThanOrEqual(d);
      expect(sz002230.some((t) => t >= d && t < r.day0)).toBe(false);
      expect(r.shifted).toBe(indexOfDay(sz002230, d) === -1);
    }
  });
});
