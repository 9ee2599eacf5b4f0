/**
 * The events CSV of the ad-hoc `study` command: one row per event with a symbol and a date, and
 * optionally an id, a group, a timing and a per-event market column. Column names follow what R
 * and Python event-study packages use (`security_ticker,market_ticker,event_date` in
 * LemaireJean-Baptiste/eventstudy, `name,when` in eventstudies).
 */
import * as z from 'zod';
import { DataError } from '../../util/errors.js';
import { formatDay } from '../../util/dayNumber.js';
import { findColumn, listNames } from './columns.js';
import { CsvCursor } from './csv.js';
import { DateColumn } from './dates.js';
import { checkWidth, readHeader } from './rows.js';
import type { EventRow, EventTiming, EventsTable } from './types.js';

/** In priority order: the first present wins when a file has several (`ticker` and `name`). */
export const EVENT_SYMBOL_COLUMNS = ['symbol', 'security_ticker', 'ticker', 'name', 'security', 'firm', 'company', 'stock', 'code', 'ts_code', 'permno'];
export const EVENT_DATE_COLUMNS = ['event_date', 'date', 'when', 'day', 'announcement_date', 'ann_date'];
export const EVENT_ID_COLUMNS = ['id', 'event_id'];
export const EVENT_GROUP_COLUMNS = ['group', 'category'];
export const EVENT_TIMING_COLUMNS = ['timing'];
export const EVENT_MARKET_COLUMNS = ['market_ticker', 'market', 'benchmark'];
export const EVENT_TITLE_COLUMNS = ['title', 'headline'];
export const EVENT_SOURCE_COLUMNS = ['source', 'url'];

/** Spellings of each timing, after lower-casing and turning blanks / underscores into `-`. */
const TIMINGS = new Map<string, EventTiming>(Object.entries({
  'pre-open': 'pre-open',
  preopen: 'pre-open',
  'pre-market': 'pre-open',
  premarket: 'pre-open',
  'before-open': 'pre-open',
  bmo: 'pre-open',
  intraday: 'intraday',
  'during-market': 'intraday',
  dmh: 'intraday',
  'after-close': 'after-close',
  afterclose: 'after-close',
  'after-market': 'after-close',
  'after-hours': 'after-close',
  'post-close': 'after-close',
  amc: 'after-close',
  unknown: 'unknown',
  '': 'unknown',
}) as [string, EventTiming][]);

export interface EventsTableOptions {
  file: string;
}

/**
 * An ad-hoc events table (symbol and date columns; optional id, group, timing, market_ticker).
 *
 * @example
 * readEventsTable('symbol,date\nAMZN,2020-03-16\n', { file: 'events.csv' }).events[0].symbol; // 'AMZN'
 */
export function readEventsTable(text: string, opts: EventsTableOptions): EventsTable {
  const { file } = opts;
  const cursor = new CsvCursor(text, file);
  const { header, line: headerLine } = readHeader(cursor, 'one row per event');

  const missing = (what: string, names: string[]) =>
    new DataError(`no ${what} column: expected one of ${names.join(', ')}; the header has ${listNames(header)}`, {
      file,
      line: headerLine,
      field: what,
      value: header.join(','),
    });
  const dateCol = findColumn(header, EVENT_DATE_COLUMNS);
  if (dateCol < 0) throw missing('date', EVENT_DATE_COLUMNS);
  const symbolCol = findColumn(header, EVENT_SYMBOL_COLUMNS, [dateCol]);
  if (symbolCol < 0) throw missing('symbol', EVENT_SYMBOL_COLUMNS);
  const used = [dateCol, symbolCol];
  const optional = (aliases: string[]) => {
    const c = findColumn(header, aliases, used);
    if (c >= 0) used.push(c);
    return c;
  };
  const idCol = optional(EVENT_ID_COLUMNS);
  const groupCol = optional(EVENT_GROUP_COLUMNS);
  const timingCol = optional(EVENT_TIMING_COLUMNS);
  const marketCol = optional(EVENT_MARKET_COLUMNS);
  const titleCol = optional(EVENT_TITLE_COLUMNS);
  const sourceCol = optional(EVENT_SOURCE_COLUMNS);

  const dates = new DateColumn(file, header[dateCol]);
  const firstLineOfId = new Map<string, number>();
  const events: EventRow[] = [];
  let rowNumber = 0;
  while (cursor.nextNonBlank()) {
    const rec = cursor.cells;
    rowNumber++;
    const line = cursor.line;
    checkWidth(rec, header.length, file, line, header);
    const symbol = rec[symbolCol];
    if (symbol === '') throw new DataError('empty symbol', { file, line, field: header[symbolCol], value: symbol });
    const { day, time } = dates.parse(rec[dateCol], line);

    const id = idCol >= 0 ? rec[idCol] : String(rowNumber);
    if (id === '') throw new DataError('empty event id', { file, line, field: header[idCol], value: id });
    const prev = firstLineOfId.get(id);
    if (prev !== undefined) {
      throw new DataError(`duplicate event id (first used on line ${prev}); ids must be unique`, {
        file,
        line,
        field: idCol >= 0 ? header[idCol] : 'id',
        value: id,
      });
    }
    firstLineOfId.set(id, line);

    const event: EventRow = { id, symbol, day, date: formatDay(day), timing: 'unknown', line };
    if (time !== undefined) event.time = time;
    if (timingCol >= 0) event.timing = parseTiming(rec[timingCol], file, line, header[timingCol]);
    if (groupCol >= 0 && rec[groupCol] !== '') event.group = rec[groupCol];
    if (marketCol >= 0 && rec[marketCol] !== '') event.market = rec[marketCol];
    if (titleCol >= 0) {
      const title = parseCell(titleSchema, rec[titleCol], file, line, header[titleCol]);
      if (title !== undefined) event.title = title;
    }
    if (sourceCol >= 0) {
      const source = parseCell(sourceSchema, rec[sourceCol], file, line, header[sourceCol]);
      if (source !== undefined) event.source = source;
    }
    events.push(event);
  }
  if (events.length === 0 || dates.format === null) {
    throw new DataError('no events: the file has a header but no rows', { file, line: headerLine, field: 'header', value: header.join(',') });
  }
  return { events, file, dateFormat: dates.format, warnings: [] };
}

/** Free text made one line (a quoted CSV cell may span lines); an empty cell means none. */
const titleSchema = z
  .string()
  .transform((s) => s.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim())
  .transform((s) => (s === '' ? undefined : s));

/**
 * A source cell: a link when it starts with a scheme (then it must be an http or https URL, so a
 * typo like `htps://` is an error rather than a citation), else a citation in words.
 */
const sourceSchema = titleSchema.transform((s, ctx): { url?: string; title?: string } | undefined => {
  if (s === undefined) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return { title: s };
  if (!z.url({ protocol: /^https?$/ }).safeParse(s).success) {
    ctx.addIssue({ code: 'custom', message: 'must be an http or https URL, or a citation without "://"' });
    return z.NEVER;
  }
  return { url: s };
});

function parseCell<T>(schema: z.ZodType<T, string>, cell: string, file: string, line: number, field: string): T {
  const r = schema.safeParse(cell);
  if (r.success) return r.data;
  throw new DataError(r.error.issues[0]?.message ?? 'invalid value', { file, line, field, value: cell });
}

function parseTiming(cell: string, file: string, line: number, field: string): EventTiming {
  const t = TIMINGS.get(cell.trim().toLowerCase().replace(/[\s_]+/g, '-'));
  if (t !== undefined) return t;
  throw new DataError('unknown timing: expected pre-open, intraday, after-close or unknown (or bmo / amc)', {
    file,
    line,
    field,
    value: cell,
  });
}
