/**
 * Text pieces -> CSV records, cut line by line as the pieces arrive, with the same records and line
 * numbers as readCsvRecords (csv.ts) gives for the whole text: blank lines skipped but counted, CRLF /
 * LF / CR each end a line, cells trimmed when the line has blanks. A line cut between two pieces is
 * carried over; a CR at the end of a piece waits for the next (it may be the first half of a CRLF).
 *
 * Quote-free text only: a piece with a double quote ends the pass with a Restart in quoted mode
 * (csv-parse, on the whole text, as before).
 */
import { lineFields, readQuoted, type CsvRecord } from '../csv.js';
import { Restart, type PassMode } from './decodeChunks.js';

export interface SplitState {
  /** The first record's line as written (the header: layout detection tells WSJ by its blanks). */
  headerText?: string;
}

export function* splitRecords(pieces: Iterable<string>, mode: PassMode, state: SplitState): Generator<CsvRecord> {
  let lineNo = 0;
  let carry = '';
  const breaks = /\r\n|\n|\r/g;

  // Lines of `buf` from the start; returns where the unfinished last line starts (buf.length if none).
  function* lines(buf: string, final: boolean): Generator<CsvRecord, number> {
    const cr = buf.includes('\r');
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      let end: number;
      let next: number;
      if (cr) {
        breaks.lastIndex = pos;
        const m = breaks.exec(buf);
        if (!m || (!final && m[0] === '\r' && m.index === n - 1)) {
          if (!final) return pos;
          end = n;
          next = n;
        } else {
          end = m.index;
          next = m.index + m[0].length;
        }
      } else {
        const i = buf.indexOf('\n', pos);
        if (i < 0 && !final) return pos;
        end = i < 0 ? n : i;
        next = i < 0 ? n : i + 1;
      }
      lineNo++;
      const line = buf.slice(pos, end);
      pos = next;
      const fields = lineFields(line);
      if (!fields) continue;
      if (state.headerText === undefined) state.headerText = line;
      yield { line: lineNo, fields };
    }
    return n;
  }

  for (const piece of pieces) {
    if (piece.includes('"')) throw new Restart({ ...mode, quoted: true });
    // No break in the piece: the line goes on (appending, not rescanning, keeps a long line linear).
    if (carry !== '' && !/[\r\n]/.test(piece)) {
      carry += piece;
      continue;
    }
    const buf = carry + piece;
    const at = yield* lines(buf, false);
    carry = buf.slice(at);
  }
  if (carry !== '') yield* lines(carry, true);
}

/**
 * The records of a whole text one at a time, for the row-by-row price reader: a quote-free text
 * (nearly all) is cut line by line as it is consumed (splitRecords on one piece), so no array of
 * every line and every cell is ever held (a 50 MB file made 3.4 GB of them). Same records and line
 * numbers as readCsvRecords (csv.ts).
 */
export function* eachCsvRecord(text: string, file: string): Generator<CsvRecord> {
  if (text.includes('"')) {
    yield* readQuoted(text, file);
    return;
  }
  yield* splitRecords([text], { gb18030: false, quoted: false }, {});
}
