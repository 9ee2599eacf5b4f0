/**
 * The calendar layout of the day-level Kolari & Pynnönen (2010) r-bar: the events' residuals on one
 * calendar axis, grouped by the days they cover, with prefix sums for the sweep (rbarChunks.ts).
 *
 * Kolari, J.W. & Pynnönen, S. (2010), RFS 23(11):3996-4025, section 1.2: r-bar of eq. (12) averages
 * correlations over each pair's common calendar days. A market-wide study has tens of thousands of
 * events clustered on a few hundred event days, so most pairs share the same common days. Here
 *   1. every residual is placed on one calendar axis (the sorted union of all residual days), so an
 *      event is a dense row over [lo, hi] with zeros at its holes (days without a residual);
 *   2. events with the same [lo, hi] and the same holes (and the same day 0, see rbar.ts) form a
 *      group: every pair between two groups then has the SAME common days C (their overlap minus
 *      either group's holes);
 * and each row keeps prefix sums of its values and squares, so a member's mean and norm over any C
 * cost O(1) plus one correction per hole of the other group.
 */
import type { Series } from './rbarSeries.js';

/**
 * The grouped layout. Groups (events with the same calendar span [lo, hi] and the same holes) are
 * sorted by lo; group g owns rows row0[g] .. row0[g] + count[g] - 1 and holes
 * holes[hole0[g] .. hole0[g] + holeN[g] - 1] (calendar indices, ascending). Row r has its values
 * at X[x0[r] ..] (0 at holes) and prefix sums P1/P2 at p0[r] (P[p0 + t] = sum of its first t
 * values). Flat typed arrays throughout: the sweep (rbarChunks.ts) is the hot loop of a market-wide study.
 */
export interface Layout {
  G: number;
  /** Key of each group's events: day 0 (rbar.ts), or the window class (rbarWindow.ts). */
  ek: Float64Array;
  lo: Int32Array;
  hi: Int32Array;
  row0: Int32Array;
  count: Int32Array;
  hole0: Int32Array;
  holeN: Int32Array;
  holes: Int32Array;
  x0: Int32Array;
  p0: Int32Array;
  X: Float64Array;
  P1: Float64Array;
  P2: Float64Array;
}

/** The grouped layout of the series; null when no event has a residual. */
export function layout(S: Series): Layout | null {
  const n = S.off.length;
  const { days, vals, off, len } = S;
  // 1. The calendar axis: sorted union of every residual day.
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    if (len[i] === 0) continue;
    if (days[off[i]] < minDay) minDay = days[off[i]];
    if (days[off[i] + len[i] - 1] > maxDay) maxDay = days[off[i] + len[i] - 1];
  }
  if (!(maxDay >= minDay)) return null;
  const calOf = new Int32Array(maxDay - minDay + 1).fill(-1);
  for (let k = 0; k < days.length; k++) calOf[days[k] - minDay] = 0;
  let T = 0;
  for (let d = 0; d < calOf.length; d++) if (calOf[d] === 0) calOf[d] = T++;

  // 2. Groups by (span, holes). Most events have no hole: their key is the span alone.
  interface G0 {
    lo: number;
    hi: number;
    holes: number[];
    members: number[];
    ek: number;
  }
  const bySpan = new Map<string, G0>();
  const byKey = new Map<string, G0>();
  const list: G0[] = [];
  for (let i = 0; i < n; i++) {
    const L = len[i];
    if (L === 0) continue;
    const a = off[i];
    const lo = calOf[days[a] - minDay];
    const hi = calOf[days[a + L - 1] - minDay];
    let g: G0 | undefined;
    const ek = S.key[i];
    if (hi - lo + 1 === L) {
      const key = `${ek}:${lo}:${hi}`;
      g = bySpan.get(key);
      if (!g) {
        g = { lo, hi, holes: [], members: [], ek };
        bySpan.set(key, g);
        list.push(g);
      }
    } else {
      const holes: number[] = [];
      let k = a;
      for (let t = lo; t <= hi; t++) {
        if (k < a + L && calOf[days[k] - minDay] === t) k++;
        else holes.push(t);
      }
      const key = `${ek}:${lo}:${hi}:${holes.join(',')}`;
      g = byKey.get(key);
      if (!g) {
        g = { lo, hi, holes, members: [], ek };
        byKey.set(key, g);
        list.push(g);
      }
    }
    g.members.push(i);
  }
  list.sort((a, b) => a.lo - b.lo || a.hi - b.hi || a.holes.length - b.holes.length);

  const G = list.length;
  let nHoles = 0;
  let cells = 0;
  let rows = 0;
  for (const g of list) {
    nHoles += g.holes.length;
    cells += g.members.length * (g.hi - g.lo + 1);
    rows += g.members.length;
  }
  const Lo: Layout = {
    G,
    ek: Float64Array.from(list, (g) => g.ek),
    lo: new Int32Array(G),
    hi: new Int32Array(G),
    row0: new Int32Array(G),
    count: new Int32Array(G),
    hole0: new Int32Array(G),
    holeN: new Int32Array(G),
    holes: new Int32Array(nHoles),
    x0: new Int32Array(rows),
    p0: new Int32Array(rows),
    X: new Float64Array(cells),
    P1: new Float64Array(cells + rows),
    P2: new Float64Array(cells + rows),
  };
  const { X, P1, P2 } = Lo;
  let row = 0;
  let hole = 0;
  let offX = 0;
  let offP = 0;
  for (let gi = 0; gi < G; gi++) {
    const g = list[gi];
    const width = g.hi - g.lo + 1;
    Lo.lo[gi] = g.lo;
    Lo.hi[gi] = g.hi;
    Lo.row0[gi] = row;
    Lo.count[gi] = g.members.length;
    Lo.hole0[gi] = hole;
    Lo.holeN[gi] = g.holes.length;
    for (const t of g.holes) Lo.holes[hole++] = t;
    for (const i of g.members) {
      for (let j = off[i], end = off[i] + len[i]; j < end; j++) X[offX + calOf[days[j] - minDay] - g.lo] = vals[j];
      let a = 0;
      let b = 0;
      for (let t = 0; t < width; t++) {
        const v = X[offX + t];
        a += v;
        b += v * v;
        P1[offP + t + 1] = a;
        P2[offP + t + 1] = b;
      }
      Lo.x0[row] = offX;
      Lo.p0[row] = offP;
      row++;
      offX += width;
      offP += width + 1;
    }
  }
  return Lo;
}
