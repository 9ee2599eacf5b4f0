/**
 * The cross-sections the tests run on, built from a panel: a day's ARs or a window's CARs with their
 * standardized values under the variance convention and the per-day counts, and the finite
 * standardized values that several tests share. Building is O(n) per day and O(n (b - a + 1)) per
 * window; StatsContext (context.ts) caches one section per day and window, so each is built once.
 */
import type { EventPanel } from './types.js';

/**
 * The cross-section a test sees: for a day, the events with an AR that day; for a window [a, b],
 * the events with an AR on every day of the window (CAR defined).
 */
export interface CrossSection {
  kind: 'day' | 'window';
  a: number;
  b: number;
  /** Number of days b - a + 1. */
  len: number;
  /** Event (row) indices in the cross-section. */
  rows: Int32Array;
  /** AR on the day, or CAR over the window, per row. */
  x: Float64Array;
  /**
   * Standardized value per row: the prediction-error-corrected SAR on the day, or the standardized
   * CAR = CAR / sqrt(windowVariance) over the window, under the chosen variance convention. NaN
   * where it cannot be formed (zero or missing variance).
   */
  z: Float64Array;
  /** Per day t in [a, b]: the number of events with an AR (N_t) and the AAR over them (NaN if none). */
  dayN: Int32Array;
  dayAAR: Float64Array;
}

/**
 * Day `day` (event-window column w) of the panel; `sarScale` turns the panel's SAR into the
 * convention's (StatsContext.sarScale).
 */
export function daySectionOf(panel: EventPanel, W: number, sarScale: Float64Array, day: number, w: number): CrossSection {
  const { n } = panel;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(panel.evAR[i * W + w])) rows.push(i);
  const m = rows.length;
  const x = new Float64Array(m);
  const z = new Float64Array(m);
  let s = 0;
  for (let k = 0; k < m; k++) {
    const i = rows[k];
    x[k] = panel.evAR[i * W + w];
    const sar = panel.evSAR[i * W + w] * sarScale[i];
    z[k] = Number.isFinite(sar) ? sar : NaN;
    s += x[k];
  }
  const cs: CrossSection = {
    kind: 'day',
    a: day,
    b: day,
    len: 1,
    rows: Int32Array.from(rows),
    x,
    z,
    dayN: Int32Array.of(m),
    dayAAR: Float64Array.of(m > 0 ? s / m : NaN),
  };
  return cs;
}

/**
 * Window [a, b] (event-window columns wa..wb) of the panel; `varScale` turns the panel's
 * windowVariance into the convention's (StatsContext.varScale).
 */
export function windowSectionOf(panel: EventPanel, W: number, varScale: Float64Array, a: number, b: number, wa: number, wb: number): CrossSection {
  const { n } = panel;
  const len = b - a + 1;
  const dayN = new Int32Array(len);
  const daySum = new Float64Array(len);
  const rows: number[] = [];
  const cars: number[] = [];
  for (let i = 0; i < n; i++) {
    let car = 0;
    let complete = true;
    for (let w = wa; w <= wb; w++) {
      const v = panel.evAR[i * W + w];
      if (Number.isFinite(v)) {
        dayN[w - wa]++;
        daySum[w - wa] += v;
        car += v;
      } else complete = false;
    }
    if (complete) {
      rows.push(i);
      cars.push(car);
    }
  }
  const m = rows.length;
  const x = Float64Array.from(cars);
  const z = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = rows[k];
    const v = panel.windowVariance(i, a, b) * varScale[i];
    z[k] = v > 0 && Number.isFinite(v) ? x[k] / Math.sqrt(v) : NaN;
  }
  const dayAAR = new Float64Array(len);
  for (let t = 0; t < len; t++) dayAAR[t] = dayN[t] > 0 ? daySum[t] / dayN[t] : NaN;
  const cs: CrossSection = { kind: 'window', a, b, len, rows: Int32Array.from(rows), x, z, dayN, dayAAR };
  return cs;
}

const finiteZCache = new WeakMap<CrossSection, { z: Float64Array; rows: Int32Array }>();

/**
 * Finite values of z (standardized ARs/CARs) of a cross-section, with their row indices. Patell,
 * BMP (and the KP adjustments through them) and GRANK all ask for them: computed once per section
 * and shared, so callers must not write into the arrays.
 */
export function finiteZ(cs: CrossSection): { z: Float64Array; rows: Int32Array } {
  const hit = finiteZCache.get(cs);
  if (hit) return hit;
  let m = 0;
  for (let k = 0; k < cs.z.length; k++) if (Number.isFinite(cs.z[k])) m++;
  const z = new Float64Array(m);
  const rows = new Int32Array(m);
  for (let k = 0, j = 0; k < cs.z.length; k++) {
    if (Number.isFinite(cs.z[k])) {
      z[j] = cs.z[k];
      rows[j++] = cs.rows[k];
    }
  }
  const out = { z, rows };
  finiteZCache.set(cs, out);
  return out;
}
