/**
 * Decides whether a returns / prices table is long (`date,symbol,value`) or wide (`date` plus one
 * column per symbol), from the header and a sample of rows.
 */
import { DataError, type Warning } from '../../util/errors.js';
import { DATE_ALIASES, LONG_SYMBOL_ALIASES, findColumn, listNames, normalizeName } from './columns.js';
import type { CsvCursor, Delimiter } from './csv.js';
import { classifyDate } from './dates.js';
import { isMissingCell, isNumericCell } from './numbers.js';

export type Shape =
  | { kind: 'long'; dateCol: number; symbolCol: number; valueCol: number }
  | { kind: 'wide'; dateCol: number; valueCols: number[] };

/** Rows inspected to tell a symbol column (text) from a value column (numbers). */
const SAMPLE_ROWS = 200;

/**
 * `header` / `headerLine`: the table's header; `sample`: its first data rows (see sampleRows).
 */
export function detectShape(
  header: readonly string[],
  headerLine: number,
  sample: readonly string[][],
  delimiter: Delimiter,
  file: string,
  notes: Warning[],
): Shape {
  const where = (field: string, value: string) => ({ file, line: headerLine, field, value });
  if (header.length < 2) {
    // One cell holding separators we do not split on: say so, rather than only "one column".
    const sep = /[|:]/.exec(header[0] ?? '');
    const hint = sep ? ` (columns separated by "${sep[0]}"? use commas, semicolons or tabs)` : '';
    throw new DataError(`needs a date column and at least one value column; the header has ${listNames(header)}${hint}`, where('header', header.join(',')));
  }

  let dateCol = findColumn(header, DATE_ALIASES);
  const skip: number[] = [];
  // R write.csv (row.names = TRUE) and pandas to_csv (index = True) prepend a nameless row-number
  // column; when a named date column follows it, the row numbers are not data.
  if (header[0] === '' && dateCol > 0 && !sample.some((r) => classifyDate(r[0] ?? '') !== null)) {
    skip.push(0);
    notes.push({ code: 'row-names-dropped', message: 'the first, nameless column holds row numbers; ignored', location: { file, line: headerLine } });
  }
  if (dateCol < 0) dateCol = 0;

  const others: number[] = [];
  for (let c = 0; c < header.length; c++) if (c !== dateCol && !skip.includes(c)) others.push(c);

  const decimalComma = delimiter === ';';
  const isText = (v: string) => !isMissingCell(v) && !isNumericCell(v, decimalComma);
  // By majority over the sample, not by any single row: one garbage value in the first rows (`abc`
  // in a value column) must not turn a long table into a wide one, or the error would then name the
  // wrong line and field. The reader reports that value at its own line and column.
  const mostlyText = (c: number) => {
    let text = 0;
    let num = 0;
    for (const r of sample) {
      const v = r[c] ?? '';
      if (isMissingCell(v)) continue;
      if (isText(v)) text++;
      else num++;
    }
    return text > num;
  };
  const symbolNamed = (c: number) => LONG_SYMBOL_ALIASES.some((a) => normalizeName(a) === normalizeName(header[c]));

  if (others.length === 2) {
    const [a, b] = others;
    if (mostlyText(a) && !mostlyText(b)) return { kind: 'long', dateCol, symbolCol: a, valueCol: b };
    if (mostlyText(b) && !mostlyText(a)) return { kind: 'long', dateCol, symbolCol: b, valueCol: a };
    // Numeric ids (A-share codes, CRSP PERMNOs) look like values; fall back on the header name.
    if (symbolNamed(a) && !symbolNamed(b) && !mostlyText(b)) return { kind: 'long', dateCol, symbolCol: a, valueCol: b };
    if (symbolNamed(b) && !symbolNamed(a) && !mostlyText(a)) return { kind: 'long', dateCol, symbolCol: b, valueCol: a };
  } else if (others.length > 2) {
    const sym = others.find((c) => symbolNamed(c) && mostlyText(c));
    if (sym !== undefined) {
      const values = others.filter((c) => c !== sym).map((c) => header[c]);
      throw new DataError(
        `looks like a long table (symbol column ${JSON.stringify(header[sym])}) with several value columns (${listNames(values)}); ` +
          'a long table must have exactly three columns: date, symbol, value',
        where(header[sym], header.join(',')),
      );
    }
  }

  const seen = new Map<string, number>();
  for (const c of others) {
    const name = header[c];
    if (name === '') throw new DataError(`column ${c + 1} has no name; every symbol column needs one`, where(`column ${c + 1}`, ''));
    const prev = seen.get(name);
    if (prev !== undefined) {
      throw new DataError(`symbol column ${JSON.stringify(name)} appears twice (columns ${prev + 1} and ${c + 1})`, where(name, name));
    }
    seen.set(name, c);
  }
  return { kind: 'wide', dateCol, valueCols: others };
}

/** Copies of the next SAMPLE_ROWS non-blank records; the cursor is restored afterwards. */
export function sampleRows(cursor: CsvCursor): string[][] {
  const state = cursor.save();
  const out: string[][] = [];
  while (out.length < SAMPLE_ROWS && cursor.nextNonBlank()) out.push(cursor.cells.slice());
  cursor.restore(state);
  return out;
}
