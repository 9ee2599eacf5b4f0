/**
 * Event-induced variance diagnostic (issue 12 §3; Boehmer, Musumeci & Poulsen 1991). With N = 3 the
 * reference chi-square has 2 df, whose upper tail is exp(-x / 2): p = exp(-ratio) in closed form.
 */
import { describe, expect, it } from 'vitest';
import { aggregate, type EventPanel } from '../../src/stats/index.js';
import { rowsPanel } from './helpers.js';

// sigma 1, C 1: the SARs are the ARs. df 98 -> nominal variance 98 / 96.
const ev = [
  [3, 0.5],
  [-2, -0.3],
  [4, 0.1],
];
const est = [
  [0.5, -1, 1.5, -0.5, 1, -1.5],
  [-1, 0.5, -0.5, 1.5, -1.5, 1],
  [1, -0.5, 0.5, -1, 1.5, -1.5],
];
const panel: EventPanel = rowsPanel(est, ev);

const s2 = (x: number[]) => {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return x.reduce((a, v) => a + (v - m) ** 2, 0) / (x.length - 1);
};

describe('variance ratio', () => {
  const agg = aggregate(panel, { windows: [[0, 1]] });

  it('day 0: ratio = s^2(SAR) / (df/(df-2)), p = exp(-ratio); far above 1 marks Patell, BW1980, BW1985, KP-Patell', () => {
    const ratio = s2([3, -2, 4]) / (98 / 96);
    const vr = agg.days[0].varianceRatio!;
    expect(vr.ratio).toBeCloseTo(ratio, 12);
    expect(vr.nominal).toBeCloseTo(98 / 96, 12);
    expect(vr.n).toBe(3);
    expect(vr.p).toBeCloseTo(Math.exp(-ratio), 12);
    expect(vr.unreliable).toBe(true);
    const t = agg.days[0].tests;
    for (const name of ['patell', 'bw1980', 'bw1985', 'kpPatell'] as const) {
      const r = t[name];
      expect(r.stat === null ? r.reason : r.note, name).toMatch(/unreliable: event-induced variance/);
    }
    const b = t.bmp;
    expect(b.stat === null ? b.reason : (b.note ?? '')).not.toMatch(/unreliable/);
  });

  it('day 1: a small ratio is not flagged and adds no note', () => {
    const vr = agg.days[1].varianceRatio!;
    expect(vr.ratio).toBeCloseTo(s2([0.5, -0.3, 0.1]) / (98 / 96), 12);
    expect(vr.unreliable).toBe(false);
    const p = agg.days[1].tests.patell;
    expect(p.stat === null ? p.reason : (p.note ?? '')).not.toMatch(/unreliable/);
  });

  it('window [0, 1]: on the standardized CARs', () => {
    const scar = ev.map((r) => (r[0] + r[1]) / Math.sqrt(2));
    expect(agg.windows[0].varianceRatio!.ratio).toBeCloseTo(s2(scar) / (98 / 96), 12);
  });
});
