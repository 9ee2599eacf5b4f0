/**
 * Battery-level behaviour: the "cannot compute" paths, bootstrap determinism, permutation invariance
 * (fast-check), brute-force cross-checks of the incremental rank / GRANK code, and null rejection
 * rates on simulated panels (independent and clustered events).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  bootstrapDay,
  bootstrapExtremes,
  bootstrapInput,
  bootstrapSections,
  bootstrapWindow,
  getContext,
  resolveOptions,
  EXTRA_TEST_NAMES,
  grankDay,
  grankWindow,
  modifiedRankDay,
  mulberry32,
  pStudent2,
  rankDay,
  rankWindow,
  runDayBattery,
  runWindowBattery,
  subsetPanel,
  TEST_NAMES,
  type EventPanel,
  type TestResult,
} from '../../src/stats/index.js';
import { directPanel, meanModelPanel, normalStream } from './helpers.js';

const ALL = [...TEST_NAMES, ...EXTRA_TEST_NAMES];

function expectWellFormed(r: TestResult | undefined, label: string) {
  expect(r, label).toBeDefined();
  if (r!.stat === null) {
    expect(r!.p, label).toBeNull();
    expect(typeof (r as { reason: string }).reason, label).toBe('string');
    expect((r as { reason: string }).reason.length, label).toBeGreaterThan(0);
  } else {
    expect(Number.isFinite(r!.stat), `${label} stat ${r!.stat}`).toBe(true);
    expect(Number.isFinite(r!.p) && r!.p >= 0 && r!.p <= 1, `${label} p ${r!.p}`).toBe(true);
  }
}

/** A random mean-model panel: n events, E estimation days, event window -2..2, some gaps. */
function randomPanel(seed: number, n: number, E = 60, missing = 0.03, commonDays = false): EventPanel {
  const z = normalStream(seed);
  const W = 5;
  const est: number[][] = [];
  const ev: number[][] = [];
  const firstDay: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = 0.01 + 0.02 * Math.abs(z()) ;
    const row = Array.from({ length: E }, () => (Math.abs(z()) < missing * 2.5 ? NaN : 0.001 + s * z()));
    est.push(row);
    ev.push(Array.from({ length: W }, (_, w) => (w === 4 && i % 5 === 0 ? NaN : 0.002 + s * z())));
    firstDay.push(commonDays ? 1000 : 1000 + Math.floor(Math.abs(z()) * 40));
  }
  return meanModelPanel({ est, ev, estStart: -E - 10, winStart: -2, firstDay });
}

describe('cannot-compute paths return a reason, never NaN', () => {
  it('N = 1: every test says why', () => {
    const p = meanModelPanel({ est: [[0.01, -0.02, 0.03, 0.0, 0.01]], ev: [[0.05, 0.01]] });
    const b = runDayBattery(p, 0, { includeExtras: true });
    for (const name of ALL) {
      expectWellFormed(b[name], name);
      expect(b[name]!.stat, name).toBeNull();
    }
    const w = runWindowBattery(p, 0, 1, { includeExtras: true });
    for (const name of ALL) expect(w[name]!.stat, `window ${name}`).toBeNull();
  });

  it('zero cross-sectional variance: identical ARs and SARs', () => {
    const p = directPanel({
      evAR: [[0.01], [0.01], [0.01], [0.01]],
      evSAR: [[1], [1], [1], [1]],
      estAR: [
        [0.01, -0.01, 0.02],
        [0.01, -0.01, 0.02],
        [0.01, -0.01, 0.02],
        [0.01, -0.01, 0.02],
      ],
    });
    const b = runDayBattery(p, 0, { includeExtras: true });
    for (const name of ALL) expectWellFormed(b[name], name);
    for (const name of ['csectT', 'bmp', 'kpBmp', 'skewAdjT', 'bootstrap', 'grank'] as const) {
      expect(b[name].stat, name).toBeNull();
      expect((b[name] as { reason: string }).reason, name).toMatch(/zero|variance/);
    }
  });

  it('no estimation data, no event data, NaN everywhere: still well formed', () => {
    const p = directPanel({ evAR: [[NaN], [NaN], [0.02]] });
    const b = runDayBattery(p, 0, { includeExtras: true });
    for (const name of ALL) {
      expectWellFormed(b[name], name);
      expect(b[name]!.stat, name).toBeNull();
    }
    const agg = aggregate(p);
    expect(agg.days[0].n).toBe(1);
    expect(agg.windows).toEqual([]); // no default window fits a one-day event window
  });

  it('an empty panel and out-of-window days', () => {
    const p = directPanel({ evAR: [] });
    const agg = aggregate(p);
    expect(agg.days[0].aar).toBeNull();
    expect(agg.days[0].sharePositive).toBeNull();
    for (const name of TEST_NAMES) expectWellFormed(agg.days[0].tests[name], name);
    expect(() => runDayBattery(randomPanel(1, 5), 7)).toThrow(RangeError);
    expect(() => runWindowBattery(randomPanel(1, 5), -3, 0)).toThrow(RangeError);
    const outside = aggregate(randomPanel(1, 5), { windows: [[-5, 5]] }).windows[0];
    expect(outside.n).toBe(0);
    for (const name of TEST_NAMES) expect((outside.tests[name] as { reason: string }).reason).toMatch(/not inside/);
  });

  it('a random panel: every statistic of every day and window is finite or explained', () => {
    const p = randomPanel(7, 12);
    const agg = aggregate(p, { includeExtras: true, windows: [[-2, 2], [0, 1], [-1, 1]], kpMinOverlap: 20 });
    for (const d of agg.days) for (const name of ALL) expectWellFormed(d.tests[name], `day ${d.day} ${name}`);
    for (const w of agg.windows) for (const name of ALL) expectWellFormed(w.tests[name], `window ${w.window} ${name}`);
    // Day 2 has missing ARs (every 5th event): n reflects it, tests still run.
    expect(agg.days[4].n).toBe(12 - 3);
    expect(agg.days[4].tests.csectT.stat).not.toBeNull();
  });
});

describe('bootstrap', () => {
  const p = randomPanel(11, 15);
  it('same seed -> same p; different seeds -> (usually) different p', () => {
    const a = bootstrapDay(p, 0, { seed: 42, bootstrapSamples: 499 });
    const b = bootstrapDay(p, 0, { seed: 42, bootstrapSamples: 499 });
    expect(a).toEqual(b);
    const ps = new Set([1, 2, 3, 4, 5].map((s) => bootstrapDay(p, 0, { seed: s, bootstrapSamples: 499 }).p));
    expect(ps.size).toBeGreaterThan(1);
    expect(a.stat).toBeCloseTo(runDayBattery(p, 0).csectT.stat as number, 12);
  });

  it('a section gets the same result alone as in one pass with every section, and any split of the resamples adds up', () => {
    const ctx = getContext(p, resolveOptions({ seed: 7, bootstrapSamples: 299 }));
    const r = resolveOptions({ seed: 7, bootstrapSamples: 299 });
    const sections = [ctx.daySection(-1), ctx.daySection(0), ctx.windowSection(-1, 1)];
    const joint = bootstrapSections(sections, r);
    expect(joint[1]).toEqual(bootstrapDay(p, 0, { seed: 7, bootstrapSamples: 299 }));
    expect(joint[2]).toEqual(bootstrapWindow(p, -1, 1, { seed: 7, bootstrapSamples: 299 }));
    const inputs = sections.map((cs) => bootstrapInput(cs.x));
    const whole = bootstrapExtremes(inputs, 7, 0, 299);
    const parts = [bootstrapExtremes(inputs, 7, 0, 100), bootstrapExtremes(inputs, 7, 100, 101), bootstrapExtremes(inputs, 7, 101, 299)];
    expect(Array.from(whole)).toEqual(Array.from(whole, (_, k) => parts[0][k] + parts[1][k] + parts[2][k]));
    expect(joint[0].p).toBe((1 + whole[0]) / 300);
  });

  it('p is in (0, 1] and close to the t-test p for well-behaved data', () => {
    const r = bootstrapDay(p, 0, { bootstrapSamples: 1999 });
    const t = runDayBattery(p, 0).csectT;
    expect(r.p).toBeGreaterThan(0);
    expect(Math.abs((r.p as number) - (t.p as number))).toBeLessThan(0.1);
  });
});

describe('permutation invariance (fast-check)', () => {
  it('permuting the event rows leaves every aggregate statistic unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (seed, n, permSeed) => {
          const p = randomPanel(seed, n, 40);
          const rnd = mulberry32(permSeed);
          const perm = Array.from({ length: n }, (_, i) => i);
          for (let i = n - 1; i > 0; i--) {
            const j = Math.floor(rnd() * (i + 1));
            [perm[i], perm[j]] = [perm[j], perm[i]];
          }
          const q = subsetPanel(p, perm);
          for (const convention of ['default', 'estudy2'] as const) {
            const o = { convention, includeExtras: true, bootstrapSamples: 99, seed: 5, kpMinOverlap: 10, windows: [[-2, 2], [0, 1]] as Array<[number, number]> };
            const A = aggregate(p, o);
            const B = aggregate(q, o);
            const close = (x: number | null, y: number | null, label: string) => {
              if (x === null || y === null) {
                expect(x, label).toBe(y);
                return;
              }
              expect(Math.abs(x - y), `${label}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(x)));
            };
            close(A.rbar, B.rbar, 'rbar');
            [...A.days.map((d, k) => [d, B.days[k]] as const), ...A.windows.map((w, k) => [w, B.windows[k]] as const)].forEach(([a, b]) => {
              expect(a.n).toBe(b.n);
              close('aar' in a ? a.aar : a.caar, 'aar' in b ? b.aar : b.caar, 'mean');
              for (const name of ALL) {
                close(a.tests[name]!.stat, b.tests[name]!.stat, `${convention} ${name} stat`);
                close(a.tests[name]!.p, b.tests[name]!.p, `${convention} ${name} p`);
              }
            });
          }
        },
      ),
      { numRuns: 25, seed: 424242 },
    );
  });
});

/** Average ranks, written independently of src/stats/util.ts. */
function avgRanks(v: number[]): number[] {
  return v.map((x) => {
    let less = 0;
    let eq = 0;
    for (const y of v) {
      if (y < x) less++;
      else if (y === x) eq++;
    }
    return less + (eq + 1) / 2;
  });
}

describe('brute-force cross-checks (default convention)', () => {
  const p = randomPanel(23, 8, 30);
  const E = p.estEnd - p.estStart + 1;
  const W = p.winEnd - p.winStart + 1;

  it('Corrado rank and Campbell-Wasley modified rank', () => {
    // Combined window per event, ranks, per-column deviations.
    const C = E + W;
    const dev: number[][] = Array.from({ length: C }, () => []);
    const uu: number[][] = Array.from({ length: C }, () => []);
    for (let i = 0; i < p.n; i++) {
      const vals: Array<[number, number]> = [];
      for (let e = 0; e < E; e++) if (Number.isFinite(p.estAR[i * E + e])) vals.push([e, p.estAR[i * E + e]]);
      for (let w = 0; w < W; w++) if (Number.isFinite(p.evAR[i * W + w])) vals.push([E + w, p.evAR[i * W + w]]);
      const r = avgRanks(vals.map((v) => v[1]));
      const M = vals.length;
      vals.forEach(([c], k) => {
        dev[c].push(r[k] - (M + 1) / 2);
        uu[c].push(r[k] / (M + 1) - 0.5);
      });
    }
    const kbar = dev.map((d) => (d.length ? d.reduce((a, b) => a + b, 0) / d.length : NaN));
    const ubar = uu.map((d) => (d.length ? d.reduce((a, b) => a + b, 0) / Math.sqrt(d.length) : NaN));
    const T = kbar.filter(Number.isFinite).length;
    const SK = Math.sqrt(kbar.filter(Number.isFinite).reduce((a, b) => a + b * b, 0) / T);
    const SU = Math.sqrt(ubar.filter(Number.isFinite).reduce((a, b) => a + b * b, 0) / T);
    for (let d = p.winStart; d <= p.winEnd; d++) {
      const c = E + d - p.winStart;
      expect(rankDay(p, d).stat).toBeCloseTo(kbar[c] / SK, 12);
      expect(modifiedRankDay(p, d).stat).toBeCloseTo(ubar[c] / SU, 12);
    }
    const win = (kbar[E + 1] + kbar[E + 2] + kbar[E + 3]) / (Math.sqrt(3) * SK);
    expect(rankWindow(p, -1, 1).stat).toBeCloseTo(win, 12);
  });

  it('GRANK (Kolari-Pynnönen 2011) on a day and on a window', () => {
    // Default: no re-standardization (grank.ts); { grankRestandardize: true }: KP eq. 6, GSAR = SAR / sd.
    const check = (g: number[], rows: number[], got: TestResult, restandardize = false) => {
      const sdAll = Math.sqrt(g.reduce((a, v) => a + (v - g.reduce((x, y) => x + y, 0) / g.length) ** 2, 0) / (g.length - 1));
      const N = g.length;
      const colU: number[][] = Array.from({ length: E }, () => []);
      const u0: number[] = [];
      rows.forEach((i, k) => {
        const est: Array<[number, number]> = [];
        for (let e = 0; e < E; e++) {
          const v = p.estAR[i * E + e] / p.sigma[i];
          if (Number.isFinite(v)) est.push([e, v]);
        }
        const all = [...est.map((x) => x[1]), restandardize ? g[k] / sdAll : g[k]];
        const r = avgRanks(all);
        const Ti = all.length;
        est.forEach(([e], m) => colU[e].push(r[m] / (Ti + 1) - 0.5));
        u0.push(r[Ti - 1] / (Ti + 1) - 0.5);
      });
      const ubar0 = u0.reduce((a, b) => a + b, 0) / N;
      let ss = ubar0 * ubar0;
      let T = 1;
      for (const c of colU) {
        if (!c.length) continue;
        const m = c.reduce((a, b) => a + b, 0) / c.length;
        ss += (c.length / N) * m * m;
        T++;
      }
      const Z = ubar0 / Math.sqrt(ss / T);
      const t = Z * Math.sqrt((T - 2) / (T - 1 - Z * Z));
      expect(got.stat).toBeCloseTo(t, 12);
      expect(got.p).toBeCloseTo(pStudent2(t, T - 2), 12);
    };
    // Day 0: SAR = AR / (sigma sqrt(C)).
    const rows0: number[] = [];
    const g0: number[] = [];
    for (let i = 0; i < p.n; i++) {
      const v = p.evSAR[i * W + 2];
      if (Number.isFinite(v)) {
        rows0.push(i);
        g0.push(v);
      }
    }
    check(g0, rows0, grankDay(p, 0));
    check(g0, rows0, grankDay(p, 0, { grankRestandardize: true }), true);
    // Window [-1, 1]: SCAR = CAR / sqrt(windowVariance).
    const rowsW: number[] = [];
    const gW: number[] = [];
    for (let i = 0; i < p.n; i++) {
      let car = 0;
      for (let w = 1; w <= 3; w++) car += p.evAR[i * W + w];
      if (Number.isFinite(car)) {
        rowsW.push(i);
        gW.push(car / Math.sqrt(p.windowVariance(i, -1, 1)));
      }
    }
    check(gW, rowsW, grankWindow(p, -1, 1));
    check(gW, rowsW, grankWindow(p, -1, 1, { grankRestandardize: true }), true);
  });
});

/**
 * Share of p-values <= 0.05 (reject at 5%) per test over `reps` simulated panels. Under the simulation the event-window
 * days are independent, so each panel gives several samples: the 5 days ('day'), or the disjoint
 * windows [-2,-1] and [1,2] ('window').
 */
function rejectionRates(reps: number, make: (rep: number) => EventPanel, kind: 'day' | 'window'): Record<string, number> {
  const counts: Record<string, number> = {};
  const totals: Record<string, number> = {};
  for (let r = 0; r < reps; r++) {
    const p = make(r);
    const o = { bootstrapSamples: 99, seed: r };
    const batteries =
      kind === 'day'
        ? [-2, -1, 0, 1, 2].map((d) => runDayBattery(p, d, o))
        : [runWindowBattery(p, -2, -1, o), runWindowBattery(p, 1, 2, o)];
    for (const b of batteries) {
      for (const name of TEST_NAMES) {
        const t = b[name];
        if (t.p === null) continue;
        totals[name] = (totals[name] ?? 0) + 1;
        if (t.p <= 0.05) counts[name] = (counts[name] ?? 0) + 1;
      }
    }
  }
  return Object.fromEntries(TEST_NAMES.map((n) => [n, (counts[n] ?? 0) / (totals[n] ?? NaN)]));
}

describe('null rejection rates on simulated panels', () => {
  /** n events of a mean model, residuals t(5)-like (normal mixture), sigma per event; optional common factor. */
  function simPanel(seed: number, n: number, rho: number): EventPanel {
    const z = normalStream(seed * 7919 + 17);
    const E = 100;
    const W = 5;
    const factor = Array.from({ length: E + W }, () => z());
    const est: number[][] = [];
    const ev: number[][] = [];
    const firstDay: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = 0.01 + 0.02 * Math.abs(z());
      const draw = (t: number) => s * (Math.sqrt(rho) * factor[t] + Math.sqrt(1 - rho) * z() * (Math.abs(z()) > 1.8 ? 1.6 : 0.9));
      est.push(Array.from({ length: E }, (_, t) => draw(t)));
      ev.push(Array.from({ length: W }, (_, w) => draw(E + w)));
      firstDay.push(rho > 0 ? 5000 : 5000 + Math.floor(Math.abs(z()) * 2000));
    }
    return meanModelPanel({ est, ev, estStart: -110, winStart: -2, firstDay });
  }

  it('independent events at random dates: every test rejects 2.5%..8% at the 5% level (days, 2-day windows)', () => {
    for (const kind of ['day', 'window'] as const) {
      // 200 panels x 5 days = 1000 samples (SE of a 5% rate: 0.7%); 250 x 2 windows = 500.
      const rates = rejectionRates(kind === 'day' ? 200 : 250, (r) => simPanel(r + (kind === 'day' ? 0 : 100000), 30, 0), kind);
      for (const name of TEST_NAMES) {
        expect(rates[name], `${kind} ${name}: ${rates[name]}`).toBeGreaterThanOrEqual(0.025);
        expect(rates[name], `${kind} ${name}: ${rates[name]}`).toBeLessThanOrEqual(0.08);
      }
    }
  });

  it('events clustered on one date with correlated residuals: BMP over-rejects, KP-adjusted BMP does not', () => {
    const rates = rejectionRates(60, (r) => simPanel(r + 50000, 30, 0.25), 'day');
    expect(rates.bmp).toBeGreaterThan(0.2);
    expect(rates.patell).toBeGreaterThan(0.2);
    expect(rates.kpBmp).toBeGreaterThanOrEqual(0.02);
    expect(rates.kpBmp).toBeLessThanOrEqual(0.09);
    expect(rates.kpPatell).toBeLessThanOrEqual(0.09);
  });
});
