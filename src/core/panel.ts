/**
 * Builds the `EventPanel` (src/stats/types.ts): the events that entered the aggregate, laid out in
 * event time as flat row-major typed arrays (row = event, column = offset), NaN / -1 where missing.
 * Each event contributes arrays that start at its own offsets; they are placed by offset, so an
 * event whose estimation window was cut short by the start of its data still lines up.
 */
import type { EventPanel } from '../stats/types.js';
import { float64Array, int32Array } from '../util/sharedArrays.js';
import { windowVarianceFn, type EventAbnormal } from './abnormal.js';
import type { FittedModel } from './models/types.js';

export interface PerEventInput {
  model: FittedModel;
  /** Estimation residuals; element i is at offset estOffset + i. */
  estResiduals: Float64Array;
  /** Calendar day numbers of those residuals (-1 where missing), same indexing. */
  estDays: Int32Array;
  estOffset: number;
  /** Event-window AR, SAR and C_t; element i is at offset winOffset + i. */
  ar: Float64Array;
  sar: Float64Array;
  c: Float64Array;
  winOffset: number;
  /** Optional calendar day numbers of the event-window rows (-1 where missing), same indexing as `ar`. */
  winDays?: Int32Array;
  /** sigma^2 g'(I + X*(X'X)^-1 X*')g of the CAR over offsets [a, b]. */
  windowVariance: (a: number, b: number) => number;
}

/**
 * The panel input of one event from its fitted model, its abnormal returns and its security's
 * trading days (`days[row]`): estimation offsets follow from the model's estimation rows relative
 * to day 0.
 */
export function perEventInput(model: FittedModel, abn: EventAbnormal, days: Int32Array, y: Float64Array): PerEventInput {
  const res = model.estimationResiduals;
  const estDays = new Int32Array(res.length).fill(-1);
  for (let i = 0; i < res.length; i++) {
    const row = model.estimation.from + i;
    if (!Number.isNaN(res[i]) && row >= 0 && row < days.length) estDays[i] = days[row];
  }
  const winDays = new Int32Array(abn.rows.length).fill(-1);
  for (let i = 0; i < abn.rows.length; i++) {
    const row = abn.rows[i];
    if (row >= 0 && !Number.isNaN(abn.ar[i])) winDays[i] = days[row];
  }
  return {
    model,
    estResiduals: res,
    estDays,
    estOffset: model.estimation.from - abn.day0Row,
    ar: abn.ar,
    sar: abn.sar,
    c: abn.c,
    winOffset: abn.winStart,
    winDays,
    windowVariance: windowVarianceFn(model, y, abn.day0Row),
  };
}

/**
 * The panel of `events` over the estimation and event windows (offsets relative to day 0). With
 * `sharedMemory` its arrays live in SharedArrayBuffers, so worker threads read them without a copy
 * (src/study/parallel.ts).
 */
export function buildEventPanel(
  events: readonly PerEventInput[],
  est: { start: number; end: number },
  win: { start: number; end: number },
  options: { sharedMemory?: boolean } = {},
): EventPanel {
  const n = events.length;
  const E = est.end - est.start + 1;
  const W = win.end - win.start + 1;
  if (!(E > 0) || !(W > 0)) throw new RangeError(`empty panel window: estimation [${est.start}, ${est.end}], event [${win.start}, ${win.end}]`);
  const f64 = (len: number) => float64Array(len, options.sharedMemory);
  const i32 = (len: number) => int32Array(len, options.sharedMemory);
  const estAR = f64(n * E).fill(NaN);
  const estDays = i32(n * E).fill(-1);
  const evAR = f64(n * W).fill(NaN);
  const evSAR = f64(n * W).fill(NaN);
  const evC = f64(n * W).fill(NaN);
  const evDays = i32(n * W).fill(-1);
  const sigma = f64(n);
  const nObs = i32(n);
  const df = i32(n);
  const closures: Array<(a: number, b: number) => number> = new Array(n);
  // One divisor for the whole panel: src/stats converts sigma by it, so a mix would be mis-scaled.
  const sigmaConvention = events.length > 0 ? events[0].model.varianceConvention : 'model-df';
  if (events.some((ev) => ev.model.varianceConvention !== sigmaConvention)) throw new RangeError('events fitted under different variance conventions cannot share a panel');

  for (let e = 0; e < n; e++) {
    const ev = events[e];
    sigma[e] = ev.model.sigma;
    nObs[e] = ev.model.nObs;
    df[e] = ev.model.df;
    closures[e] = ev.windowVariance;
    // Estimation window: copy the overlap of [estOffset, estOffset + len) with [est.start, est.end].
    for (let i = 0; i < ev.estResiduals.length; i++) {
      const col = ev.estOffset + i - est.start;
      if (col < 0 || col >= E) continue;
      const v = ev.estResiduals[i];
      if (Number.isNaN(v)) continue;
      estAR[e * E + col] = v;
      estDays[e * E + col] = ev.estDays[i];
    }
    for (let i = 0; i < ev.ar.length; i++) {
      const col = ev.winOffset + i - win.start;
      if (col < 0 || col >= W) continue;
      evAR[e * W + col] = ev.ar[i];
      evSAR[e * W + col] = ev.sar[i];
      evC[e * W + col] = ev.c[i];
      if (ev.winDays) evDays[e * W + col] = ev.winDays[i];
    }
  }

  return {
    n,
    estStart: est.start,
    estEnd: est.end,
    estAR,
    estDays,
    winStart: win.start,
    winEnd: win.end,
    evAR,
    evSAR,
    evC,
    evDays,
    windowVariance: (event, a, b) => closures[event](a, b),
    sigma,
    sigmaConvention,
    nObs,
    df,
  };
}
