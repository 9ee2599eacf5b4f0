/**
 * EventPanel helpers: shape validation, and row subsets / permutations (used for groups, and by the
 * permutation-invariance property test). Subsets keep `windowVariance` working by mapping rows.
 */
import type { EventPanel } from './types.js';

/** Throws a RangeError describing the first inconsistency of the panel's array shapes. */
export function validatePanel(p: EventPanel): void {
  const { n } = p;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`EventPanel.n must be a non-negative integer, got ${n}`);
  const E = p.estEnd - p.estStart + 1;
  const W = p.winEnd - p.winStart + 1;
  if (!(E >= 0) || !Number.isInteger(E)) throw new RangeError(`EventPanel estimation window [${p.estStart}, ${p.estEnd}] is invalid`);
  if (!(W >= 1) || !Number.isInteger(W)) throw new RangeError(`EventPanel event window [${p.winStart}, ${p.winEnd}] is invalid`);
  const check = (name: string, len: number, want: number) => {
    if (len !== want) throw new RangeError(`EventPanel.${name} has length ${len}, expected ${want}`);
  };
  check('estAR', p.estAR.length, n * E);
  check('estDays', p.estDays.length, n * E);
  check('evAR', p.evAR.length, n * W);
  check('evSAR', p.evSAR.length, n * W);
  check('evC', p.evC.length, n * W);
  check('sigma', p.sigma.length, n);
  check('nObs', p.nObs.length, n);
  check('df', p.df.length, n);
}

/** Number of estimation (E) and event-window (W) columns. */
export function panelDims(p: EventPanel): { E: number; W: number } {
  return { E: p.estEnd - p.estStart + 1, W: p.winEnd - p.winStart + 1 };
}

/**
 * The panel restricted to (and reordered as) `rows` (indices into `p`). Use it for per-group
 * aggregates: every statistic, including Kolari-Pynnönen's r-bar, is then computed within the group.
 */
export function subsetPanel(p: EventPanel, rows: ArrayLike<number>): EventPanel {
  const { E, W } = panelDims(p);
  const m = rows.length;
  const map = Int32Array.from(rows as ArrayLike<number>);
  for (let k = 0; k < m; k++) {
    if (!(map[k] >= 0 && map[k] < p.n)) throw new RangeError(`subsetPanel: row ${map[k]} out of range 0..${p.n - 1}`);
  }
  const take = <T extends Float64Array | Int32Array>(src: T, width: number, make: (len: number) => T): T => {
    const out = make(m * width);
    for (let k = 0; k < m; k++) out.set(src.subarray(map[k] * width, map[k] * width + width), k * width);
    return out;
  };
  const f64 = (len: number) => new Float64Array(len);
  const i32 = (len: number) => new Int32Array(len);
  const parentVar = p.windowVariance;
  const extra: Partial<EventPanel> = {};
  if (p.evDays && p.evDays.length === p.n * W) extra.evDays = take(p.evDays, W, i32);
  if (p.sigmaConvention) extra.sigmaConvention = p.sigmaConvention;
  return {
    ...extra,
    n: m,
    estStart: p.estStart,
    estEnd: p.estEnd,
    estAR: take(p.estAR, E, f64),
    estDays: take(p.estDays, E, i32),
    winStart: p.winStart,
    winEnd: p.winEnd,
    evAR: take(p.evAR, W, f64),
    evSAR: take(p.evSAR, W, f64),
    evC: take(p.evC, W, f64),
    windowVariance: (event: number, a: number, b: number) => parentVar(map[event], a, b),
    sigma: take(p.sigma, 1, f64),
    nObs: take(p.nObs, 1, i32),
    df: take(p.df, 1, i32),
  };
}
