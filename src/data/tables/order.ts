/**
 * Puts the rows of a wide table (one row per date) in ascending date order and resolves repeated
 * dates: an exact repeat is dropped with a warning (files glued together from overlapping
 * downloads), a repeat with different values is an error because there is no way to know which
 * row is right.
 */
import { DataError } from '../../util/errors.js';
import { formatDay } from '../../util/dayNumber.js';
import type { WarningSink } from './warnings.js';

export interface RowSet {
  days: Int32Array;
  columns: Float64Array[];
  /** Physical line of each row, for messages. */
  lines: Int32Array;
}

/** `hint` is appended to the message of a conflicting repeat (see readValueTable). */
export function orderRows(rows: RowSet, names: readonly string[], file: string, warnings: WarningSink, hint = ''): RowSet {
  const { days, lines } = rows;
  const n = days.length;
  let ascending = true;
  for (let i = 1; i < n && ascending; i++) ascending = days[i] > days[i - 1];
  if (ascending) return rows;

  let descending = true;
  for (let i = 1; i < n && descending; i++) descending = days[i] < days[i - 1];
  warnings.add(
    'rows-sorted',
    descending ? 'rows were newest first; sorted ascending by date' : 'rows were not in date order; sorted ascending by date',
    { file, line: lines[0] },
  );

  // Stable by file position, so of two repeated rows the earlier line is kept.
  const perm = Array.from({ length: n }, (_, i) => i);
  perm.sort((a, b) => days[a] - days[b] || a - b);

  const keep: number[] = [];
  for (const i of perm) {
    const last = keep.length > 0 ? keep[keep.length - 1] : -1;
    if (last >= 0 && days[last] === days[i]) {
      checkSameRow(rows, names, last, i, file, hint);
      warnings.add('duplicate-row', `date ${formatDay(days[i])} repeats line ${lines[last]} exactly; dropped`, {
        file,
        line: lines[i],
      });
      continue;
    }
    keep.push(i);
  }
  const m = keep.length;
  const outDays = new Int32Array(m);
  const outLines = new Int32Array(m);
  const outCols = rows.columns.map(() => new Float64Array(m));
  for (let k = 0; k < m; k++) {
    const i = keep[k];
    outDays[k] = days[i];
    outLines[k] = lines[i];
    for (let c = 0; c < outCols.length; c++) outCols[c][k] = rows.columns[c][i];
  }
  return { days: outDays, columns: outCols, lines: outLines };
}

/** Two numbers read from cells are "the same" when equal or both missing. */
export function sameValue(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function checkSameRow(rows: RowSet, names: readonly string[], first: number, again: number, file: string, hint: string): void {
  for (let c = 0; c < rows.columns.length; c++) {
    const a = rows.columns[c][first];
    const b = rows.columns[c][again];
    if (!sameValue(a, b)) {
      throw new DataError(
        `date ${formatDay(rows.days[again])} appears twice with different values: line ${rows.lines[first]} has ${show(a)}, this line has ${show(b)}${hint}`,
        { file, line: rows.lines[again], field: names[c], value: show(b) },
      );
    }
  }
}

export function show(v: number): string {
  return Number.isNaN(v) ? 'NA' : String(v);
}
