/**
 * Cross-listings as one observation (issue 12 §1): the listings of one firm in one announcement
 * (9988.HK and BABA for an Alibaba launch) react to the same news, so counting each as an
 * independent event overstates N and the tests' precision. Under `listings: primary` one listing
 * per firm-announcement enters the aggregate; the others keep their per-listing results.
 */
import type { PerEventInput } from '../core/index.js';
import type { EventResultJson } from '../report/schema.js';
import type { StudyEvent } from './types.js';

/** Stated in report.json and report.md, so a reader knows which listing stood for the firm. */
export const PRIMARY_RULE =
  "the first listing of the firm named in the event's symbols that has a usable result (events name the home listing first); firms are the manifest's firm field, a listing without one is its own firm";

interface Slot {
  json: EventResultJson;
  row: PerEventInput | null;
}

/**
 * Sets aside every listing but the primary one of each (announcement, firm). `eligible[i]` says
 * whether slot i had a usable result before same-listing duplicates were dropped: a primary that is
 * such a duplicate stands aside for its twin, and its firm's other listings do not replace it.
 * Returns how many listings that would otherwise have entered the aggregate were set aside.
 */
export function setAsideSecondaryListings(events: readonly StudyEvent[], slots: Slot[], eligible: readonly boolean[]): { setAside: number; secondaryOf: Map<number, string> } {
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
  for (const members of byFirm.values()) {
    if (members.length < 2) continue;
    const primary = members.find((i) => eligible[i]);
    if (primary === undefined) continue;
    for (const i of members) {
      if (i === primary || !eligible[i]) continue;
      secondaryOf.set(i, slots[primary].json.id);
      if (slots[i].row !== null) setAside++;
      slots[i].row = null;
    }
  }
  return { setAside, secondaryOf };
}

/** Marks each result with whether it is in the aggregate and, if not, why (a short code). */
export function markAggregateMembership(slots: Slot[], eligible: readonly boolean[], secondaryOf: ReadonlyMap<number, string>): void {
  slots.forEach((s, i) => {
    s.json.inAggregate = s.row !== null;
    if (s.row !== null) return;
    const primary = secondaryOf.get(i);
    if (primary !== undefined) s.json.notInAggregate = `secondary-listing of ${primary}`;
    else if (eligible[i]) s.json.notInAggregate = `duplicate of ${/^same listing and day 0 as (\S+?):/.exec(s.json.reason ?? '')?.[1] ?? 'another event'}`;
    else s.json.notInAggregate = `outcome ${s.json.outcome}`;
  });
}
