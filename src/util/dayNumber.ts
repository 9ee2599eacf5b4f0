/**
 * Dates as integer day numbers: days since 1970-01-01 (UTC calendar). All hot paths use these
 * (Int32Array columns); strings are for input and output only. Calendar dates carry no time zone:
 * `2023-04-11` is the trading date printed by the exchange.
 *
 * @example
 * dayNumber(2023, 4, 11) // 19458
 * formatDay(19458)       // '2023-04-11'
 * weekday(19458)         // 2 (Tuesday; 0 = Sunday)
 */
const MS_PER_DAY = 86_400_000;

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Checks a Y-M-D triple names a real calendar date (no 2023-02-30). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1800 || year > 2200) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Parses strict ISO `YYYY-MM-DD`; returns NaN when it is not a real date. */
export function parseIsoDay(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return NaN;
  const y = +m[1], mo = +m[2], d = +m[3];
  return isValidYmd(y, mo, d) ? dayNumber(y, mo, d) : NaN;
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}
