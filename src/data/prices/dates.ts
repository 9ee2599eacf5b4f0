/**
 * The date notations price vendors write, each turned into an integer day number (util/dayNumber).
 *
 * A date is the trading date as written: `2023-04-24 00:00:00+08:00` (yfinance) is 2023-04-24. We never
 * convert to UTC, because that would move every Asian bar to the previous day.
 *
 * Each format has an id so a file can be checked for mixing notations (a sign of two sources spliced
 * together, or of a day/month swap somewhere).
 */
import { dayNumber, isValidYmd } from '../../util/dayNumber.js';

export type DateFormatId =
  | 'YYYY-MM-DD'
  | 'YYYY-M-D'
  | 'YYYY-MM-DD hh:mm:ss'
  | 'YYYY/MM/DD'
  | 'YYYYMMDD'
  | 'MM/DD/YY'
  | 'MM/DD/YYYY'
  | 'YYYY年M月D日';

interface DateFormat {
  id: DateFormatId;
  re: RegExp;
  /** Year, month, day from the match. */
  ymd(m: RegExpExecArray): [number, number, number];
}

/**
 * Two-digit years (WSJ `MM/DD/YY`): 90..99 are the 1990s, 00..89 the 2000s. The WSJ index files start
 * in 1990, so this pivot reads all of them and keeps working until 2089.
 */
export function expandTwoDigitYear(yy: number): number {
  return yy >= 90 ? 1900 + yy : 2000 + yy;
}

const FORMATS: Record<DateFormatId, DateFormat> = {
  'YYYY-MM-DD': { id: 'YYYY-MM-DD', re: /^(\d{4})-(\d{2})-(\d{2})$/, ymd: (m) => [+m[1], +m[2], +m[3]] },
  // investing.com Chinese export: `2023-4-24` (no zero padding; padded dates fit too).
  'YYYY-M-D': { id: 'YYYY-M-D', re: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, ymd: (m) => [+m[1], +m[2], +m[3]] },
  // yfinance / pandas timestamps: the local calendar date is the part before the time.
  'YYYY-MM-DD hh:mm:ss': {
    id: 'YYYY-MM-DD hh:mm:ss',
    re: /^(\d{4})-(\d{2})-(\d{2})[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/,
    ymd: (m) => [+m[1], +m[2], +m[3]],
  },
  'YYYY/MM/DD': { id: 'YYYY/MM/DD', re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, ymd: (m) => [+m[1], +m[2], +m[3]] },
  'YYYYMMDD': { id: 'YYYYMMDD', re: /^(\d{4})(\d{2})(\d{2})$/, ymd: (m) => [+m[1], +m[2], +m[3]] },
  'MM/DD/YY': { id: 'MM/DD/YY', re: /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/, ymd: (m) => [expandTwoDigitYear(+m[3]), +m[1], +m[2]] },
  'MM/DD/YYYY': { id: 'MM/DD/YYYY', re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, ymd: (m) => [+m[3], +m[1], +m[2]] },
  // Older investing.com Chinese exports write `2023年4月24日`.
  'YYYY年M月D日': { id: 'YYYY年M月D日', re: /^(\d{4})年(\d{1,2})月(\d{1,2})日$/, ymd: (m) => [+m[1], +m[2], +m[3]] },
};

export type ParsedDate =
  | { ok: true; day: number; format: DateFormatId }
  /** `format` is set when the text has the shape of a format but is no real date (2023-02-30). */
  | { ok: false; format?: DateFormatId };

/**
 * Every price file repeats the same few thousand trading dates, so results are remembered per list of
 * formats (adapters pass the same array each time). Bounded: cleared when it grows past CACHE_LIMIT.
 */
const cache = new WeakMap<readonly DateFormatId[], Map<string, ParsedDate>>();
const CACHE_LIMIT = 100_000;

/** Reads `raw` with the first of `formats` whose shape it has. */
export function parseDate(raw: string, formats: readonly DateFormatId[]): ParsedDate {
  let memo = cache.get(formats);
  if (!memo) cache.set(formats, (memo = new Map()));
  const known = memo.get(raw);
  if (known) return known;
  if (memo.size >= CACHE_LIMIT) memo.clear();
  const parsed = parseUncached(raw, formats);
  memo.set(raw, parsed);
  return parsed;
}

function parseUncached(raw: string, formats: readonly DateFormatId[]): ParsedDate {
  const s = raw.trim();
  for (const id of formats) {
    const f = FORMATS[id];
    const m = f.re.exec(s);
    if (!m) continue;
    const [y, mo, d] = f.ymd(m);
    return isValidYmd(y, mo, d) ? { ok: true, day: dayNumber(y, mo, d), format: id } : { ok: false, format: id };
  }
  return { ok: false };
}
