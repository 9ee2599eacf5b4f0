/**
 * `prices/manifest.yaml`: a YAML list, one entry per symbol, saying what the security is, where its
 * file is (relative to the manifest's folder), how the vendor adjusted it and where the file came from.
 *
 * Parsing is pure (text in, entries out). Every problem is reported at once as a ConfigError naming the
 * manifest file, the YAML line and the field path (`[3].adjustment`); duplicate symbols and benchmarks
 * that name no entry are errors too.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import * as z from 'zod';
import { isValidYmd } from '../../util/dayNumber.js';
import { WEIGHT_MODES } from '../../core/excludeSelf.js';
import { ConfigError } from '../../util/errors.js';
import { yamlToJs } from '../../util/yamlToJs.js';
import { PRICE_LAYOUTS } from './formats/index.js';
import type { Adjustment, PriceLayout, PriceManifestEntry } from './types.js';
import { formatPath, valueAt } from '../../util/yamlPath.js';
export { formatPath };

export const MANIFEST_FILE = 'manifest.yaml';

export const ADJUSTMENTS = ['forward', 'backward', 'none', 'dividend-adjusted', 'split-adjusted'] as const satisfies readonly Adjustment[];
/** Where a security trades; INDEX for an index level, which trades nowhere (see calendarExchange). */
export const EXCHANGES = ['SSE', 'SZSE', 'BSE', 'HKEX', 'NASDAQ', 'NYSE', 'NYSEARCA', 'AMEX', 'INDEX'] as const;
/** Listing boards: A-share main board, ChiNext (300/301), STAR (688/689), Beijing; Hong Kong GEM. */
export const BOARDS = ['main', 'chinext', 'star', 'bse', 'gem'] as const;
export const KINDS = ['stock', 'index', 'etf'] as const;

const SYMBOL = /^[A-Za-z0-9^][A-Za-z0-9._^-]{0,39}$/;
const TRIMMED = /^(\d{4})-(\d{2})-(\d{2})\.\.(\d{4})-(\d{2})-(\d{2})$/;

const symbol = z.string().regex(SYMBOL, 'a symbol like 300418.SZ, 601360.SH, 9988.HK, BABA or 000300.SH');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

const relativeFile = nonEmpty.refine((f) => !f.startsWith('/') && !/^[A-Za-z]:/.test(f) && !f.split(/[\\/]/).includes('..'), {
  error: 'a path relative to the manifest folder, inside it',
});

const entrySchema = z.strictObject({
  symbol,
  file: relativeFile,
  layout: z.enum(PRICE_LAYOUTS as [PriceLayout, ...PriceLayout[]]).optional(),
  name: nonEmpty,
  /** Other names the listing goes by in news text (simplified, traditional, English), for `claims extract`. */
  aliases: z.array(nonEmpty).optional(),
  exchange: z.enum(EXCHANGES),
  board: z.enum(BOARDS).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as CNY, HKD, USD'),
  adjustment: z.enum(ADJUSTMENTS),
  source: nonEmpty,
  closeColumn: nonEmpty.optional(),
  kind: z.enum(KINDS).optional(),
  benchmark: symbol.optional(),
  /** Board lot in shares (Hong Kong sets one per listing); the backtest sizes orders in whole lots. */
  lot: z.number().int('a board lot is a whole number of shares').positive('a board lot is a whole number of shares above 0').max(1_000_000).optional(),
  firm: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug naming the issuer, shared by its listings (alibaba for 9988.HK and BABA)').optional(),
  notes: z.string().optional(),
  /**
   * An index's constituent weights (CSV date,symbol,weight; a fraction, effective at the date's
   * close), for exclude-self benchmarks (src/core/excludeSelf.ts): where they were published, and
   * whether they drift with returns between publications (default) or stay as published.
   */
  constituentWeights: z.strictObject({ file: relativeFile, source: nonEmpty, mode: z.enum(WEIGHT_MODES).default('drifted') }).optional(),
  trimmed: z
    .string()
    .refine(isDayRange, { error: 'an inclusive date range YYYY-MM-DD..YYYY-MM-DD (from <= to)' })
    .optional(),
});

const manifestSchema = z.array(entrySchema);

function isDayRange(s: string): boolean {
  const m = TRIMMED.exec(s);
  if (!m) return false;
  const [y1, m1, d1, y2, m2, d2] = m.slice(1).map(Number);
  return isValidYmd(y1, m1, d1) && isValidYmd(y2, m2, d2) && s.slice(0, 10) <= s.slice(12);
}


/**
 * Parses manifest text; throws a ConfigError (first problem, the others as details) if anything is wrong.
 *
 * @example
 * parseManifest(readFileSync('prices/manifest.yaml', 'utf8')).map((e) => e.symbol); // ['300418.SZ', ...]
 */
export function parseManifest(text: string, file = `prices/${MANIFEST_FILE}`): PriceManifestEntry[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, logLevel: 'error' });
  const at = (path: readonly PropertyKey[]): number | undefined => lineOf(doc, lineCounter, path);

  if (doc.errors.length > 0) {
    const errors = doc.errors.map(
      (e) => new ConfigError(`not valid YAML: ${e.message.split('\n')[0]}`, { file, line: lineCounter.linePos(e.pos[0]).line }),
    );
    throw combine(errors);
  }
  const data: unknown = yamlToJs(doc, text, file);
  if (data === null || data === undefined) throw new ConfigError('the manifest is empty: expected a list of price entries', { file });

  const result = manifestSchema.safeParse(data);
  if (!result.success) {
    const errors = result.error.issues.map((issue) => {
      // An unknown key is reported at the key itself: `[3].adjusment`, not `[3]`.
      const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
      const path = keys.length > 0 ? [...issue.path, keys[0]] : issue.path;
      const value = valueAt(data, path);
      return new ConfigError(issue.message, {
        file,
        line: at(path),
        field: formatPath(path) || '(top level)',
        value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined,
      });
    });
    throw combine(errors);
  }

  const entries = result.data as PriceManifestEntry[];
  const errors = crossCheck(entries, file, at);
  if (errors.length > 0) throw combine(errors);
  return entries;
}

/** Checks that need the whole list: unique symbols, benchmarks that exist and are not the symbol itself. */
function crossCheck(entries: PriceManifestEntry[], file: string, at: (path: PropertyKey[]) => number | undefined): ConfigError[] {
  const errors: ConfigError[] = [];
  const first = new Map<string, number>();
  entries.forEach((e, i) => {
    const j = first.get(e.symbol);
    if (j !== undefined) {
      errors.push(new ConfigError(`duplicate symbol (also entry [${j}])`, { file, line: at([i, 'symbol']), field: `[${i}].symbol`, value: e.symbol }));
    } else {
      first.set(e.symbol, i);
    }
  });
  entries.forEach((e, i) => {
    if (calendarExchange(e) === undefined)
      errors.push(
        new ConfigError(
          `cannot tell which market's trading calendar index ${e.symbol} follows: give it a suffix (.SH, .SZ, .BJ, .HK), currency CNY, HKD or USD, or the exchange whose session it follows`,
          { file, line: at([i, 'exchange']), field: `[${i}].exchange`, value: e.exchange },
        ),
      );
  });
  entries.forEach((e, i) => {
    if (e.benchmark === undefined) return;
    const where = { file, line: at([i, 'benchmark']), field: `[${i}].benchmark`, value: e.benchmark };
    if (e.benchmark === e.symbol) errors.push(new ConfigError('a symbol cannot be its own benchmark', where));
    else if (!first.has(e.benchmark)) errors.push(new ConfigError('benchmark is not a symbol of this manifest', where));
  });
  return errors;
}

/**
 * The exchange whose session and time zone place an event on this listing's days (the calendar's
 * names: SSE, SZSE, BSE, HKEX, NYSE, NASDAQ), or undefined when the entry does not say.
 * - AMEX (NYSE American) and NYSEARCA trade the NYSE session in New York time: NYSE.
 * - INDEX trades nowhere: an index follows the market of its constituents, told by the symbol's
 *   suffix (.SH/.SS SSE, .SZ SZSE, .BJ BSE, .HK HKEX), else by its currency (CNY SSE, HKD HKEX,
 *   USD NYSE). An index that shows neither is refused when the manifest is read, rather than
 *   failing every event on it later.
 */
export function calendarExchange(entry: { symbol: string; exchange: string; currency: string }): string | undefined {
  if (entry.exchange === 'AMEX' || entry.exchange === 'NYSEARCA') return 'NYSE';
  if (entry.exchange !== 'INDEX') return entry.exchange;
  const dot = entry.symbol.lastIndexOf('.');
  const bySuffix = dot < 0 ? undefined : INDEX_SUFFIX[entry.symbol.slice(dot + 1).toUpperCase()];
  return bySuffix ?? INDEX_CURRENCY[entry.currency];
}

const INDEX_SUFFIX: Readonly<Record<string, string>> = { SH: 'SSE', SS: 'SSE', SZ: 'SZSE', BJ: 'BSE', HK: 'HKEX' };
const INDEX_CURRENCY: Readonly<Record<string, string>> = { CNY: 'SSE', HKD: 'HKEX', USD: 'NYSE' };

function combine(errors: ConfigError[]): ConfigError {
  const [head, ...rest] = errors;
  return new ConfigError(head.message, head.location, rest);
}


/** The 1-based line of the YAML node at `path`, or of its nearest existing parent. */
function lineOf(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}
