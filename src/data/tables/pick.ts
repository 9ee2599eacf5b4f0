/**
 * Choosing one series out of a value table: `--market-column`, or the only column of a market
 * file.
 */
import { DataError } from '../../util/errors.js';
import { listNames } from './columns.js';
import type { ValueSeries, ValueTable } from './types.js';

/**
 * R's `make.names`, roughly: what `read.csv` turns a header into (`^GSPC` -> `X.GSPC`,
 * `S&P500` -> `S.P500`). Lets `--market-column ^GSPC` find the column of a file written from R.
 */
export function rMangledName(name: string): string {
  // R decides on the X prefix from the original first character, then replaces invalid ones.
  const prefixed = /^(?:[A-Za-z]|\.(?![0-9]))/.test(name) ? name : `X${name}`;
  return prefixed.replace(/[^A-Za-z0-9._]/g, '.');
}

/**
 * The series named `name`: exact match first, then a unique case-insensitive match, then a
 * unique match through R's name mangling.
 */
export function pickColumn(table: ValueTable, name: string): ValueSeries {
  let i = table.symbols.indexOf(name);
  if (i < 0) i = uniqueIndex(table.symbols, (s) => s.toLowerCase() === name.toLowerCase());
  if (i < 0) i = uniqueIndex(table.symbols, (s) => s === rMangledName(name) || rMangledName(s) === name);
  if (i < 0) {
    const what = table.shape === 'long' ? 'symbol' : 'column';
    throw new DataError(`no ${what} ${JSON.stringify(name)}; the file has ${listNames(table.symbols)}`, {
      file: table.file,
      line: 1,
      field: what,
      value: name,
    });
  }
  return seriesAt(table, i);
}

/**
 * The market series of a market file: the column named by `--market-column`, or the file's only
 * value column.
 */
export function marketSeries(table: ValueTable, column?: string): ValueSeries {
  if (column !== undefined && column !== '') return pickColumn(table, column);
  if (table.symbols.length === 1) return seriesAt(table, 0);
  throw new DataError(
    `the market file has ${table.symbols.length} value columns (${listNames(table.symbols)}); choose one with --market-column`,
    { file: table.file, line: 1, field: 'market column', value: table.symbols.join(',') },
  );
}

function seriesAt(table: ValueTable, i: number): ValueSeries {
  return { name: table.symbols[i], days: table.days, values: table.columns[i], file: table.file };
}

function uniqueIndex(names: readonly string[], match: (s: string) => boolean): number {
  let found = -1;
  for (let i = 0; i < names.length; i++) {
    if (!match(names[i])) continue;
    if (found >= 0) return -1;
    found = i;
  }
  return found;
}
