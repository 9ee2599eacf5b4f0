/**
 * One observation from several listings of one firm (issue 12 §1, `listings: average`): the
 * equal-weighted portfolio of the listings' abnormal returns in event time. Listings trade on
 * different calendars, so offset k means each listing's own k-th trading day from its day 0.
 *
 * The portfolio's residual variance is estimated from its own averaged estimation residuals (the
 * portfolio approach: it keeps the listings' covariance, which averaging the sigmas would drop); its
 * prediction-error factor C_t and CAR variance factor are the listings' mean, which is exact for
 * listings with the same regressor and close to it otherwise. A day where any listing lacks an AR
 * has no average: a partial mean would mix one listing's and two listings' noise silently.
 */
import type { PerEventInput } from './panel.js';

export function averageListings(rows: readonly PerEventInput[]): PerEventInput {
  if (rows.length === 0) throw new RangeError('averageListings: no listings');
  if (rows.length === 1) return rows[0];
  const first = rows[0];
  const k = rows.length;

  // Estimation residuals over the union of the listings' offsets; NaN where any listing has none.
  const estFrom = Math.min(...rows.map((r) => r.estOffset));
  const estTo = Math.max(...rows.map((r) => r.estOffset + r.estResiduals.length));
  const estResiduals = new Float64Array(estTo - estFrom).fill(NaN);
  const estDays = new Int32Array(estTo - estFrom).fill(-1);
  let ssr = 0;
  let valid = 0;
  for (let o = estFrom; o < estTo; o++) {
    let sum = 0;
    let ok = true;
    for (const r of rows) {
      const i = o - r.estOffset;
      const v = i >= 0 && i < r.estResiduals.length ? r.estResiduals[i] : NaN;
      if (Number.isNaN(v)) {
        ok = false;
        break;
      }
      sum += v;
    }
    if (!ok) continue;
    const m = sum / k;
    estResiduals[o - estFrom] = m;
    const fi = o - first.estOffset;
    estDays[o - estFrom] = fi >= 0 && fi < first.estDays.length ? first.estDays[fi] : -1;
    ssr += m * m;
    valid++;
  }
  // The listings' models have the same parameter count (one study, one model kind).
  const params = first.model.nObs - first.model.df;
  const df = first.model.varianceConvention === 'L-1' ? valid - 1 : valid - params;
  const sigma2 = df > 0 ? ssr / df : NaN;
  const sigma = Math.sqrt(sigma2);

  const W = first.ar.length;
  if (rows.some((r) => r.ar.length !== W || r.winOffset !== first.winOffset)) throw new RangeError('averageListings: listings with different event windows');
  const ar = new Float64Array(W);
  const sar = new Float64Array(W);
  const c = new Float64Array(W);
  const winDays = new Int32Array(W).fill(-1);
  for (let i = 0; i < W; i++) {
    let sa = 0;
    let sc = 0;
    for (const r of rows) {
      sa += r.ar[i];
      sc += r.c[i];
    }
    ar[i] = sa / k;
    c[i] = sc / k;
    sar[i] = ar[i] / (sigma * Math.sqrt(c[i]));
    if (!Number.isNaN(ar[i]) && first.winDays) winDays[i] = first.winDays[i];
  }
  const factor = (a: number, b: number): number => {
    let s = 0;
    for (const r of rows) s += r.windowVariance(a, b) / (r.model.sigma * r.model.sigma);
    return s / k;
  };
  return {
    // Only sigma, nObs, df and the convention are read from the model of a panel row.
    model: { ...first.model, sigma, sigma2, nObs: valid, df: Math.max(df, 0), estimationResiduals: estResiduals },
    estResiduals,
    estDays,
    estOffset: estFrom,
    ar,
    sar,
    c,
    winOffset: first.winOffset,
    winDays,
    windowVariance: (a, b) => sigma2 * factor(a, b),
  };
}
