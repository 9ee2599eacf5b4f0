/**
 * The grouped r-bar (src/stats/rbar.ts) against the pair-by-pair definition, on panels built to hit
 * every path: events clustered on shared days (groups), single events, holes (suspensions) inside
 * and outside the common days, constant series (degenerate pairs), short overlaps, repeated days.
 */
import { describe, expect, it } from 'vitest';
import { kpRbar, kpRbarPairwise } from '../../src/stats/rbar.js';
import type { EventPanel } from '../../src/stats/index.js';
import { mulberry32 } from '../../src/stats/random.js';
import { directPanel, normalStream } from './helpers.js';

/** n events on a shared calendar of business-day indices; day 0 drawn from `days0` (clusters). */
function calendarPanel(seed: number, n: number, E: number, o: { days0: number; holeRate: number; constantRate: number; shuffle?: boolean }): EventPanel {
  const rnd = mulberry32(seed);
  const z = normalStream(seed + 1);
  const factor = Array.from({ length: 4000 }, () => z());
  const estAR: number[][] = [];
  const estDays: number[][] = [];
  for (let i = 0; i < n; i++) {
    const day0 = 300 + Math.floor(rnd() * o.days0) * 3;
    const suspended = rnd() < o.holeRate;
    const hole0 = Math.floor(rnd() * E);
    const holeLen = 1 + Math.floor(rnd() * 6);
    const constant = rnd() < o.constantRate;
    const vals: number[] = [];
    const days: number[] = [];
    let d = day0 - E - 10;
    for (let e = 0; e < E; e++) {
      if (suspended && e >= hole0 && e < hole0 + holeLen) {
        vals.push(NaN);
        days.push(-1);
        d++;
        continue;
      }
      vals.push(constant ? 0 : 0.01 * (0.4 * factor[d] + z()) + 0.001);
      days.push(d++);
    }
    if (o.shuffle) {
      for (let k = E - 1; k > 0; k--) {
        const j = Math.floor(rnd() * (k + 1));
        [vals[k], vals[j]] = [vals[j], vals[k]];
        [days[k], days[j]] = [days[j], days[k]];
      }
    }
    estAR.push(vals);
    estDays.push(days);
  }
  return directPanel({ evAR: estAR.map(() => [0.01]), estAR, estDays });
}

function expectSame(p: EventPanel, minOverlap: number, shortPairs: 'zero' | 'exclude') {
  const a = kpRbar(p, { minOverlap, shortPairs });
  const b = kpRbarPairwise(p, { minOverlap, shortPairs });
  expect(a.pairsUsed).toBe(b.pairsUsed);
  expect(a.pairsShort).toBe(b.pairsShort);
  expect(a.pairsDegenerate).toBe(b.pairsDegenerate);
  expect(a.pairsTotal).toBe(b.pairsTotal);
  if (b.rbar === null) expect(a.rbar).toBeNull();
  else expect(Math.abs((a.rbar as number) - b.rbar)).toBeLessThan(1e-13);
  return b;
}

describe('grouped r-bar equals the pair-by-pair definition', () => {
  it('clustered event days with suspensions, constant series and short overlaps', () => {
    let degenerate = 0;
    let short = 0;
    for (let seed = 1; seed <= 3; seed++) {
      const p = calendarPanel(seed, 100, 60, { days0: 25, holeRate: 0.2, constantRate: 0.03 });
      const b = expectSame(p, 30, 'zero');
      expectSame(p, 10, 'exclude');
      degenerate += b.pairsDegenerate;
      short += b.pairsShort;
    }
    // The panels did exercise those paths.
    expect(degenerate).toBeGreaterThan(0);
    expect(short).toBeGreaterThan(0);
  });

  it('events on distinct days (every group a single event), residuals stored out of order', () => {
    const p = calendarPanel(7, 80, 50, { days0: 400, holeRate: 0.3, constantRate: 0, shuffle: true });
    expectSame(p, 30, 'zero');
  });

  it('one shared day 0 (one big group) and no usable pair', () => {
    expectSame(calendarPanel(8, 60, 40, { days0: 1, holeRate: 0, constantRate: 0 }), 30, 'zero');
    expectSame(calendarPanel(9, 5, 20, { days0: 3, holeRate: 0, constantRate: 0 }), 30, 'exclude');
  });

  it('falls back to the pairwise merge when an event repeats a calendar day', () => {
    const p = directPanel({
      evAR: [[0.01], [0.02], [0.03]],
      estAR: [
        [1, 2, 3, 1, 2],
        [2, 1, 0, 3, 1],
        [0, 2, 1, 2, 4],
      ],
      estDays: [
        [10, 11, 11, 12, 13],
        [10, 11, 12, 13, 14],
        [9, 10, 11, 12, 13],
      ],
    });
    expectSame(p, 3, 'zero');
  });
});
