/**
 * What every model does with its estimation window before and after fitting: count the valid
 * observations against the minimum (DESIGN.md: 60 by default, else `insufficient-estimation`),
 * choose the residual-variance divisor, and refuse a zero residual variance (a standardized AR
 * would divide by zero).
 */
import { ConfigError } from '../../util/errors.js';
import type { FitResult, ModelOptions, RowRange, VarianceConvention } from './types.js';

export const DEFAULT_MIN_OBS = 60;

export interface ResolvedOptions {
  minObs: number;
  varianceConvention: VarianceConvention;
  windowLabel: string;
}

export function resolveOptions(est: RowRange, options: ModelOptions = {}): ResolvedOptions {
  if (!Number.isInteger(est.from) || !Number.isInteger(est.to) || est.to < est.from) {
    throw new RangeError(`estimation window rows [${est.from}, ${est.to}] are not an increasing integer range`);
  }
  return {
    minObs: options.minObs ?? DEFAULT_MIN_OBS,
    varianceConvention: options.varianceConvention ?? 'model-df',
    windowLabel: options.windowLabel ?? `rows [${est.from},${est.to}]`,
  };
}

/** Rows in [from, to] (clamped to the series) where y and every column are non-NaN. */
export function countValid(y: Float64Array, columns: readonly Float64Array[], from: number, to: number): number {
  const lo = Math.max(0, from);
  const hi = Math.min(y.length - 1, to);
  let n = 0;
  for (let t = lo; t <= hi; t++) {
    if (Number.isNaN(y[t])) continue;
    let ok = true;
    for (let j = 0; j < columns.length; j++) {
      if (Number.isNaN(columns[j][t])) {
        ok = false;
        break;
      }
    }
    if (ok) n++;
  }
  return n;
}

export function insufficient(reason: string, nObs: number): FitResult {
  return { ok: false, outcome: 'insufficient-estimation', reason, nObs };
}

/** The minimum-count check; null when there are enough observations. */
export function checkMinObs(nObs: number, opts: ResolvedOptions, what = 'valid returns'): FitResult | null {
  if (nObs >= opts.minObs) return null;
  return insufficient(`${nObs} ${what} in ${opts.windowLabel}, need ${opts.minObs}`, nObs);
}

/** Divisor of SSR: L - k under 'model-df', L - 1 under estudy2's 'L-1'. */
export function varianceDivisor(nObs: number, k: number, convention: VarianceConvention): number {
  return convention === 'L-1' ? nObs - 1 : nObs - k;
}

/**
 * True when the residuals carry no variance: SSR is zero, or negligible against the raw sum of
 * squares of y (an exact fit up to rounding, e.g. a security that is its own benchmark, or a
 * constant series such as zero-filled suspension days).
 */
export function isZeroVariance(ssr: number, y: Float64Array, from: number, to: number): boolean {
  if (!(ssr > 0)) return true;
  const lo = Math.max(0, from);
  const hi = Math.min(y.length - 1, to);
  let sq = 0;
  for (let t = lo; t <= hi; t++) {
    const v = y[t];
    if (!Number.isNaN(v)) sq += v * v;
  }
  return ssr <= 1e-20 * sq;
}

export function requireColumn(col: Float64Array | undefined, name: string, kind: string, length: number): Float64Array {
  // A study that asks for a model without the data it needs is a configuration problem of the user.
  if (!col) throw new ConfigError(`the ${kind} model needs a '${name}' return column`, { field: name });
  if (col.length !== length) {
    throw new RangeError(`regressor '${name}' has ${col.length} rows but the security has ${length}`);
  }
  return col;
}
