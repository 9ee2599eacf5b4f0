/**
 * Which vendor layout a header is. Asked in a fixed order, most specific first: investing.com and
 * AKShare share 日期/收盘 (investing.com says 高/低/交易量 where AKShare says 最高/最低/成交量); Tushare is
 * known by trade_date, baostock by its camel-case pctChg/turn/tradestatus; WSJ and yfinance both write
 * `Date,Open,High,Low,Close` (WSJ with blanks after the commas); anything else with a lower-case
 * `date` is canonical.
 */
import { DataError } from '../../util/errors.js';
import { ADAPTERS } from './formats/index.js';
import type { HeaderInfo } from './formats/types.js';
import type { PriceLayout } from './types.js';

const ORDER: readonly PriceLayout[] = ['investing-cn', 'akshare', 'tushare', 'baostock', 'wsj', 'yfinance', 'canonical'];

/**
 * The layout of a header, or undefined when none fits.
 *
 * @example
 * detectLayout(header); // e.g. 'akshare' for 日期,开盘,收盘,最高,最低,成交量,...
 */
export function detectLayout(header: HeaderInfo): PriceLayout | undefined {
  return ORDER.find((layout) => ADAPTERS[layout].matches(header));
}

/** As detectLayout, but a header no layout fits is a DataError that shows the header and the layouts known. */
export function requireLayout(header: HeaderInfo, file: string, line: number): PriceLayout {
  const layout = detectLayout(header);
  if (layout) return layout;
  throw new DataError(
    `cannot tell the price layout from the header (known layouts: ${ORDER.join(', ')}); name it with \`layout:\` in the manifest`,
    { file, line, field: 'header', value: header.line },
  );
}
