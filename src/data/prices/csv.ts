/**
 * CSV text -> records with their line numbers (header = line 1). Line numbers must stay exact for
 * error messages, so blank lines are skipped but counted, and any of CRLF / LF / CR ends a record
 * (files edited on several systems mix them).
 *
 * Text with a double quote anywhere goes through csv-parse. Most vendor files have none, and for those
 * CSV is nothing but "split lines, split on commas": a plain split gives the same records (a property
 * test holds the two paths to that) about ten times faster, which matters when a study loads a hundred
 * files.
 */
import { parse } from 'csv-parse/sync';
import { DataError } from '../../util/errors.js';

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  /** Cells, trimmed (WSJ writes a blank after each comma). */
  fields: string[];
}

interface CsvParseInfoRecord {
  record: string[];
  info: { lines: number };
}

export function readCsvRecords(text: string, file: string): CsvRecord[] {
  return text.includes('"') ? readQuoted(text, file) : readUnquoted(text);
}

/** Quote-free text: lines, then cells on commas; blank (or all-blank) lines skipped, as csv-parse does. */
export function readUnquoted(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  // A plain string split is several times faster than a regex one; most files use LF only.
  const lines = text.includes('\r') ? text.split(/\r\n|\n|\r/) : text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fields = lineFields(line);
    if (fields) out.push({ line: i + 1, fields });
  }
  return out;
}

const HAS_BLANK = /\s/;

/** The cells of one quote-free line, trimmed when it has blanks; null for a blank line (skipped, as csv-parse does). */
export function lineFields(line: string): string[] | null {
  if (line === '') return null;
  const fields = line.split(',');
  if (HAS_BLANK.test(line)) {
    if (line.trim() === '') return null;
    for (let j = 0; j < fields.length; j++) fields[j] = fields[j].trim();
  }
  return fields;
}

/** Anything with quotes: csv-parse, strict about quoting so a broken quote is reported with its line. */
export function readQuoted(text: string, file: string): CsvRecord[] {
  let parsed: CsvParseInfoRecord[];
  try {
    parsed = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      trim: true,
    }) as unknown as CsvParseInfoRecord[];
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    throw new DataError(`not readable as CSV: ${e.message ?? String(err)}`, { file, line: e.lines });
  }
  return parsed.map(({ record, info }) => ({
    // csv-parse counts the line a record ends on; a quoted cell may span lines.
    line: info.lines - record.reduce((n, cell) => n + countLineBreaks(cell), 0),
    fields: record,
  }));
}

/** Line `line` (1-based) as written, for messages and for telling WSJ (blanks after commas) apart. */
export function lineText(text: string, line: number): string {
  return text.split(/\r\n|\n|\r/, line)[line - 1] ?? '';
}

function countLineBreaks(s: string): number {
  const m = s.match(/\r\n|\n|\r/g);
  return m ? m.length : 0;
}
