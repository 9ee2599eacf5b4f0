/**
 * The estimation-window AAR series of a panel and its sample standard deviation: Brown & Warner's
 * "crude dependence adjustment" (brownWarner1985.ts; also Lamb's test, lamb.ts).
 *
 * Brown, S.J. & Warner, J.B. (1985), J. Financial Economics 14:3-31, section 4 / appendix:
 *   S^2 = 1/(T-1) sum_{t in est} (AAR_t - mean AAR)^2,  AAR_t = mean of the residuals at offset t.
 * Formed in EVENT time (column e = offset estStart + e), as in Brown & Warner. It depends on the
 * panel alone, so StatsContext computes it once and hands it to worker threads.
 */
import type { EventPanel } from './types.js';

export interface EstAARInfo {
  /** Sample sd (T - 1 divisor) of the estimation-window AAR series (NaN if T < 2). */
  sd: number;
  /** Number of estimation days with at least one residual. */
  T: number;
}

/**
 * The mean residual over the events with a residual at each estimation offset, skipping offsets
 * with none, and its sample sd.
 */
export function estimationAAR(panel: EventPanel, n: number, E: number): EstAARInfo {
  const series: number[] = [];
  for (let e = 0; e < E; e++) {
    let s = 0;
    let c = 0;
    for (let i = 0; i < n; i++) {
      const v = panel.estAR[i * E + e];
      if (Number.isFinite(v)) {
        s += v;
        c++;
      }
    }
    if (c > 0) series.push(s / c);
  }
  const T = series.length;
  let sdv = NaN;
  if (T >= 2) {
    let m = 0;
    for (const v of series) m += v;
    m /= T;
    let ss = 0;
    for (const v of series) ss += (v - m) * (v - m);
    sdv = Math.sqrt(ss / (T - 1));
  }
  return { sd: sdv, T };
}
