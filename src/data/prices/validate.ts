/**
 * The checks on price rows, and the assembly of checked rows into a sorted columnar series.
 *
 * Errors (DataError naming file, line, column as written in the header, and the cell's text): dates
 * that do not parse or mix notations, a date repeated with different values, prices that are blank,
 * not numbers, NaN, infinite or not positive, negative volumes, high < low, close outside [low, high].
 * Warnings (the series is still usable): an identical repeated row (dropped), a gap of more than
 * GAP_WARN_DAYS calendar days, a zero-volume day, skipped rows, rows not in date order.
 *
 * Pure functions: the caller (parse.ts) collects the errors so a file reports all its problems at once.
 */
import { formatDay } from '../../util/dayNumber.js';
import { DataError, type Warning } from '../../util/errors.js';
import type { DateFormatId } from './dates.js';
import type { ColumnKey, PriceField } from './formats/types.js';
import type { PriceSeries } from './types.js';

/** Longer gaps between consecutive rows are reported: past the longest exchange holiday (10 days at Spring Festival). */
export const GAP_WARN_DAYS = 10;
/** close may exceed high or undercut low by this relative amount (vendors round OHLC independently). */
export const RANGE_TOLERANCE = 1e-9;

/** Where a file's problems are reported: the file and its header names per field. */
export interface CheckContext {
  file: string;
  name: Partial<Record<ColumnKey, string>>;
}

/** One data row after reading: its cells as text and as numbers (NaN = blank). */
export interface Bar {
  line: number;
  day: number;
  date: string;
  raw: Partial<Record<PriceField, string>>;
  values: Partial<Record<PriceField, number>>;
}

const IS_PRICE: Record<PriceField, boolean> = {
  close: true,
  open: true,
  high: true,
  low: true,
  volume: false,
  amount: false,
  turnoverRate: false,
  pctChange: false,
};

/** Cells that mean "no value" in optional columns (pandas, investing.com); never accepted for prices. */
const MISSING_WORDS = /^(?:nan|null|none|n\/a|-|--)$/i;

function cellError(ctx: CheckContext, line: number, key: ColumnKey, value: string, message: string): DataError {
  return new DataError(message, { file: ctx.file, line, field: ctx.name[key] ?? key, value });
}

/**
 * Checks one cell given its text and what its reader made of it (undefined = not a number). Returns
 * the value to keep (NaN for a legal missing value) or a DataError.
 */
export function checkCell(
  ctx: CheckContext,
  line: number,
  field: PriceField,
  raw: string,
  read: number | undefined,
): number | DataError {
  const isPrice = IS_PRICE[field];
  // The common case first: a finite number (this runs for every cell of every file).
  if (read !== undefined && Number.isFinite(read)) {
    if (isPrice && read <= 0) return cellError(ctx, line, field, raw, 'price is not positive');
    if (!isPrice && read < 0 && (field === 'volume' || field === 'amount')) return cellError(ctx, line, field, raw, `${field} is negative`);
    return read;
  }
  const blank = raw.trim() === '';
  if (isPrice) {
    if (blank) return cellError(ctx, line, field, raw, 'missing price');
    if (read === undefined) {
      return cellError(ctx, line, field, raw, /^nan$/i.test(raw.trim()) ? 'NaN is not a price' : 'price is not a number');
    }
    return cellError(ctx, line, field, raw, 'price is infinite');
  }
  if (blank || MISSING_WORDS.test(raw.trim())) return NaN;
  if (read === undefined) return cellError(ctx, line, field, raw, `${field} is not a number`);
  return cellError(ctx, line, field, raw, `${field} is infinite`);
}

/** high >= low, and close within [low, high] (up to RANGE_TOLERANCE relative). */
export function checkBarShape(ctx: CheckContext, bar: Bar): DataError[] {
  const { high, low, close } = bar.values;
  if (high === undefined || low === undefined) return [];
  if (high < low) {
    return [cellError(ctx, bar.line, 'high', bar.raw.high ?? '', `high ${high} is below low ${low}`)];
  }
  if (close !== undefined) {
    const tol = RANGE_TOLERANCE * Math.max(Math.abs(high), Math.abs(low));
    if (close > high + tol || close < low - tol) {
      return [cellError(ctx, bar.line, 'close', bar.raw.close ?? '', `close ${close} is outside [low ${low}, high ${high}]`)];
    }
  }
  return [];
}

export function unparseableDate(ctx: CheckContext, line: number, raw: string, formats: readonly DateFormatId[], shapeOk: boolean): DataError {
  const why = shapeOk ? 'not a real calendar date' : `unparseable date (expected ${formats.join(' or ')})`;
  return cellError(ctx, line, 'date', raw, why);
}

export function mixedDateFormats(ctx: CheckContext, line: number, raw: string, format: DateFormatId, first: { format: DateFormatId; line: number }): DataError {
  return cellError(ctx, line, 'date', raw, `mixed date formats: this row is ${format}, line ${first.line} is ${first.format}`);
}

export interface AssembleResult {
  series: PriceSeries | null;
  errors: DataError[];
  warnings: Warning[];
}

/**
 * Sorts checked bars ascending (vendors write either order), drops identical repeated rows, reports
 * conflicting ones, and builds the columns. `present` lists the fields the file has.
 */
export function assembleSeries(ctx: CheckContext, bars: Bar[], present: readonly PriceField[]): AssembleResult {
  const errors: DataError[] = [];
  const warnings: Warning[] = [];
  const order = orderOf(bars);
  if (order === 'unsorted') {
    warnings.push({ code: 'unsorted', message: 'rows are not in date order (sorted on reading)', location: { file: ctx.file } });
  }

  const sorted = bars.slice().sort((a, b) => a.day - b.day || a.line - b.line);
  const kept: Bar[] = [];
  for (const bar of sorted) {
    const prev = kept[kept.length - 1];
    if (prev && prev.day === bar.day) {
      const differs = present.find((f) => !sameNumber(prev.values[f], bar.values[f]));
      // Report at the later line in the file, pointing back to the earlier one.
      const [first, second] = prev.line < bar.line ? [prev, bar] : [bar, prev];
      if (differs === undefined) {
        warnings.push({
          code: 'duplicate-row',
          message: `identical to line ${first.line}: dropped`,
          location: { file: ctx.file, line: second.line, field: ctx.name.date, value: second.date },
        });
      } else {
        errors.push(
          cellError(ctx, second.line, 'date', second.date,
            `date repeated (line ${first.line}) with a different ${ctx.name[differs] ?? differs}: ${first.values[differs]} vs ${second.values[differs]}`),
        );
      }
      continue;
    }
    kept.push(bar);
  }

  for (let i = 1; i < kept.length; i++) {
    const gap = kept[i].day - kept[i - 1].day;
    if (gap > GAP_WARN_DAYS) {
      warnings.push({
        code: 'gap',
        message: `gap of ${gap} calendar days after ${formatDay(kept[i - 1].day)}`,
        location: { file: ctx.file, line: kept[i].line, field: ctx.name.date, value: `${formatDay(kept[i - 1].day)}..${formatDay(kept[i].day)}` },
      });
    }
  }
  if (present.includes('volume')) {
    for (const bar of kept) {
      if (bar.values.volume === 0) {
        warnings.push({
          code: 'zero-volume',
          message: `zero volume on ${formatDay(bar.day)}`,
          location: { file: ctx.file, line: bar.line, field: ctx.name.volume, value: bar.raw.volume },
        });
      }
    }
  }

  if (errors.length > 0) return { series: null, errors, warnings };
  return { series: toColumns(kept, present), errors, warnings };
}

function toColumns(bars: Bar[], present: readonly PriceField[]): PriceSeries {
  const n = bars.length;
  const days = new Int32Array(n);
  for (let i = 0; i < n; i++) days[i] = bars[i].day;
  const column = (f: PriceField): Float64Array | null => {
    if (!present.includes(f)) return null;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = bars[i].values[f] ?? NaN;
    return out;
  };
  return {
    days,
    close: column('close') as Float64Array,
    open: column('open'),
    high: column('high'),
    low: column('low'),
    volume: column('volume'),
    amount: column('amount'),
    turnoverRate: column('turnoverRate'),
    pctChange: column('pctChange'),
  };
}

function orderOf(bars: Bar[]): 'ascending' | 'descending' | 'unsorted' {
  let up = true;
  let down = true;
  for (let i = 1; i < bars.length && (up || down); i++) {
    if (bars[i].day < bars[i - 1].day) up = false;
    if (bars[i].day > bars[i - 1].day) down = false;
  }
  return up ? 'ascending' : down ? 'descending' : 'unsorted';
}

function sameNumber(a: number | undefined, b: number | undefined): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
