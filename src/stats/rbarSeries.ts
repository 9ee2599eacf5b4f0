/**
 * The input of the day-level Kolari & Pynnönen (2010) r-bar: every event's estimation-window
 * residuals on CALENDAR days (EventPanel.estDays), and the calendar day of its day 0.
 *
 * Kolari, J.W. & Pynnönen, S. (2010), RFS 23(11):3996-4025, section 1.2: r-bar is estimated from
 * the estimation-window residuals; two events' residuals are paired on the calendar days both have
 * one. The day-0 key carries the rule of rbar.ts that only events sharing day 0 can have correlated
 * event-day abnormal returns.
 */
import type { EventPanel } from './types.js';

/**
 * Every event's finite residuals with a calendar day, sorted by day, in flat arrays: event i owns
 * days/vals[off[i] .. off[i] + len[i]). One allocation for all events, not two per event (a
 * typed array costs about a microsecond to allocate; a market-wide study has 10^4..10^5 events).
 */
export interface Series {
  days: Int32Array;
  vals: Float64Array;
  off: Int32Array;
  len: Int32Array;
  /** Some event repeats a calendar day. */
  repeated: boolean;
  /** Day-0 key per event: pairs with different keys do not share day 0 (see rbar.ts). */
  key: Float64Array;
  /** Pairs of events with the same key (0 when the caller gave the keys). */
  samePairs: number;
}

/** Calendar day of each event's day 0 (from evDays), a unique key when it is missing, 0 for all without evDays. */
function dayZeroKeys(panel: EventPanel): { key: Float64Array; samePairs: number } {
  const { n } = panel;
  const W = panel.winEnd - panel.winStart + 1;
  const key = new Float64Array(n);
  const col = -panel.winStart;
  if (panel.evDays && panel.evDays.length === n * W && col >= 0 && col < W) {
    for (let i = 0; i < n; i++) {
      const d = panel.evDays[i * W + col];
      key[i] = d >= 0 ? d : -(i + 1);
    }
  }
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(key[i], (counts.get(key[i]) ?? 0) + 1);
  let samePairs = 0;
  for (const c of counts.values()) samePairs += (c * (c - 1)) / 2;
  return { key, samePairs };
}

/**
 * The series of every event of the panel, keyed by day 0; or, given `sub`, of the events sub.rows
 * only (event k of the series is panel row rows[k]) with the caller's keys, one per such event (the
 * window r-bar, rbarWindow.ts, keys events by their window's calendar days instead of day 0). Rows
 * and keys come together: day-0 keys are indexed by panel row, not by the subset's events.
 */
export function eventSeries(panel: EventPanel, E: number, sub?: { rows: Int32Array; key: Float64Array }): Series {
  const { estDays, estAR } = panel;
  const rows = sub?.rows;
  const n = rows ? rows.length : panel.n;
  let total = 0;
  for (let r = 0; r < n; r++) {
    const base = (rows ? rows[r] : r) * E;
    for (let c = base; c < base + E; c++) if (estDays[c] >= 0 && Number.isFinite(estAR[c])) total++;
  }
  const days = new Int32Array(total);
  const vals = new Float64Array(total);
  const off = new Int32Array(n);
  const len = new Int32Array(n);
  let repeated = false;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const base = (rows ? rows[i] : i) * E;
    off[i] = k;
    let sorted = true;
    let last = -Infinity;
    for (let e = 0; e < E; e++) {
      const d = estDays[base + e];
      if (d >= 0 && Number.isFinite(estAR[base + e])) {
        if (d <= last) sorted = false;
        last = d;
        days[k] = d;
        vals[k++] = estAR[base + e];
      }
    }
    len[i] = k - off[i];
    if (!sorted) {
      // Rare (the engine stores residuals in day order): sort this event's pairs by day.
      const a = off[i];
      const order = Array.from({ length: len[i] }, (_, j) => a + j).sort((p, q) => days[p] - days[q]);
      const d2 = Int32Array.from(order, (j) => days[j]);
      const v2 = Float64Array.from(order, (j) => vals[j]);
      days.set(d2, a);
      vals.set(v2, a);
      for (let j = a + 1; j < k; j++) if (days[j] === days[j - 1]) repeated = true;
    }
  }
  return { days, vals, off, len, repeated, ...(sub ? { key: sub.key, samePairs: 0 } : dayZeroKeys(panel)) };
}
