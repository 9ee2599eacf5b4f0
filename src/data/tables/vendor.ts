/**
 * Vendor price files (yfinance, AKShare, Tushare, ...) handed to the ad-hoc `study` command. Read
 * as a generic table, a yfinance file is a wide table of "symbols" Open, High, Low, Close, ...: no
 * event finds its symbol, every event is `no-price-data` and the run exits 0. So a vendor header is
 * recognised first and the file read by the price reader (with all its checks) as one security,
 * named by `--symbol` or by the file name.
 */
import { basename, extname } from 'node:path';
import { DataError, clipValue, type Warning } from '../../util/errors.js';
import { bindColumns, type ColumnBinding } from '../prices/columns.js';
import { detectLayout } from '../prices/detect.js';
import { ADAPTERS } from '../prices/formats/index.js';
import { parsePrices } from '../prices/parse.js';
import type { PriceLayout } from '../prices/types.js';
import { LONG_SYMBOL_ALIASES, normalizeName } from './columns.js';
import { CsvCursor } from './csv.js';
import type { ValueTable } from './types.js';

/**
 * The vendor layout of a header, or undefined for a plain returns / prices table. Layouts are
 * recognised by loose marks (canonical: any `date` column; Tushare: `trade_date`), so a header
 * counts only when the layout also binds its required columns and a close; the generic canonical
 * layout needs one of open / high / low as well (`date,close` is a wide table of one symbol, but
 * yfinance's capitalised `Date,Close` is a price file).
 */
export function vendorLayoutOf(names: readonly string[], line: string): PriceLayout | undefined {
  const layout = detectLayout({ names, line });
  if (layout === undefined) return undefined;
  let index: ColumnBinding['index'];
  try {
    index = bindColumns(ADAPTERS[layout], { names, line }, { file: '', line: 0 }).index;
  } catch {
    return undefined;
  }
  if (index.close === undefined) return undefined;
  const ohlc = index.open !== undefined || index.high !== undefined || index.low !== undefined;
  return layout !== 'canonical' || ohlc ? layout : undefined;
}

/**
 * The security a vendor file's own symbol column names (AKShare-style exports repeat it on every
 * row), undefined without such a column; a file holding several symbols is refused, since the
 * price reader takes one security per file.
 */
export function symbolInFile(text: string, file: string): string | undefined {
  const cursor = new CsvCursor(text, file);
  if (!cursor.nextNonBlank()) return undefined;
  const header = cursor.cells.slice();
  const col = header.findIndex((n) => LONG_SYMBOL_ALIASES.some((a) => normalizeName(a) === normalizeName(n)) && normalizeName(n) !== 'name');
  if (col < 0) return undefined;
  let found: { value: string; line: number } | undefined;
  while (cursor.nextNonBlank()) {
    const v = cursor.cells[col] ?? '';
    if (v === '') continue;
    if (found === undefined) found = { value: v, line: cursor.line };
    else if (v !== found.value) {
      throw new DataError(
        `a price file of several securities (${clipValue(found.value)} on line ${found.line}, ${clipValue(v)} here): give one file per security, or a long date,symbol,close table`,
        { file, line: cursor.line, field: header[col], value: v },
      );
    }
  }
  return found?.value;
}

/** The symbol a single-security file stands for: `--symbol`, else the file name without extension. */
export function symbolFromFile(file: string): string {
  return basename(file, extname(file));
}

/**
 * A vendor price file as a one-column ValueTable of closes. yfinance's `Adj Close` is preferred
 * when present: it includes dividends, which an event study's returns should.
 */
export function readVendorTable(text: string, layout: PriceLayout, file: string, symbol: string, headerNames: readonly string[]): ValueTable {
  const closeColumn = layout === 'yfinance' && headerNames.includes('Adj Close') ? 'Adj Close' : undefined;
  const loaded = parsePrices(text, { file, layout, closeColumn });
  const note: Warning = {
    code: 'vendor-layout',
    message: `read as a ${layout} price file of one security, ${JSON.stringify(symbol)}, closes from column ${JSON.stringify(loaded.closeColumn ?? 'close')}`,
    location: { file },
  };
  return {
    days: loaded.series.days,
    symbols: [symbol],
    columns: [loaded.series.close],
    file,
    shape: 'wide',
    valueColumn: loaded.closeColumn,
    dateFormat: 'YYYY-MM-DD',
    percent: false,
    warnings: [note, ...loaded.warnings],
  };
}

/** A vendor price file given where returns are expected. */
export function vendorAsReturnsError(layout: PriceLayout, file: string, line: number, header: string): DataError {
  return new DataError(`this is a ${layout} price file (open/high/low/close), not returns: give it with --prices`, {
    file,
    line,
    field: 'header',
    value: header,
  });
}
