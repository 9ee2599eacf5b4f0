/**
 * Test helpers: small EventPanels built by hand.
 *
 * `meanModelPanel` fits the constant-mean model to each row of returns (estimation columns first,
 * then the event window): AR = R - mean(R_est), sigma^2 = SSR / (L - 1), df = L - 1, prediction-error
 * factor C = 1 + 1/L, Var(CAR over L2 days) = sigma^2 (L2 + L2^2 / L). These are exact for that
 * model, so the panel is a valid input for every test.
 */
import type { EventPanel } from '../../src/stats/index.js';

export interface PanelSpec {
  /** n rows of E estimation returns (NaN = missing). */
  est: number[][];
  /** n rows of W event-window returns (NaN = missing). */
  ev: number[][];
  estStart?: number;
  winStart?: number;
  /** Per event: calendar day number of its first estimation column (default: all 1000). */
  firstDay?: number[];
}

export function meanModelPanel(spec: PanelSpec): EventPanel {
  const n = spec.est.length;
  const E = n > 0 ? spec.est[0].length : 0;
  const W = n > 0 ? spec.ev[0].length : 1;
  const estStart = spec.estStart ?? -E - 1;
  const winStart = spec.winStart ?? 0;
  const estAR = new Float64Array(n * E).fill(NaN);
  const estDays = new Int32Array(n * E).fill(-1);
  const evAR = new Float64Array(n * W).fill(NaN);
  const evSAR = new Float64Array(n * W).fill(NaN);
  const evC = new Float64Array(n * W).fill(NaN);
  const sigma = new Float64Array(n);
  const nObs = new Int32Array(n);
  const df = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = spec.est[i];
    const fin = r.filter(Number.isFinite);
    const L = fin.length;
    const m = fin.reduce((s, v) => s + v, 0) / L;
    let ssr = 0;
    r.forEach((v, e) => {
      if (Number.isFinite(v)) {
        estAR[i * E + e] = v - m;
        estDays[i * E + e] = (spec.firstDay?.[i] ?? 1000) + e;
        ssr += (v - m) ** 2;
      }
    });
    nObs[i] = L;
    df[i] = L - 1;
    sigma[i] = Math.sqrt(ssr / (L - 1));
    spec.ev[i].forEach((v, w) => {
      if (Number.isFinite(v)) {
        evAR[i * W + w] = v - m;
        evC[i * W + w] = 1 + 1 / L;
        evSAR[i * W + w] = (v - m) / (sigma[i] * Math.sqrt(1 + 1 / L));
      }
    });
  }
  return {
    n,
    estStart,
    estEnd: estStart + E - 1,
    estAR,
    estDays,
    winStart,
    winEnd: winStart + W - 1,
    evAR,
    evSAR,
    evC,
    windowVariance: (i, a, b) => {
      const L2 = b - a + 1;
      return sigma[i] ** 2 * (L2 + (L2 * L2) / nObs[i]);
    },
    sigma,
    nObs,
    df,
  };
}

/**
 * A panel given directly by its ARs / SARs (no model): for closed-form checks of one test.
 * Every array is per event; missing entries default to harmless values.
 */
export function directPanel(p: {
  evAR: number[][];
  evSAR?: number[][];
  sigma?: number[];
  nObs?: number[];
  df?: number[];
  estAR?: number[][];
  estDays?: number[][];
  windowVariance?: (i: number, a: number, b: number) => number;
  winStart?: number;
}): EventPanel {
  const n = p.evAR.length;
  const W = n ? p.evAR[0].length : 1;
  const E = p.estAR && p.estAR.length ? p.estAR[0].length : 0;
  const flat = (rows: number[][] | undefined, width: number, fill: number) => {
    const out = new Float64Array(n * width).fill(fill);
    rows?.forEach((r, i) => r.forEach((v, k) => (out[i * width + k] = v)));
    return out;
  };
  const estDays = new Int32Array(n * E).fill(-1);
  p.estDays?.forEach((r, i) => r.forEach((v, k) => (estDays[i * E + k] = v)));
  const winStart = p.winStart ?? 0;
  return {
    n,
    estStart: -E - 1,
    estEnd: -2,
    estAR: flat(p.estAR, E, NaN),
    estDays,
    winStart,
    winEnd: winStart + W - 1,
    evAR: flat(p.evAR, W, NaN),
    evSAR: flat(p.evSAR ?? p.evAR, W, NaN),
    evC: new Float64Array(n * W).fill(1),
    windowVariance: p.windowVariance ?? ((i, a, b) => (p.sigma?.[i] ?? 1) ** 2 * (b - a + 1)),
    sigma: Float64Array.from(p.sigma ?? new Array(n).fill(1)),
    nObs: Int32Array.from(p.nObs ?? new Array(n).fill(100)),
    df: Int32Array.from(p.df ?? new Array(n).fill(98)),
  };
}

/** Deterministic normal draws (mulberry32 + Box-Muller). */
export function normalStream(seed: number): () => number {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

export interface RowsPanelOptions {
  /** Prediction-error factors per event and window day (default 1). */
  C?: number[][];
  /** Per event (default 1). */
  sigma?: number[];
  /** Per event (default 100). */
  nObs?: number[];
  /** Per event (default 98). */
  df?: number[];
  /** Var(CAR_i over [a, b]) (default b - a + 1). */
  windowVariance?: EventPanel['windowVariance'];
  sigmaConvention?: EventPanel['sigmaConvention'];
}

/**
 * A panel written out row by row, no model fitted: `est` are the estimation residuals, `ev` the
 * event-window ARs, SAR = AR / (sigma sqrt C). Event i's estimation column e is calendar day
 * 100 i + e, so no two events share a day (rows of at most 100 columns).
 */
export function rowsPanel(est: number[][], ev: number[][], o: RowsPanelOptions = {}): EventPanel {
  const n = est.length;
  const E = est[0].length;
  const W = ev[0].length;
  const sigma = o.sigma ?? new Array<number>(n).fill(1);
  const C = o.C ?? ev.map((r) => r.map(() => 1));
  return {
    n,
    estStart: -E,
    estEnd: -1,
    estAR: Float64Array.from(est.flat()),
    estDays: Int32Array.from(est.flatMap((r, i) => r.map((_, e) => 100 * i + e))),
    winStart: 0,
    winEnd: W - 1,
    evAR: Float64Array.from(ev.flat()),
    evSAR: Float64Array.from(ev.flatMap((r, i) => r.map((v, w) => v / (sigma[i] * Math.sqrt(C[i][w]))))),
    evC: Float64Array.from(C.flat()),
    windowVariance: o.windowVariance ?? ((_i, a, b) => b - a + 1),
    sigma: Float64Array.from(sigma),
    nObs: Int32Array.from(o.nObs ?? new Array<number>(n).fill(100)),
    df: Int32Array.from(o.df ?? new Array<number>(n).fill(98)),
    ...(o.sigmaConvention ? { sigmaConvention: o.sigmaConvention } : {}),
  };
}
