/**
 * Maximum drawdown of an equity curve: max over t of 1 - V_t / max_{s<=t} V_s (a positive
 * fraction), with its peak and trough indices and its length in sessions from the peak to the
 * first session back at or above the peak (or to the last session when it never recovered:
 * `recovered` false). Example: [100, 120, 90, 130] -> depth 0.25, peak 1, trough 2, length 2.
 *
 * The scan is the project's own (src/baskets/metrics.ts maxDrawdown: earliest of equal peaks and
 * troughs, first recovery after the trough); this only restates it as a positive depth and a length.
 */
import { maxDrawdown as levelDrawdown } from '../../baskets/metrics.js';

export interface Drawdown {
  depth: number;
  peak: number;
  trough: number;
  length: number;
  recovered: boolean;
}

export function maxDrawdown(value: ArrayLike<number>): Drawdown {
  const d = levelDrawdown(value instanceof Float64Array ? value : Float64Array.from(value));
  if (d.trough < 0) return { depth: 0, peak: 0, trough: 0, length: 0, recovered: true };
  const end = d.recovery >= 0 ? d.recovery : value.length - 1;
  return { depth: -d.value, peak: d.peak, trough: d.trough, length: end - d.peak, recovered: d.recovery >= 0 };
}
