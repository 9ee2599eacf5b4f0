/**
 * Date cells of the ad-hoc tables. Users bring files from R, pandas, Excel and Ken French's site,
 * so several layouts are accepted, but one file must stick to one of them: a file that mixes
 * `2020-01-02` with `02/01/2020` is more likely a merge accident than a choice, and guessing per
 * row would silently swap days and months.
 */
import { OffsetTracker, utcOffsetMinutes } from '../prices/offsets.js';
import { DataError } from '../../util/errors.js';
import { dayNumber, isValidYmd } from '../../util/dayNumber.js';
import type { DateFormat } from './types.js';

/** Optional time of day after the date: ` 05:30`, ` 05:30:00`, `T05:30:00.000Z`, `+05:30`. */
const TIME = String.raw`(?:[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/])(\d{1,2})\2(\d{1,2})${TIME}$`);
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** `192607` / `2020-01`: Ken French monthly files; the engine needs daily data. */
const YEAR_MONTH = /^\d{4}-?\d{2}$/;
/** `-30`, ` 88`: event-time offsets (eventstudies_r KGStockReturns.csv). */
const INTEGER = /^[-+]?\d{1,5}$/;

export const ACCEPTED_DATE_FORMATS = 'YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or DD/MM/YYYY (optionally followed by a time)';

interface Classified {
  format: DateFormat;
  y: number;
  m: number;
  d: number;
  time?: string;
}

/** Recognises the layout of one cell without checking the calendar; null when it is none. */
export function classifyDate(cell: string): Classified | null {
  let m = YEAR_FIRST.exec(cell);
  if (m) {
    return { format: m[2] === '-' ? 'YYYY-MM-DD' : 'YYYY/MM/DD', y: +m[1], m: +m[3], d: +m[4], time: m[5] };
  }
  m = DAY_FIRST.exec(cell);
  if (m) {
    const format: DateFormat = m[2] === '/' ? 'DD/MM/YYYY' : m[2] === '.' ? 'DD.MM.YYYY' : 'DD-MM-YYYY';
    return { format, y: +m[4], m: +m[3], d: +m[1], time: m[5] };
  }
  m = COMPACT.exec(cell);
  if (m) return { format: 'YYYYMMDD', y: +m[1], m: +m[2], d: +m[3] };
  return null;
}

export interface ParsedDay {
  day: number;
  time?: string;
}

/**
 * Parses one table's date column. The first cell fixes the file's format; every later cell must
 * use it. Parsed cells are cached because long tables repeat each date once per symbol.
 */
export class DateColumn {
  format: DateFormat | null = null;
  private formatLine = 0;
  private readonly cache = new Map<string, number>();
  /** ISO cells keyed by the integer YYYYMMDD: hashing a fresh string per row costs more than the parse. */
  private readonly isoCache = new Map<number, number>();

  /** Daily bars only (see `bars`): first time of day seen per day, and the file's UTC offsets. */
  private readonly timeOf = new Map<number, { time: string; line: number }>();
  private readonly offsets = new OffsetTracker();

  /**
   * `bars`: the column dates daily values (returns / prices tables), so a day with two times of
   * day is intraday data and UTC offsets must be one zone (as for price files, prices/offsets.ts).
   * Events keep their times freely.
   */
  constructor(
    private readonly file: string,
    private readonly field: string,
    private readonly bars = false,
  ) {}

  /** Day number of `cell`; throws DataError naming `line` when the cell is not a usable date. */
  day(cell: string, line: number): number {
    if (this.format === 'YYYY-MM-DD' && cell.length === 10) {
      const key = isoKey(cell);
      if (key >= 0) {
        const iso = this.isoCache.get(key);
        if (iso !== undefined) return iso;
        const day = this.parse(cell, line).day;
        this.isoCache.set(key, day);
        return day;
      }
    }
    const hit = this.cache.get(cell);
    if (hit !== undefined) return hit;
    const day = this.parse(cell, line).day;
    this.cache.set(cell, day);
    return day;
  }

  /**
   * `day` of the cell text[start, end) without cutting it out when it is a YYYY-MM-DD date already
   * seen (long tables repeat each date once per symbol).
   */
  dayAt(text: string, start: number, end: number, line: number): number {
    if (this.format === 'YYYY-MM-DD' && end - start === 10) {
      const key = isoKeyAt(text, start);
      if (key >= 0) {
        const iso = this.isoCache.get(key);
        if (iso !== undefined) return iso;
      }
    }
    return this.day(text.slice(start, end), line);
  }

  /** Like `day`, keeping the time of day (events). */
  parse(cell: string, line: number): ParsedDay {
    const where = { file: this.file, line, field: this.field, value: cell };
    if (cell === '') throw new DataError('empty date', where);
    const c = classifyDate(cell);
    if (!c) throw new DataError(describeBadDate(cell), where);
    if (this.format === null) {
      this.format = c.format;
      this.formatLine = line;
    } else if (c.format !== this.format) {
      throw new DataError(
        `mixed date formats: this cell is ${c.format} but line ${this.formatLine} used ${this.format}; use one format throughout the file`,
        where,
      );
    }
    if (!isValidYmd(c.y, c.m, c.d)) {
      const dayFirst = c.format.startsWith('DD');
      const hint =
        dayFirst && c.m > 12 && c.d <= 12
          ? ': dates are read day first (dd/mm/yyyy); this one looks month first (mm/dd/yyyy), write dates as YYYY-MM-DD instead'
          : '';
      throw new DataError(`not a real calendar date (${c.format})${hint}`, where);
    }
    const day = dayNumber(c.y, c.m, c.d);
    if (this.bars && c.time !== undefined) this.checkBar(day, c.time, c.y, cell, line);
    return { day, time: c.time };
  }

  /** Runs once per distinct cell (cached after), which is all the checks need: repeats agree. */
  private checkBar(day: number, time: string, year: number, cell: string, line: number): void {
    const where = { file: this.file, line, field: this.field, value: cell };
    const seen = this.timeOf.get(day);
    if (seen === undefined) this.timeOf.set(day, { time, line });
    else if (seen.time !== time) {
      throw new DataError(
        `intraday data: line ${seen.line} has the same day at ${seen.time}; the study needs daily values (one row per day): resample to daily first`,
        where,
      );
    }
    const problem = this.offsets.see(utcOffsetMinutes(cell), year, line);
    if (problem) throw new DataError(problem, where);
  }
}

/** `YYYY-MM-DD` as the integer YYYYMMDD, or -1 when the cell is not exactly that shape. */
function isoKey(cell: string): number {
  return isoKeyAt(cell, 0);
}

/** isoKey of the 10 characters of `text` from `at`. */
function isoKeyAt(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return -1;
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = text.charCodeAt(at + i) - 48;
    if (d < 0 || d > 9) return -1;
    key = key * 10 + d;
  }
  return key;
}

function describeBadDate(cell: string): string {
  if (INTEGER.test(cell)) {
    return (
      'the date column holds integers, as in an event-time table (rows are offsets like -30 .. 90 from each event); ' +
      'event-time tables are not supported: give one row per calendar date'
    );
  }
  if (YEAR_MONTH.test(cell)) return 'monthly dates (year and month only) are not supported: give daily data';
  return `unrecognised date; expected ${ACCEPTED_DATE_FORMATS}`;
}
