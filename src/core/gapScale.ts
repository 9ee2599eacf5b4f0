/**
 * Variance of returns that span several sessions (issue 12 §2, "gap returns").
 *
 * A close-to-close return whose two closes have weekdays without a close between them (a holiday
 * of the listing's exchange, or a halt) spans k sessions. If abnormal returns are independent
 * across sessions with variance sigma^2 each, the return over k sessions has k sigma^2, so its
 * abnormal return (prediction error included) has
 *
 *   Var(AR_t) = sigma^2 (C_t + k_t - 1),     SAR_t = AR_t / (sigma sqrt(C_t + k_t - 1))
 *
 * (C_t the prediction-error factor 1 + x0'(X'X)^-1 x0 of src/core/abnormal.ts; with no estimation
 * error this is sigma sqrt(k), Patell's standardisation with k sessions' variance), and a CAR over
 * days holding such returns adds sigma^2 sum(k_t - 1) to its variance. Weekends are never counted:
 * every listing's Monday return spans a weekend, and that is the one-day sigma the model estimates.
 * French & Roll (1986, JFE 17) find the variance over exchange holidays far below k days' worth,
 * which is why scaling is an option and flagging the default.
 */

import { weekday } from '../util/dayNumber.js';

/**
 * k_r, the weekdays in (days[r-1], days[r]] for each row r >= 1 (1 for a return from one weekday
 * to the next, or over a weekend); row 0 has no return and gets 1. `days` are day numbers (days
 * since 1970-01-01), strictly ascending.
 *
 * @example
 * // 2023-04-06 (Thu) -> 2023-04-11 (Tue): Good Friday and Easter Monday closed in Hong Kong
 * weekdaySessions(Int32Array.of(19453, 19458)) // Int32Array [1, 3]
 */
export function weekdaySessions(days: Int32Array): Int32Array {
  const out = new Int32Array(days.length).fill(1);
  for (let r = 1; r < days.length; r++) out[r] = weekdaysBetween(days[r - 1], days[r]);
  return out;
}

/** Monday-Friday dates d with from < d <= to (day numbers; 1970-01-01 was a Thursday). */
export function weekdaysBetween(from: number, to: number): number {
  if (!(to > from)) return 0;
  const span = to - from;
  let n = Math.floor(span / 7) * 5;
  // The remaining span % 7 days after the whole weeks: from + 1 + 7w .. to.
  for (let d = from + 1 + Math.floor(span / 7) * 7; d <= to; d++) {
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

/**
 * Rescales one event's event-window standardisation for multi-session returns, in place:
 * c[i] += k[i] - 1 and sar[i] = ar[i] / (sigma sqrt(c[i])) where k[i] > 1. `k` holds the sessions
 * of each event-window offset (same indexing as `ar`). Returns the extra CAR variance factor
 * over offsets [a, b] (sum of k - 1 there, to be multiplied by sigma^2), as a function.
 *
 * @example
 * // sigma 0.02, C 1.01, AR 0.05 on a 3-session return: SAR 0.05 / (0.02 sqrt(3.01)) = 1.441
 */
export function scaleGapDays(
  abn: { ar: Float64Array; sar: Float64Array; c: Float64Array; sigma: number; winStart: number },
  k: Int32Array,
): (a: number, b: number) => number {
  const extra = new Float64Array(k.length);
  for (let i = 0; i < k.length; i++) {
    if (!(k[i] > 1)) continue;
    extra[i] = k[i] - 1;
    abn.c[i] += extra[i];
    abn.sar[i] = abn.ar[i] / (abn.sigma * Math.sqrt(abn.c[i]));
  }
  return (a: number, b: number): number => {
    let sum = 0;
    for (let off = Math.max(a, abn.winStart); off <= b && off - abn.winStart < extra.length; off++) sum += extra[off - abn.winStart];
    return sum;
  };
}
