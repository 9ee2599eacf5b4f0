/**
 * Value cells: a plain decimal number, or one of the missing-value spellings R, pandas and Excel
 * write. Anything else is an error rather than NaN, because a silently dropped `1,234` or `n.a.`
 * would quietly shrink an estimation window.
 */
import { DataError } from '../../util/errors.js';

// Stricter than Number(): that would also take '0x1F', '  ', 'Infinity' and '1e'.
const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const INFINITE = /^[-+]?(?:inf|infinity)$/i;
/** R `NA`, pandas `NaN`/`nan`/`None`, JSON-ish `null`, Excel `#N/A`, compared case-insensitively. */
const MISSING = new Set(['', 'na', 'nan', 'null', 'none', 'n/a', '#n/a']);

export function isMissingCell(cell: string): boolean {
  return cell === '' || (cell.length <= 4 && MISSING.has(cell.toLowerCase()));
}

export function isNumericCell(cell: string, decimalComma = false): boolean {
  return DECIMAL.test(decimalComma ? cell.replace(',', '.') : cell);
}

export interface CellPlace {
  file: string;
  line: number;
  field: string;
}

/**
 * The number in `cell`, NaN when missing. `decimalComma` is for `;`-separated files, where
 * `0,5` means one half.
 */
export function parseValueCell(cell: string, place: CellPlace, decimalComma = false): number {
  const s = decimalComma && cell.indexOf(',') >= 0 ? cell.replace(',', '.') : cell;
  // Fast path for the common cell, skipping the regex. Number() takes exactly DECIMAL plus
  // surrounding whitespace (excluded by the first- and last-character tests), Infinity (excluded
  // by the finiteness test) and 0x / 0o / 0b literals (excluded by the second-character test).
  const c0 = s.charCodeAt(0);
  const cl = s.charCodeAt(s.length - 1);
  if (((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 46 || c0 === 43) && ((cl >= 48 && cl <= 57) || cl === 46)) {
    const v = +s;
    const c1 = s.charCodeAt(1) | 0x20;
    if (v - v === 0 && c1 !== 120 && c1 !== 111 && c1 !== 98) return v;
  }
  if (DECIMAL.test(s)) {
    const v = Number(s);
    if (Number.isFinite(v)) return v;
  } else if (isMissingCell(cell)) {
    return NaN;
  }
  const where = { file: place.file, line: place.line, field: place.field, value: cell };
  // `1e999` passes the decimal pattern but overflows to Infinity: the same error as `inf`.
  if (INFINITE.test(cell) || DECIMAL.test(s)) throw new DataError('infinite value; leave the cell empty or NA if it is missing', where);
  throw new DataError('not a number (missing values may be empty, NA, NaN or null)', where);
}

/** Throws unless `v` (read from `cell`) is missing (NaN) or positive: for tables of prices. */
export function checkPositiveCell(v: number, cell: string, place: CellPlace): number {
  if (v > 0 || Number.isNaN(v)) return v;
  throw new DataError('prices must be positive (leave the cell empty or NA if the price is missing; a file of returns goes with --returns)', {
    file: place.file,
    line: place.line,
    field: place.field,
    value: cell,
  });
}

/**
 * Throws when the simple return `v` (read from `cell`) is at or below `floor` (-1, or -100 in
 * percent): a price cannot fall by 100% or more, so such a value is a wrong column, a wrong scale
 * or log returns, and any CAR built on it would be a quiet wrong number.
 */
export function checkReturnFloor(v: number, cell: string, place: CellPlace, floor: number): void {
  if (!(v <= floor)) return;
  const pct = floor === -100;
  throw new DataError(
    `a simple return of ${pct ? '' : '-1 ('}-100%${pct ? '' : ')'} or less is impossible (the price would be zero or negative)` +
      (pct ? '; if these are log returns, add --log' : '; if the file is in percent, add --percent; if these are log returns, add --log'),
    { file: place.file, line: place.line, field: place.field, value: cell },
  );
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The plain decimal text[start, end) (optional sign, digits, optional point; at most 15 digits) as
 * a number, or NaN when the cell is anything else, for the caller to hand to `parseValueCell`.
 * Exact: with at most 15 digits the digits form an integer m < 2^53 and the divisor 10^k (k <= 22)
 * is exact too, so m / 10^k is the correctly rounded value Number() gives (Clinger 1990's fast
 * path). It spares cutting a string out of every cell of a 400,000-row table.
 */
export function plainDecimalAt(text: string, start: number, end: number): number {
  let i = start;
  let neg = false;
  const c0 = text.charCodeAt(i);
  if (c0 === 45) {
    neg = true;
    i++;
  } else if (c0 === 43) i++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = frac > 0 ? m / POW10[frac] : m;
  return neg ? -v : v;
}
