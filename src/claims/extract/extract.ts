/**
 * Article text in, market claims out, in the study's `claims:` schema (src/study/config.ts) plus
 * the line and how each name, date and event was resolved. Pure: the caller reads the article,
 * the manifest and the event registry (src/cli/commands/claims.ts).
 *
 * Rules: a name that matches no listing is listed in `unresolved`, never guessed; a claim that the
 * checker cannot verify from prices (a market cap, a price level, an intraday low, a move with no
 * day) is listed in `uncheckable` with the reason; dates without a year take the article date's
 * year (--date, else a dateline in the text), and with neither they are unresolved.
 *
 * @example
 * extractClaims(text, { source: 'events/sources/a.txt', date: '2023-04-25', listings, events }).claims[0]
 * // { id: '601360-sh-period-l17', symbol: '601360.SH', measure: 'period', from: '2022-12-30', to: '2023-04-24', claimed: 1.5352, ... }
 */
import { buildNameIndex, codeMentions, type NamedListing, type NameIndex } from './names.js';
import type { MarketNames } from './marketNames.js';
import { foldText, halfWidth, removePinyinArtefacts } from './fold.js';
import type { Finding, Sentence, Extractor } from './types.js';
import type { Comparison } from './comparison.js';
import { periodReturns } from './periodReturns.js';
import { oneDayMoves } from './oneDay.js';
import { marketCaps } from './marketCap.js';
import { englishMoves } from './english.js';
import { dayNumber, formatDay, parseIsoDay, weekday } from '../../util/dayNumber.js';

export const EXTRACTORS: readonly Extractor[] = [periodReturns, oneDayMoves, marketCaps, englishMoves];

export interface ListingInfo extends NamedListing {
  board?: string;
}

export interface EventInfo {
  id: string;
  date: string;
  timing: string;
  symbols: readonly string[];
  /** Source documents (paths), to tell which event an article describes. */
  documents: readonly string[];
}

export interface ExtractOptions {
  /** The article as the user named it, for `source`. */
  source: string;
  /** YYYY-MM-DD (--date); wins over a dateline. */
  date?: string;
  listings: readonly ListingInfo[];
  events?: readonly EventInfo[];
  /** A listing's trading days (day numbers, ascending), when its prices are at hand. */
  tradingDays?: (symbol: string) => ArrayLike<number> | undefined;
  /**
   * The whole-market name list (marketNames.ts), asked for only when a name or code is not in the
   * listings, so an article the manifest covers never reads it. Its names resolve to symbols without
   * price data: their claims are cannot-check, never numbers.
   */
  marketNames?: () => MarketNames | undefined;
}

export interface ExtractedClaim {
  id: string;
  text: string;
  source: string;
  symbol: string;
  measure: 'period' | 'rawReturn' | 'maxHighReturn' | 'minLowReturn' | 'price';
  /** For `price`: the close (收盘价 / 收报 / 报收) or a price traded during the day (otherwise). */
  at?: 'close' | 'intraday';
  from?: string;
  to?: string;
  event?: string;
  window?: [number, number];
  claimed: number;
  comparison: Comparison;
  tolerance: number;
  line: number;
  resolution: string;
}

export interface UncheckableClaim {
  line: number;
  text: string;
  name: string;
  symbol?: string;
  measure: Finding['measure'];
  claimed: number;
  comparison: Comparison;
  verdict: 'cannot-check';
  reason: string;
}

export interface UnresolvedName {
  line: number;
  name: string;
  text: string;
  reason: string;
}

export interface Extraction {
  source: string;
  date: string | null;
  dateSource: string;
  claims: ExtractedClaim[];
  uncheckable: UncheckableClaim[];
  unresolved: UnresolvedName[];
  warnings: string[];
}

const DATELINE = /(20\d{2})-(\d{2})-(\d{2})[ T]\d{2}:\d{2}|(20\d{2})年(\d{1,2})月(\d{1,2})日/;
const LIMITS: Record<string, number> = { main: 0.1, chinext: 0.2, star: 0.2, bse: 0.3 };

/** Splits a line into sentences at 。;！？ (full- or half-width) and an English full stop before a space, keeping both forms aligned. */
export function sentences(lines: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  lines.forEach((raw, i) => {
    for (const part of raw.split(/(?<=[。;；!！?？]|\.(?=\s))/)) {
      const text = removePinyinArtefacts(halfWidth(part)).trim().replace(/[。;!?.]$/, '');
      if (text.length > 0) out.push({ line: i + 1, text: removePinyinArtefacts(part).trim().replace(/[。;；!！?？.]$/, ''), folded: foldText(text) });
    }
  });
  return out;
}

export function articleDate(lines: readonly string[], given: string | undefined, warnings: string[]): { day: number; date: string | null; from: string } {
  let dateline: { day: number; line: number } | undefined;
  for (let i = 0; i < Math.min(lines.length, 5) && !dateline; i++) {
    const m = DATELINE.exec(halfWidth(lines[i]));
    if (m) {
      const [y, mo, d] = m[1] ? [+m[1], +m[2], +m[3]] : [+m[4], +m[5], +m[6]];
      dateline = { day: dayNumber(y, mo, d), line: i + 1 };
    }
  }
  if (given !== undefined) {
    const day = parseIsoDay(given);
    if (dateline && dateline.day !== day) warnings.push(`the dateline on line ${dateline.line} says ${formatDay(dateline.day)}; --date ${given} wins`);
    return { day, date: given, from: '--date' };
  }
  if (dateline) return { day: dateline.day, date: formatDay(dateline.day), from: `dateline on line ${dateline.line}` };
  return { day: NaN, date: null, from: 'none: no --date and no dateline in the first 5 lines' };
}

/** A name index that also knows the names the article ties to a known code ("科大讯飞(002230)"), in the manifest or else in the name list. */
function withCodes(index: NameIndex, ss: readonly Sentence[], unresolved: UnresolvedName[], market: () => MarketNames | undefined): NameIndex {
  const local = new Map<string, string>();
  for (const s of ss)
    for (const c of codeMentions(s.folded)) {
      const symbol = index.lookup(c.code) ?? market()?.code(c.code)?.symbol;
      if (symbol && c.name) local.set(c.name, symbol);
      else if (!symbol) {
        const list = market();
        unresolved.push({ line: s.line, name: `${c.name ?? ''}(${c.code})`, text: s.text, reason: `code ${c.code} is not in the price manifest${list ? ` nor in the A-share name list (${list.source})` : ''}` });
      }
    }
  if (local.size === 0) return index;
  const extra = buildNameIndex([...local].map(([name, symbol]) => ({ symbol, name })));
  return {
    lookup: (n) => index.lookup(n) ?? extra.lookup(n),
    find: (t) => {
      const a = index.find(t);
      const b = extra.find(t).filter((h) => !a.some((x) => h.at < x.at + x.name.length && x.at < h.at + h.name.length));
      return [...a, ...b].sort((x, y) => x.at - y.at);
    },
  };
}

/** The manifest's index, then the name list's names for what it does not know (a sector word after a name is no firm: marketNames.ts). */
function withMarket(index: NameIndex, list: MarketNames): NameIndex {
  const symbolOf = (n: string) => {
    const hit = list.lookup(n);
    return hit?.kind === 'found' ? hit.symbol : undefined;
  };
  return {
    lookup: (n) => index.lookup(n) ?? symbolOf(n),
    find: (t) => {
      const a = index.find(t);
      const b = list
        .find(t)
        .filter((h) => !a.some((x) => h.at < x.at + x.name.length && x.at < h.at + h.name.length))
        // An ambiguous name is still a subject: it is reported unresolved, not dropped.
        .map((h) => ({ ...h, symbol: symbolOf(h.name) ?? '' }));
      return [...a, ...b].sort((x, y) => x.at - y.at);
    },
  };
}

/** The last trading day before `day`, if the listing's days reach back that far. */
function lastBefore(days: ArrayLike<number>, day: number): number | undefined {
  let found: number | undefined;
  for (let j = 0; j < days.length && days[j] < day; j++) found = days[j];
  return found;
}

export function extractClaims(text: string, opts: ExtractOptions): Extraction {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const warnings: string[] = [];
  const unresolved: UnresolvedName[] = [];
  const uncheckable: UncheckableClaim[] = [];
  const claims: ExtractedClaim[] = [];
  const when = articleDate(lines, opts.date, warnings);
  const ss = sentences(lines);
  let list: MarketNames | undefined | null = null; // null: not asked for yet
  const market = () => (list === null ? (list = opts.marketNames?.()) : list);
  const names = withCodes(buildNameIndex(opts.listings), ss, unresolved, market);
  const known = (f: Finding) => f.names.length > 0 && f.names.every((n) => names.lookup(n) !== undefined);
  const bySymbol = new Map(opts.listings.map((l) => [l.symbol, l]));
  const ids = new Set<string>();
  const idFor = (symbol: string, measure: string, line: number) => {
    const base = `${symbol.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${measure.toLowerCase()}-l${line}`;
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    return id;
  };

  for (const s of ss) {
    let findings = EXTRACTORS.flatMap((x) => x(s, { names }));
    // A sentence whose subjects the manifest does not all know is read again with the name list.
    if (opts.marketNames && !findings.every(known)) {
      const m = market();
      if (m) findings = EXTRACTORS.flatMap((x) => x(s, { names: withMarket(names, m) }));
    }
    for (const f of findings) {
      const listNames = f.names.length === 0 ? ['(no name)'] : f.names;
      if (listNames.length > 1 && listNames.length !== f.values.length) {
        for (const n of listNames) unresolved.push({ line: s.line, name: n, text: s.text, reason: `${listNames.length} names but ${f.values.length} figures: cannot align them` });
        continue;
      }
      listNames.forEach((name, i) => {
        const v = f.values[listNames.length === 1 ? 0 : i] ?? { value: NaN, comparison: 'about' as Comparison, tolerance: 0.005 };
        let symbol = names.lookup(name);
        let fromList = '';
        if (!symbol && name !== '(no name)') {
          const m = market();
          const hit = m?.lookup(name);
          if (m && hit?.kind === 'ambiguous') {
            unresolved.push({ line: s.line, name, text: s.text, reason: `${hit.codes.length} listings carry this name in the A-share name list (${hit.codes.join(', ')}; ${m.source}): not guessed` });
            return;
          }
          if (m && hit?.kind === 'found') ((symbol = hit.symbol), (fromList = ` (name list: ${m.source})`));
        }
        if (!symbol) {
          const m = name === '(no name)' ? undefined : market();
          unresolved.push({
            line: s.line,
            name,
            text: s.text,
            reason: name === '(no name)' ? `a ${f.measure} figure with no listing named in the sentence` : `matches no name, alias or code in the price manifest${m ? ` nor in the A-share name list (${m.source})` : ''}`,
          });
          return;
        }
        const sym = symbol;
        const cannot = (reason: string) => uncheckable.push({ line: s.line, text: s.text, name, symbol: sym, measure: f.measure, claimed: v.value, comparison: v.comparison, verdict: 'cannot-check', reason });
        // Only the name list (or a code it knows) names a listing the manifest lacks: there is nothing to check it against.
        if (!bySymbol.has(symbol)) return cannot(`no price data for ${symbol} (name list: ${market()?.source ?? 'none'})`);
        if (f.measure === 'marketCap') return cannot('a market capitalisation needs shares outstanding, which the price data does not carry');
        let claimed = v.value;
        let comparison = v.comparison;
        let tolerance = v.tolerance;
        let resolution = `pattern ${f.pattern}; ${name} = ${symbol}${fromList}`;
        let measure: ExtractedClaim['measure'] = f.measure === 'limit' ? 'rawReturn' : (f.measure as ExtractedClaim['measure']);
        if (f.measure === 'limit') {
          const listing = bySymbol.get(symbol);
          const limit = /^\*?ST/.test(listing?.name ?? '') ? 0.05 : LIMITS[listing?.board ?? ''];
          if (!Number.isFinite(claimed)) {
            if (limit === undefined) return cannot(`${f.pattern} is the board's limit, but ${symbol} has no board in the manifest`);
            claimed = (f.limitSign ?? 1) * limit;
            comparison = 'about';
            tolerance = 0.005; // a limit price is rounded to the fen, so the move is within half a percent of the limit
            resolution += `; ${f.pattern} = the ${listing?.board} board's ±${limit * 100}% limit`;
          }
        }
        // "报46.7元" alone is a price seen that day (the weaker claim, true of the close too); 收盘/收报/报收 pin it to the close.
        const at = f.measure === 'price' ? (/收盘|收报|报收|收于/.test(s.folded) ? ('close' as const) : ('intraday' as const)) : undefined;
        if (at) resolution += `; price at ${at === 'close' ? 'the close' : 'some trade that day (within low..high)'}`;
        const tail = { ...(at ? { at } : {}), claimed, comparison, tolerance, line: s.line };
        const head = { text: s.text, source: `${opts.source} line ${s.line}`, symbol };
        const w = f.when;
        if (w.kind === 'after-event') {
          const base2 = opts.source.split(/[\\/]/).pop();
          const evs = (opts.events ?? []).filter((e) => e.symbols.includes(symbol) && e.documents.some((d) => d.split(/[\\/]/).pop() === base2));
          if (evs.length !== 1)
            return cannot(evs.length === 0 ? `relative to an event, but no event in the registry for ${symbol} cites this article` : `relative to an event, and ${evs.length} events for ${symbol} cite this article (${evs.map((e) => e.id).join(', ')})`);
          const ev = evs[0];
          // Day 0 is the first session that could react: the next one for an after-close announcement.
          const shift = ev.timing === 'after-close' ? 1 : 0;
          const window: [number, number] = [w.first - shift, w.last - shift];
          resolution += `; event ${ev.id} (${ev.date}, ${ev.timing}): trading day${w.first === w.last ? ` ${w.first}` : `s ${w.first}..${w.last}`} after the announcement = window [${window.join(', ')}]`;
          claims.push({ id: idFor(symbol, measure, s.line), ...head, measure, event: ev.id, window, ...tail, resolution });
          return;
        }
        if (!Number.isFinite(when.day) && w.kind !== 'none') {
          unresolved.push({ line: s.line, name, text: s.text, reason: 'the date has no year and the article has no date: pass --date YYYY-MM-DD' });
          return;
        }
        const year = new Date(when.day * 86_400_000).getUTCFullYear();
        if (w.kind === 'ytd') {
          const to = w.toMonth ? dayNumber(year, w.toMonth, w.toDay ?? 1) : when.day;
          const yearEnd = dayNumber(year - 1, 12, 31);
          const days = opts.tradingDays?.(symbol);
          let from = yearEnd;
          let fromWhy = `${year - 1}-12-31 (the checker takes the last close on or before it)`;
          if (days) {
            let k = -1;
            for (let j = 0; j < days.length && days[j] <= yearEnd; j++) k = j;
            if (k >= 0) ((from = days[k]), (fromWhy = `${formatDay(from)}, ${symbol}'s last trading day of ${year - 1}`));
          }
          resolution += `; from ${fromWhy}; to ${formatDay(to)} (${w.toMonth ? `截至 date, year from the article date ${when.date}` : `the article date ${when.date}`})`;
          claims.push({ id: idFor(symbol, measure, s.line), ...head, measure, from: formatDay(from), to: formatDay(to), ...tail, resolution });
          return;
        }
        if (w.kind === 'none') return cannot('no day given for the move (no date, 今日/昨日 or event)');
        let day = when.day;
        let how = `今日 = the article date ${when.date}`;
        if (w.kind === 'yesterday') {
          const days = opts.tradingDays?.(symbol);
          const prev = days ? lastBefore(days, when.day) : undefined;
          if (prev !== undefined) {
            day = prev;
            how = `昨日 = ${symbol}'s trading day before the article date ${when.date}`;
          } else {
            day = when.day - 1;
            while (weekday(day) === 0 || weekday(day) === 6) day--;
            how = `昨日 = the weekday before the article date ${when.date} (no trading days at hand)`;
          }
        } else if (w.kind === 'weekday') {
          // Weeks start on Monday: 上周五 of Wednesday 2023-04-26 is Friday 2023-04-21.
          const monday = when.day - ((weekday(when.day) + 6) % 7);
          day = monday + 7 * w.week + (w.dow - 1);
          how = `${w.words} of the article date ${when.date}`;
        } else if (w.kind === 'date') {
          day = dayNumber(year, w.month, w.day);
          how = `${w.month}月${w.day}日, year from the article date ${when.date}`;
        }
        const open = opts.tradingDays?.(symbol);
        if (open && open.length > 0 && day >= open[0] && day <= open[open.length - 1] && !Array.prototype.includes.call(open, day))
          return cannot(`${formatDay(day)} (${how}) was not a trading day of ${symbol}`);
        // A one-day close-to-close move on D is the period (D-1, D]: the checker's base is the last close before D.
        if (measure !== 'rawReturn') {
          // An intraday extreme or a price on D: the checker reads D's row, measured from the last close before D.
          resolution += `; day ${formatDay(day)} (${how}); ${measure === 'price' ? `price on ${formatDay(day)}` : `${measure === 'minLowReturn' ? 'low' : 'high'} of ${formatDay(day)} against the close before it`}`;
          claims.push({ id: idFor(symbol, measure, s.line), ...head, measure, from: formatDay(day - 1), to: formatDay(day), ...tail, resolution });
          return;
        }
        resolution += `; day ${formatDay(day)} (${how}); close-to-close move = period from ${formatDay(day - 1)} to ${formatDay(day)}`;
        claims.push({ id: idFor(symbol, 'day', s.line), ...head, measure: 'period', from: formatDay(day - 1), to: formatDay(day), ...tail, resolution });
      });
    }
  }
  return { source: opts.source, date: when.date, dateSource: when.from, claims, uncheckable, unresolved, warnings };
}
