/**
 * Kolari & Pynnönen (2010) r-bar pair by pair: the Pearson correlation of two events' residuals over
 * their common calendar days, and the sum of it over every pair of a panel that shares day 0.
 *
 * Kolari, J.W. & Pynnönen, S. (2010), RFS 23(11):3996-4025, section 1.2: r-bar of eq. (12) is the
 * mean of these pairwise correlations. This is the definition as written, O(n^2 E). The grouped sweep
 * (rbarChunks.ts) computes the same sums faster and is checked against it (tests/stats/rbar.test.ts);
 * it is also the path taken when an event repeats a calendar day, where "common days" is ambiguous
 * for the grouped layout but the merge below matches a repeated day once.
 */
import type { RbarPartial } from './rbarSums.js';
import type { Series } from './rbarSeries.js';

/**
 * Pearson correlation of two events' residuals over their common calendar days: entries [p, pe) and
 * [q, qe) of `days` / `vals`, each run sorted by day; entries with a negative day or a non-finite
 * value are skipped, and a calendar day duplicated inside one run is matched once. Two-pass over the
 * merged values (scratch xa, ya of at least min(pe - p, qe - q)). NaN when fewer than `minOverlap`
 * common days (short), -Infinity when either series is constant over them (degenerate).
 * Shared by the day-level reference (pairwiseSums) and the window r-bar (rbarWindow.ts).
 */
export function pairCorrelation(
  days: ArrayLike<number>,
  vals: ArrayLike<number>,
  p: number,
  pe: number,
  q: number,
  qe: number,
  minOverlap: number,
  xa: Float64Array,
  ya: Float64Array,
): number {
  let m = 0;
  while (p < pe && q < qe) {
    const dp = days[p];
    const dq = days[q];
    if (dp < 0 || !Number.isFinite(vals[p])) p++;
    else if (dq < 0 || !Number.isFinite(vals[q])) q++;
    else if (dp < dq) p++;
    else if (dp > dq) q++;
    else {
      xa[m] = vals[p];
      ya[m] = vals[q];
      m++;
      p++;
      q++;
    }
  }
  if (m < minOverlap) return NaN;
  let mx = 0;
  let my = 0;
  for (let k = 0; k < m; k++) {
    mx += xa[k];
    my += ya[k];
  }
  mx /= m;
  my /= m;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let k = 0; k < m; k++) {
    const dx = xa[k] - mx;
    const dy = ya[k] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (!(sxx > 0 && syy > 0)) return -Infinity;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * The pair-by-pair definition: merge the two sorted day lists, two-pass correlation over the common
 * days. O(n^2 E); used when an event repeats a calendar day, and as the reference in tests.
 */
export function pairwiseSums(S: Series, minOverlap: number): RbarPartial {
  const n = S.off.length;
  const { days, vals, off, len, key } = S;
  let maxLen = 0;
  for (let i = 0; i < n; i++) maxLen = Math.max(maxLen, len[i]);
  const xa = new Float64Array(maxLen);
  const ya = new Float64Array(maxLen);
  let sum = 0;
  let used = 0;
  let degenerate = 0;
  for (let i = 0; i < n; i++) {
    const ai = off[i];
    const ni = len[i];
    for (let j = i + 1; j < n; j++) {
      const aj = off[j];
      const nj = len[j];
      if (key[i] !== key[j]) continue; // different day 0: a zero-correlation pair
      if (ni === 0 || nj === 0 || days[ai + ni - 1] < days[aj] || days[aj + nj - 1] < days[ai]) continue;
      const r = pairCorrelation(days, vals, ai, ai + ni, aj, aj + nj, minOverlap, xa, ya);
      if (Number.isNaN(r)) continue;
      if (r === -Infinity) {
        degenerate++;
        continue;
      }
      sum += r;
      used++;
    }
  }
  return { sum, used, degenerate };
}
