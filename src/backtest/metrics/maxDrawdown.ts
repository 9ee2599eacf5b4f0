/**
 * Maximum drawdown of an equity curve: max over t of 1 - V_t / max_{s<=t} V_s (a positive
 * fraction), with its peak and trough indices and its length in sessions from the peak to the
 * first session back at or above the peak (or to the last session when it never recovered:
 * `recovered` false). Example: [100, 120, 90, 130] -> depth 0.25, peak 1, trough 2, length 2.
 */
export interface Drawdown {
  depth: number;
  peak: number;
  trough: number;
  length: number;
  recovered: boolean;
}

export function maxDrawdown(value: ArrayLike<number>): Drawdown {
  let peak = 0;
  let best: Drawdown = { depth: 0, peak: 0, trough: 0, length: 0, recovered: true };
  for (let t = 1; t < value.length; t++) {
    if (value[t] > value[peak]) peak = t;
    const dd = 1 - value[t] / value[peak];
    if (dd > best.depth) best = { depth: dd, peak, trough: t, length: 0, recovered: false };
  }
  if (best.depth > 0) {
    let end = value.length - 1;
    for (let t = best.trough + 1; t < value.length; t++)
      if (value[t] >= value[best.peak]) {
        end = t;
        best.recovered = true;
        break;
      }
    best.length = end - best.peak;
  }
  return best;
}
