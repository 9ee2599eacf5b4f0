/**
 * An index return without one of its constituents (issue 12 §2, "exclude-self index"): a large
 * constituent regressed on an index that contains it shares its own news with its benchmark, which
 * inflates beta and takes part of its abnormal return away as "market". With w the constituent's
 * weight in the index at the previous close,
 *
 *   R_ex,t = (R_I,t - w_t-1 R_i,t) / (1 - w_t-1)
 *
 * is the return of the rest of the index (exact for a cap-weighted index between rebalancings:
 * the index is the weighted sum of its constituents' returns with last close's weights).
 *
 * Weights come from a dated table (as published by the index provider, effective at the close of
 * their date). Between two publications the weight is drifted with the returns,
 *   w_t = w_t-1 (1 + R_i,t) / (1 + R_I,t),
 * which is what a cap-weighted index's weight does with no corporate action; on a publication date
 * it is reset to the published value (over a day missing either return it is carried unchanged). `published` keeps the published weight flat instead (what a
 * provider's monthly factsheet gives when its constituents' returns are not at hand). A row before
 * the first publication, or whose weight is 1 or more, has no exclude-self return (NaN: missing,
 * never the index return passed off as one).
 *
 * The identity holds for simple returns only: a log return is not a weighted sum of its
 * constituents' log returns. Under `returnType: log` each row is taken back to simple returns
 * (e^r - 1), combined, and the result returned as log(1 + R_ex).
 */

import type { ReturnKind } from './returns.js';

/** Weight as published by the index provider, effective at the close of `day` (a day number). */
export interface PublishedWeights {
  /** Strictly ascending day numbers. */
  days: Int32Array;
  /** The constituent's weight on each date, a fraction (0.0743 for 7.43%); 0 when it was not a constituent. */
  weights: Float64Array;
}

/** How weights move between publications (manifest `constituentWeights.mode`); the first is the default. */
export const WEIGHT_MODES = ['drifted', 'published'] as const;
export type WeightMode = (typeof WEIGHT_MODES)[number];

/**
 * R_ex for one day.
 *
 * @example
 * excludeSelfReturn(0.01, 0.05, 0.08) // (0.01 - 0.08 * 0.05) / 0.92 = 0.0065217...
 */
export function excludeSelfReturn(indexReturn: number, ownReturn: number, weight: number): number {
  if (!(weight >= 0 && weight < 1)) return NaN;
  if (weight === 0) return indexReturn;
  return (indexReturn - weight * ownReturn) / (1 - weight);
}

/**
 * The index returns without the constituent on the constituent's rows, and the weight at the
 * previous close used for each row (NaN where none is known).
 *
 * @param days        the listing's trading days (day numbers, ascending); row t's returns run from days[t-1] to days[t]
 * @param indexReturn the index return on the same rows (aligned to the listing's days)
 * @param ownReturn   the listing's own return on those rows
 * @example
 * // An index of two stocks, 20% in the listing at the first close; the listing +10%, the rest +0%:
 * // index +2%, and the rest comes back as 0.
 * excludeSelfSeries(Int32Array.of(0, 1), Float64Array.of(NaN, 0.02), Float64Array.of(NaN, 0.1),
 *   { days: Int32Array.of(0), weights: Float64Array.of(0.2) }, 'drifted').returns // [NaN, 0]
 */
export function excludeSelfSeries(
  days: Int32Array,
  indexReturn: Float64Array,
  ownReturn: Float64Array,
  published: PublishedWeights,
  mode: WeightMode,
  returnType: ReturnKind = 'simple',
): { returns: Float64Array; weight: Float64Array } {
  const log = returnType === 'log';
  const n = days.length;
  const returns = new Float64Array(n).fill(NaN);
  const weight = new Float64Array(n).fill(NaN);
  let k = 0; // next publication not yet applied
  let w = NaN; // weight at the close of the previous row
  for (let t = 0; t < n; t++) {
    if (t > 0) {
      const rI = log ? Math.expm1(indexReturn[t]) : indexReturn[t];
      const rS = log ? Math.expm1(ownReturn[t]) : ownReturn[t];
      weight[t] = w;
      const ex = Number.isFinite(w) ? excludeSelfReturn(rI, rS, w) : NaN;
      returns[t] = log ? Math.log1p(ex) : ex;
      // Drift last close's weight to this close; over a day without both returns it stays as it was
      // (one day moves a weight by a fraction of itself; dropping it until the next publication
      // would lose months of benchmark returns).
      const f = (1 + rS) / (1 + rI);
      if (mode === 'drifted' && Number.isFinite(w) && Number.isFinite(f)) w *= f;
    }
    // Publications up to this close reset the weight (the last of them counts).
    while (k < published.days.length && published.days[k] <= days[t]) w = published.weights[k++];
  }
  return { returns, weight };
}
