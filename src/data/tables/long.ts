/**
 * Reads a long `date,symbol,value` table into dense per-symbol columns over the union of dates.
 * Rows may come in any order (grouped by symbol, by date, or shuffled).
 */
import { DataError } from '../../util/errors.js';
import { formatDay } from '../../util/dayNumber.js';
import type { CsvCursor } from './csv.js';
import { DateColumn } from './dates.js';
import { checkPositiveCell, checkReturnFloor, parseValueCell, plainDecimalAt } from './numbers.js';
import { sameValue, show } from './order.js';
import { checkWidth, type HeaderAt } from './rows.js';
import type { DateFormat } from './types.js';
import type { WarningSink } from './warnings.js';

export interface LongSpec {
  /** Positioned just after the header. */
  cursor: CsvCursor;
  head: HeaderAt;
  dateCol: number;
  symbolCol: number;
  valueCol: number;
  warnings: WarningSink;
  /** Values are prices: zero or negative is an error (see ValueTableOptions.positive). */
  positive?: boolean;
  /** Values are simple returns: at or below this (-1, or -100 in percent) is an error at its line. */
  floor?: number;
}

export interface LongBlock {
  days: Int32Array;
  symbols: string[];
  columns: Float64Array[];
  dateFormat: DateFormat;
}

/** Dense columns beyond this many cells (1.6 GB of doubles) are refused rather than crashing. */
const MAX_CELLS = 200_000_000;

/**
 * Cell boundaries of the plain line text[start, end): starts[k] is where cell k begins and
 * starts[width] is end + 1, so cell k is text[starts[k], starts[k + 1] - 1). False unless the line
 * has exactly `width` cells, none empty at its edge nor starting or ending with a blank (those go
 * through the general reader, which trims them and reports problems).
 */
function plainCells(text: string, start: number, end: number, delim: string, starts: Int32Array, width: number): boolean {
  starts[0] = start;
  let at = start;
  // indexOf is a native scan, several times faster than a charCodeAt loop over the line.
  for (let k = 1; k < width; k++) {
    const d = text.indexOf(delim, at);
    if (d < 0 || d >= end) return false;
    starts[k] = d + 1;
    at = d + 1;
  }
  const extra = text.indexOf(delim, at);
  if (extra >= 0 && extra < end) return false;
  starts[width] = end + 1;
  for (let c = 0; c < width; c++) {
    const a = starts[c];
    const b = starts[c + 1] - 1;
    if (b <= a || text.charCodeAt(a) <= 32 || text.charCodeAt(b - 1) <= 32) return false;
  }
  return true;
}

export function readLong(spec: LongSpec): LongBlock {
  const { cursor, head, dateCol, symbolCol, valueCol, warnings, floor } = spec;
  const { header } = head;
  const file = cursor.file;
  const width = header.length;
  const dates = new DateColumn(file, header[dateCol] || 'date', true);
  const decimalComma = cursor.delimiter === ';';
  const cap = cursor.remainingLines();
  const recDay = new Int32Array(cap);
  const recSym = new Int32Array(cap);
  const recVal = new Float64Array(cap);
  const recLine = new Int32Array(cap);
  const symbolIndex = new Map<string, number>();
  const symbols: string[] = [];
  const place = { file, line: 0, field: header[valueCol] };
  let prevSymbol = '';
  let prevIndex = -1;
  let n = 0;
  let minDay = Infinity;
  let maxDay = -Infinity;

  // Fast path for the usual row (no quotes, no blanks around cells, exactly the header's width):
  // cells are read in place from the text, the symbol compared with the previous row's, the value
  // parsed from its characters. Any other row, and any cell the fast path does not take for
  // certain, goes through the general cursor below, which also words every error.
  const text = cursor.text;
  const delim = cursor.delimiter;
  const cellStart = new Int32Array(width + 1);
  for (;;) {
    const end = width === 3 ? cursor.peekPlain() : -1;
    if (end >= 0 && dates.format === 'YYYY-MM-DD') {
      const start = cursor.offset;
      if (plainCells(text, start, end, delim, cellStart, width)) {
        const line = cursor.upcomingLine;
        const day = dates.dayAt(text, cellStart[dateCol], cellStart[dateCol + 1] - 1, line);
        const ss = cellStart[symbolCol];
        const se = cellStart[symbolCol + 1] - 1;
        let s: number | undefined;
        if (se - ss === prevSymbol.length && text.startsWith(prevSymbol, ss)) s = prevIndex;
        else if (se > ss) {
          const sym = text.slice(ss, se);
          s = symbolIndex.get(sym);
          if (s === undefined) {
            s = symbols.length;
            symbolIndex.set(sym, s);
            symbols.push(sym);
          }
          prevSymbol = sym;
          prevIndex = s;
        }
        if (s !== undefined) {
          const vs = cellStart[valueCol];
          const ve = cellStart[valueCol + 1] - 1;
          place.line = line;
          let v = plainDecimalAt(text, vs, ve);
          if (Number.isNaN(v)) v = parseValueCell(text.slice(vs, ve), place, decimalComma);
          if (spec.positive && !(v > 0 || Number.isNaN(v))) checkPositiveCell(v, text.slice(vs, ve), place);
          if (floor !== undefined && v <= floor) checkReturnFloor(v, text.slice(vs, ve), place, floor);
          cursor.skipPlain();
          recDay[n] = day;
          recSym[n] = s;
          recVal[n] = v;
          recLine[n] = line;
          if (day < minDay) minDay = day;
          if (day > maxDay) maxDay = day;
          n++;
          continue;
        }
      }
    }
    if (!cursor.next()) break;
    const rec = cursor.cells;
    if (rec.length === 0) continue;
    const line = cursor.line;
    checkWidth(rec, width, file, line, header);
    const day = dates.day(rec[dateCol], line);
    const sym = rec[symbolCol];
    if (sym === '') throw new DataError('empty symbol', { file, line, field: header[symbolCol], value: sym });
    // Long files are usually grouped by symbol: comparing with the previous row's symbol is
    // cheaper than hashing every cell.
    let s = sym === prevSymbol ? prevIndex : symbolIndex.get(sym);
    if (s === undefined) {
      s = symbols.length;
      symbolIndex.set(sym, s);
      symbols.push(sym);
    }
    prevSymbol = sym;
    prevIndex = s;
    place.line = line;
    recDay[n] = day;
    recSym[n] = s;
    recVal[n] = parseValueCell(rec[valueCol], place, decimalComma);
    if (spec.positive) checkPositiveCell(recVal[n], rec[valueCol], place);
    if (floor !== undefined) checkReturnFloor(recVal[n], rec[valueCol], place, floor);
    recLine[n] = line;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
    n++;
  }
  if (n === 0 || dates.format === null) {
    throw new DataError('no data rows after the header', { file, line: head.line, field: 'header', value: header.join(',') });
  }

  // Dates are bounded (years 1800..2200, see isValidYmd), so a direct day -> row lookup is small.
  const span = maxDay - minDay + 1;
  const rowOf = new Int32Array(span).fill(-1);
  for (let k = 0; k < n; k++) rowOf[recDay[k] - minDay] = 0;
  let nDays = 0;
  for (let i = 0; i < span; i++) if (rowOf[i] === 0) rowOf[i] = nDays++;
  if (nDays * symbols.length > MAX_CELLS) {
    throw new DataError(
      `too large for dense columns: ${symbols.length} symbols x ${nDays} dates; split the file or keep only the symbols the study needs`,
      { file, line: head.line, field: header[symbolCol], value: `${symbols.length} symbols` },
    );
  }
  const days = new Int32Array(nDays);
  for (let i = 0; i < span; i++) if (rowOf[i] >= 0) days[rowOf[i]] = minDay + i;

  const columns = symbols.map(() => new Float64Array(nDays).fill(NaN));
  const filled = symbols.map(() => new Uint8Array(nDays));
  for (let k = 0; k < n; k++) {
    const s = recSym[k];
    const row = rowOf[recDay[k] - minDay];
    if (filled[s][row] === 0) {
      filled[s][row] = 1;
      columns[s][row] = recVal[k];
      continue;
    }
    // Repeated (symbol, date): find the first occurrence for the message (rare path).
    let first = 0;
    while (recSym[first] !== s || recDay[first] !== recDay[k]) first++;
    if (!sameValue(recVal[first], recVal[k])) {
      throw new DataError(
        `${symbols[s]} on ${formatDay(recDay[k])} appears twice with different values: line ${recLine[first]} has ${show(recVal[first])}, this line has ${show(recVal[k])}`,
        { file, line: recLine[k], field: header[valueCol], value: show(recVal[k]) },
      );
    }
    warnings.add('duplicate-row', `${symbols[s]} on ${formatDay(recDay[k])} repeats line ${recLine[first]} exactly; dropped`, {
      file,
      line: recLine[k],
    });
  }
  return { days, symbols, columns, dateFormat: dates.format };
}
