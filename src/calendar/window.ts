/**
 * Windows in trading days relative to day 0, on the security's own rows: offset k is row
 * `day0Index + k`. A holiday on another exchange never enters: it is simply not a row here.
 *
 * Ranges are of rows (prices). A return on row i needs row i - 1 too, so a caller computing returns
 * over [a, b] needs rows [a - 1, b]; `sliceWindow(..., { needPreviousRow: true })` checks that.
 */
import { formatDay } from '../util/dayNumber.js';

/** Inclusive offsets [from, to] relative to day 0, e.g. [-10, 10]. */
export type Window = readonly [from: number, to: number];

export interface WindowSlice {
  ok: true;
  /** Row index of offset `from` (inclusive). */
  start: number;
  /** Row index of offset `to` (inclusive). */
  end: number;
  /** Number of rows, end - start + 1. */
  length: number;
  from: number;
  to: number;
  /** Day numbers of the first and last rows, for reports. */
  firstDay: number;
  lastDay: number;
}

export interface WindowOutside {
  ok: false;
  reason: string;
  /** Offsets relative to day 0 that the data does cover: [-day0Index, n - 1 - day0Index]. */
  available: Window;
}

export type WindowResult = WindowSlice | WindowOutside;

export interface SliceOptions {
  /** Also require the row before `from` (for a return on the first day of the window). */
  needPreviousRow?: boolean;
  /** Named in reasons. */
  label?: string;
}

function checkWindow([from, to]: Window): void {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
    throw new RangeError(`a window is two integer offsets [from, to] with from <= to, got [${from}, ${to}]`);
  }
}

function checkIndex(days: Int32Array, day0Index: number): void {
  if (!Number.isInteger(day0Index) || day0Index < 0 || day0Index >= days.length) {
    throw new RangeError(`day-0 index ${day0Index} is not a row of a calendar of ${days.length} days`);
  }
}

const fmt = (k: number): string => (k > 0 ? `+${k}` : String(k));

/** Rows of window [from, to] around day 0, or why the data does not cover it. */
export function sliceWindow(days: Int32Array, day0Index: number, window: Window, options: SliceOptions = {}): WindowResult {
  checkWindow(window);
  checkIndex(days, day0Index);
  const [from, to] = window;
  const available: Window = [-day0Index, days.length - 1 - day0Index];
  const need = options.needPreviousRow ? from - 1 : from;
  const label = options.label ?? 'window';
  const span = `${label} [${fmt(from)}, ${fmt(to)}]`;
  if (day0Index + need < 0) {
    const missing = -(day0Index + need);
    return {
      ok: false,
      available,
      reason: `${span} starts ${missing} trading day${missing === 1 ? '' : 's'} before the first row (${formatDay(days[0])}); day 0 is ${formatDay(days[day0Index])}`,
    };
  }
  if (day0Index + to > days.length - 1) {
    const missing = day0Index + to - (days.length - 1);
    return {
      ok: false,
      available,
      reason: `${span} ends ${missing} trading day${missing === 1 ? '' : 's'} after the last row (${formatDay(days[days.length - 1])}); day 0 is ${formatDay(days[day0Index])}`,
    };
  }
  const start = day0Index + from;
  const end = day0Index + to;
  return { ok: true, start, end, length: end - start + 1, from, to, firstDay: days[start], lastDay: days[end] };
}

export interface EstimationOptions {
  /** Fewest rows the (possibly truncated) window may keep; DESIGN default 60. */
  minRows?: number;
  /** Allow cutting the window at the first row when the data starts late (default true). */
  allowTruncation?: boolean;
  /** Also require the row before the window's first row (returns). Default true: estimation uses returns. */
  needPreviousRow?: boolean;
}

export type EstimationResult = (WindowSlice & { truncated: boolean }) | WindowOutside;

/**
 * The estimation window (default [-130, -11]) before day 0. Unlike the event window, it may be cut
 * at the start of the data when at least `minRows` rows remain: a listing with 100 days of history
 * still gives a usable market model. Whether enough of those rows hold valid returns (not gaps or
 * suspensions) is decided later, by the model fit.
 */
export function estimationWindow(
  days: Int32Array,
  day0Index: number,
  window: Window = [-130, -11],
  options: EstimationOptions = {},
): EstimationResult {
  checkWindow(window);
  checkIndex(days, day0Index);
  const { minRows = 60, allowTruncation = true, needPreviousRow = true } = options;
  const [from, to] = window;
  if (to >= 0) throw new RangeError(`an estimation window must end before day 0, got [${from}, ${to}]`);
  const full = sliceWindow(days, day0Index, window, { needPreviousRow, label: 'estimation window' });
  if (full.ok) return { ...full, truncated: false };
  const available = full.available;
  if (!allowTruncation) return full;
  // First offset the data allows (one later when the previous row is needed for a return).
  const earliest = -day0Index + (needPreviousRow ? 1 : 0);
  const cutFrom = Math.max(from, earliest);
  const rows = to - cutFrom + 1;
  if (rows < minRows) {
    return {
      ok: false,
      available,
      reason: `estimation window [${fmt(from)}, ${fmt(to)}] has only ${Math.max(rows, 0)} row${rows === 1 ? '' : 's'} of data before day 0 (${formatDay(days[day0Index])}), fewer than the minimum ${minRows}`,
    };
  }
  const start = day0Index + cutFrom;
  const end = day0Index + to;
  return { ok: true, start, end, length: rows, from: cutFrom, to, firstDay: days[start], lastDay: days[end], truncated: true };
}
