/**
 * Kolari & Pynnönen (2011) generalized rank test (GRANK-T).
 *
 * Kolari, J.W. & Pynnönen, S. (2011), "Nonparametric rank tests for event studies", J. Empirical
 * Finance 18(5):953-971, section 2 (eqs. 4-15); EventStudyTools "Generalized Rank T".
 *   Estimation days: SAR_i,t = AR_i,t / sigma_i.
 *   Event day tau:   the prediction-error-corrected SAR_i,tau.
 *   Window [a, b]:   the window is collapsed to one "cumulative day" (KP section 2.2):
 *                    SCAR_i = CAR_i / sqrt(Var(CAR_i)) (windowVariance).
 *   KP eq. 6 then re-standardizes these cross-sectionally (GSAR_i = SAR_i / S_SAR) to absorb
 *   event-induced volatility. Not by default: one estimated S_SAR divides all N values, which makes
 *   their ranks dependent while S_U treats them as independent; independent simulation gives size
 *   10.2% at N = 5 and 6.6% at N = 17 with it, 5.1-5.2% without (issue 12 §3). The option
 *   `grankRestandardize` restores eq. 6.
 *   U_i,t = rank(GSAR_i,t) / (T_i + 1) - 1/2 over the event's T_i = L_i + 1 values (estimation days
 *   plus the (cumulative) event day; average ranks for ties).
 *   Ubar_t = 1/N_t sum_i U_i,t;  S_U^2 = 1/T sum_t (N_t / N) Ubar_t^2 over the T = L + 1 days
 *   (estimation days with data plus the event day); Z = Ubar_0 / S_U;
 *   t_grank = Z sqrt( (T - 2) / (T - 1 - Z^2) ) ~ Student t with T - 2 df (KP eq. 15).
 * Only events with a standardized value on the day / window enter (N of them).
 * Cost per day: O(N log L) binary searches plus, per event, the estimation days whose SAR is above
 * the event day's (panel-wide column sums are kept and corrected); the estimation SARs are sorted
 * and ranked once per panel.
 *
 * estudy2 has no GRANK.
 */
import { finiteZ } from './context.js';
import { describe, onDay, onWindow, type SectionTest } from './sectionTest.js';
import { pStudent2 } from './pvalue.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, isZeroSpread, maxAbs, ok, sd } from './util.js';

/** Number of elements < v and === v in a sorted array. */
function countBelowEqual(a: Float64Array, v: number): [number, number] {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  const less = lo;
  hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return [less, lo - less];
}

export const grankSection: SectionTest = (ctx, cs, opts) => {
  const { z, rows } = finiteZ(cs);
  const prep = ctx.grankPrep();
  // Events need at least one estimation SAR to be ranked against.
  const keepZ: number[] = [];
  const keepRows: number[] = [];
  for (let k = 0; k < z.length; k++) {
    if (prep.L[rows[k]] > 0) {
      keepZ.push(z[k]);
      keepRows.push(rows[k]);
    }
  }
  const N = keepZ.length;
  if (N < 2) return fail(`N = ${N} standardized values on ${describe(cs)}; at least 2 are needed`);
  const sdZ = sd(keepZ);
  if (isZeroSpread(sdZ, maxAbs(keepZ))) return fail(`zero cross-sectional variance of the standardized values on ${describe(cs)}`);
  const s0 = opts.grankRestandardize ? sdZ : 1;
  const { E, n } = ctx;
  const { L, off, order } = prep as Required<typeof prep>;
  // Column sums of U_ie = (rank of s_ie among event i's SARs and g_i) / (L_i + 2) - 1/2 over the
  // section's events. That rank is r_ie, plus 1 where g_i < s_ie, plus 1/2 where g_i = s_ie: start
  // from the panel-wide sums of r_ie / (L_i + 2) - 1/2 (prep.base), take out the events this
  // section leaves out, and add the corrections only at the columns above g_i, found from each
  // event's sorted SARs. An event day with a large reaction has few such columns.
  const colSum = Float64Array.from(prep.base as Float64Array);
  const colN = Int32Array.from(prep.baseN as Int32Array);
  const inSection = new Uint8Array(n);
  for (let k = 0; k < N; k++) inSection[keepRows[k]] = 1;
  for (let i = 0; i < n; i++) {
    if (inSection[i] || L[i] === 0) continue;
    const denom = L[i] + 2;
    for (let e = 0; e < E; e++) {
      const rv = prep.r[i * E + e];
      if (Number.isNaN(rv)) continue;
      colSum[e] -= rv / denom - 0.5;
      colN[e]--;
    }
  }
  let sum0 = 0;
  for (let k = 0; k < N; k++) {
    const i = keepRows[k];
    const g = keepZ[k] / s0;
    const Li = L[i];
    const [less, eq] = countBelowEqual(prep.sorted[i], g);
    const denom = Li + 2; // T_i + 1 with T_i = L_i + 1
    sum0 += (less + (eq + 2) / 2) / denom - 0.5;
    const o = off[i];
    const half = 0.5 / denom;
    for (let j = o + less; j < o + less + eq; j++) colSum[order[j]] += half;
    const one = 1 / denom;
    for (let j = o + less + eq; j < o + Li; j++) colSum[order[j]] += one;
  }
  const u0 = sum0 / N;
  let ss = u0 * u0; // event day: N_0 / N = 1
  let T = 1;
  for (let e = 0; e < E; e++) {
    if (colN[e] === 0) continue;
    const ue = colSum[e] / colN[e];
    ss += (colN[e] / N) * ue * ue;
    T++;
  }
  if (T < 4) return fail(`only ${T - 1} estimation days with ranks; at least 3 are needed`);
  const S = Math.sqrt(ss / T);
  if (!(S > 0)) return fail('zero variance of the mean scaled ranks');
  const Z = u0 / S;
  const rest = T - 1 - Z * Z;
  if (!(rest > 0)) return fail(`degenerate GRANK: Z^2 = ${Z * Z} >= T - 1 = ${T - 1}`);
  const t = Z * Math.sqrt((T - 2) / rest);
  // Fixed decimals: rounding noise of order 1e-17 must not change the text with the event order.
  return ok(t, pStudent2(t, T - 2), { n: N, df: T - 2, note: `Z = ${(Math.abs(Z) < 5e-7 ? 0 : Z).toFixed(6)}, T = ${T}` });
};

export function grankDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(grankSection, panel, day, opts);
}

export function grankWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(grankSection, panel, a, b, opts);
}
