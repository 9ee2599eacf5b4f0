/**
 * The same news reaches every listing at one instant, but each exchange sees it on its own clock:
 * OpenAI's GPT-4 release at 10:00 in Los Angeles on 2023-03-14 was 13:00 in New York (intraday)
 * and 01:00 on 2023-03-15 in Shanghai (before the open). This module turns an event's `time` +
 * `timezone` into the listing's local date and timing.
 *
 * Time-zone arithmetic uses the runtime's IANA database through Intl.DateTimeFormat, so daylight
 * saving is handled by the same rules the OS uses; nothing here hard-codes an offset.
 */
import { dayNumber, formatDay, parseIsoDay } from '../util/dayNumber.js';
import { DataError } from '../util/errors.js';
import type { Timing } from '../data/events/schema.js';
import type { ExchangeSession } from './exchangeSession.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export interface ZonedWallTime {
  /** Day number of the local calendar date. */
  day: number;
  /** Minutes after local midnight. */
  minutes: number;
}

export interface ListingTiming {
  /** The listing's local calendar date of the news, as a day number. */
  day: number;
  timing: Timing;
  /** True when derived from `time` + `timezone`; false when the event's own date and timing were taken as local. */
  converted: boolean;
  /** How it was derived, for reports: e.g. "10:00 America/Los_Angeles = 2023-03-15 01:00 Asia/Shanghai, before the 09:30 open". */
  note?: string;
}

export interface TimedEvent {
  date: string;
  timing: Timing;
  time?: string;
  timezone?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        // h23: midnight is 00, never 24 (the `hour12: false` spelling yields "24" in some engines).
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new DataError('not an IANA time zone name', { field: 'timezone', value: timeZone });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time in `timeZone` at a UTC instant (ms since the epoch). */
export function instantToZoned(instant: number, timeZone: string): ZonedWallTime & { seconds: number } {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { day: dayNumber(parts.year, parts.month, parts.day), minutes: parts.hour * 60 + parts.minute, seconds: parts.second };
}

/** UTC offset of `timeZone` at an instant, in ms (Los Angeles in summer: -7 h). Whole seconds only. */
function offsetAt(instant: number, timeZone: string): number {
  const z = instantToZoned(instant, timeZone);
  const wallAsUtc = z.day * MS_PER_DAY + z.minutes * MS_PER_MINUTE + z.seconds * 1000;
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

export interface ResolvedInstant {
  instant: number;
  /** `gap`: the wall time does not exist (clocks sprang forward) and was moved forward by the gap; `fold`: it occurs twice and the earlier was taken. */
  adjustment?: 'gap' | 'fold';
}

/**
 * The UTC instant of a wall-clock time in a zone. Ambiguities follow the "compatible" rule of
 * JavaScript's Temporal proposal (and RFC 5545): a time repeated when clocks fall back is the
 * earlier one; a time skipped when clocks spring forward is moved forward by the length of the gap.
 */
export function zonedToInstant(day: number, minutes: number, timeZone: string): ResolvedInstant {
  const wallAsUtc = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
  // The offsets in force a day either side bracket any transition on this date.
  const before = offsetAt(wallAsUtc - MS_PER_DAY, timeZone);
  const after = offsetAt(wallAsUtc + MS_PER_DAY, timeZone);
  const candidates = [...new Set([before, after])]
    .map((o) => wallAsUtc - o)
    .filter((t) => offsetAt(t, timeZone) === wallAsUtc - t)
    .sort((a, b) => a - b);
  if (candidates.length === 1) return { instant: candidates[0] };
  if (candidates.length > 1) return { instant: candidates[0], adjustment: 'fold' };
  return { instant: wallAsUtc - before, adjustment: 'gap' };
}

function parseClock(time: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new DataError('not a time written HH:MM', { field: 'time', value: time });
  return Number(m[1]) * 60 + Number(m[2]);
}

const clock = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Timing of a local wall-clock time against a session: before the open, from open until the close, at or after the close. */
export function classifyMinutes(minutes: number, session: ExchangeSession): Exclude<Timing, 'unknown'> {
  if (minutes < session.open) return 'pre-open';
  // At the close itself the closing price is already being set: news then is priced the next day.
  if (minutes < session.close) return 'intraday';
  return 'after-close';
}

/**
 * The listing-local date and timing of an event. With `time` and `timezone`, the instant is
 * converted to the exchange's zone and classified against its session. Without them, the event's
 * date and timing are taken to be the listing's own (the registry convention).
 *
 * @example
 * localTiming({ date: '2023-04-11', timing: 'unknown', time: '21:00', timezone: 'Asia/Shanghai' }, EXCHANGE_SESSIONS.SZSE).timing; // 'after-close'
 */
export function localTiming(event: TimedEvent, session: ExchangeSession): ListingTiming {
  const day = parseIsoDay(event.date);
  if (Number.isNaN(day)) throw new DataError('not a real date written YYYY-MM-DD', { field: 'date', value: event.date });
  if (event.time === undefined || event.timezone === undefined) {
    return { day, timing: event.timing, converted: false };
  }
  const resolved = zonedToInstant(day, parseClock(event.time), event.timezone);
  const local = instantToZoned(resolved.instant, session.timeZone);
  const timing = classifyMinutes(local.minutes, session);
  const relation =
    timing === 'pre-open'
      ? `before the ${clock(session.open)} open`
      : timing === 'intraday'
        ? `during the ${clock(session.open)}-${clock(session.close)} session`
        : `after the ${clock(session.close)} close`;
  const src = resolved.adjustment === 'gap' ? ` (${event.time} does not exist that day in ${event.timezone}: clocks sprang forward)` : resolved.adjustment === 'fold' ? ` (${event.time} occurs twice that day in ${event.timezone}: the earlier taken)` : '';
  return {
    day: local.day,
    timing,
    converted: true,
    note: `${event.date} ${event.time} ${event.timezone}${src} = ${formatDay(local.day)} ${clock(local.minutes)} ${session.timeZone}, ${relation} of ${session.exchange}`,
  };
}
