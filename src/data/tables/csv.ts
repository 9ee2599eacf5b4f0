/**
 * A forward cursor over the records of delimited text: trimmed cells plus the physical line each
 * record starts on, so every later error can name it.
 *
 * Hand-written rather than csv-parse, and a cursor rather than an array of rows, because the
 * ad-hoc long returns files run to hundreds of thousands of lines: keeping one string array per
 * row alive costs more than all the parsing. Lines without a double quote (nearly all) are cut
 * with indexOf into a reused cell array; only lines with a quote go through the RFC 4180 state
 * machine (quoted delimiters, doubled quotes, quoted line breaks).
 */
import { DataError } from '../../util/errors.js';

export type Delimiter = ',' | ';' | '\t';

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Comma unless the first non-blank line has more semicolons (R `write.csv2`, European Excel) or
 * tabs (TSV) than commas.
 */
export function detectDelimiter(text: string): Delimiter {
  const m = /[^\r\n]*\S[^\r\n]*/.exec(text);
  const first = m ? m[0] : '';
  const count = (ch: string) => first.split(ch).length - 1;
  const commas = count(',');
  const semis = count(';');
  const tabs = count('\t');
  if (semis > commas && semis >= tabs) return ';';
  if (tabs > commas && tabs > semis) return '\t';
  return ',';
}

export interface CursorState {
  pos: number;
  line: number;
}

export class CsvCursor {
  readonly text: string;
  readonly delimiter: Delimiter;
  /**
   * Cells of the current record, trimmed; empty for a blank line (or one of only delimiters).
   * Overwritten by the next `next()`: copy (`slice()`) to keep.
   */
  cells: string[] = [];
  /** 1-based physical line on which the current record starts. */
  line = 0;
  private pos = 0;
  private nextLine = 1;
  /** Line break position found by the last `peekPlain`. */
  private peekEol = 0;
  /** Offset of the next `"` at or after `pos` (text.length when none), so a quote-free file is scanned once. */
  private nextQuote = -1;

  constructor(
    text: string,
    readonly file: string,
    delimiter?: Delimiter,
  ) {
    this.text = stripBom(text);
    this.delimiter = delimiter ?? detectDelimiter(this.text);
  }

  /** An upper bound on the records left (line breaks + 1), for sizing typed arrays. */
  remainingLines(): number {
    let n = 1;
    for (let i = this.text.indexOf('\n', this.pos); i >= 0; i = this.text.indexOf('\n', i + 1)) n++;
    return n;
  }

  save(): CursorState {
    return { pos: this.pos, line: this.nextLine };
  }

  restore(state: CursorState): void {
    this.pos = state.pos;
    this.nextLine = state.line;
    this.nextQuote = -1;
  }

  /** Moves to the next record; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    const pos = this.pos;
    if (pos >= n) return false;
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let end = eol;
    if (end > pos && text.charCodeAt(end - 1) === CR) end--;
    if (this.nextQuote < pos) {
      const q = text.indexOf('"', pos);
      this.nextQuote = q < 0 ? n : q;
    }
    this.line = this.nextLine;
    if (this.nextQuote >= end) {
      const cells = this.cells;
      const d = this.delimiter;
      let k = 0;
      let s = pos;
      for (;;) {
        const c = text.indexOf(d, s);
        if (c < 0 || c >= end) {
          cells[k++] = text.slice(s, end);
          break;
        }
        cells[k++] = text.slice(s, c);
        s = c + 1;
      }
      // Setting an array's length is slow even when unchanged; rows rarely change width.
      if (cells.length !== k) cells.length = k;
      this.pos = eol + 1;
      this.nextLine++;
    } else {
      const r = parseQuotedRecord(text, pos, this.delimiter, this.file, this.line);
      this.cells = r.cells;
      this.pos = r.next;
      this.nextLine += r.linesUsed;
    }
    finishRecord(this.cells);
    return true;
  }

  /** Offset in `text` of the next record's first character. */
  get offset(): number {
    return this.pos;
  }

  /** 1-based physical line on which the next record starts. */
  get upcomingLine(): number {
    return this.nextLine;
  }

  /**
   * The fast path of a reader that cuts cells itself: the end (exclusive, before a CR) of the next
   * line when that line holds no double quote; -1 when it does, or at the end of the text. Nothing
   * is consumed: the reader calls `skipPlain()` if it took the line, else `next()` reads it.
   */
  peekPlain(): number {
    const text = this.text;
    const pos = this.pos;
    const n = text.length;
    if (pos >= n) return -1;
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    if (this.nextQuote < pos) {
      const q = text.indexOf('"', pos);
      this.nextQuote = q < 0 ? n : q;
    }
    if (this.nextQuote < eol) return -1;
    this.peekEol = eol;
    return eol > pos && text.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
  }

  /** Consumes the line `peekPlain` just returned; `line` becomes its number. */
  skipPlain(): void {
    this.line = this.nextLine++;
    this.pos = this.peekEol + 1;
  }

  /** Advances to the next non-blank record; false at the end. */
  nextNonBlank(): boolean {
    while (this.next()) if (this.cells.length > 0) return true;
    return false;
  }
}

/** Trims every cell in place; a record with no non-empty cell is emptied. */
function finishRecord(cells: string[]): void {
  let any = false;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    // Trim only when needed: plain numeric cells then cost no extra string.
    if (c.length > 0 && (c.charCodeAt(0) <= 32 || c.charCodeAt(c.length - 1) <= 32)) cells[i] = c.trim();
    if (cells[i] !== '') any = true;
  }
  if (!any) cells.length = 0;
}

/**
 * RFC 4180 record starting at `start`; returns the cells, the offset after the record's line
 * break and how many physical lines it spanned.
 */
function parseQuotedRecord(
  text: string,
  start: number,
  delim: string,
  file: string,
  startLine: number,
): { cells: string[]; next: number; linesUsed: number } {
  const n = text.length;
  const d = delim.charCodeAt(0);
  const cells: string[] = [];
  let pos = start;
  let linesUsed = 1;
  for (;;) {
    // Blanks before an opening quote are tolerated (`1, "x"`).
    let p = pos;
    while (p < n && (text.charCodeAt(p) === 32 || (text.charCodeAt(p) === 9 && d !== 9))) p++;
    if (p < n && text.charCodeAt(p) === QUOTE) {
      let value = '';
      let q = p + 1;
      for (;;) {
        const close = text.indexOf('"', q);
        if (close < 0) {
          throw new DataError('unterminated quoted field (a " opened here is never closed)', {
            file,
            line: startLine + linesUsed - 1,
            field: `column ${cells.length + 1}`,
            value: text.slice(p, Math.min(n, p + 40)),
          });
        }
        const chunk = text.slice(q, close);
        for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) linesUsed++;
        value += chunk;
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          q = close + 2;
        } else {
          q = close + 1;
          break;
        }
      }
      // Only blanks may sit between the closing quote and the next delimiter / line end.
      while (q < n && text.charCodeAt(q) !== d && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
      cells.push(value);
      const c = q < n ? text.charCodeAt(q) : LF;
      if (c === d) {
        pos = q + 1;
        continue;
      }
      if (c === LF || c === CR) return { cells, next: afterLineBreak(text, q), linesUsed };
      throw new DataError('unexpected text after a closing quote', {
        file,
        line: startLine + linesUsed - 1,
        field: `column ${cells.length}`,
        value: text.slice(p, Math.min(n, q + 10)),
      });
    }
    // Unquoted field: runs to the next delimiter or line end; a stray quote inside is literal.
    let q = p;
    while (q < n) {
      const c = text.charCodeAt(q);
      if (c === d || c === LF || c === CR) break;
      q++;
    }
    cells.push(text.slice(pos, q));
    if (q < n && text.charCodeAt(q) === d) {
      pos = q + 1;
      continue;
    }
    return { cells, next: afterLineBreak(text, q), linesUsed };
  }
}

function afterLineBreak(text: string, q: number): number {
  if (q >= text.length) return text.length;
  if (text.charCodeAt(q) === CR && text.charCodeAt(q + 1) === LF) return q + 2;
  return q + 1;
}
