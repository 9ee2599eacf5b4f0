/**
 * Calendar-time portfolio test (Jaffe 1974; Mandelker 1974; src/stats/calendarTime.ts) recomputed by
 * hand on two events two days apart, and its point for clustered studies: a copy of an event on the
 * same dates (a perfectly correlated observation) leaves it unchanged, while BMP grows by sqrt 2.
 */
import { describe, expect, it } from 'vitest';
import { aggregate, bmpWindow } from '../../src/stats/index.js';
import type { EventPanel } from '../../src/stats/index.js';
import { directPanel, normalStream } from './helpers.js';

const E = 60;
const z = normalStream(11);
const factor = Array.from({ length: 400 }, () => z());
const est = (d0: number) => {
  const days = Array.from({ length: E }, (_, e) => d0 - 70 + e);
  return { days, vals: days.map((d) => 0.01 * (factor[d] + z())) };
};
const sd = (x: number[]) => {
  const m = x.reduce((s, v) => s + v, 0) / x.length;
  return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1));
};

function panelOf(d0: number[], ests: Array<{ days: number[]; vals: number[] }>, evAR: number[][]): EventPanel {
  return {
    ...directPanel({ evAR, estAR: ests.map((e) => e.vals), estDays: ests.map((e) => e.days), winStart: 0 }),
    evDays: Int32Array.from(d0.flatMap((d) => [d, d + 1, d + 2])),
  };
}

describe('calendar-time portfolio test', () => {
  const A = est(200);
  const B = est(202);
  const arA = [0.02, 0.01, -0.004];
  const arB = [0.012, 0.003, 0.006];
  const panel = panelOf([200, 202], [A, B], [arA, arB]);

  it('equals the hand computation: one portfolio per calendar day, standardised by its estimation sd', () => {
    const ct = aggregate(panel, { windows: [[0, 2]], bootstrapSamples: 1 }).windows[0].calendarTime!;
    // Days 200, 201: A alone; 202: A (day 2) and B (day 0); 203, 204: B alone.
    const common = A.days.filter((d) => B.days.includes(d));
    const ab = common.map((d) => (A.vals[A.days.indexOf(d)] + B.vals[B.days.indexOf(d)]) / 2);
    const sA = sd(A.vals);
    const sB = sd(B.vals);
    const sAB = sd(ab);
    const zs = [arA[0] / sA, arA[1] / sA, (arA[2] + arB[0]) / 2 / sAB, arB[1] / sB, arB[2] / sB];
    const zm = zs.reduce((s, x) => s + x, 0) / 5;
    expect(ct.stat!).toBeCloseTo(zm / (sd(zs) / Math.sqrt(5)), 12);
    expect(ct.df).toBe(4);
    expect(ct).toMatchObject({ days: 5, daysUsed: 5 });
    expect(ct.meanAR!).toBeCloseTo((arA[0] + arA[1] + (arA[2] + arB[0]) / 2 + arB[1] + arB[2]) / 5, 15);
    expect(ct.p!).toBeGreaterThan(0);
  });

  it('a perfectly correlated copy on the same dates leaves it unchanged; BMP counts it twice', () => {
    const twin = panelOf([200, 202, 202], [A, B, B], [arA, arB, arB]);
    // Over [0, 1] A (200-201) and B (202-203) share no day, so B's copy only duplicates B's portfolio.
    const one = aggregate(panel, { windows: [[0, 1]], bootstrapSamples: 1 }).windows[0].calendarTime!;
    const two = aggregate(twin, { windows: [[0, 1]], bootstrapSamples: 1 }).windows[0].calendarTime!;
    expect(two.stat!).toBeCloseTo(one.stat!, 12);
    expect(two.days).toBe(4);
    expect(bmpWindow(twin, 0, 1).stat!).not.toBeCloseTo(bmpWindow(panel, 0, 1).stat!, 2);
    // Under the estudy2 reproduction the report has no calendar-time field (old output kept).
    expect(aggregate(panel, { convention: 'estudy2', windows: [[0, 2]], bootstrapSamples: 1 }).windows[0].calendarTime).toBeUndefined();
  });
});
