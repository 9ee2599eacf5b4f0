/** The numbers behind the charts, checked against hand computations from the fixture's literals. */
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../../src/report/schema.js';
import { caarSeries, carBarsData, pricePathSeries, sanitizeId, windowSlug } from '../../../src/report/charts/index.js';
import { cumulativeSum, compound, sampleSd } from '../../../src/report/charts/cumulate.js';
import { groupColourScale } from '../../../src/report/charts/theme.js';
import { fixtureReport } from './fixture.js';

const close = (x: number | null, y: number, digits = 12) => {
  expect(x).not.toBeNull();
  expect(x as number).toBeCloseTo(y, digits);
};

describe('fixture', () => {
  it('is a valid report.json', () => {
    expect(() => reportSchema.parse(fixtureReport())).not.toThrow();
  });
});

describe('cumulate helpers', () => {
  it('a missing term makes every later cumulative value unknown', () => {
    expect(cumulativeSum([1, 2, null, 4])).toEqual([1, 3, null, null]);
    expect(compound([0.1, null, 0.1], 100, (r) => 1 + r)).toEqual([110.00000000000001, null, null]);
  });
  it('sample sd uses n - 1 and needs two values', () => {
    expect(sampleSd([1])).toBeNull();
    expect(sampleSd([1, 3])).toBeCloseTo(Math.SQRT2, 14);
  });
});

describe('caarSeries', () => {
  const series = caarSeries(fixtureReport());
  const byName = Object.fromEntries(series.map((s) => [s.name, s]));

  it('one series per group in report order, then all events', () => {
    expect(series.map((s) => s.name)).toEqual(['A', 'B', 'All events']);
    expect(series.map((s) => s.nEvents)).toEqual([2, 1, 3]); // E4 (no-price-data) is excluded
    expect(series.map((s) => s.band)).toEqual([true, false, true]);
    expect(byName['All events'].points.map((p) => p.day)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('CAAR cumulates the aggregate AAR from the first window day', () => {
    const all = byName['All events'].points;
    close(all[0].caar, 0.005);
    close(all[2].caar, 0.005 + 0.005 / 3 + 0.01);
    close(all[4].caar, 0.005 + 0.005 / 3 + 0.01 + 0.006 - 0.005 / 3);
  });

  it('band at day 0 over all events: CAAR +- 1.96 * sd(CAR_i) / sqrt(3)', () => {
    // Cumulative ARs to day 0: E1 .01-.005+.03, E2 0+.01+.02, E3 .005+0-.02.
    const cars = [0.035, 0.03, -0.015];
    const mean = (0.035 + 0.03 - 0.015) / 3;
    const sd = Math.sqrt(((0.035 - mean) ** 2 + (0.03 - mean) ** 2 + (-0.015 - mean) ** 2) / 2);
    const se = sd / Math.sqrt(3);
    const p = byName['All events'].points[2];
    expect(p.n).toBe(cars.length);
    close(p.se, se);
    close(p.se, 0.0158990, 6); // the same, worked by hand to 7 decimals
    close(p.lo, 0.005 + 0.005 / 3 + 0.01 - 1.96 * se);
    close(p.hi, 0.005 + 0.005 / 3 + 0.01 + 1.96 * se);
  });

  it('an event drops out of the band from its first missing AR on', () => {
    // E2 has no AR on day 1: at days 1 and 2 only E1 and E3 remain.
    const all = byName['All events'].points;
    expect(all[3].n).toBe(2);
    const e1 = 0.01 - 0.005 + 0.03 + 0.002;
    const e3 = 0.005 + 0 - 0.02 + 0.01;
    const se = Math.abs(e1 - e3) / Math.SQRT2 / Math.SQRT2; // sd of two values = |x - y| / sqrt 2
    close(all[3].se, se);
    // In group A only E1 is left: no spread, no band on those days.
    const a = byName.A.points;
    expect(a[3]).toMatchObject({ n: 1, se: null, lo: null, hi: null });
    expect(a[4]).toMatchObject({ n: 1, se: null, lo: null, hi: null });
    close(a[2].se, Math.abs(0.035 - 0.03) / 2);
  });

  it('a group of one event has a line but no band; a missing AAR ends its line', () => {
    const b = byName.B.points;
    expect(b.every((p) => p.lo === null && p.hi === null && p.se === null)).toBe(true);
    close(b[3].caar, 0.005 + 0 - 0.02 + 0.01);
    expect(b[4].caar).toBeNull();
  });
});

describe('carBarsData', () => {
  it('keeps events with a CAR, sorted by CAR, whiskers from carVar only', () => {
    const bars = carBarsData(fixtureReport(), [-1, 1]);
    expect(bars.map((b) => b.label)).toEqual(['E1', 'E/3 HK']);
    expect(bars.map((b) => b.group)).toEqual(['A', 'B']);
    close(bars[0].lo, 0.027 - 1.96 * 0.01);
    close(bars[0].hi, 0.027 + 1.96 * 0.01);
    expect(bars[1]).toMatchObject({ car: -0.01, lo: null, hi: null });
    expect(carBarsData(fixtureReport(), [0, 0]).map((b) => b.id)).toEqual(['E1', 'E2', 'E/3 HK']);
    expect(carBarsData(fixtureReport(), [5, 9])).toEqual([]);
  });

  it('repeated ids get distinct labels', () => {
    const r = fixtureReport();
    r.events[1].id = 'E1';
    expect(carBarsData(r, [0, 0]).map((b) => b.label)).toEqual(['E1', 'E1 (2)', 'E/3 HK']);
  });
});

describe('pricePathSeries', () => {
  it('indexes the close to 100 before the first window day and compounds returns', () => {
    const path = pricePathSeries(fixtureReport().events[0]);
    expect(path.baseDay).toBe(-3);
    const actual = path.points.map((p) => p.actual);
    expect(actual[0]).toBe(100);
    close(actual[1], 101);
    close(actual[3], 101 * 1.1);
    close(actual[5], 101 * 1.1 * 0.98);
    // Expected = return - AR per day: 0, .005, .07, -.022, .01.
    close(path.points[5].expected, 100 * 1.0 * 1.005 * 1.07 * 0.978 * 1.01);
    expect(path.points.filter((p) => p.limitHit).map((p) => [p.day, p.limitHit])).toEqual([[0, 1]]);
  });

  it('a missing return leaves a gap to the end, never NaN', () => {
    const path = pricePathSeries(fixtureReport().events[1]);
    expect(path.points.map((p) => p.actual).slice(4)).toEqual([null, null]);
    expect(path.points.map((p) => p.expected).slice(4)).toEqual([null, null]);
  });

  it('log returns compound as exp(r)', () => {
    const path = pricePathSeries(fixtureReport().events[0], { returnType: 'log' });
    close(path.points[3].actual, 100 * Math.exp(0.01 + 0 + 0.1));
  });

  it('starts at the first day with a return when the window begins before the data', () => {
    const ev = fixtureReport().events[0];
    ev.days[0].return = null;
    ev.days[0].expected = null;
    const path = pricePathSeries(ev);
    expect(path.baseDay).toBe(-2);
    expect(path.points[0]).toMatchObject({ day: -2, actual: 100 });
    close(path.points[1].actual, 100);
  });

  it('no returns at all: an empty path', () => {
    expect(pricePathSeries(fixtureReport().events[3])).toEqual({ baseDay: null, points: [] });
  });
});

describe('file names', () => {
  it('window slugs spell minus as m', () => {
    expect(windowSlug([-1, 1])).toBe('m1_1');
    expect(windowSlug([0, 0])).toBe('0_0');
    expect(windowSlug([-10, -2])).toBe('m10_m2');
  });
  it('ids reduce to [a-z0-9._-]', () => {
    expect(sanitizeId('E/3 HK')).toBe('e-3-hk');
    expect(sanitizeId('Tiangong_2023.04-17')).toBe('tiangong_2023.04-17');
    expect(sanitizeId('模型')).toBe('--');
    expect(sanitizeId('')).toBe('event');
  });
});

describe('group colours', () => {
  it('a group keeps its colour when another group is absent from a chart', () => {
    const r = fixtureReport();
    const both = groupColourScale(r, ['A', 'B']);
    const onlyB = groupColourScale(r, ['B']);
    expect(onlyB.domain).toEqual(['B']);
    expect(onlyB.range).toEqual([both.range[1]]);
    expect(groupColourScale(r, ['A', 'B'], true).domain).toEqual(['A', 'B', 'All events']);
  });
});
