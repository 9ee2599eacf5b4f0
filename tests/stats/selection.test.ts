/**
 * Issue 15 §2: a test selection computes only the selected tests. `basic` (cross-sectional t and
 * BMP) must not pay for r-bar, the window r-bars, the bootstrap's resamples, the rank rows, GRANK's
 * sorted SARs, p-hat or the calendar-time test: each of those functions is wrapped in a counter, so
 * this fails as soon as the battery calls one of them for a selection that does not need it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => new Map<string, number>());
const count = vi.hoisted(() => (name: string, f: (...a: never[]) => unknown) => (...a: never[]) => {
  calls.set(name, (calls.get(name) ?? 0) + 1);
  return f(...a);
});

vi.mock('../../src/stats/rbar.js', async (orig) => {
  const m = await orig<typeof import('../../src/stats/rbar.js')>();
  return { ...m, kpRbar: count('kpRbar', m.kpRbar as never) };
});
vi.mock('../../src/stats/rbarWindow.js', async (orig) => {
  const m = await orig<typeof import('../../src/stats/rbarWindow.js')>();
  return { ...m, windowRbar: count('windowRbar', m.windowRbar as never) };
});
vi.mock('../../src/stats/bootstrap.js', async (orig) => {
  const m = await orig<typeof import('../../src/stats/bootstrap.js')>();
  return { ...m, bootstrapSections: count('bootstrapSections', m.bootstrapSections as never) };
});
vi.mock('../../src/stats/calendarTime.js', async (orig) => {
  const m = await orig<typeof import('../../src/stats/calendarTime.js')>();
  return { ...m, calendarTimeTest: count('calendarTimeTest', m.calendarTimeTest as never) };
});
vi.mock('../../src/stats/rankRows.js', async (orig) => {
  const m = await orig<typeof import('../../src/stats/rankRows.js')>();
  return { ...m, rankRows: count('rankRows', m.rankRows as never), grankRows: count('grankRows', m.grankRows as never) };
});
vi.mock('../../src/stats/phat.js', async (orig) => {
  const m = await orig<typeof import('../../src/stats/phat.js')>();
  return { ...m, estimatePhat: count('estimatePhat', m.estimatePhat as never) };
});

const { aggregate } = await import('../../src/stats/battery.js');
const { parseTestSelection, TestSelectionError } = await import('../../src/stats/selection.js');
const { meanModelPanel, normalStream } = await import('./helpers.js');

const EXPENSIVE = ['kpRbar', 'windowRbar', 'bootstrapSections', 'calendarTimeTest', 'rankRows', 'grankRows', 'estimatePhat'];

/** 12 events on overlapping calendar days, 60 estimation and 5 event-window days. */
function panel() {
  const z = normalStream(15);
  const est = Array.from({ length: 12 }, () => Array.from({ length: 60 }, () => 0.01 * z()));
  const ev = Array.from({ length: 12 }, () => Array.from({ length: 5 }, () => 0.004 + 0.01 * z()));
  return meanModelPanel({ est, ev, winStart: -2, firstDay: est.map((_, i) => 1000 + 3 * i) });
}
const OPTS = { bootstrapSamples: 199, windows: [[0, 1], [-1, 1]] as Array<[number, number]> };

describe('test selection (issue 15 §2)', () => {
  beforeEach(() => calls.clear());

  it('all tests (the default) call every expensive ingredient: the counters can see them', () => {
    const agg = aggregate(panel(), OPTS);
    for (const f of EXPENSIVE) expect(calls.get(f) ?? 0, f).toBeGreaterThan(0);
    expect(Object.keys(agg.windows[0].tests)).toHaveLength(15);
    expect(agg.rbarInfo).toBeDefined();
    expect(agg.windows[0].calendarTime).toBeDefined();
  });

  it('`basic` computes csectT and BMP, equal to the full battery, and calls none of the expensive ingredients', () => {
    const full = aggregate(panel(), OPTS);
    calls.clear();
    const basic = aggregate(panel(), { ...OPTS, tests: 'basic' });
    expect(Object.fromEntries(EXPENSIVE.map((f) => [f, calls.get(f) ?? 0]))).toEqual(Object.fromEntries(EXPENSIVE.map((f) => [f, 0])));
    basic.days.forEach((d, i) => {
      expect(Object.keys(d.tests)).toEqual(['csectT', 'bmp']);
      expect(d.tests.csectT).toEqual(full.days[i].tests.csectT);
      expect(d.tests.bmp).toEqual(full.days[i].tests.bmp);
    });
    basic.windows.forEach((w, i) => {
      expect(Object.keys(w.tests)).toEqual(['csectT', 'bmp']);
      expect(w.tests.bmp).toEqual(full.windows[i].tests.bmp);
      expect(w.rbar).toBeUndefined();
      expect(w.calendarTime).toBeUndefined();
    });
    expect(basic.rbarInfo).toBeUndefined();
    expect(basic.rbar).toBeNull();
  });

  it('a list pays only for what its tests use: kpBmp needs r-bar, not ranks or the bootstrap', () => {
    const agg = aggregate(panel(), { ...OPTS, tests: ['kpBmp', 'calendarTime'] });
    expect(calls.get('kpRbar')).toBe(1);
    expect(calls.get('windowRbar')).toBeGreaterThan(0);
    expect(calls.get('calendarTimeTest')).toBe(2);
    for (const f of ['bootstrapSections', 'rankRows', 'grankRows', 'estimatePhat']) expect(calls.get(f) ?? 0, f).toBe(0);
    expect(Object.keys(agg.days[0].tests)).toEqual(['kpBmp']);
  });

  it('parses all | basic | names; unknown names are refused with the valid list', () => {
    expect(parseTestSelection('all')).toBeNull();
    expect(parseTestSelection('bmp, csectT,bmp')).toEqual(['csectT', 'bmp']);
    expect(parseTestSelection(['basic', 'grank'])).toEqual(['csectT', 'bmp', 'grank']);
    expect(() => parseTestSelection('csectT,ttest')).toThrow(TestSelectionError);
    expect(() => parseTestSelection('csectT,ttest')).toThrow(/unknown test 'ttest'; valid: all, basic \(csectT, bmp\), .*grank.*calendarTime/);
    expect(() => parseTestSelection(' , ')).toThrow(/no test named/);
  });
});
