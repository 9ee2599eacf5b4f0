/**
 * Drawing simulated event samples from the universe, Brown & Warner (1985) style.
 *
 * - Random dates: distinct stocks drawn at random, each with a day 0 drawn uniformly among its
 *   trading days that leave a full estimation window (after any listing buffer) and a full event
 *   window inside the data.
 * - Clustered: one date drawn at random, and the members of one sector eligible on it (trading that
 *   day with full windows) as the events: a whole industry on the same news day.
 */
import type { Rng } from './prng.js';
import type { SimSecurity, Universe } from './universe.js';

export interface SimEvent {
  /** `S<sample>-<k>`: unique within a sample. */
  id: string;
  symbol: string;
  /** Day 0 as a day number (a trading day of the security). */
  day: number;
  /** Day 0's row in the security's data. */
  row: number;
}

export interface Windows {
  estimation: [number, number];
  window: [number, number];
}

/** Rows of `s` that can be day 0: [lo, hi], or null when none. */
export function eligibleRows(s: SimSecurity, w: Windows): [number, number] | null {
  const lo = s.firstUsableRow - w.estimation[0];
  const hi = s.data.days.length - 1 - w.window[1];
  return lo <= hi ? [lo, hi] : null;
}

export function randomDateSample(u: Universe, rng: Rng, events: number, w: Windows, sampleNo = 0): SimEvent[] {
  const pool = u.securities.filter((s) => eligibleRows(s, w) !== null);
  if (pool.length < events) throw new RangeError(`${events} events per sample need as many stocks with room for the windows; the universe has ${pool.length}`);
  return rng.sample(pool, events).map((s, k) => {
    const [lo, hi] = eligibleRows(s, w)!;
    const row = lo + rng.int(hi - lo + 1);
    return { id: `S${sampleNo}-${k + 1}`, symbol: s.symbol, day: s.data.days[row], row };
  });
}

export interface ClusterDates {
  /** Dates (day numbers) with at least `minEvents` eligible members, ascending. */
  days: number[];
  /** For each of those dates, the eligible members and their day-0 rows. */
  members: { symbol: string; row: number }[][];
}

/** The dates on which at least `minEvents` of `symbols` trade with full windows around them. */
export function clusterDates(u: Universe, symbols: readonly string[], w: Windows, minEvents: number): ClusterDates {
  const byDay = new Map<number, { symbol: string; row: number }[]>();
  for (const sym of symbols) {
    const s = u.bySymbol.get(sym);
    if (!s) throw new RangeError(`${sym} is not in the simulation universe`);
    const r = eligibleRows(s, w);
    if (!r) continue;
    for (let row = r[0]; row <= r[1]; row++) {
      const d = s.data.days[row];
      const list = byDay.get(d) ?? [];
      list.push({ symbol: sym, row });
      byDay.set(d, list);
    }
  }
  const days = [...byDay.keys()].filter((d) => byDay.get(d)!.length >= minEvents).sort((a, b) => a - b);
  if (days.length === 0) throw new RangeError(`no date on which ${minEvents} of the ${symbols.length} cluster members have room for the windows`);
  return { days, members: days.map((d) => byDay.get(d)!) };
}

/** All events on one random date: up to `events` eligible members of the cluster (a random subset if more). */
export function clusteredSample(dates: ClusterDates, rng: Rng, events: number, sampleNo = 0): SimEvent[] {
  const k = rng.int(dates.days.length);
  const day = dates.days[k];
  const members = dates.members[k];
  const chosen = members.length > events ? rng.sample(members, events) : members;
  return chosen.map((m, i) => ({ id: `C${sampleNo}-${i + 1}`, symbol: m.symbol, day, row: m.row }));
}
