/** Calendar arithmetic on ISO dates, through the shared day numbers (util/dayNumber). */
import { formatDay, parseIsoDay } from '../util/dayNumber.js';

/** `2023-04-24` + 4 -> `2023-04-28`. Throws on a malformed date. */
export function addDays(iso: string, days: number): string {
  const d = parseIsoDay(iso);
  if (!Number.isFinite(d)) throw new RangeError(`not a date: ${iso}`);
  return formatDay(d + days);
}
