/** The price data layer: vendor files -> checked columnar series, the manifest, and the lazy store. */
export type {
  Adjustment,
  LoadedPrices,
  PriceLayout,
  PriceManifestEntry,
  PriceSeries,
  TextEncodingName,
} from './types.js';
export { parsePrices, checkPrices, combineErrors, type ParsePricesOptions, type PriceCheck } from './parse.js';
export { decodePriceBytes, type DecodedText } from './decode.js';
export { detectLayout } from './detect.js';
export { ADAPTERS, PRICE_LAYOUTS } from './formats/index.js';
export type { LayoutAdapter, PriceField } from './formats/types.js';
export { parseDate, expandTwoDigitYear, type DateFormatId } from './dates.js';
export { GAP_WARN_DAYS, RANGE_TOLERANCE } from './validate.js';
export { parseManifest, calendarExchange, MANIFEST_FILE, ADJUSTMENTS, EXCHANGES, BOARDS, KINDS } from './manifest.js';
export { openPriceStore, type PriceStore } from './store.js';
export { seriesRange, summarizePrices, type SeriesRange, type PriceSummary, type PriceGap } from './summary.js';
