import { describe, expect, it } from 'vitest';
import { alignDay0, estimationWindow, sliceWindow } from '../../src/calendar/index.js';
import { formatDay } from '../../src/util/dayNumber.js';
import { day, tradingDays } from './fixtures.js';

const hk = tradingDays('9988.HK');
const sz = tradingDays('300418.SZ');

describe('sliceWindow', () => {
  it('counts offsets in the security\'s own trading days (Hong Kong skips its Easter holidays)', () => {
    const d0 = alignDay0(hk, day('2023-04-06'), 'intraday');
    if (d0.kind !== 'ok') throw new Error(d0.reason);
    const w = sliceWindow(hk, d0.index, [-1, 1]);
    expect(w.ok).toBe(true);
    if (!w.ok) return;
    expect([formatDay(w.firstDay), formatDay(w.lastDay)]).toEqual(['2023-04-04', '2023-04-11']);
    expect(w.length).toBe(3);
    expect(w.end - w.start + 1).toBe(3);
  });

  it('reports a window running past either end of the data', () => {
    const first = sliceWindow(sz, 5, [-10, 10]);
    expect(first.ok).toBe(false);
    if (!first.ok) {
      expect(first.reason).toBe('window [-10, +10] starts 5 trading days before the first row (2023-01-03); day 0 is 2023-01-10');
      expect(first.available).toEqual([-5, sz.length - 6]);
    }
    const last = sliceWindow(sz, sz.length - 3, [0, 5]);
    expect(last.ok).toBe(false);
    if (!last.ok) expect(last.reason).toContain('ends 3 trading days after the last row (2023-06-30)');
  });

  it('needPreviousRow asks for the row before the window (a return on its first day)', () => {
    expect(sliceWindow(sz, 10, [-10, 0]).ok).toBe(true);
    expect(sliceWindow(sz, 10, [-10, 0], { needPreviousRow: true }).ok).toBe(false);
  });

  it('rejects malformed windows and indices', () => {
    expect(() => sliceWindow(sz, 10, [2, 1])).toThrow(RangeError);
    expect(() => sliceWindow(sz, 10, [0.5, 1])).toThrow(RangeError);
    expect(() => sliceWindow(sz, sz.length, [0, 0])).toThrow(RangeError);
  });
});

describe('estimationWindow', () => {
  it('the full [-130, -11] when the data reach back far enough', () => {
    const days = Int32Array.from({ length: 300 }, (_, i) => 19000 + i);
    const w = estimationWindow(days, 200);
    expect(w).toMatchObject({ ok: true, start: 70, end: 189, length: 120, truncated: false });
  });

  it('truncated at the first row when at least minRows remain', () => {
    // 2023-06-30 is row 117; the window needs row 117 - 131 < 0, so it is cut.
    const w = estimationWindow(sz, sz.length - 1, [-130, -11], { minRows: 60 });
    expect(w.ok).toBe(true);
    if (!w.ok) return;
    expect(w.truncated).toBe(true);
    expect(w.start).toBe(1); // row 0 is kept for the first return's previous close
    expect(w.end).toBe(sz.length - 12);
    expect(w.length).toBe(sz.length - 12);
  });

  it('fails with the count when too few rows remain, or when truncation is off', () => {
    const few = estimationWindow(sz, 50, [-130, -11], { minRows: 60 });
    expect(few.ok).toBe(false);
    if (!few.ok) expect(few.reason).toContain('only 39 rows');
    expect(estimationWindow(sz, sz.length - 1, [-130, -11], { allowTruncation: false }).ok).toBe(false);
  });

  it('must end before day 0', () => {
    expect(() => estimationWindow(sz, 100, [-10, 0])).toThrow(RangeError);
  });
});
