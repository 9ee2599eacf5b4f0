/**
 * Number notations found in price files. `Number()` is too forgiving for data checks (`Number('')`
 * is 0, `Number(' 0x1A ')` is 26), so each reader is strict about what it accepts.
 *
 * Convention of every reader: a blank cell gives NaN (a missing value, legal for volume), text that is
 * no number gives `undefined` (an error for the caller to report), `inf`/`Infinity` give ±Infinity so
 * the validator can say "infinite" rather than "not a number".
 */
export type NumberReader = (raw: string) => number | undefined;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)(?:inf|infinity)$/i;
/** Thousands separators only in groups of three: `4,443.01`, not `4,44.3`. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

function special(s: string): number | undefined {
  const inf = INFINITY.exec(s);
  return inf ? (inf[1] === '-' ? -Infinity : Infinity) : undefined;
}

/** Plain decimal or exponent notation: `14.41`, `-0.3`, `4.68417152e8`. */
export const readDecimal: NumberReader = (raw) => {
  const s = raw.trim();
  if (s === '') return NaN;
  if (DECIMAL.test(s)) return Number(s);
  return special(s);
};

/** As readDecimal, also with thousands separators: `4,443.01` (investing.com). */
export const readGrouped: NumberReader = (raw) => {
  const s = raw.trim();
  if (GROUPED.test(s)) return Number(s.replace(/,/g, ''));
  return readDecimal(s);
};

/** Volumes abbreviated with a magnitude suffix: `775.79M`, `1.2B`, `35.6K` (investing.com). */
export const readSuffixed: NumberReader = (raw) => {
  const s = raw.trim();
  const unit = SUFFIX[s.slice(-1).toUpperCase()];
  if (unit !== undefined && s.length > 1) {
    const n = readGrouped(s.slice(0, -1));
    // Round away the binary noise of e.g. 775.79 * 1e6 so volumes stay integral where they were.
    return n === undefined || Number.isNaN(n) ? undefined : Math.round(n * unit * 1e4) / 1e4;
  }
  return readGrouped(s);
};

/** Percentages with or without the sign: `-1.23%` -> -1.23 (kept in percent, like AKShare 涨跌幅). */
export const readPercent: NumberReader = (raw) => {
  const s = raw.trim();
  return readGrouped(s.endsWith('%') ? s.slice(0, -1) : s);
};
