/**
 * Row-level checks shared by the table readers.
 */
import { DataError } from '../../util/errors.js';
import type { CsvCursor } from './csv.js';

/** A header and where it is: the cursor stands just after it. */
export interface HeaderAt {
  header: string[];
  line: number;
}

/** Reads the first non-blank record as the header; DataError on an empty file. */
export function readHeader(cursor: CsvCursor, expected: string): HeaderAt {
  if (!cursor.nextNonBlank()) {
    throw new DataError(`empty file: expected a header line and ${expected}`, { file: cursor.file, line: 1, field: 'header', value: '' });
  }
  return { header: cursor.cells.slice(), line: cursor.line };
}

/**
 * Throws unless `rec` has `width` cells. Extra cells that are all empty are tolerated: Excel
 * writes a trailing delimiter on some rows.
 */
export function checkWidth(rec: string[], width: number, file: string, line: number, header: readonly string[]): void {
  if (rec.length === width) return;
  if (rec.length > width) {
    let extra = false;
    for (let i = width; i < rec.length; i++) if (rec[i] !== '') extra = true;
    if (!extra) return;
    throw new DataError(`row has ${rec.length} cells but the header has ${width}`, {
      file,
      line,
      field: `column ${width + 1} (no header)`,
      value: rec[width],
    });
  }
  throw new DataError(`row has ${rec.length} cells but the header has ${width}; missing values must still be written (empty or NA)`, {
    file,
    line,
    field: header[rec.length] ?? `column ${rec.length + 1}`,
    value: rec.join(','),
  });
}
