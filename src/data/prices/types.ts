import type { Warning } from '../../util/errors.js';

/** How a vendor adjusted the prices for corporate actions. */
export type Adjustment = 'forward' | 'backward' | 'none' | 'dividend-adjusted' | 'split-adjusted';

/** Vendor layouts we can read (detected from the header, or named in the manifest). */
export type PriceLayout =
  | 'akshare'
  | 'canonical'
  | 'yfinance'
  | 'baostock'
  | 'tushare'
  | 'wsj'
  | 'investing-cn';

/**
 * One security's daily bars, columnar and sorted ascending by day. Hot paths read these typed arrays
 * directly; never convert to arrays of row objects.
 *
 * Optional columns are `null` when the file does not have them. A missing value inside a present
 * column is NaN (e.g. a blank volume).
 */
export interface PriceSeries {
  /** Integer day numbers (see util/dayNumber), strictly ascending, one per trading day of this security. */
  days: Int32Array;
  close: Float64Array;
  open: Float64Array | null;
  high: Float64Array | null;
  low: Float64Array | null;
  /** Volume in the vendor's unit (AKShare: lots of 100 shares). */
  volume: Float64Array | null;
  /** Turnover in currency (AKShare 成交额). */
  amount: Float64Array | null;
  /** Turnover rate in percent (AKShare 换手率); with `amount` it gives float market cap = amount / (rate/100). */
  turnoverRate: Float64Array | null;
  /** Vendor's own daily percent change, when given (AKShare 涨跌幅, Tushare pct_chg, baostock pctChg). */
  pctChange: Float64Array | null;
}

export interface LoadedPrices {
  series: PriceSeries;
  layout: PriceLayout;
  file: string;
  /** Non-fatal notes: dropped identical duplicate rows, gaps > 10 calendar days, zero-volume days. */
  warnings: Warning[];
  /** How the bytes were decoded (Chinese vendor exports are often GB18030). */
  encoding?: TextEncodingName;
  /** The header column used as the close (e.g. yfinance `Close` or `Adj Close`). */
  closeColumn?: string;
}

/** Encodings the price reader recognises. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A manifest entry: what one symbol is, where its file is, and where the file came from. */
export interface PriceManifestEntry {
  symbol: string;
  file: string;
  layout?: PriceLayout;
  name: string;
  /** Other names in news text (simplified, traditional, English), for `claims extract`. */
  aliases?: string[];
  exchange: string;
  board?: string;
  currency: string;
  adjustment: Adjustment;
  source: string;
  /** Which column is the close to use when a file has several (e.g. yfinance `Close` vs `Adj Close`). */
  closeColumn?: string;
  kind?: 'stock' | 'index' | 'etf';
  benchmark?: string;
  /** The issuer: listings with the same firm are one firm's shares (a cross-listing), one observation per announcement. */
  firm?: string;
  notes?: string;
  /** Board lot in shares (Hong Kong: per listing), for the backtest's order sizes. */
  lot?: number;
  /** An index's dated constituent weights (exclude-self benchmarks): file relative to the manifest, source, weight mode. */
  constituentWeights?: { file: string; source: string; mode: 'drifted' | 'published' };
  /** Rows outside this inclusive range were dropped when the file was copied: `YYYY-MM-DD..YYYY-MM-DD`. */
  trimmed?: string;
}
