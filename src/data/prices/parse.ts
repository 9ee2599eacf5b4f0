/**
 * One price file (bytes or text) -> a checked, ascending, columnar series.
 *
 * decode (UTF-8 / BOM / GB18030) -> CSV records with line numbers -> layout (named or detected from the
 * header) -> columns bound to the header -> every row read and checked -> sorted, de-duplicated columns.
 * Every problem in the file is collected (checkPrices); parsePrices throws the first with the rest as
 * details, so a user fixes a file in one pass instead of one error per run.
 */
import { DataError, type Warning } from '../../util/errors.js';
import { bindColumns, type ColumnBinding } from './columns.js';
import { lineText, readCsvRecords, type CsvRecord } from './csv.js';
import { parseDate, type DateFormatId } from './dates.js';
import { decodePriceBytes, type DecodedText } from './decode.js';
import { requireLayout } from './detect.js';
import { ADAPTERS } from './formats/index.js';
import type { HeaderInfo, LayoutAdapter, PriceField } from './formats/types.js';
import { PRICE_FIELDS } from './formats/types.js';
import type { LoadedPrices, PriceLayout } from './types.js';
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

/** How many further errors a thrown DataError carries as details. */
const MAX_DETAILS = 50;

/** Reads and checks a price file; never throws for problems in the data, returns them. */
export function checkPrices(input: string | Uint8Array, options: ParsePricesOptions = {}): PriceCheck {
  try {
    return checkText(decodeInput(input, options.file ?? '<input>'), options);
  } catch (err) {
    if (err instanceof DataError) return { prices: null, errors: [err], warnings: [] };
    throw err;
  }
}

/** Reads a price file; throws a DataError (the first problem, the others as details) if it has errors. */
export function parsePrices(input: string | Uint8Array, options: ParsePricesOptions = {}): LoadedPrices {
  const result = checkPrices(input, options);
  if (result.prices) return result.prices;
  throw combineErrors(result.errors);
}

/** The first error, carrying the others (up to MAX_DETAILS, then a count). */
export function combineErrors(errors: DataError[]): DataError {
  const [first, ...rest] = errors;
  const details = rest.slice(0, MAX_DETAILS);
  if (rest.length > MAX_DETAILS) {
    details.push(new DataError(`... and ${rest.length - MAX_DETAILS} more errors`, { file: first.location.file }));
  }
  return new DataError(first.message, first.location, details);
}

function decodeInput(input: string | Uint8Array, file: string): DecodedText {
  if (typeof input !== 'string') return decodePriceBytes(input, file);
  return input.charCodeAt(0) === 0xfeff ? { text: input.slice(1), encoding: 'utf-8-bom' } : { text: input, encoding: 'utf-8' };
}

function checkText({ text, encoding }: DecodedText, options: ParsePricesOptions): PriceCheck {
  const file = options.file ?? '<input>';
  const records = readCsvRecords(text, file);
  if (records.length === 0) throw new DataError('empty file: no header and no rows', { file, line: 1, field: 'header', value: '' });

  const head = records[0];
  const header: HeaderInfo = { names: head.fields, line: lineText(text, head.line) };
  const layout = options.layout ?? requireLayout(header, file, head.line);
  const adapter = ADAPTERS[layout];
  const binding = bindColumns(adapter, header, { file, line: head.line }, options.closeColumn);
  if (records.length === 1) {
    throw new DataError('header only: the file has no data rows', { file, line: head.line, field: 'header', value: header.line });
  }

  const ctx: CheckContext = { file, name: binding.name };
  const present = PRICE_FIELDS.filter((f) => binding.index[f] !== undefined);
  const reader = new RowReader(ctx, adapter, binding, header, present);
  for (let r = 1; r < records.length; r++) reader.read(records[r]);

  const assembled = assembleSeries(ctx, reader.bars, present);
  if (reader.errors.length === 0 && reader.bars.length === 0) {
    throw new DataError(`no trading rows: all ${records.length - 1} data rows were skipped`, { file, line: head.line });
  }
  const errors = [...reader.errors, ...assembled.errors].sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  const warnings = [...reader.warnings, ...assembled.warnings];
  if (errors.length > 0 || !assembled.series) return { prices: null, errors, warnings };
  return {
    prices: { series: assembled.series, layout, file, warnings, encoding, closeColumn: binding.name.close },
    errors,
    warnings,
  };
}

/** Reads data rows one at a time, keeping the good ones and every problem. */
class RowReader {
  readonly bars: Bar[] = [];
  readonly errors: DataError[] = [];
  readonly warnings: Warning[] = [];
  /** The first row's date notation; every later row must use the same. */
  private firstFormat: { format: DateFormatId; line: number } | undefined;

  constructor(
    private readonly ctx: CheckContext,
    private readonly adapter: LayoutAdapter,
    private readonly binding: ColumnBinding,
    private readonly header: HeaderInfo,
    private readonly present: readonly PriceField[],
  ) {}

  read({ line, fields }: CsvRecord): void {
    const { ctx, adapter, binding } = this;
    if (fields.length !== this.header.names.length) {
      this.errors.push(
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
      this.errors.push(unparseableDate(ctx, line, date, adapter.dateFormats, parsed.format !== undefined));
      ok = false;
    } else if (!this.firstFormat) {
      this.firstFormat = { format: parsed.format, line };
    } else if (parsed.format !== this.firstFormat.format) {
      this.errors.push(mixedDateFormats(ctx, line, date, parsed.format, this.firstFormat));
      ok = false;
    }

    const bar: Bar = { line, day: parsed.ok ? parsed.day : NaN, date, raw: {}, values: {} };
    for (const f of this.present) {
      const raw = fields[binding.index[f] as number];
      const value = checkCell(ctx, line, f, raw, binding.readers[f](raw));
      if (value instanceof DataError) {
        this.errors.push(value);
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
      this.errors.push(...shape);
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
      this.errors.push(
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
