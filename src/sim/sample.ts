/**
 * Drawing simulated event samples from the universe, Brown & Warner (1985) style.
 *
 * - Random dates: distinct stocks drawn at random, each with a day 0 drawn uniformly among its
 *   trading days that leave a full estimation window (after any listing buffer) and a full event
 *   window inside the data.
 * - Clustered: one date drawn at random, and the members of one sector eligible on it (trading that
 *   day with full windows) as the events: a whole industry on the same news day.
 * - Staggered: one anchor date, each listing's day 0 somewhere in the `spreadDays` calendar days
 *   after it, so windows overlap in calendar time without sharing day 0 (the default study's
 *   April 2023 wave: 9 of 17 day 0s inside one week).
 * - Repeats: a few listings, each with several events a few trading days apart, so one listing's
 *   windows overlap (a firm announcing, then following up).
 * - Cross-listed: firm announcements at random dates, each entering once per listing of the firm,
 *   every listing on its first session on or after the announcement date (9988.HK and BABA on one
 *   Alibaba announcement).
 *
 * Every sampler draws only from the `Rng` it is given, in a fixed order, so a seed reproduces it.
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
  /** The announcement (the engine's eventId: listings of one firm in one announcement share it); default `id`. */
  eventId?: string;
  /** The issuer, when the listing has one in the manifest. */
  firm?: string;
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

/**
 * Random dates, Brown & Warner (1985): distinct stocks (or, with `replace`, listings drawn with
 * replacement, for a pool smaller than the sample: HK and US), each at a uniform eligible day 0.
 */
export function randomDateSample(u: Universe, rng: Rng, events: number, w: Windows, sampleNo = 0, symbols?: readonly string[], replace = false): SimEvent[] {
  const pool = poolOf(u, symbols).filter((s) => eligibleRows(s, w) !== null);
  if (replace && pool.length === 0) throw new RangeError('no listing of the pool has room for the windows');
  if (!replace && pool.length < events) throw new RangeError(`${events} events per sample need as many stocks with room for the windows; the universe has ${pool.length}`);
  const chosen = replace ? Array.from({ length: events }, () => pool[rng.int(pool.length)]) : rng.sample(pool, events);
  return chosen.map((s, k) => {
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

function poolOf(u: Universe, symbols?: readonly string[]): SimSecurity[] {
  if (!symbols) return u.securities;
  return symbols.map((sym) => {
    const s = u.bySymbol.get(sym);
    if (!s) throw new RangeError(`${sym} is not in the simulation universe`);
    return s;
  });
}

/** First row of `s` whose day is on or after `day`, or -1. */
function rowOnOrAfter(s: SimSecurity, day: number): number {
  const d = s.data.days;
  let lo = 0;
  let hi = d.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (d[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo < d.length ? lo : -1;
}

function inRange(r: [number, number] | null, row: number): boolean {
  return r !== null && row >= 0 && row >= r[0] && row <= r[1];
}

/**
 * Staggered clustered dates: one anchor date drawn among the eligible days of a random pool member,
 * then `events` distinct listings, each with day 0 on its first session on or after the anchor plus
 * a uniform 0..spreadDays-1 calendar days. Listings without room for the windows there are skipped;
 * an anchor with too few is redrawn (at most 200 times).
 */
export function staggeredSample(u: Universe, rng: Rng, events: number, w: Windows, spreadDays: number, sampleNo = 0, symbols?: readonly string[]): SimEvent[] {
  const pool = poolOf(u, symbols).filter((s) => eligibleRows(s, w) !== null);
  if (pool.length < events) throw new RangeError(`${events} staggered events need as many listings with room for the windows; the pool has ${pool.length}`);
  for (let attempt = 0; attempt < 200; attempt++) {
    const ref = pool[rng.int(pool.length)];
    const [lo, hi] = eligibleRows(ref, w)!;
    const anchor = ref.data.days[lo + rng.int(hi - lo + 1)];
    const order = rng.sample(pool, pool.length);
    const out: SimEvent[] = [];
    for (const s of order) {
      const row = rowOnOrAfter(s, anchor + rng.int(spreadDays));
      if (!inRange(eligibleRows(s, w), row)) continue;
      out.push({ id: `G${sampleNo}-${out.length + 1}`, symbol: s.symbol, day: s.data.days[row], row });
      if (out.length === events) return out;
    }
  }
  throw new RangeError(`no anchor date found with ${events} listings eligible within ${spreadDays} days`);
}

/**
 * Same-listing repeats: ceil(events / perListing) distinct listings at random dates, each with up to
 * `perListing` events whose day 0s follow one another by 1..maxGap trading days (uniform), so their
 * windows overlap; the last listing takes the remainder.
 */
export function repeatSample(u: Universe, rng: Rng, events: number, w: Windows, perListing: number, maxGap: number, sampleNo = 0, symbols?: readonly string[]): SimEvent[] {
  const listings = Math.ceil(events / perListing);
  const span = (perListing - 1) * maxGap;
  const pool = poolOf(u, symbols).filter((s) => {
    const r = eligibleRows(s, w);
    return r !== null && r[1] - r[0] >= span;
  });
  if (pool.length < listings) throw new RangeError(`${listings} listings with room for ${perListing} events each are needed; the pool has ${pool.length}`);
  const out: SimEvent[] = [];
  for (const s of rng.sample(pool, listings)) {
    const [lo, hi] = eligibleRows(s, w)!;
    let row = lo + rng.int(hi - span - lo + 1);
    const k = Math.min(perListing, events - out.length);
    for (let j = 0; j < k; j++) {
      if (j > 0) row += 1 + rng.int(maxGap);
      out.push({ id: `P${sampleNo}-${out.length + 1}`, symbol: s.symbol, day: s.data.days[row], row });
    }
  }
  return out;
}

/**
 * Cross-listed announcements, the default study's mix: each firm of the pool with two or more
 * listings announces `perFirm` times, at dates at least `minApart` of its first listing's trading
 * days apart (so no announcement's window falls in another's estimation window and the listings keep
 * their estimation samples), every listing of the firm entering as one event on its first session on
 * or after the date; the remaining `announcements - firms x perFirm` are single-listing events at
 * random dates on distinct `others` (Brown & Warner random dates). Under listings: separate the
 * sample has announcements + firms x perFirm x (listings - 1) events; under primary, `announcements`.
 */
export function crossListedSample(
  u: Universe,
  rng: Rng,
  announcements: number,
  w: Windows,
  opts: { symbols: readonly string[]; perFirm: number; minApart: number; others: readonly string[] },
  sampleNo = 0,
): SimEvent[] {
  const byFirm = new Map<string, SimSecurity[]>();
  for (const s of poolOf(u, opts.symbols)) {
    if (!s.firm || eligibleRows(s, w) === null) continue;
    const list = byFirm.get(s.firm) ?? [];
    list.push(s);
    byFirm.set(s.firm, list);
  }
  const firms = [...byFirm.entries()].filter(([, l]) => l.length >= 2).sort(([a], [b]) => (a < b ? -1 : 1));
  if (firms.length === 0) throw new RangeError('no firm of the pool has two listings with room for the windows');
  const paired = firms.length * opts.perFirm;
  if (announcements < paired) throw new RangeError(`${announcements} announcements cannot hold ${opts.perFirm} of each of ${firms.length} cross-listed firms`);
  const out: SimEvent[] = [];
  let a = 0;
  for (const [firm, listings] of firms) {
    const ref = listings[0];
    const [lo, hi] = eligibleRows(ref, w)!;
    const taken: number[] = [];
    for (let attempt = 0; attempt < 1000 && taken.length < opts.perFirm; attempt++) {
      const refRow = lo + rng.int(hi - lo + 1);
      if (taken.some((r) => Math.abs(r - refRow) < opts.minApart)) continue;
      const date = ref.data.days[refRow];
      const rows = listings.map((s) => rowOnOrAfter(s, date));
      if (!listings.every((s, i) => inRange(eligibleRows(s, w), rows[i]))) continue;
      taken.push(refRow);
      a++;
      out.push(...listings.map((s, i) => ({ id: `X${sampleNo}-${a}-${s.symbol}`, eventId: `X${sampleNo}-${a}`, firm, symbol: s.symbol, day: s.data.days[rows[i]], row: rows[i] })));
    }
    if (taken.length < opts.perFirm) throw new RangeError(`no ${opts.perFirm} dates ${opts.minApart} trading days apart on which every listing of ${firm} has room for the windows`);
  }
  const rest = announcements - paired;
  if (rest > 0) out.push(...randomDateSample(u, rng, rest, w, sampleNo, opts.others).map((e, k) => ({ ...e, id: `X${sampleNo}-r${k + 1}` })));
  return out;
}
