/**
 * Returns / prices / market tables for the ad-hoc `study` command: long or wide, detected from
 * the file (see shape.ts).
 */
import type { Warning } from '../../util/errors.js';
import { CsvCursor } from './csv.js';
import { readLong } from './long.js';
import { readHeader } from './rows.js';
import { detectShape, sampleRows } from './shape.js';
import type { ValueTable } from './types.js';
import { readWide } from './wide.js';
import { WarningSink } from './warnings.js';
import { readVendorTable, symbolFromFile, symbolInFile, vendorAsReturnsError, vendorLayoutOf } from './vendor.js';

export interface ValueTableOptions {
  /** Name used in messages (the path as the user typed it). */
  file: string;
  /** Values are in percent (eventstudies_r's returns): divide by 100. */
  percent?: boolean;
  /** Values are prices: a zero or negative cell is an error naming its line (missing cells stay NaN). */
  positive?: boolean;
  /** Values are simple returns: at or below this (-1; -100 in percent) is an error naming its line. */
  floor?: number;
  /** Name of the security in a vendor price file (yfinance, ...); default: the file name. */
  symbol?: string;
}

/**
 * A returns or prices table (long: date,symbol,value; or wide: date + one column per symbol) as typed-array columns.
 *
 * @example
 * const t = readValueTable(readFileSync('returns.csv', 'utf8'), { file: 'returns.csv', percent: true });
 * console.log(t.symbols, t.columns[0][0]);
 */
export function readValueTable(text: string, opts: ValueTableOptions): ValueTable {
  const { file } = opts;
  const cursor = new CsvCursor(text, file);
  const head = readHeader(cursor, 'data rows');
  // The header line as written: WSJ is told from yfinance by the blanks after its commas.
  const headerLine = /[^\r\n]*\S[^\r\n]*/.exec(cursor.text)?.[0] ?? '';
  const vendor = vendorLayoutOf(head.header, headerLine);
  if (vendor) {
    if (!opts.positive) throw vendorAsReturnsError(vendor, file, head.line, headerLine);
    // Checked even with --symbol: a file of several securities would read as one with repeated dates.
    const inFile = symbolInFile(cursor.text, file);
    return readVendorTable(cursor.text, vendor, file, opts.symbol ?? inFile ?? symbolFromFile(file), head.header);
  }
  const notes: Warning[] = [];
  const shape = detectShape(head.header, head.line, sampleRows(cursor), cursor.delimiter, file, notes);
  const sink = new WarningSink();
  const { header } = head;

  let table: ValueTable;
  if (shape.kind === 'long') {
    const block = readLong({ cursor, head, ...shape, warnings: sink, positive: opts.positive, floor: opts.floor });
    table = { ...block, file, shape: 'long', valueColumn: header[shape.valueCol], percent: false, warnings: [] };
  } else {
    // Two numeric columns besides the date may be a long table whose symbols are numbers under an
    // unrecognised header (`gvkey`): its dates repeat, so say how to make it read as long.
    const conflictHint =
      shape.valueCols.length === 2
        ? `; if this is a long table (date, symbol, value), name its symbol column "symbol"`
        : '';
    const block = readWide({ cursor, head, dateCol: shape.dateCol, valueCols: shape.valueCols, warnings: sink, conflictHint, positive: opts.positive, floor: opts.floor });
    const symbols = shape.valueCols.map((c) => header[c]);
    table = { days: block.days, symbols, columns: block.columns, dateFormat: block.dateFormat, file, shape: 'wide', percent: false, warnings: [] };
  }
  if (opts.percent) {
    for (const col of table.columns) for (let i = 0; i < col.length; i++) col[i] /= 100;
    table.percent = true;
  }
  table.warnings = [...notes, ...sink.done(file)];
  return table;
}
