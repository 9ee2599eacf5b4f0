/**
 * Day 0 of one event on one listing, as an engine outcome: the calendar module decides, this maps
 * its answer onto the report's outcomes and the text a reader sees next to day 0.
 */
import { alignEventForListing } from '../calendar/index.js';
import { formatDay } from '../util/dayNumber.js';
import type { Outcome } from '../report/schema.js';
import type { NonTradingPolicy } from './config.js';
import type { SecurityData, StudyEvent } from './types.js';

export type Aligned =
  | { ok: true; index: number; shifted: boolean; note: string; flag?: string }
  | { ok: false; outcome: Outcome; reason: string };

export function alignEvent(ev: StudyEvent, sec: SecurityData, policy: NonTradingPolicy): Aligned {
  const a = alignEventForListing(
    { date: formatDay(ev.day), timing: ev.timing, time: ev.time, timezone: ev.timezone },
    sec.symbol,
    sec.days,
    { policy, exchange: sec.calendar ?? sec.exchange },
  );
  switch (a.kind) {
    case 'ok':
      return {
        ok: true,
        index: a.index,
        shifted: a.shifted,
        note: a.reason,
        flag: a.timingUnknown ? 'timing unknown: treated as intraday' : undefined,
      };
    case 'no-price-data':
      return { ok: false, outcome: 'no-price-data', reason: a.reason };
    case 'outside-data':
      return { ok: false, outcome: 'outside-data', reason: a.reason };
    case 'skipped-non-trading-day':
      return { ok: false, outcome: 'skipped-non-trading-day', reason: a.reason };
    case 'error-non-trading-day':
      // Policy `error`: the user asked for the study to stop here.
      throw a.error;
  }
}
