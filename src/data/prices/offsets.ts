/**
 * UTC offsets on yfinance / pandas timestamps (`2023-04-24 00:00:00-04:00`). The calendar date is
 * taken as written, which is right only when every row is written in the exchange's own zone. A
 * file spliced from exports in different zones (`+08:00` rows beside `-04:00` rows) shifts bars by
 * a day, onto Sundays, with no error. A US file legitimately has two offsets (-05:00 in winter,
 * -04:00 in summer), switching about twice a year; anything else is refused at the first row that
 * breaks the pattern.
 */
/** `Z`, `+08:00`, `-0400` at the end of a timestamp; absent on a plain date. */
const OFFSET = /(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|([+-])(\d{2}):?(\d{2}))$/;
/** A time of day after the date, with or without an offset. */
const TIME = /^\S+[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)/;

/** Minutes east of UTC, or null when the cell has no offset. */
export function utcOffsetMinutes(cell: string): number | null {
  const m = OFFSET.exec(cell.trim());
  if (!m) return null;
  if (m[1] === 'Z') return 0;
  const v = Number(m[3]) * 60 + Number(m[4]);
  return m[2] === '-' ? -v : v;
}

/** The time-of-day text of a timestamp cell (`09:31:00`), or null for a plain date. */
export function timeOfDay(cell: string): string | null {
  const m = TIME.exec(cell.trim());
  return m ? m[1] : null;
}

export function formatOffset(min: number | null): string {
  if (min === null) return 'no offset';
  const s = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${s}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/**
 * Daylight saving moves clocks by one hour; a few zones (Lord Howe) by 30 minutes. Any other
 * difference is two time zones.
 */
const DST_STEPS = new Set([60, 30]);

/** Checks the offsets of a file's rows in file order; `see` returns a message for the first bad row. */
export class OffsetTracker {
  private first: { offset: number | null; line: number } | null = null;
  private other: { offset: number | null; line: number } | null = null;
  private prev: number | null | undefined = undefined;
  private switches = 0;
  private firstYear = 0;

  /** `year`: the row's calendar year; `line`: its line. Null while the rows are consistent. */
  see(offset: number | null, year: number, line: number): string | null {
    if (this.first === null) {
      this.first = { offset, line };
      this.prev = offset;
      this.firstYear = year;
      return null;
    }
    if (offset !== this.first.offset) {
      if (this.other === null) {
        if (offset === null || this.first.offset === null) {
          return `some dates carry a UTC offset and others do not (line ${this.first.line}: ${formatOffset(this.first.offset)}); export the file with one notation`;
        }
        if (!DST_STEPS.has(Math.abs(offset - this.first.offset))) return this.mixed(offset, this.first);
        this.other = { offset, line };
      } else if (offset !== this.other.offset) {
        return this.mixed(offset, this.first.offset === null ? this.other : this.first, this.other);
      }
    }
    if (offset !== this.prev) {
      this.switches++;
      // Two clock changes a year, counted over the calendar years the file has covered so far.
      const years = Math.abs(year - this.firstYear) + 1;
      if (this.switches > 2 * years) {
        return `UTC offset switches between ${formatOffset(this.first.offset)} and ${formatOffset(this.other?.offset ?? null)} ${this.switches} times within ${years} calendar year(s); daylight saving changes it twice a year, so the rows mix time zones; export the file in the exchange's own time zone`;
      }
    }
    this.prev = offset;
    return null;
  }

  private mixed(offset: number | null, a: { offset: number | null; line: number }, b?: { offset: number | null; line: number }): string {
    const seen = [a, b].filter((x): x is { offset: number | null; line: number } => !!x).map((x) => `${formatOffset(x.offset)} on line ${x.line}`);
    return `mixed UTC offsets: ${formatOffset(offset)} here, ${seen.join(', ')}; the rows come from different time zones, so their calendar dates do not line up (bars land on the wrong day); export the file in the exchange's own time zone`;
  }
}

