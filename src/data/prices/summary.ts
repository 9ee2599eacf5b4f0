/**
 * A short description of a loaded series (range, rows, gaps, zero-volume days, dropped rows), for
 * `evstudy prices list / inspect` and for reports' data notes. Read from the columns, so it holds for
 * any layout.
 */
import { formatDay } from '../../util/dayNumber.js';
import type { LoadedPrices } from './types.js';
import { GAP_WARN_DAYS } from './validate.js';

export interface SeriesRange {
  first: string;
  last: string;
  rows: number;
}

export interface PriceGap {
  /** Last row before the gap and first row after it. */
  from: string;
  to: string;
  calendarDays: number;
}

export interface PriceSummary extends SeriesRange {
  gaps: PriceGap[];
  zeroVolumeDays: string[];
  /** Identical repeated rows that were dropped. */
  duplicatesDropped: number;
  /** Rows left out on purpose (e.g. baostock suspended days). */
  rowsSkipped: number;
}

export function seriesRange({ series }: LoadedPrices): SeriesRange {
  const n = series.days.length;
  return { first: formatDay(series.days[0]), last: formatDay(series.days[n - 1]), rows: n };
}

export function summarizePrices(loaded: LoadedPrices, gapDays = GAP_WARN_DAYS): PriceSummary {
  const { days, volume } = loaded.series;
  const gaps: PriceGap[] = [];
  for (let i = 1; i < days.length; i++) {
    const d = days[i] - days[i - 1];
    if (d > gapDays) gaps.push({ from: formatDay(days[i - 1]), to: formatDay(days[i]), calendarDays: d });
  }
  const zeroVolumeDays: string[] = [];
  if (volume) for (let i = 0; i < days.length; i++) if (volume[i] === 0) zeroVolumeDays.push(formatDay(days[i]));
  const count = (code: string): number => loaded.warnings.filter((w) => w.code === code).length;
  return {
    ...seriesRange(loaded),
    gaps,
    zeroVolumeDays,
    duplicatesDropped: count('duplicate-row'),
    rowsSkipped: count('skipped-row'),
  };
}
