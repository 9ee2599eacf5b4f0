/**
 * Weight bases: one number per member row, proportional to the weight the member would get if the
 * basket were (re)balanced at that row's close. The series functions normalise them over the
 * members that count on a given day.
 *
 *   equal      1 on every row
 *   custom     the basket file's weight on every row
 *   float-cap  free-float market capitalisation in CNY, from the AKShare row itself:
 *              成交额 (turnover amount, CNY) / (换手率 / 100), since Eastmoney's 换手率 is the day's
 *              traded shares over the free-float shares (流通股本), so amount / rate = float shares x
 *              the day's average traded price.
 *
 * Two approximations of the float-cap basis, both reported next to each weight:
 * - it values the float at the day's volume-weighted price, not at the close (differences of a few
 *   percent on volatile days);
 * - AKShare prints 换手率 with two decimals, so a rate of 0.07% is known only to +-0.005/0.07 = +-7%;
 *   `turnoverRounding` gives that relative bound per row.
 * The amount is the traded value in yuan, unaffected by the forward adjustment of the prices.
 */

/** amount / (rate / 100) per row; NaN where either is missing or not positive (no trade, suspension). */
export function floatCapColumn(amount: Float64Array, turnoverRatePct: Float64Array): Float64Array {
  if (amount.length !== turnoverRatePct.length) throw new RangeError('floatCapColumn: columns differ in length');
  const out = new Float64Array(amount.length);
  for (let i = 0; i < amount.length; i++) {
    const a = amount[i];
    const r = turnoverRatePct[i];
    out[i] = a > 0 && r > 0 ? a / (r / 100) : NaN;
  }
  return out;
}

/** Relative uncertainty of a float cap from rounding the percent rate to 2 decimals: 0.005 / rate. */
export function turnoverRounding(turnoverRatePct: number): number {
  return turnoverRatePct > 0 ? 0.005 / turnoverRatePct : NaN;
}

/**
 * Each NaN replaced by the last finite value before it (leading NaNs stay NaN): a day without a
 * usable float cap keeps the previous day's, rather than dropping the member from the basket.
 */
export function forwardFill(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  let last = NaN;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i])) last = x[i];
    out[i] = last;
  }
  return out;
}

export function constantColumn(n: number, value: number): Float64Array {
  return new Float64Array(n).fill(value);
}

/**
 * x / sum(x) over finite entries; NaN entries stay NaN. Throws when nothing positive is left.
 * Scaled by the largest entry first: the sum of a few weights near 1e308 overflows to Infinity
 * and every share would become 0.
 */
export function normalise(x: Float64Array): Float64Array {
  let max = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && x[i] > max) max = x[i];
  let s = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) s += x[i] / max;
  if (!(max > 0 && s > 0)) throw new RangeError('normalise: weights sum to zero');
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] / max / s;
  return out;
}

/**
 * A member's custom weight relative to the basket's largest: weights are proportions, and sums of
 * weights as written (1e308 each) overflow to Infinity, turning every figure into "—" with exit 0.
 */
export function relativeWeight(weights: Readonly<Record<string, number>> | undefined, symbol: string): number | undefined {
  const w = weights?.[symbol];
  if (w === undefined || weights === undefined) return w;
  let max = 0;
  for (const v of Object.values(weights)) if (Number.isFinite(v) && v > max) max = v;
  return max > 0 ? w / max : w;
}

/**
 * The basis column of one member's rows under a weighting, or why there is none (float cap needs
 * the AKShare amount and turnover-rate columns).
 */
export function weightBasis(
  cols: { close: Float64Array; amount: Float64Array | null; turnoverRate: Float64Array | null },
  weighting: 'equal' | 'float-cap' | 'custom',
  customWeight?: number,
): { ok: true; basis: Float64Array } | { ok: false; reason: string } {
  const n = cols.close.length;
  if (weighting === 'float-cap') {
    if (!cols.amount || !cols.turnoverRate)
      return { ok: false, reason: `float-cap weighting needs the 成交额 (amount) and 换手率 (turnover rate) columns of an AKShare file; this file has ${!cols.amount ? 'no amount' : 'no turnover rate'}` };
    return { ok: true, basis: forwardFill(floatCapColumn(cols.amount, cols.turnoverRate)) };
  }
  if (weighting === 'custom') {
    if (!(customWeight !== undefined && customWeight > 0)) return { ok: false, reason: 'no positive custom weight' };
    return { ok: true, basis: constantColumn(n, customWeight) };
  }
  return { ok: true, basis: constantColumn(n, 1) };
}
