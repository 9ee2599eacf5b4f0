/**
 * One price file (bytes or text) -> a checked, ascending, columnar series.
 *
 * bytes read a chunk at a time (checkPriceSource; a string is one piece) -> decode (UTF-8 / BOM / GB18030)
 * -> CSV records with line numbers -> layout (named or detected from the
 * header) -> columns bound to the header -> rows read and checked one at a time -> sorted, de-duplicated
 * columns. The first MAX_ERRORS problems are collected and the rest counted (checkPrices); parsePrices
 * throws the first with the rest as details, so a user fixes a file in one pass instead of one error
 * per run. Intraday rows and mixed UTC offsets stop the file at once (every later row would repeat it).
 */
import { DataError, type Warning } from '../../util/errors.js';
import { bindColumns, type ColumnBinding } from './columns.js';
import { lineText, type CsvRecord } from './csv.js';
import { OffsetTracker, timeOfDay, utcOffsetMinutes } from './offsets.js';
import { formatDay, weekday } from '../../util/dayNumber.js';
import { parseDate, type DateFormatId } from './dates.js';
import { decodePriceBytes, type DecodedText } from './decode.js';
import { bytesSource, countingReader, DEFAULT_CHUNK_BYTES, type ByteSource, type ChunkReader, type ReadStats } from './stream/chunks.js';
import { decodeChunks, Restart, Undecodable, type DecodeState, type PassMode } from './stream/decodeChunks.js';
import { eachCsvRecord, splitRecords, type SplitState } from './stream/records.js';
import { requireLayout } from './detect.js';
import { ADAPTERS } from './formats/index.js';
import type { HeaderInfo, LayoutAdapter, PriceField } from './formats/types.js';
import { PRICE_FIELDS } from './formats/types.js';
import type { LoadedPrices, PriceLayout, TextEncodingName } from './types.js';
import { assembleSeries, checkBarShape, checkCell, mixedDateFormats, unparseableDate, type Bar, type CheckContext } from './validate.js';

export interface ParsePricesOptions {
  /** The file name used in messages and kept in the result. */
  file?: string;
  /** The layout, when known (manifest); otherwise detected from the header. */
  layout?: PriceLayout;
  /** Header name of the column to use as the close (e.g. `Adj Close`). */
  closeColumn?: string;
}

/** Everything found in one file: the series when there is no error, and every error and warning. */
export interface PriceCheck {
  prices: LoadedPrices | null;
  errors: DataError[];
  warnings: Warning[];
}

/**
 * Errors kept per file; the rest are only counted ("and N more"). A broken 200 MB file has millions
 * of bad rows: collecting them all ran out of memory, and nobody reads past the first screen.
 */
export const MAX_ERRORS = 20;
/** How many further errors a thrown DataError carries as details (the first is the error itself). */
const MAX_DETAILS = MAX_ERRORS - 1;

/**
 * Reads and checks a price file; never throws for problems in the data, returns them.
 *
 * @example
 * const { prices, errors, warnings } = checkPrices(readFileSync('my.csv'), { file: 'my.csv' });
 * for (const e of errors) console.error(e.format());
 */
export function checkPrices(input: string | Uint8Array, options: ParsePricesOptions = {}): PriceCheck {
  if (typeof input !== 'string') {
    const { read: _read, ...check } = checkPriceSource(bytesSource(input), options);
    return check;
  }
  return guard(() => checkText(textRecords(decodeInput(input), options.file ?? '<input>'), options));
}

/** A DataError thrown while reading is the file's one error. */
function guard(read: () => PriceCheck): PriceCheck {
  try {
    return read();
  } catch (err) {
    if (err instanceof DataError) return { prices: null, errors: [err], warnings: [] };
    throw err;
  }
}

export interface ChunkOptions {
  /** Bytes per read (DEFAULT_CHUNK_BYTES); tests use small ones to cut lines and characters. */
  chunkBytes?: number;
  /** Compute the SHA-256 of the bytes read (the column cache key) in the same pass. */
  hash?: boolean;
}

export interface StreamedCheck extends PriceCheck {
  /** What the last pass read; `read.sha256` is set when hashing and the pass reached the end. */
  read: ReadStats;
}

/**
 * checkPrices over a file read in chunks: bytes are decoded, cut into records and checked as they
 * are read, so memory follows the parsed rows, not the file's size, and a refusal (intraday data at
 * line 3, a mixed UTC offset) stops reading there. A pass can restart from the first byte, in a mode
 * only seen late (GB18030 bytes, a double quote); a restarted pass gives what the whole-file reader
 * gave. Quoted text is still read whole (csv-parse).
 */
export function checkPriceSource(source: ByteSource, options: ParsePricesOptions = {}, chunks: ChunkOptions = {}): StreamedCheck {
  const file = options.file ?? '<input>';
  const chunkBytes = chunks.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  let mode: PassMode = { gb18030: false, quoted: false };
  for (;;) {
    const counted = countingReader(source.open(chunkBytes), chunks.hash ?? false);
    try {
      const check = guard(() => checkText(chunkRecords(counted.reader, mode, file), options));
      return { ...check, read: counted.stats() };
    } catch (err) {
      if (err instanceof Restart) {
        mode = err.mode;
        continue;
      }
      if (err instanceof Undecodable) return { ...guard(() => undecodable(source, file)), read: counted.stats() };
      throw err;
    } finally {
      counted.reader.close();
    }
  }
}

/** Rebuilds the decoding error from the whole bytes (see Undecodable): only files that are not text get here. */
function undecodable(source: ByteSource, file: string): never {
  const parts: Uint8Array[] = [];
  const reader = source.open(DEFAULT_CHUNK_BYTES);
  try {
    for (let c = reader.next(); c !== null; c = reader.next()) parts.push(c.slice());
  } finally {
    reader.close();
  }
  decodePriceBytes(Buffer.concat(parts), file);
  throw new DataError('cannot decode the file as text', { file });
}

/** The records of a text, its header line as written, and its encoding. */
interface RecordSource {
  records: Iterator<CsvRecord>;
  headerText(line: number): string;
  encoding(): TextEncodingName;
}

function textRecords({ text, encoding }: DecodedText, file: string): RecordSource {
  return { records: eachCsvRecord(text, file), headerText: (line) => lineText(text, line), encoding: () => encoding };
}

function chunkRecords(reader: ChunkReader, mode: PassMode, file: string): RecordSource {
  const decoded: DecodeState = { encoding: 'utf-8' };
  const pieces = decodeChunks(reader, mode, decoded);
  if (mode.quoted) {
    const text = Array.from(pieces).join('');
    return { records: eachCsvRecord(text, file), headerText: (line) => lineText(text, line), encoding: () => decoded.encoding };
  }
  const split: SplitState = {};
  return { records: splitRecords(pieces, mode, split), headerText: () => split.headerText ?? '', encoding: () => decoded.encoding };
}

/**
 * Reads a price file; throws a DataError (the first problem, the others as details) if it has errors.
 *
 * @example
 * const { series, layout } = parsePrices(readFileSync('prices/cn/300418.SZ.csv'), { file: '300418.SZ.csv' });
 * console.log(layout, series.days.length, series.close[0]);
 */
export function parsePrices(input: string | Uint8Array, options: ParsePricesOptions = {}): LoadedPrices {
  const result = checkPrices(input, options);
  if (result.prices) return result.prices;
  throw combineErrors(result.errors);
}

/** The first error, carrying the others (up to MAX_DETAILS, then a count). */
export function combineErrors(errors: DataError[]): DataError {
  const [first, ...rest] = errors;
  // A count already made by the reader ("... and N more") is carried over into the total.
  const last = rest[rest.length - 1];
  const counted = last && /^\.\.\. and (\d+) more error/.exec(last.message);
  const real = counted ? rest.slice(0, -1) : rest;
  const more = (counted ? Number(counted[1]) : 0) + Math.max(0, real.length - MAX_DETAILS);
  const details = real.slice(0, MAX_DETAILS);
  if (more > 0) details.push(moreErrors(more, first.location.file ?? ''));
  return new DataError(first.message, first.location, details);
}

function decodeInput(input: string): DecodedText {
  return input.charCodeAt(0) === 0xfeff ? { text: input.slice(1), encoding: 'utf-8-bom' } : { text: input, encoding: 'utf-8' };
}

function checkText(source: RecordSource, options: ParsePricesOptions): PriceCheck {
  const file = options.file ?? '<input>';
  const records = source.records;
  const first = records.next();
  if (first.done) throw new DataError('empty file: no header and no rows', { file, line: 1, field: 'header', value: '' });

  const head = first.value;
  const header: HeaderInfo = { names: head.fields, line: source.headerText(head.line) };
  const layout = options.layout ?? requireLayout(header, file, head.line);
  const adapter = ADAPTERS[layout];
  const binding = bindColumns(adapter, header, { file, line: head.line }, options.closeColumn);

  const ctx: CheckContext = { file, name: binding.name };
  const present = PRICE_FIELDS.filter((f) => binding.index[f] !== undefined);
  const reader = new RowReader(ctx, adapter, binding, header, present);
  let rows = 0;
  // Past the cap, errors are only counted, but checkCell still builds each one; without a stack
  // trace that costs a third (a 10 MB file of bad rows took 38 s before, 13 s after, on a busy machine).
  const stackLimit = Error.stackTraceLimit;
  try {
    for (let r = records.next(); !r.done; r = records.next()) {
      const record = r.value;
      rows++;
      if (reader.more > 0) Error.stackTraceLimit = 0;
      reader.read(record);
    }
  } finally {
    Error.stackTraceLimit = stackLimit;
  }
  if (rows === 0) {
    throw new DataError('header only: the file has no data rows', { file, line: head.line, field: 'header', value: header.line });
  }

  const assembled = assembleSeries(ctx, reader.bars, present);
  if (reader.errors.length === 0 && reader.bars.length === 0) {
    throw new DataError(`no trading rows: all ${rows} data rows were skipped`, { file, line: head.line });
  }
  // The reader keeps its first MAX_ERRORS; assembly (repeated dates) can find as many again.
  const all = [...reader.errors, ...assembled.errors].sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  const errors = all.slice(0, MAX_ERRORS);
  const more = reader.more + all.length - errors.length;
  if (more > 0) errors.push(moreErrors(more, file));
  const warnings = [...reader.warnings, ...assembled.warnings];
  const weekend = reader.weekendWarning();
  if (weekend) warnings.push(weekend);
  if (errors.length > 0 || !assembled.series) return { prices: null, errors, warnings };
  return {
    prices: { series: assembled.series, layout, file, warnings, encoding: source.encoding(), closeColumn: binding.name.close },
    errors,
    warnings,
  };
}

/** The marker error standing for the errors not kept (see MAX_ERRORS). */
function moreErrors(n: number, file: string): DataError {
  return new DataError(`... and ${n} more error${n === 1 ? '' : 's'} (the first ${MAX_ERRORS} are shown)`, { file });
}

/** Reads data rows one at a time, keeping the good ones and every problem. */
class RowReader {
  readonly bars: Bar[] = [];
  /** The first MAX_ERRORS errors; `more` counts the rest. */
  readonly errors: DataError[] = [];
  more = 0;
  readonly warnings: Warning[] = [];
  private readonly offsets = new OffsetTracker();
  /** The previous row's day, time of day and line, to see several bars on one day (intraday data). */
  private prev: { day: number; time: string | null; line: number; date: string } | null = null;
  private weekend = { count: 0, line: 0, day: 0 };
  /** The first row's date notation; every later row must use the same. */
  private firstFormat: { format: DateFormatId; line: number } | undefined;

  constructor(
    private readonly ctx: CheckContext,
    private readonly adapter: LayoutAdapter,
    private readonly binding: ColumnBinding,
    private readonly header: HeaderInfo,
    private readonly present: readonly PriceField[],
  ) {}

  private fail(...errors: DataError[]): void {
    for (const e of errors) {
      if (this.errors.length < MAX_ERRORS) this.errors.push(e);
      else this.more++;
    }
  }

  /**
   * One warning for all bars on a Saturday or Sunday: no exchange evstudy knows (SSE, SZSE, BSE,
   * HKEX, NYSE, Nasdaq) trades then, so such bars are dates shifted by a time-zone conversion.
   */
  weekendWarning(): Warning | null {
    const w = this.weekend;
    if (w.count === 0) return null;
    return {
      code: 'weekend-bars',
      message: `${w.count} bar${w.count === 1 ? ' falls' : 's fall'} on a Saturday or Sunday (first ${formatDay(w.day)}); the exchanges evstudy knows do not trade then, so the dates are probably shifted (a time-zone conversion?)`,
      location: { file: this.ctx.file, line: w.line, field: this.ctx.name.date },
    };
  }

  /**
   * Timestamped rows: several bars on one day mean intraday data, refused at once (a minute-bar
   * file is hundreds of MB, and read as daily every day would be a duplicate); UTC offsets must be
   * one zone (see offsets.ts). Both stop the file: every later row would repeat the error.
   */
  private checkTimestamp(date: string, day: number, line: number): void {
    const time = timeOfDay(date);
    const p = this.prev;
    if (p && p.day === day && p.time !== time) {
      throw new DataError(
        `intraday data: line ${p.line} (${p.date}) and this line are bars of the same day; evstudy needs daily bars (one row per trading day): resample to daily closes first`,
        { file: this.ctx.file, line, field: this.ctx.name.date, value: date },
      );
    }
    this.prev = { day, time, line, date };
    if (time === null) return;
    const offset = utcOffsetMinutes(date);
    const problem = this.offsets.see(offset, Number(date.trim().slice(0, 4)), line);
    if (problem) throw new DataError(problem, { file: this.ctx.file, line, field: this.ctx.name.date, value: date });
  }

  read({ line, fields }: CsvRecord): void {
    const { ctx, adapter, binding } = this;
    if (fields.length !== this.header.names.length) {
      this.fail(
        new DataError(`the row has ${fields.length} cells, the header has ${this.header.names.length}`, {
          file: ctx.file,
          line,
          // The first column without a cell (a cut-off row), or the first cell without a column.
          field: this.header.names[fields.length] ?? `column ${this.header.names.length + 1} (no header)`,
          value: fields.join(','),
        }),
      );
      return;
    }
    const date = fields[binding.index.date as number];
    const skip = adapter.skipRow?.((name) => {
      const i = binding.cellIndex(name);
      return i === undefined ? undefined : fields[i];
    });
    if (skip) {
      this.warnings.push({ code: 'skipped-row', message: skip, location: { file: ctx.file, line, field: ctx.name.date, value: date } });
      return;
    }

    let ok = true;
    const parsed = parseDate(date, adapter.dateFormats);
    if (!parsed.ok) {
      this.fail(unparseableDate(ctx, line, date, adapter.dateFormats, parsed.format !== undefined));
      ok = false;
    } else if (!this.firstFormat) {
      this.firstFormat = { format: parsed.format, line };
    } else if (parsed.format !== this.firstFormat.format) {
      this.fail(mixedDateFormats(ctx, line, date, parsed.format, this.firstFormat));
      ok = false;
    }
    if (parsed.ok) {
      if (date.length > 10) this.checkTimestamp(date, parsed.day, line);
      const wd = weekday(parsed.day);
      if ((wd === 0 || wd === 6) && this.weekend.count++ === 0) this.weekend = { count: 1, line, day: parsed.day };
    }

    const bar: Bar = { line, day: parsed.ok ? parsed.day : NaN, date, raw: {}, values: {} };
    for (const f of this.present) {
      const raw = fields[binding.index[f] as number];
      const value = checkCell(ctx, line, f, raw, binding.readers[f](raw));
      if (value instanceof DataError) {
        this.fail(value);
        ok = false;
      } else {
        bar.raw[f] = raw;
        bar.values[f] = value;
      }
    }
    if (!ok) return;
    if (binding.rescaleFrom !== undefined && !this.rescale(bar, fields)) return;
    const shape = checkBarShape(ctx, bar);
    if (shape.length > 0) {
      this.fail(...shape);
      return;
    }
    this.bars.push(bar);
  }

  /**
   * With `closeColumn` = Adj Close, open/high/low are on the unadjusted scale: multiply them by
   * chosen close / own close, as Yahoo itself does for adjusted bars, so the bar stays consistent.
   */
  private rescale(bar: Bar, fields: string[]): boolean {
    const at = this.binding.rescaleFrom as number;
    const raw = fields[at];
    const own = this.binding.readers.close(raw);
    if (own === undefined || !Number.isFinite(own) || own <= 0) {
      this.fail(
        new DataError(`cannot rescale open/high/low to ${this.ctx.name.close}: the ${this.header.names[at]} cell is not a positive number`, {
          file: this.ctx.file,
          line: bar.line,
          field: this.header.names[at],
          value: raw,
        }),
      );
      return false;
    }
    const ratio = (bar.values.close as number) / own;
    for (const f of ['open', 'high', 'low'] as const) {
      const v = bar.values[f];
      if (v !== undefined) bar.values[f] = v * ratio;
    }
    return true;
  }
}
