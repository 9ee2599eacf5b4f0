/**
 * The generalized sign test's expected share of positive values, p-hat (Cowan 1992 eq. 1), for a
 * quantity summed over `len` days.
 *
 * A CAR over len days is positive with the probability that a len-day SUM of residuals is, not a
 * single day's: with skewed daily residuals the two differ (Cowan's daily p-hat for [0, 10] rejected
 * 10.1% at 5% with N = 17 in issue 12's simulation). So p-hat is the share of positive len-day sums
 * over each event's estimation window (rolling sums over consecutive estimation columns, every day
 * present), averaged over events as in eq. 1; len = 1 is Cowan's daily p-hat.
 * `pooled` (estudy2): the share over all events' daily residuals together, for every window length,
 * as estudy2 does.
 */
import type { EventPanel } from './types.js';

export interface Phat {
  phat: number;
  note: string;
}

export function estimatePhat(panel: EventPanel, E: number, len: number, pooled: boolean): Phat {
  const { n } = panel;
  if (pooled) {
    let pos = 0;
    let tot = 0;
    for (let k = 0; k < n * E; k++) {
      const v = panel.estAR[k];
      if (Number.isFinite(v)) {
        tot++;
        if (v > 0) pos++;
      }
    }
    const p = tot > 0 ? pos / tot : NaN;
    return { phat: p, note: `p-hat ${p.toFixed(4)} pooled over ${tot} estimation residuals (estudy2)` };
  }
  let fracSum = 0;
  let fracN = 0;
  let sums = 0;
  for (let i = 0; i < n; i++) {
    const row = panel.estAR.subarray(i * E, i * E + E);
    let pos = 0;
    let tot = 0;
    // Rolling sum over the last `len` columns, restarted after a missing residual.
    let s = 0;
    let run = 0;
    for (let e = 0; e < E; e++) {
      const v = row[e];
      if (!Number.isFinite(v)) {
        s = 0;
        run = 0;
        continue;
      }
      s += v;
      run++;
      if (run > len) s -= row[e - len];
      if (run >= len) {
        tot++;
        if (s > 0) pos++;
      }
    }
    if (tot > 0) {
      fracSum += pos / tot;
      fracN++;
      sums += tot;
    }
  }
  const p = fracN > 0 ? fracSum / fracN : NaN;
  const what = len === 1 ? 'estimation-window fractions' : `shares of positive ${len}-day estimation-residual sums (${sums} sums)`;
  return { phat: p, note: `p-hat ${p.toFixed(4)} = mean of ${fracN} events' ${what}` };
}
