/**
 * Cross-listings as one observation (issue 12 §1): the listings of one firm in one announcement
 * (9988.HK and BABA for an Alibaba launch) react to the same news, so counting each as an
 * independent event overstates N and the tests' precision. Under `listings: primary` one listing
 * per firm-announcement enters the aggregate (`average`: the mean of them); the others keep their
 * per-listing results. The observation keeps the first listing's group (market), so under
 * groupBy: market an Alibaba announcement counts in Hong Kong, not in both markets.
 */
import { averageListings, type PerEventInput } from '../core/index.js';
import type { EventResultJson } from '../report/schema.js';
import type { ListingsMode, StudyEvent } from './types.js';

/** Stated in report.json and report.md, so a reader knows which listing stood for the firm. */
export const AVERAGE_RULE =
  "the equal-weighted average of the firm's listings' abnormal returns per event day (each on its own trading days from its own day 0), with the variance of the averaged estimation residuals; firms are the manifest's firm field, a listing without one is its own firm";

export const PRIMARY_RULE =
  "the first listing of the firm named in the event's symbols that has a usable result (events name the home listing first); firms are the manifest's firm field, a listing without one is its own firm";

interface Slot {
  json: EventResultJson;
  row: PerEventInput | null;
  /** Set when a same-listing, same-day-0 event stands for this one (engine.ts flagOverlaps). */
  duplicateOf?: string;
}

/**
 * Sets aside every listing but the primary one of each (announcement, firm), or under `average`
 * folds the firm's listings into one observation held by the first. `eligible[i]` says whether
 * slot i had a usable result before same-listing duplicates were dropped: a primary that is such a
 * duplicate stands aside for its twin, and its firm's other listings do not replace it.
 * Returns how many listings no longer form an observation of their own.
 */
export function setAsideSecondaryListings(
  events: readonly StudyEvent[],
  slots: Slot[],
  eligible: readonly boolean[],
  mode: Exclude<ListingsMode, 'separate'> = 'primary',
): { setAside: number; secondaryOf: Map<number, string>; averageOf: Map<number, string[]> } {
  const byFirm = new Map<string, number[]>();
  events.forEach((ev, i) => {
    if (!ev.firm) return;
    const key = `${ev.eventId}\u0000${ev.firm}`;
    const list = byFirm.get(key);
    if (list) list.push(i);
    else byFirm.set(key, [i]);
  });
  let setAside = 0;
  const secondaryOf = new Map<number, string>();
  const averageOf = new Map<number, string[]>();
  for (const members of byFirm.values()) {
    if (members.length < 2) continue;
    const primary = members.find((i) => eligible[i]);
    if (primary === undefined) continue;
    const survivors = members.filter((i) => slots[i].row !== null);
    if (mode === 'average' && slots[primary].row !== null && survivors.length > 1) {
      slots[primary].row = averageListings(survivors.map((i) => slots[i].row as PerEventInput));
      const ids = survivors.map((i) => slots[i].json.id);
      for (const i of survivors) {
        averageOf.set(i, ids);
        if (i !== primary) slots[i].row = null;
      }
      setAside += survivors.length - 1;
      continue;
    }
    for (const i of members) {
      if (i === primary || !eligible[i]) continue;
      secondaryOf.set(i, slots[primary].json.id);
      if (slots[i].row !== null) setAside++;
      slots[i].row = null;
    }
  }
  return { setAside, secondaryOf, averageOf };
}

/** Marks each result with whether it is in the aggregate and, if not, why (a short code). */
export function markAggregateMembership(
  slots: Slot[],
  eligible: readonly boolean[],
  secondaryOf: ReadonlyMap<number, string>,
  averageOf: ReadonlyMap<number, string[]> = new Map(),
): void {
  slots.forEach((s, i) => {
    const avg = averageOf.get(i);
    if (avg) {
      s.json.inAggregate = true;
      s.json.averageOf = avg;
      return;
    }
    s.json.inAggregate = s.row !== null;
    if (s.row !== null) return;
    const primary = secondaryOf.get(i);
    if (primary !== undefined) s.json.notInAggregate = `secondary-listing of ${primary}`;
    else if (eligible[i]) s.json.notInAggregate = `duplicate of ${s.duplicateOf ?? 'another event'}`;
    else s.json.notInAggregate = `outcome ${s.json.outcome}`;
  });
}
