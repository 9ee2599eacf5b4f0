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
  throw new DataError('prices must be positive (leave the cell empty or NA if the price is missing)', {
    file: place.file,
    line: place.line,
    field: place.field,
    value: cell,
  });
}
