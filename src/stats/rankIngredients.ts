/**
 * The rank tests' panel-level ingredients as StatsContext keeps them (RankData for Corrado 1989,
 * Campbell-Wasley 1993, Corrado-Zivney 1992 and estudy2's CAR rank test; GrankPrep for Kolari &
 * Pynnönen 2011 GRANK), and every panel-level ingredient as handed to worker threads
 * (SharedIngredients).
 *
 * The per-event rows come from rankRows.ts, computed on this or other threads; here they are joined
 * with their column sums, and copied into SharedArrayBuffers so that the workers of
 * src/study/parallel.ts adopt them instead of each redoing the ranking and sorting. The sums are
 * taken once, in event order, so every thread sees the same bits.
 */
import { toShared } from '../util/sharedArrays.js';
import type { EstAARInfo } from './estAAR.js';
import { reduceGrank, reduceRanks, type GrankRows, type RankRows, type RankSums } from './rankRows.js';
import type { EventPanel } from './types.js';

/** The rank tests' panel ingredients: every event's rank rows and their column sums (rankRows.ts). */
export interface RankData extends RankSums {
  /** Number of combined columns C = E + W (estimation columns first, then the event window). */
  C: number;
  /** n * C average ranks of each event's ARs over its combined window; NaN where missing. */
  K: Float64Array;
  /** Per event: number of ranked (non-missing) values M_i. */
  M: Int32Array;
}

export interface GrankPrep {
  /** n * E estimation-window SARs AR / sigma_i (convention sigma); NaN where missing. */
  s: Float64Array;
  /** n * E average ranks of s within each event's estimation window. */
  r: Float64Array;
  /** Per event: sorted finite estimation SARs. */
  sorted: Float64Array[];
  /** Per event: number of finite estimation SARs L_i. */
  L: Int32Array;
  /**
   * (added) All events' sorted SARs back to back: event i's are sortedFlat[off[i] .. off[i + 1]),
   * `sorted[i]` views them; order[k] is the estimation column of sortedFlat[k].
   */
  sortedFlat?: Float64Array;
  off?: Int32Array;
  order?: Int32Array;
  /**
   * (added) Per estimation column e, over every event with L_i > 0: the sum of
   * r_ie / (L_i + 2) - 1/2 and the count of events with a SAR there. A GRANK section starts from
   * these and corrects for the events it leaves out, instead of summing all events again.
   */
  base?: Float64Array;
  baseN?: Int32Array;
}

/** The panel-level ingredients as plain data (typed arrays over SharedArrayBuffers). */
export interface SharedIngredients {
  estAAR: EstAARInfo;
  phat: { phat: number; note: string };
  /** Absent when no selected test ranks (selection.ts). */
  ranks?: RankData;
  /** Absent when GRANK is not selected. */
  grank?: Required<Omit<GrankPrep, 'sorted'>>;
}

/** The rank ingredients from every event's rank rows (computed here or on other threads). */
export function rankDataOf(panel: EventPanel, E: number, W: number, rows: RankRows): RankData {
  return { C: rows.C, K: rows.K, M: rows.M, ...reduceRanks(panel, E, W, rows) };
}

/** The GRANK ingredients from every event's SAR rows (computed here or on other threads). */
export function grankPrepOf(n: number, E: number, rows: GrankRows): GrankPrep {
  const { s, r, L, flat, off, order } = rows;
  return { s, r, sorted: sortedViews(flat, off), L, sortedFlat: flat, off, order, ...reduceGrank(n, E, rows) };
}

/** The rank ingredients with every array in shared memory. */
export function sharedRankData(ranks: RankData): RankData {
  return { ...ranks, K: toShared(ranks.K), M: toShared(ranks.M), colN: toShared(ranks.colN), colDev: toShared(ranks.colDev), colU: toShared(ranks.colU), colK: toShared(ranks.colK), colG: toShared(ranks.colG) };
}

/** The GRANK ingredients with every array in shared memory, without the per-event views (they do not cross threads). */
export function sharedGrankPrep(g: Required<GrankPrep>): Required<Omit<GrankPrep, 'sorted'>> {
  return {
    s: toShared(g.s),
    r: toShared(g.r),
    L: toShared(g.L),
    sortedFlat: toShared(g.sortedFlat),
    off: toShared(g.off),
    order: toShared(g.order),
    base: toShared(g.base),
    baseN: toShared(g.baseN),
  };
}

/** GRANK ingredients received from another thread, with the per-event views rebuilt. */
export function adoptedGrankPrep(x: Required<Omit<GrankPrep, 'sorted'>>): GrankPrep {
  return { ...x, sorted: sortedViews(x.sortedFlat, x.off) };
}

function sortedViews(flat: Float64Array, off: Int32Array): Float64Array[] {
  const out: Float64Array[] = new Array(off.length - 1);
  for (let i = 0; i + 1 < off.length; i++) out[i] = flat.subarray(off[i], off[i + 1]);
  return out;
}
