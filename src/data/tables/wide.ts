/**
 * Reads a wide block: one date column plus value columns, one row per date. Used for wide
 * returns / prices files and for factor files (whose "symbols" are the factors).
 */
import { DataError } from '../../util/errors.js';
import type { CsvCursor } from './csv.js';
import { classifyDate, DateColumn } from './dates.js';
import { checkPositiveCell, checkReturnFloor, parseValueCell } from './numbers.js';
import { orderRows } from './order.js';
import { checkWidth, type HeaderAt } from './rows.js';
import type { DateFormat } from './types.js';
import type { WarningSink } from './warnings.js';

export interface WideSpec {
  /** Positioned just after the header. */
  cursor: CsvCursor;
  head: HeaderAt;
  dateCol: number;
  valueCols: readonly number[];
  warnings: WarningSink;
  /**
   * Stop at a blank line followed by a row whose date cell is no date, ignoring the rest with a
   * warning (Ken French's trailing annual table and copyright line).
   */
  stopAtTrailer?: boolean;
  /** Appended to the error for a date repeated with different values. */
  conflictHint?: string;
  /** Values are prices: zero or negative is an error (see ValueTableOptions.positive). */
  positive?: boolean;
  /** Values are simple returns: at or below this is an error (see LongSpec.floor). */
  floor?: number;
}

export interface WideBlock {
  days: Int32Array;
  /** One per `valueCols` entry. */
  columns: Float64Array[];
  dateFormat: DateFormat;
}

export function readWide(spec: WideSpec): WideBlock {
  const { cursor, head, dateCol, valueCols, warnings } = spec;
  const { header } = head;
  const file = cursor.file;
  const names = valueCols.map((c) => header[c]);
  const width = header.length;
  const dates = new DateColumn(file, header[dateCol] || 'date', true);
  const decimalComma = cursor.delimiter === ';';
  const cap = cursor.remainingLines();
  const days = new Int32Array(cap);
  const lines = new Int32Array(cap);
  const columns = valueCols.map(() => new Float64Array(cap));
  const place = { file, line: 0, field: '' };
  let n = 0;
  let afterBlank = false;
  while (cursor.next()) {
    const rec = cursor.cells;
    if (rec.length === 0) {
      afterBlank = true;
      continue;
    }
    const line = cursor.line;
    if (spec.stopAtTrailer && afterBlank && n > 0 && classifyDate(rec[dateCol] ?? '') === null) {
      warnings.add('trailer-skipped', `ignored everything from this line on (not daily rows): ${JSON.stringify(rec.join(',').slice(0, 60))}`, {
        file,
        line,
      });
      break;
    }
    afterBlank = false;
    checkWidth(rec, width, file, line, header);
    days[n] = dates.day(rec[dateCol], line);
    lines[n] = line;
    place.line = line;
    for (let k = 0; k < valueCols.length; k++) {
      place.field = names[k];
      columns[k][n] = parseValueCell(rec[valueCols[k]], place, decimalComma);
      if (spec.positive) checkPositiveCell(columns[k][n], rec[valueCols[k]], place);
      if (spec.floor !== undefined) checkReturnFloor(columns[k][n], rec[valueCols[k]], place, spec.floor);
    }
    n++;
  }
  if (n === 0 || dates.format === null) {
    throw new DataError('no data rows after the header', { file, line: head.line, field: 'header', value: header.join(',') });
  }
  const ordered = orderRows(
    { days: days.subarray(0, n), columns: columns.map((c) => c.subarray(0, n)), lines: lines.subarray(0, n) },
    names,
    file,
    warnings,
    spec.conflictHint,
  );
  // Copy out of the oversized buffers so callers never hold the spare capacity.
  return {
    days: ordered.days.slice(),
    columns: ordered.columns.map((c) => c.slice()),
    dateFormat: dates.format,
  };
}
