/**
 * The earliest fill an announcement allows (issue 11 §2), as a "moment": 2 x session + 0 (open) or
 * + 1 (close), sessions counted on the market calendar.
 *
 * Day 0 is already the first session at or after publication in the study's alignment: for a
 * pre-open event it is that day, for an after-close event the next session. Both can be traded at
 * day 0's open. An intraday event (or one of unknown timing) was public only part-way through
 * day 0, so the first price known to be after it is day 0's close.
 *
 * @example earliestMoment(10, 'after-close') // 20 (session 10, open)
 * @example earliestMoment(10, 'intraday')    // 21 (session 10, close)
 */
import type { Timing } from './types.js';

export function earliestMoment(day0Session: number, timing: Timing): number {
  return 2 * day0Session + (timing === 'pre-open' || timing === 'after-close' ? 0 : 1);
}
