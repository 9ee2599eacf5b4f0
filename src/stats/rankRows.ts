/**
 * The per-event half of the rank tests' panel ingredients (StatsContext.ranks for Corrado 1989,
 * Campbell-Wasley 1993, Corrado-Zivney 1992 and estudy2's CAR rank test; StatsContext.grankPrep for
 * Kolari-Pynnönen 2011 GRANK). Ranking an event's ARs depends on that event alone, so rows
 * [i0, i1) may be computed on any thread, into ordinary or shared buffers; the column sums are then
 * taken on one thread in event order (`reduceRanks`, `reduceGrank`): the same additions in the same
 * order as one pass over the panel, hence the same bits on any number of threads
 * (src/study/parallel.ts).
 *
 * @example
 *   const rows = allocRankRows(panel.n, E + W);
 *   rankRows(panel, E, W, 0, panel.n, rows);
 *   const data = reduceRanks(panel, E, W, rows); // RankData
 */
import type { EventPanel } from './types.js';
import { float64Array as f64, int32Array as i32 } from '../util/sharedArrays.js';
import { rankInto } from './util.js';

/** Every event's ranks over its combined window (E estimation + W event-window columns). */
export interface RankRows {
  C: number;
  /** n * C average ranks; NaN where the AR is missing (and the whole row for an event with none). */
  K: Float64Array;
  /** Per event: number of ranked values M_i. */
  M: Int32Array;
  /** Per event: median of its combined-window ARs (R's median); NaN when M_i = 0. */
  med: Float64Array;
}

/** Per-column sums of the rank tests, over the events in event order. */
export interface RankSums {
  /** Per column: number of events with a rank (N_t). */
  colN: Int32Array;
  /** Per column: sum_i (K_it - (M_i + 1) / 2)            (Corrado 1989). */
  colDev: Float64Array;
  /** Per column: sum_i (K_it / (M_i + 1) - 1/2)          (Campbell-Wasley 1993). */
  colU: Float64Array;
  /** Per column: sum_i K_it                              (estudy2's CAR rank test). */
  colK: Float64Array;
  /** Per column: sum_i sign(AR_it - median_i)            (Corrado-Zivney 1992 sign). */
  colG: Float64Array;
  /** Columns with at least one rank. */
  Tdays: number;
  /** Mean over events (with M_i > 0) of M_i: estudy2's divisor `mean(delta_full)`. */
  meanM: number;
  /** Mean over events of (M_i + 1) / 2: estudy2's `mean_rank`. */
  meanAvgRank: number;
}

/** Every event's estimation-window SARs, their ranks and sorted copies (GRANK). */
export interface GrankRows {
  /** n * E SARs AR / sigma_i; NaN where missing. */
  s: Float64Array;
  /** n * E average ranks of s within each event's estimation window. */
  r: Float64Array;
  /** Per event: number of finite SARs L_i. */
  L: Int32Array;
  /** Event i's sorted SARs are flat[off[i] .. off[i + 1]); order[k] is the column of flat[k]. */
  flat: Float64Array;
  order: Int32Array;
  off: Int32Array;
}

export function allocRankRows(n: number, C: number, sharedMemory = false): RankRows {
  return { C, K: f64(n * C, sharedMemory), M: i32(n, sharedMemory), med: f64(n, sharedMemory) };
}

/** Ranks of events [i0, i1) into `out` (rows outside the range are not touched). */
export function rankRows(panel: EventPanel, E: number, W: number, i0: number, i1: number, out: RankRows): void {
  const C = E + W;
  const buf = new Float64Array(C);
  const rk = new Float64Array(C);
  const fin = new Float64Array(C);
  const fill = new Int32Array(C);
  for (let i = i0; i < i1; i++) {
    for (let e = 0; e < E; e++) buf[e] = panel.estAR[i * E + e];
    for (let w = 0; w < W; w++) buf[E + w] = panel.evAR[i * W + w];
    const { count } = rankInto(buf, rk, fin, null, fill);
    out.M[i] = count;
    if (count === 0) {
      out.K.fill(NaN, i * C, (i + 1) * C);
      out.med[i] = NaN;
      continue;
    }
    // rankInto leaves NaN where the AR is missing, which is what K holds there.
    out.K.set(rk, i * C);
    out.med[i] = count % 2 === 1 ? fin[(count - 1) / 2] : (fin[count / 2 - 1] + fin[count / 2]) / 2;
  }
}

/** The column sums over all events, in event order. */
export function reduceRanks(panel: EventPanel, E: number, W: number, rows: RankRows): RankSums {
  const n = panel.n;
  const { C, K, M, med } = rows;
  const colN = new Int32Array(C);
  const colDev = new Float64Array(C);
  const colU = new Float64Array(C);
  const colK = new Float64Array(C);
  const colG = new Float64Array(C);
  let sumM = 0;
  let cntM = 0;
  let sumAvg = 0;
  for (let i = 0; i < n; i++) {
    const count = M[i];
    if (count === 0) continue;
    sumM += count;
    cntM++;
    const avg = (count + 1) / 2;
    sumAvg += avg;
    const m = med[i];
    for (let c = 0; c < C; c++) {
      const k = K[i * C + c];
      if (!Number.isFinite(k)) continue;
      const v = c < E ? panel.estAR[i * E + c] : panel.evAR[i * W + c - E];
      colN[c]++;
      colDev[c] += k - avg;
      colU[c] += k / (count + 1) - 0.5;
      colK[c] += k;
      colG[c] += Math.sign(v - m);
    }
  }
  let Tdays = 0;
  for (let c = 0; c < C; c++) if (colN[c] > 0) Tdays++;
  return {
    colN,
    colDev,
    colU,
    colK,
    colG,
    Tdays,
    meanM: cntM > 0 ? sumM / cntM : NaN,
    meanAvgRank: cntM > 0 ? sumAvg / cntM : NaN,
  };
}

/**
 * GRANK buffers for n events: `off` is filled here (event i has as many sorted SARs as finite
 * AR / sigma_i values), so any range of rows can then be written independently.
 */
export function allocGrankRows(panel: EventPanel, E: number, sigma: Float64Array, sharedMemory = false): GrankRows {
  const n = panel.n;
  const off = i32(n + 1, sharedMemory);
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (let e = 0; e < E; e++) if (Number.isFinite(panel.estAR[i * E + e] / sigma[i])) count++;
    off[i + 1] = off[i] + count;
  }
  const total = off[n];
  return { s: f64(n * E, sharedMemory), r: f64(n * E, sharedMemory), L: i32(n, sharedMemory), flat: f64(total, sharedMemory), order: i32(total, sharedMemory), off };
}

/** SARs, their ranks and sorted copies for events [i0, i1) into `out`. */
export function grankRows(panel: EventPanel, E: number, sigma: Float64Array, i0: number, i1: number, out: GrankRows): void {
  const buf = new Float64Array(E);
  const rk = new Float64Array(E);
  const srt = new Float64Array(E);
  const ord = new Int32Array(E);
  const fill = new Int32Array(E);
  for (let i = i0; i < i1; i++) {
    const sig = sigma[i];
    for (let e = 0; e < E; e++) {
      const v = panel.estAR[i * E + e] / sig;
      buf[e] = Number.isFinite(v) ? v : NaN;
      out.s[i * E + e] = buf[e];
    }
    const { count } = rankInto(buf, rk, srt, ord, fill);
    if (count !== out.off[i + 1] - out.off[i]) throw new Error(`GRANK rows: event ${i} has ${count} SARs, its offsets say ${out.off[i + 1] - out.off[i]}`);
    out.r.set(rk, i * E);
    out.L[i] = count;
    out.flat.set(srt.subarray(0, count), out.off[i]);
    out.order.set(ord.subarray(0, count), out.off[i]);
  }
}

/**
 * Per estimation column e, over the events with L_i > 0 and a SAR there, in event order: the sum of
 * r_ie / (L_i + 2) - 1/2 and the count, the estimation-day part of Kolari & Pynnönen's (2011)
 * U_i,t = rank / (T_i + 1) - 1/2 with T_i = L_i + 1 (see grank.ts).
 */
export function reduceGrank(n: number, E: number, rows: GrankRows): { base: Float64Array; baseN: Int32Array } {
  const base = new Float64Array(E);
  const baseN = new Int32Array(E);
  const { r, L } = rows;
  for (let i = 0; i < n; i++) {
    if (L[i] === 0) continue;
    const denom = L[i] + 2;
    for (let e = 0; e < E; e++) {
      const rv = r[i * E + e];
      if (Number.isNaN(rv)) continue;
      base[e] += rv / denom - 0.5;
      baseN[e]++;
    }
  }
  return { base, baseN };
}

/** Chunks of the events' rows for worker threads (fixed, so the same on any number of threads). */
export const ROW_CHUNKS = 16;
