/**
 * Price-limit flags for the event-window rows of an A-share listing: on a limit day the observed
 * close is capped by the exchange, so the measured return is a censored (lower) bound of the
 * reaction. Non-A-share listings and series without closes get no flags.
 */
import { limitHits, type Board } from '../core/index.js';
import type { SecurityData } from './types.js';

const BOARDS: readonly string[] = ['main', 'chinext', 'star', 'bse'];

export function priceLimitFlags(sec: SecurityData, rows: Int32Array): Int8Array | null {
  if (!sec.close || sec.market !== 'A-share' || !sec.board || !BOARDS.includes(sec.board)) return null;
  const n = rows.length;
  const close = new Float64Array(n);
  const prev = new Float64Array(n);
  const days = new Int32Array(n);
  // previousClose (core/limits.ts) of row r is close[r - 1]: read it in place rather than copying the
  // whole series for every event.
  for (let k = 0; k < n; k++) {
    const r = rows[k];
    close[k] = r >= 0 ? sec.close[r] : NaN;
    prev[k] = r >= 1 ? sec.close[r - 1] : NaN;
    days[k] = r >= 0 ? sec.days[r] : 0;
  }
  return limitHits(close, prev, sec.board as Board, { days, adjusted: sec.adjusted ?? false });
}
