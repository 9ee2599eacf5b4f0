/**
 * Binds a layout to one file's header: which cell index holds which field, under which name (for
 * error messages), read by which number reader. A required column that is missing is a DataError that
 * names it and shows the header seen.
 */
import { DataError } from '../../util/errors.js';
import type { ColumnKey, HeaderInfo, LayoutAdapter, PriceField } from './formats/types.js';
import { headerKey, PRICE_FIELDS } from './formats/types.js';
import { readDecimal, type NumberReader } from './numbers.js';

export interface ColumnBinding {
  /** Cell index per field present in the file. */
  index: Partial<Record<ColumnKey, number>>;
  /** Header name per field present, as written (errors name the column the user sees). */
  name: Partial<Record<ColumnKey, string>>;
  readers: Record<PriceField, NumberReader>;
  /**
   * When `closeColumn` picks a column other than the layout's own close (yfinance `Adj Close`), the
   * index of the layout's close: open/high/low are rescaled by chosen/own so the bar stays consistent.
   */
  rescaleFrom?: number;
  /** Cell reader by header name, for adapters' skipRow. */
  cellIndex(name: string): number | undefined;
}

export function bindColumns(
  adapter: LayoutAdapter,
  header: HeaderInfo,
  where: { file: string; line: number },
  closeColumn?: string,
): ColumnBinding {
  const keys = header.names.map(headerKey);
  const find = (name: string): number | undefined => {
    const i = keys.indexOf(headerKey(name));
    return i >= 0 ? i : undefined;
  };
  const missing = (name: string, why = `required by layout ${adapter.layout}`): DataError =>
    new DataError(`missing column "${name}" (${why}); the header has: ${header.names.join(', ')}`, {
      file: where.file,
      line: where.line,
      field: name,
      value: header.line,
    });

  const index: ColumnBinding['index'] = {};
  const name: ColumnBinding['name'] = {};
  for (const [key, aliases] of Object.entries(adapter.columns) as [ColumnKey, readonly string[]][]) {
    for (const alias of aliases) {
      const i = find(alias);
      if (i !== undefined) {
        index[key] = i;
        name[key] = header.names[i];
        break;
      }
    }
  }
  const firstMissing = adapter.required.find((key) => index[key] === undefined && !(key === 'close' && closeColumn));
  if (firstMissing) throw missing(adapter.columns[firstMissing]?.[0] ?? firstMissing);

  let rescaleFrom: number | undefined;
  if (closeColumn !== undefined) {
    const i = find(closeColumn);
    if (i === undefined) throw missing(closeColumn, 'named as closeColumn');
    if (index.close !== undefined && index.close !== i) rescaleFrom = index.close;
    index.close = i;
    name.close = header.names[i];
  }

  const readers = {} as Record<PriceField, NumberReader>;
  for (const f of PRICE_FIELDS) readers[f] = adapter.numbers?.[f] ?? readDecimal;
  return { index, name, readers, rescaleFrom, cellIndex: find };
}
