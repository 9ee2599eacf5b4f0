/**
 * The schema of one event file (`events/<id>.yaml`): one announcement, with when it reached the
 * market, which listings it concerns and where the date comes from.
 *
 * Every object is strict: an unknown key is an error, because a misspelt optional key (`timezon:`)
 * would otherwise be silently ignored and change day 0.
 *
 * Cross-file rules (file name = id, unique ids, document sources that exist, known symbols) live in
 * `validate.ts`; this file only judges one object.
 */
import * as z from 'zod';
import { parseIsoDay } from '../../util/dayNumber.js';

/** Lower-case words joined by single hyphens; safe as a file name (no `/`, `..`, spaces). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A listing's symbol as written in the manifest: `300418.SZ`, `9988.HK`, `BIDU`, `BRK-B`,
 * `000300.SH`. Upper case so that a symbol has one spelling and joins are exact.
 */
export const SYMBOL_PATTERN = /^[0-9A-Z^][0-9A-Z]*(?:[.\-][0-9A-Z]+)*$/;

export const TIMINGS = ['pre-open', 'intraday', 'after-close', 'unknown'] as const;
export type Timing = (typeof TIMINGS)[number];

/** A relative path under the events directory, e.g. `sources/000_51f0402af4bf769d.txt`. */
export const DOCUMENT_PATTERN = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

export const slug = z.string().regex(SLUG_PATTERN, {
  error: 'must be a slug: lower-case letters and digits joined by single hyphens (e.g. "kunlun-tiangong")',
});

/** `YYYY-MM-DD` naming a real calendar date (the shared dayNumber parser rejects 2023-02-30). */
export const isoDate = z.string({ error: 'must be a date written YYYY-MM-DD' }).superRefine((s, ctx) => {
  // One message per value: the form first, then whether the date exists.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) ctx.addIssue({ code: 'custom', message: 'must be a date written YYYY-MM-DD' });
  else if (Number.isNaN(parseIsoDay(s))) ctx.addIssue({ code: 'custom', message: 'is not a real calendar date' });
});

/** 24-hour `HH:MM` wall-clock time in `timezone`. */
export const clockTime = z
  .string({ error: 'must be a time written HH:MM (24-hour); quote it in YAML: "10:00"' })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time written HH:MM (24-hour, 00:00-23:59)' });

/**
 * An IANA time-zone name as known to this runtime's ICU data (`Intl`), e.g. `Asia/Shanghai`.
 * Offsets like `+08:00` are refused: they ignore daylight saving, which is exactly what moves a US
 * announcement between "before the open" and "after the close" in Asia.
 */
export const ianaTimeZone = z.string().superRefine((tz, ctx) => {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not an IANA time zone name (e.g. "Asia/Shanghai", "America/New_York")' });
    return;
  }
  // Intl matches names case-insensitively; insist on one spelling so files stay greppable.
  if (resolved !== tz && resolved.toLowerCase() === tz.toLowerCase()) {
    ctx.addIssue({ code: 'custom', message: `write the time zone as "${resolved}"` });
  }
});

export const symbol = z.string().regex(SYMBOL_PATTERN, {
  error: 'must be an upper-case listing symbol such as "300418.SZ", "9988.HK" or "BIDU"',
});

const nonEmptyText = z.string().trim().min(1, { error: 'must not be empty' });

export const sourceSchema = z
  .strictObject({
    title: nonEmptyText,
    publisher: nonEmptyText,
    url: z.url({ protocol: /^https?$/, error: 'Invalid URL (http or https)' }).optional(),
    document: z
      .string()
      .regex(DOCUMENT_PATTERN, {
        error: 'must be a relative path inside the events directory (no "..", no leading "/"), e.g. "sources/article.txt"',
      })
      .optional(),
    accessed: isoDate,
  })
  .superRefine(
    (s, ctx) => {
      if (s.url === undefined && s.document === undefined) {
        ctx.addIssue({ code: 'custom', message: 'a source needs a url or a document (or both)', path: ['url'] });
      }
    },
    // Run even when other fields of the source are invalid, so every error is reported in one pass.
    { when: (payload) => isRecord(payload.value) },
  );

export const eventSchema = z
  .strictObject({
    /** Also the file name: `<id>.yaml`. */
    id: slug,
    /** The date the news reached the market: the listing's local date, or the date in `timezone` when a time is given. */
    date: isoDate,
    /**
     * When the news came relative to the session, in the listing's local time. With `time` and
     * `timezone`, day 0 is derived per listing from the instant instead (src/calendar/localTiming)
     * and `timing` describes the event in its own time zone.
     */
    timing: z.enum(TIMINGS, { error: `must be one of ${TIMINGS.join(', ')}` }),
    time: clockTime.optional(),
    timezone: ianaTimeZone.optional(),
    /** Every listing the news concerns (all listings of the firm, so A/H/US reactions compare); [] for market-wide news. */
    symbols: z.array(symbol, { error: 'must be a list of symbols (an empty list [] for a market-wide event)' }),
    title: nonEmptyText,
    summary: nonEmptyText,
    sources: z.array(sourceSchema, { error: 'must be a list of sources' }).min(1, { error: 'needs at least one source' }),
    tags: z.array(slug).default([]),
    /**
     * Announcements in one group are not independent (e.g. two pieces of news about the same stock on
     * the same day); a study can cluster or drop them together.
     */
    group: slug.optional(),
    notes: nonEmptyText.optional(),
  })
  .superRefine(
    (e, ctx) => {
      // A clock time means nothing without its zone, and a zone without a time cannot move day 0.
      if (e.time !== undefined && e.timezone === undefined) {
        ctx.addIssue({ code: 'custom', message: 'a time needs a timezone (e.g. "Asia/Shanghai")', path: ['timezone'] });
      }
      if (e.timezone !== undefined && e.time === undefined) {
        ctx.addIssue({ code: 'custom', message: 'a timezone needs a time (HH:MM)', path: ['time'] });
      }
      reportDuplicates(e.symbols, 'symbols', ctx);
      reportDuplicates(e.tags, 'tags', ctx);
    },
    // Also when other fields failed (the values may then have any type: the checks are defensive).
    { when: (payload) => isRecord(payload.value) },
  );

function reportDuplicates(values: unknown, key: string, ctx: z.RefinementCtx): void {
  if (!Array.isArray(values)) return;
  const seen = new Set<unknown>();
  values.forEach((v, i) => {
    if (seen.has(v)) ctx.addIssue({ code: 'custom', message: 'is listed twice', path: [key, i] });
    seen.add(v);
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An event as read from a file (tags defaulted to []). */
export type EventRecord = z.output<typeof eventSchema>;
/** What a caller may pass to `addEvent` (tags optional). */
export type EventInput = z.input<typeof eventSchema>;
export type EventSource = z.output<typeof sourceSchema>;

/** The order keys are written in, so files diff cleanly and read top-down (when, what, where from). */
export const EVENT_KEY_ORDER = [
  'id',
  'date',
  'timing',
  'time',
  'timezone',
  'symbols',
  'title',
  'summary',
  'sources',
  'tags',
  'group',
  'notes',
] as const satisfies readonly (keyof EventRecord)[];

export const SOURCE_KEY_ORDER = ['title', 'publisher', 'url', 'document', 'accessed'] as const satisfies readonly (keyof EventSource)[];

// Compile-time guard: a field added to the schema but not to EVENT_KEY_ORDER would be dropped on write.
type Unordered = Exclude<keyof EventRecord, (typeof EVENT_KEY_ORDER)[number]> | Exclude<keyof EventSource, (typeof SOURCE_KEY_ORDER)[number]>;
const everyKeyOrdered: [Unordered] extends [never] ? true : never = true;
void everyKeyOrdered;
