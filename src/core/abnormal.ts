/**
 * Per-event abnormal returns from a fitted normal-return model (Campbell, Lo & MacKinlay 1997
 * sec. 4.4; MacKinlay 1997 JEL sec. 5).
 *
 * Rows are the security's own trading days; offset k of an event maps to row day0Row + k (the
 * calendar module has already placed day 0 on a trading day of the security). Offsets that fall
 * before or after the series are missing, like days with a NaN return.
 *
 *   AR_t   = R_t - E[R_t]                                            (eq. 4.4.1)
 *   SAR_t  = AR_t / (sigma sqrt(C_t)),  C_t = 1 + x0'(X'X)^-1 x0       (Patell 1976; eq. 4.4.9)
 *   CAR    = sum of AR_t over the window's available days              (eq. 4.4.7)
 *   Var    = sigma^2 g'(I + X*(X'X)^-1 X*')g over the same days         (eq. 4.4.8-4.4.10)
 *   t      = CAR / sqrt(Var), two-sided p from Student t with the model's df
 *   BHAR   = prod(1 + R_t) - prod(1 + E[R_t]) over the window's days   (Barber & Lyon 1997)
 *
 * BHAR compounds only inside the window, from the close before its first day, and assumes simple
 * returns (compounding log returns is meaningless). A missing day inside a window is skipped by
 * CAR and BHAR alike and counted in `missing`, so the caller can give the window a `window-gap`
 * outcome.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import type { FittedModel } from './models/types.js';

export interface EventAbnormal {
  day0Row: number;
  /** Event window offsets [winStart, winEnd]; every array below has W = winEnd - winStart + 1 elements, index = offset - winStart. */
  winStart: number;
  winEnd: number;
  /** Row of each offset in the full series; -1 when it falls outside the series. */
  rows: Int32Array;
  /** Observed return R_t (NaN where missing). */
  ret: Float64Array;
  expected: Float64Array;
  ar: Float64Array;
  /** Standardized AR with the prediction-error correction. */
  sar: Float64Array;
  /** Prediction-error variance factor C_t (Var(AR_t) = sigma^2 C_t). */
  c: Float64Array;
  sigma: number;
  df: number;
}

/** AR, expected return, SAR and C_t for every offset of the event window. */
export function abnormalReturns(
  model: FittedModel,
  y: Float64Array,
  day0Row: number,
  winStart: number,
  winEnd: number,
): EventAbnormal {
  if (!(winEnd >= winStart)) throw new RangeError(`event window [${winStart}, ${winEnd}] is empty`);
  const W = winEnd - winStart + 1;
  const rows = new Int32Array(W);
  const ret = new Float64Array(W);
  const expected = new Float64Array(W);
  const ar = new Float64Array(W);
  const sar = new Float64Array(W);
  const c = new Float64Array(W);
  const sigma = model.sigma;
  for (let i = 0; i < W; i++) {
    const row = day0Row + winStart + i;
    if (row < 0 || row >= y.length) {
      rows[i] = -1;
      ret[i] = expected[i] = ar[i] = sar[i] = c[i] = NaN;
      continue;
    }
    rows[i] = row;
    const r = y[row];
    const e = model.expected(row);
    const ct = model.predictionFactor(row);
    ret[i] = r;
    expected[i] = e;
    ar[i] = r - e;
    c[i] = ct;
    sar[i] = (r - e) / (sigma * Math.sqrt(ct));
  }
  return { day0Row, winStart, winEnd, rows, ret, expected, ar, sar, c, sigma, df: model.df };
}

export interface CarResult {
  /** Offsets [a, b], inclusive. */
  window: [number, number];
  car: number;
  /** sigma^2 g'(I + X*(X'X)^-1 X*')g over the available days. */
  carVar: number;
  carT: number;
  /** Two-sided p-value from Student t with the model's df. */
  carP: number;
  bhar: number;
  /** Days in the window (b - a + 1). */
  nDays: number;
  /** Days in the window without an AR (missing return, missing benchmark, outside the series). */
  missing: number;
}

/** Two-sided p-value of a t statistic with df degrees of freedom. */
export function twoSidedTPValue(t: number, df: number): number {
  if (!Number.isFinite(t) || !(df > 0)) return NaN;
  // 2 * F(-|t|) keeps precision in the far tail, where 1 - F(|t|) would round to 0.
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/**
 * CAR, its variance with estimation error, t, p and BHAR over offsets [a, b] of one event.
 * Offsets need not lie inside the event window used for `abnormalReturns`.
 */
export function carWindow(model: FittedModel, y: Float64Array, day0Row: number, a: number, b: number): CarResult {
  if (!(b >= a)) throw new RangeError(`CAR window [${a}, ${b}] is empty`);
  const from = day0Row + a;
  const to = day0Row + b;
  let car = 0;
  let grossR = 1;
  let grossE = 1;
  let used = 0;
  for (let row = from; row <= to; row++) {
    if (row < 0 || row >= y.length) continue;
    const r = y[row];
    const e = model.expected(row);
    if (Number.isNaN(r) || Number.isNaN(e)) continue;
    car += r - e;
    grossR *= 1 + r;
    grossE *= 1 + e;
    used++;
  }
  const nDays = b - a + 1;
  if (used === 0) {
    return { window: [a, b], car: NaN, carVar: NaN, carT: NaN, carP: NaN, bhar: NaN, nDays, missing: nDays };
  }
  const carVar = model.sigma2 * model.windowVarianceFactor(from, to, y);
  const carT = car / Math.sqrt(carVar);
  return {
    window: [a, b],
    car,
    carVar,
    carT,
    carP: twoSidedTPValue(carT, model.df),
    bhar: grossR - grossE,
    nDays,
    missing: nDays - used,
  };
}

export function carWindows(
  model: FittedModel,
  y: Float64Array,
  day0Row: number,
  windows: ReadonlyArray<readonly [number, number]>,
): CarResult[] {
  return windows.map(([a, b]) => carWindow(model, y, day0Row, a, b));
}

/**
 * Buy-and-hold abnormal return over rows [from, to] for given return and expected-return series
 * (Barber & Lyon 1997 eq. 3): prod(1 + R) - prod(1 + E), skipping days where either is NaN.
 */
export function bhar(ret: Float64Array, expected: Float64Array, from: number, to: number): number {
  let gr = 1;
  let ge = 1;
  let used = 0;
  for (let t = Math.max(0, from); t <= Math.min(ret.length - 1, to); t++) {
    const r = ret[t];
    const e = expected[t];
    if (Number.isNaN(r) || Number.isNaN(e)) continue;
    gr *= 1 + r;
    ge *= 1 + e;
    used++;
  }
  return used === 0 ? NaN : gr - ge;
}

/**
 * sigma^2 g'(I + X*(X'X)^-1 X*')g of the CAR over offsets [a, b]: the closure the stats module
 * calls as `windowVariance` (Var of the CAR including estimation error, CLM 1997 eq. 4.4.10).
 */
export function windowVarianceFn(model: FittedModel, y: Float64Array, day0Row: number): (a: number, b: number) => number {
  return (a, b) => model.sigma2 * model.windowVarianceFactor(day0Row + a, day0Row + b, y);
}
