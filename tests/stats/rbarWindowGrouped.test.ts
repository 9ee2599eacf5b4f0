/**
 * The grouped window r-bar (src/stats/rbarWindow.ts, windowRbarGrouped) against the pair-by-pair
 * definition (windowRbarPairwise) on seeded random panels built to hit every rule of Kolari &
 * Pynnönen (2010) section 1.3 as the engine applies it: events on three exchange calendars (missing
 * days differ), day 0 clustered on a few nearby dates (windows overlap partly) plus events far away
 * (disjoint windows), suspensions (runs of missing residual days) and residuals missing inside a
 * kept day, missing window days, new listings (short estimation samples: short pairs), constant
 * series (degenerate pairs), windows of five lengths, a subset of the panel as the window's events,
 * both shortPairs modes and three minOverlap values. r-bar must agree to 1e-12 relative and every
 * count exactly; and windowRbar must take the pairwise result as it is within budget, the grouped
 * one over it.
 */
import { describe, expect, it } from 'vitest';
import type { EventPanel } from '../../src/stats/index.js';
import { mulberry32 } from '../../src/stats/random.js';
import { windowRbar, windowRbarGrouped, windowRbarPairwise, type WindowRbarInfo } from '../../src/stats/rbarWindow.js';
import { normalStream } from './helpers.js';

const E = 40;
const WIN_START = -8;
const W = 21;
const WINDOWS: [number, number][] = [
  [0, 0],
  [-2, 2],
  [0, 5],
  [3, 10],
  [-8, 12],
];

/** n events on three calendars (day numbers 0..2999 less each calendar's own closed days). */
function randomPanel(seed: number, n: number): EventPanel {
  const rnd = mulberry32(seed);
  const z = normalStream(seed + 1);
  const factor = Array.from({ length: 3000 }, () => z());
  const calendars = [0, 0.03, 0.08].map((closed) => Array.from({ length: 3000 }, (_, d) => d).filter(() => rnd() >= closed));
  // Clustered event days: six dates within about three weeks (positions on calendar 0's days).
  const dates = Array.from({ length: 6 }, () => 1200 + Math.floor(rnd() * 15));
  const estAR = new Float64Array(n * E).fill(NaN);
  const estDays = new Int32Array(n * E).fill(-1);
  const evDays = new Int32Array(n * W).fill(-1);
  for (let i = 0; i < n; i++) {
    const cal = calendars[Math.floor(rnd() * 3)];
    // Day 0: one of the cluster's dates (most), or anywhere (far from the others).
    const target = rnd() < 0.85 ? dates[Math.floor(rnd() * dates.length)] : 200 + Math.floor(rnd() * 2500);
    let pos = cal.findIndex((d) => d >= target);
    if (pos < 0) pos = cal.length - W;
    const suspended = rnd() < 0.25;
    const hole0 = Math.floor(rnd() * E);
    const holeLen = 1 + Math.floor(rnd() * 8);
    // A new listing has only its last few residuals; a constant series is exactly 0.25 (its sums are exact).
    const listed = rnd() < 0.06 ? E - 2 - Math.floor(rnd() * 30) : 0;
    const constant = rnd() < 0.05;
    for (let e = 0; e < E; e++) {
      const d = cal[pos - E - 10 + e];
      if (e < listed || (suspended && e >= hole0 && e < hole0 + holeLen)) continue;
      // Now and then a day is kept but its residual is missing.
      if (rnd() < 0.01) {
        estDays[i * E + e] = d;
        continue;
      }
      estDays[i * E + e] = d;
      estAR[i * E + e] = constant ? 0.25 : 0.01 * (0.6 * factor[d] + z()) + 0.001;
    }
    const gap = rnd() < 0.1 ? Math.floor(rnd() * W) : -1;
    for (let t = 0; t < W; t++) if (t !== gap) evDays[i * W + t] = cal[pos + WIN_START + t];
  }
  return {
    n,
    estStart: -E - 10,
    estEnd: -11,
    estAR,
    estDays,
    winStart: WIN_START,
    winEnd: WIN_START + W - 1,
    evAR: new Float64Array(n * W).fill(0.01),
    evDays,
    evSAR: new Float64Array(n * W).fill(1),
    evC: new Float64Array(n * W).fill(1),
    windowVariance: (_i, a, b) => b - a + 1,
    sigma: new Float64Array(n).fill(0.01),
    nObs: new Int32Array(n).fill(E),
    df: new Int32Array(n).fill(E - 2),
  };
}

/** Pairs of `rows` whose [a, b] windows share some but not all of their days (0 < ov < 1). */
function partialOverlaps(panel: EventPanel, rows: Int32Array, a: number, b: number): number {
  const days = Array.from(rows, (i) => new Set(Array.from({ length: b - a + 1 }, (_, t) => panel.evDays![i * W + a - WIN_START + t]).filter((d) => d >= 0)));
  let count = 0;
  for (let k = 0; k < days.length; k++) {
    for (let l = k + 1; l < days.length; l++) {
      const common = [...days[k]].filter((d) => days[l].has(d)).length;
      if (common > 0 && common < Math.max(days[k].size, days[l].size)) count++;
    }
  }
  return count;
}

function expectSame(grouped: WindowRbarInfo | null, pairwise: WindowRbarInfo): void {
  expect(grouped).not.toBeNull();
  const g = grouped as WindowRbarInfo;
  expect({ ...g, rbar: null }).toEqual({ ...pairwise, rbar: null });
  if (pairwise.rbar === null) expect(g.rbar).toBeNull();
  else expect(Math.abs((g.rbar as number) - pairwise.rbar) / Math.abs(pairwise.rbar)).toBeLessThan(1e-12);
}

describe('grouped window r-bar equals the pair-by-pair definition', () => {
  it('random clustered panels: every window, both shortPairs modes, three minOverlap values', () => {
    const seen = { estimated: 0, short: 0, degenerate: 0, disjoint: 0, partial: 0, ovBelowOne: 0 };
    for (let seed = 1; seed <= 6; seed++) {
      const panel = randomPanel(seed * 101, 160);
      const rnd = mulberry32(seed);
      // The window's events: a random five-sixths of the panel (rows ascending, as the engine's).
      const rows = Int32Array.from(Array.from({ length: panel.n }, (_, i) => i).filter(() => rnd() < 5 / 6));
      for (const [a, b] of WINDOWS) {
        for (const [minOverlap, shortPairs] of [
          [10, 'zero'],
          [30, 'exclude'],
          [38, 'zero'],
        ] as const) {
          const o = { minOverlap, shortPairs };
          const p = windowRbarPairwise(panel, rows, a, b, o, new Map());
          expectSame(windowRbarGrouped(panel, rows, a, b, o), p);
          if (p.rbar !== null && (a !== b || seed === 1)) expect(Math.abs(p.rbar)).toBeGreaterThan(1e-3);
          seen.estimated += p.pairsEstimated;
          seen.short += p.pairsShort;
          seen.degenerate += p.pairsDegenerate;
          seen.disjoint += p.pairsDisjoint;
          if (p.pairsDisjoint > 0 && p.pairsEstimated > 0) seen.partial++;
          seen.ovBelowOne += partialOverlaps(panel, rows, a, b);
        }
      }
    }
    // The panels did exercise every rule.
    for (const v of Object.values(seen)) expect(v).toBeGreaterThan(0);
  });

  it('without evDays every window is the same days (ov = 1): one class, the plain KP r-bar', () => {
    const panel = { ...randomPanel(7, 60), evDays: undefined };
    const rows = Int32Array.from({ length: panel.n }, (_, i) => i);
    for (const [a, b] of WINDOWS) {
      const o = { minOverlap: 20, shortPairs: 'exclude' as const };
      const p = windowRbarPairwise(panel, rows, a, b, o, new Map());
      expect(p.pairsDisjoint).toBe(0);
      expectSame(windowRbarGrouped(panel, rows, a, b, o), p);
    }
  });

  it('windowRbar: the pairwise bits within its budget, the grouped result over it', () => {
    const panel = randomPanel(11, 120);
    const rows = Int32Array.from({ length: panel.n }, (_, i) => i);
    const o = { minOverlap: 20, shortPairs: 'zero' as const };
    for (const [a, b] of WINDOWS) {
      const p = windowRbarPairwise(panel, rows, a, b, o, new Map());
      expect(windowRbar(panel, rows, a, b, o, new Map())).toEqual(p);
      // Over the pairwise budget (one correlation): the grouped path, not a refusal.
      const over = windowRbar(panel, rows, a, b, { ...o, budget: E }, new Map());
      expect(over).toEqual(windowRbarGrouped(panel, rows, a, b, o));
      expectSame(over, p);
      // With the cache filled by an earlier window the pairwise sweep may still finish: same bits.
      const cache = new Map();
      windowRbarPairwise(panel, rows, -8, 12, o, cache);
      expect(windowRbar(panel, rows, a, b, { ...o, budget: E }, cache)).toEqual(p);
    }
  });

  it('an event repeating a calendar day: no grouped result (the layout cannot pair it); windowRbar refuses over budget', () => {
    const panel = randomPanel(13, 40);
    panel.estDays[5 * E + 20] = panel.estDays[5 * E + 19];
    const rows = Int32Array.from({ length: panel.n }, (_, i) => i);
    const o = { minOverlap: 20, shortPairs: 'zero' as const };
    expect(windowRbarGrouped(panel, rows, -8, 12, o)).toBeNull();
    expect(windowRbar(panel, rows, -8, 12, { ...o, budget: E }, new Map()).reason).toMatch(/residual correlations of 40 days to compute: over the computing budget/);
  });
});
