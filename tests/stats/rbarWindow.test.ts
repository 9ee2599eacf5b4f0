/**
 * Kolari-Pynnönen r-bar per window (issue 12 §1): rho_ij x |W_i ∩ W_j| / sqrt(|W_i| |W_j|) from the
 * calendar overlap of the days each CAR sums (src/stats/rbarWindow.ts), checked by hand on three
 * events: A and B announced two trading days apart (their [-2, 2] windows share 3 of 5 days), C a
 * hundred days later (no common day). Before, every window used the day-level r-bar, 0 here.
 */
import { describe, expect, it } from 'vitest';
import { aggregate, kpBmpWindow, bmpWindow } from '../../src/stats/index.js';
import type { EventPanel } from '../../src/stats/index.js';
import { directPanel, normalStream } from './helpers.js';

const E = 60;
const z = normalStream(7);
const factor = Array.from({ length: 400 }, () => z());
/** Residuals on calendar days d0-70 .. d0-11: a common factor (correlation) plus own noise. */
function est(d0: number, load: number): { vals: number[]; days: number[] } {
  const days = Array.from({ length: E }, (_, e) => d0 - 70 + e);
  return { days, vals: days.map((d) => 0.01 * (load * factor[d] + z())) };
}
function pearson(x: number[], y: number[]): number {
  const m = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / m;
  const my = y.reduce((s, v) => s + v, 0) / m;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < m; k++) {
    sxy += (x[k] - mx) * (y[k] - my);
    sxx += (x[k] - mx) ** 2;
    syy += (y[k] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const d0 = [200, 202, 300];
const ests = [est(d0[0], 1), est(d0[1], 1), est(d0[2], 1)];
// Event-window ARs over [-5, 5] (11 days), day numbers d0 - 5 .. d0 + 5.
const evAR = d0.map((_, i) => Array.from({ length: 11 }, (_, t) => 0.002 * (i + 1) + 0.001 * Math.sin(t + i)));
const panel: EventPanel = {
  ...directPanel({ evAR, estAR: ests.map((e) => e.vals), estDays: ests.map((e) => e.days), winStart: -5 }),
  evDays: Int32Array.from(d0.flatMap((d) => Array.from({ length: 11 }, (_, t) => d - 5 + t))),
};

describe('KP r-bar per window from the calendar overlap of the summed days', () => {
  // A and B share calendar days 140..189 of their estimation windows (d0 - 70 .. d0 - 11).
  const common = ests[0].days.filter((d) => ests[1].days.includes(d));
  const rhoAB = pearson(
    common.map((d) => ests[0].vals[ests[0].days.indexOf(d)]),
    common.map((d) => ests[1].vals[ests[1].days.indexOf(d)]),
  );
  const agg = aggregate(panel, { windows: [[0, 0], [-2, 2], [-5, 5], [3, 5]], bootstrapSamples: 1 });
  const rb = (a: number, b: number) => agg.windows.find((w) => w.window[0] === a && w.window[1] === b)!.rbar!;

  it('overlapping windows: rho_AB x overlap / 3 pairs; the far event and disjoint windows count 0', () => {
    expect(common.length).toBe(58);
    expect(rhoAB).toBeGreaterThan(0.2);
    // [-2, 2]: A's days 198..202, B's 200..204: 3 common of 5 each.
    expect(rb(-2, 2).rbar).toBeCloseTo((rhoAB * 3) / 5 / 3, 14);
    expect(rb(-2, 2)).toMatchObject({ pairsTotal: 3, pairsEstimated: 1, pairsDisjoint: 2, pairsShort: 0, pairsDegenerate: 0 });
    // [-5, 5]: 195..205 and 197..207: 9 common of 11.
    expect(rb(-5, 5).rbar).toBeCloseTo((rhoAB * 9) / 11 / 3, 14);
    // Day 0 (200 vs 202) and [3, 5] (203..205 vs 205..207: one day): 0, and 1/3 overlap.
    expect(rb(0, 0).rbar).toBe(0);
    expect(rb(0, 0).pairsDisjoint).toBe(3);
    expect(rb(3, 5).rbar).toBeCloseTo((rhoAB * 1) / 3 / 3, 14);
    // The day-level r-bar is unchanged: A and B's day 0 differ, so every pair counts 0.
    expect(agg.rbar).toBe(0);
  });

  it("the window's KP-BMP uses the window r-bar (KP 2010 eq. 12); estudy2 keeps the day-level one", () => {
    const r = rb(-2, 2).rbar!;
    const bmp = bmpWindow(panel, -2, 2);
    const kp = kpBmpWindow(panel, -2, 2);
    expect(kp.stat).toBeCloseTo(bmp.stat! * Math.sqrt((1 - r) / (1 + 2 * r)), 12);
    expect((kp as { note?: string }).note).toMatch(/window r-bar .* from 1 estimated of 3 pairs; 2 pair\(s\) whose windows share no calendar day counted as 0/);
    expect(kpBmpWindow(panel, -2, 2, { convention: 'estudy2' }).stat).toBe(bmpWindow(panel, -2, 2, { convention: 'estudy2' }).stat);
    expect(aggregate(panel, { convention: 'estudy2', windows: [[-2, 2]], bootstrapSamples: 1 }).windows[0].rbar).toBeUndefined();
  });
});

describe('which studies get the window r-bar', () => {
  it('a study file: overlap unless it writes testConvention: estudy2 (or kpWindowRbar: day)', async () => {
    const { parseStudy } = await import('../../src/study/config.js');
    const k = (extra: string) => parseStudy(`id: x\ntitle: T\n${extra}`, 's.yaml').config.kpWindowRbar;
    expect(k('')).toBe('overlap');
    expect(k('testConvention: paper\n')).toBe('overlap');
    expect(k('testConvention: estudy2\n')).toBe('day');
    expect(k('testConvention: estudy2\nkpWindowRbar: overlap\n')).toBe('overlap');
    expect(k('kpWindowRbar: day\n')).toBe('day');
  });

  it('over the pairwise budget the grouped path computes it; over both the r-bar is null with the reason', async () => {
    const { windowRbar } = await import('../../src/stats/rbarWindow.js');
    const all = Int32Array.from({ length: 3 }, (_, i) => i);
    const o = { minOverlap: 30, shortPairs: 'zero' as const };
    const noGroups = { groupedBudget: 0 };
    // A's and B's [-2, 2] windows overlap: one correlation of 60 days is over a budget of 59.
    expect(windowRbar(panel, all, -2, 2, { ...o, budget: 59, ...noGroups }, new Map())).toMatchObject({ rbar: null, reason: expect.stringMatching(/more than 0 residual correlations of 60 days to compute: over the computing budget/) });
    expect(windowRbar(panel, all, -2, 2, { ...o, maxPairs: 0, ...noGroups }, new Map()).reason).toMatch(/more than 0 pairs of events with overlapping windows/);
    expect(windowRbar(panel, all, -2, 2, { ...o, maxPairs: 0, maxGroupPairs: 0 }, new Map()).reason).toMatch(/more than 0 pairs of events with overlapping windows/);
    const pairwise = windowRbar(panel, all, -2, 2, { ...o, budget: 60, ...noGroups }, new Map());
    expect(pairwise.rbar).toBeGreaterThan(0);
    // Over the pairwise budget only: the grouped path, the same r-bar and counts.
    const grouped = windowRbar(panel, all, -2, 2, { ...o, budget: 59 }, new Map());
    expect(grouped).toMatchObject({ ...pairwise, rbar: expect.closeTo(pairwise.rbar!, 15) });
  });
});
