import type { Warning } from '../../util/errors.js';

/**
 * Date layouts the ad-hoc readers accept. A file uses exactly one; a time of day after the date
 * (`2008-10-20 05:30:00`) is allowed in any of them and does not count as a different layout.
 */
export type DateFormat =
  | 'YYYY-MM-DD'
  | 'YYYY/MM/DD'
  | 'YYYYMMDD'
  | 'DD/MM/YYYY'
  | 'DD.MM.YYYY'
  | 'DD-MM-YYYY';

/**
 * A returns / prices / market table, columnar: one Float64Array per symbol over the shared,
 * ascending day axis. A cell the file leaves empty (or NA/NaN/null) is NaN, as is a day a long
 * table has no row for.
 */
export interface ValueTable {
  /** Day numbers (util/dayNumber), strictly ascending. */
  days: Int32Array;
  symbols: string[];
  /** `columns[i]` holds `symbols[i]`; same length as `days`. */
  columns: Float64Array[];
  file: string;
  /** `long`: `date,symbol,value` rows; `wide`: `date` plus one column per symbol. */
  shape: 'long' | 'wide';
  /** Long tables: the header of the value column (`return`, `close`, ...); wide: undefined. */
  valueColumn?: string;
  dateFormat: DateFormat;
  /** True when the values were divided by 100 (`percent: true`). */
  percent: boolean;
  /** Dropped identical duplicate rows, re-sorted rows, skipped row-number column. */
  warnings: Warning[];
}

/** One series picked out of a ValueTable (a market index, say). */
export interface ValueSeries {
  name: string;
  days: Int32Array;
  values: Float64Array;
  file: string;
}

export type EventTiming = 'pre-open' | 'intraday' | 'after-close' | 'unknown';

export interface EventRow {
  /** The file's `id`, or the 1-based data-row number ("1", "2", ...) when there is no id column. */
  id: string;
  symbol: string;
  /** Calendar day of the event (not yet aligned to a trading day). */
  day: number;
  /** The same day as `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM[:SS]` when the date cell carried a time of day. */
  time?: string;
  /** `unknown` when the file has no timing column or leaves the cell empty. */
  timing: EventTiming;
  group?: string;
  /** Per-event market column (10K.csv `market_ticker`). */
  market?: string;
  /** Optional `title` column: what happened, shown in the report's Events table. */
  title?: string;
  /** Optional `source` column: a URL (http/https) or a citation in words. */
  source?: { url?: string; title?: string };
  /** 1-based line in the file (header = line 1). */
  line: number;
}

export interface EventsTable {
  events: EventRow[];
  file: string;
  dateFormat: DateFormat;
  warnings: Warning[];
}

/** Daily Fama-French / Carhart factors, always in decimals. */
export interface FactorTable {
  days: Int32Array;
  mktRf: Float64Array;
  smb: Float64Array;
  hml: Float64Array;
  /** Momentum (MOM / UMD / WML) when the file has it. */
  mom: Float64Array | null;
  /** Risk-free rate when the file has it. */
  rf: Float64Array | null;
  /** True when the file's values were read as percent and divided by 100. */
  percentDetected: boolean;
  /** `auto`: decided from the data (see factors.ts); `option`: the caller said so. */
  percentSource: 'auto' | 'option';
  /** The file's header for each factor, e.g. `{ mktRf: 'Mkt-RF', ... }`. */
  columnNames: Record<'mktRf' | 'smb' | 'hml' | 'mom' | 'rf', string | null>;
  file: string;
  dateFormat: DateFormat;
  warnings: Warning[];
}
