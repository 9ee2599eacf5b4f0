/**
 * Reads a long `date,symbol,value` table into dense per-symbol columns over the union of dates.
 * Rows may come in any order (grouped by symbol, by date, or shuffled).
 */
import { DataError } from '../../util/errors.js';
import { formatDay } from '../../util/dayNumber.js';
import type { CsvCursor } from './csv.js';
import { DateColumn } from './dates.js';
import { checkPositiveCell, parseValueCell } from './numbers.js';
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
}

export interface LongBlock {
  days: Int32Array;
  symbols: string[];
  columns: Float64Array[];
  dateFormat: DateFormat;
}

/** Dense columns beyond this many cells (1.6 GB of doubles) are refused rather than crashing. */
const MAX_CELLS = 200_000_000;

export function readLong(spec: LongSpec): LongBlock {
  const { cursor, head, dateCol, symbolCol, valueCol, warnings } = spec;
  const { header } = head;
  const file = cursor.file;
  const width = header.length;
  const dates = new DateColumn(file, header[dateCol] || 'date');
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

  while (cursor.next()) {
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
