/**
 * Candidate registry events found in an article (issue 14 §6), for a person to review. Pure: the
 * caller reads the article, the manifest and the registry (src/cli/commands/eventsSuggest.ts).
 *
 * Rule, per sentence (split and folded exactly as `claims extract` does: pinyin artefacts gone,
 * full width to ASCII, traditional to simplified):
 * - an announcement cue (cues.ts: 发布/推出/上线/宣布/开启测试/亮相, launched/unveiled/announced)
 *   and a product or model name (a known one, or a name in quotes “天工”) make one candidate per product;
 * - the listing is the name, alias or code next to the product ("百度文心一言"), else the only
 *   listing the sentence names; several and none adjacent, or none at all, leave it without a
 *   symbol (never guessed; an empty list would mean market-wide);
 * - the date is the sentence's own X月X日 / YYYY-MM-DD / "April 10" (else the last one earlier on
 *   the same line, which the article's paragraph runs under), the year from the article date as
 *   `claims extract` resolves it (--date, else a dateline); 今日 = the article date;
 * - timing from the sentence's timing words (cues.ts), else unknown;
 * - a registry event on the same date naming the same listing or product, or (undated) naming the
 *   product for the same listing, is "already in the registry": shown, never proposed for writing.
 * Only a dated candidate with a listing and no registry match is `writable`; each other says why not.
 *
 * @example
 * suggestEvents('4月18日,斑马智行宣布接入“通义千问”大模型', { source: 'a.txt', date: '2023-04-20', accessed: '2026-12-07', listings, registry })
 * // suggestions[0]: { product: '通义千问', date: '2023-04-18', existing: ['banma-tongyi'], writable: false, ... }
 */
import { basename } from 'node:path';
import { articleDate, sentences } from '../extract/extract.js';
import { buildNameIndex, codeMentions } from '../extract/names.js';
import type { NamedListing } from '../extract/names.js';
import { foldText } from '../extract/fold.js';
import { dayNumber, formatDay } from '../../util/dayNumber.js';
import { CUES, PRODUCTS, timingOf } from './cues.js';

export interface RegistryEntry {
  id: string;
  date: string;
  timing: string;
  symbols: readonly string[];
  title: string;
  summary: string;
}

export interface SuggestOptions {
  /** The article as the user named it. */
  source: string;
  /** The article's path relative to the events folder, when it lies inside it (the event's `sources[].document`). */
  document?: string;
  /** YYYY-MM-DD (--date); wins over a dateline. */
  date?: string;
  /** YYYY-MM-DD written as the source's `accessed`. */
  accessed: string;
  listings: readonly NamedListing[];
  registry: readonly RegistryEntry[];
}

export interface Suggestion {
  line: number;
  text: string;
  cue: string;
  product: string;
  symbols: string[];
  symbolResolution: string;
  date: string | null;
  dateResolution: string;
  timing: 'pre-open' | 'intraday' | 'after-close' | 'unknown';
  timingResolution: string;
  /** Registry events this candidate already is. */
  existing: string[];
  writable: boolean;
  /** Why it is not writable (absent when writable). */
  why?: string;
  /** The event as `events add` would write it (no `date` when none was found). */
  event: Record<string, unknown>;
}

export interface SuggestResult {
  source: string;
  date: string | null;
  dateSource: string;
  suggestions: Suggestion[];
  warnings: string[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATE_RE = new RegExp(
  `(?:(20\\d{2})年)?(\\d{1,2})月(\\d{1,2})[日号]|(20\\d{2})-(\\d{2})-(\\d{2})|\\b(${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\.? (\\d{1,2})\\b|今日|今天|\\btoday\\b`,
  'gi',
);

interface DateMention {
  at: number;
  /** Year given in the text, else undefined (the article's). */
  year?: number;
  month?: number;
  day?: number;
  today?: boolean;
  words: string;
}

function dateMentions(folded: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of folded.matchAll(DATE_RE)) {
    const at = m.index ?? 0;
    if (m[2]) out.push({ at, year: m[1] ? +m[1] : undefined, month: +m[2], day: +m[3], words: m[0] });
    else if (m[4]) out.push({ at, year: +m[4], month: +m[5], day: +m[6], words: m[0] });
    else if (m[7]) out.push({ at, month: MONTHS.findIndex((x) => x.startsWith(m[7].toLowerCase().slice(0, 3))) + 1, day: +m[8], words: m[0] });
    else out.push({ at, today: true, words: m[0] });
  }
  return out;
}

function resolveDate(d: DateMention, articleDay: number, articleIso: string | null): { date: string | null; how: string } {
  if (d.today) return articleIso ? { date: articleIso, how: `${d.words} = the article date ${articleIso}` } : { date: null, how: `${d.words}, but the article has no date: pass --date YYYY-MM-DD` };
  let year = d.year;
  let how = `${d.words}`;
  if (year === undefined) {
    if (!Number.isFinite(articleDay)) return { date: null, how: `${d.words} has no year and the article has no date: pass --date YYYY-MM-DD` };
    year = new Date(articleDay * 86_400_000).getUTCFullYear();
    how += `, year from the article date ${articleIso}`;
  }
  const day = dayNumber(year, d.month ?? 0, d.day ?? 0);
  const iso = Number.isFinite(day) ? formatDay(day) : '';
  // dayNumber does not reject 2月30日; a date that does not round-trip is not a date.
  if (!iso || iso !== `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`) return { date: null, how: `${d.words} is not a calendar date` };
  if (Number.isFinite(articleDay) && day > articleDay) how += ' (after the article date: a scheduled announcement?)';
  return { date: iso, how };
}

const SLUG_SAFE = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** PRODUCTS folded once (not per sentence): each name with its matching key, longest name first; and the group of a key, first group wins. */
let productKeys: { byLength: { name: string; key: string; group: readonly string[] }[]; groupOf: Map<string, readonly string[]> } | undefined;
function products(): NonNullable<typeof productKeys> {
  if (productKeys) return productKeys;
  const all = PRODUCTS.flatMap((g) => g.map((name) => ({ name, key: foldText(name).toLowerCase(), group: g })));
  const groupOf = new Map<string, readonly string[]>();
  for (const x of all) if (!groupOf.has(x.key)) groupOf.set(x.key, x.group);
  return (productKeys = { byLength: all.sort((a, b) => b.name.length - a.name.length), groupOf });
}

/** Products in a folded sentence, longest first without overlaps: known names and quoted names. */
function productsIn(text: string, listingNames: (n: string) => boolean): { name: string; at: number; group: readonly string[] }[] {
  const lower = text.toLowerCase();
  const taken = new Uint8Array(text.length);
  const hits: { name: string; at: number; group: readonly string[] }[] = [];
  const take = (name: string, at: number, group: readonly string[]) => {
    if (taken.subarray(at, at + name.length).some((x) => x === 1)) return;
    taken.fill(1, at, at + name.length);
    // 日日新 and SenseNova side by side are one product.
    if (group.length > 0 && hits.some((h) => h.group === group)) return;
    hits.push({ name, at, group });
  };
  for (const { key: k, group } of products().byLength) {
    for (let at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, at + k.length)) {
      // ASCII names stand as words: "Spark" inside "Sparkle" is not the model.
      if (/^[a-z0-9 -]+$/.test(k) && (/[a-z0-9]/.test(lower[at - 1] ?? '') || /[a-z0-9]/.test(lower[at + k.length] ?? ''))) continue;
      take(text.slice(at, at + k.length), at, group);
    }
  }
  for (const m of text.matchAll(/[“"「『]([^“”"「」『』,。;:]{1,12})[”"」』]/g)) {
    const name = m[1].trim();
    if (name && !listingNames(name)) take(name, (m.index ?? 0) + 1, products().groupOf.get(name.toLowerCase()) ?? []);
  }
  return hits.sort((a, b) => a.at - b.at);
}

export function suggestEvents(text: string, opts: SuggestOptions): SuggestResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const warnings: string[] = [];
  const when = articleDate(lines, opts.date, warnings);
  const index = buildNameIndex(opts.listings);
  const registry = opts.registry.map((e) => ({ ...e, folded: foldText(`${e.title} ${e.summary}`).toLowerCase() }));
  const out: Suggestion[] = [];
  const ids = new Set<string>();
  let lastLine = -1;
  let lineDate: DateMention | undefined;

  for (const s of sentences(lines)) {
    if (s.line !== lastLine) ((lastLine = s.line), (lineDate = undefined));
    const folded = s.folded;
    const dates = dateMentions(folded);
    const ownDate = dates[0];
    const cue = CUES.exec(folded);
    const contextDate = lineDate;
    if (dates.length > 0) lineDate = dates[dates.length - 1];
    if (!cue) continue;
    const names = index.find(folded);
    for (const c of codeMentions(folded)) {
      const symbol = index.lookup(c.code);
      if (symbol) names.push({ name: c.name ?? c.code, symbol, at: c.at });
      else warnings.push(`line ${s.line}: code ${c.code} is not in the price manifest; not used`);
    }
    names.sort((a, b) => a.at - b.at);
    const products = productsIn(folded, (n) => index.lookup(n) !== undefined);
    if (products.length === 0) continue;
    const distinct = [...new Set(names.map((n) => n.symbol))];
    const mention = ownDate ?? contextDate;
    const dated = mention ? resolveDate(mention, when.day, when.date) : { date: null, how: 'none in the sentence or earlier on its line' };
    if (mention && !ownDate) dated.how += ` (stated earlier on line ${s.line})`;
    const timing = timingOf(folded);
    const seen = new Set<string>();

    for (const p of products) {
      // The listing written right before the product ("百度文心一言", "昆仑万维“天工”") owns it.
      const before = names.filter((n) => n.at + n.name.length <= p.at && p.at - (n.at + n.name.length) <= 2).pop();
      let symbols: string[] = [];
      let symbolResolution: string;
      if (before) ((symbols = [before.symbol]), (symbolResolution = `${before.name} (next to the product) = ${before.symbol}`));
      else if (distinct.length === 1) ((symbols = distinct), (symbolResolution = `${names[0].name} (the only listing named in the sentence) = ${distinct[0]}`));
      else if (distinct.length > 1) symbolResolution = `${distinct.length} listings named (${distinct.join(', ')}) and none next to the product: not guessed`;
      else symbolResolution = 'no listing named in the sentence: not guessed';
      const key = `${p.name.toLowerCase()}|${symbols.join(',')}|${dated.date}`;
      if (seen.has(key)) continue;
      seen.add(key);

      const prods = (p.group.length > 0 ? p.group : [p.name]).map((x) => foldText(x).toLowerCase());
      let existing = registry.filter((e) => {
        const shares = e.symbols.some((x) => symbols.includes(x));
        const names = prods.some((x) => e.folded.includes(x));
        return dated.date ? e.date === dated.date && (shares || names) : names && (shares || symbols.length === 0);
      });
      // Several on one day (钉钉 and 斑马智行 both joined 通义千问 on 4月18日): the one naming the sentence's subject.
      const subject = /([\u4e00-\u9fffA-Za-z]{2,12})$/.exec(folded.slice(0, cue.index).split(/[,:;、“”"()]/).pop() ?? '')?.[1]?.toLowerCase();
      if (existing.length > 1 && subject) {
        const named = existing.filter((e) => e.folded.includes(subject));
        if (named.length > 0) existing = named;
      }

      const code = symbols[0] ? SLUG_SAFE(symbols[0]) : `l${s.line}`;
      const prodSlug = /^[\x20-\x7e]+$/.test(p.name) ? SLUG_SAFE(p.name) : '';
      let id = [code, prodSlug, dated.date ?? 'undated'].filter(Boolean).join('-');
      for (let k = 2; ids.has(id); k++) id = `${[code, prodSlug, dated.date ?? 'undated'].filter(Boolean).join('-')}-${k}`;
      ids.add(id);
      const title = s.text.length > 100 ? `${s.text.slice(0, 99)}…` : s.text;
      const event: Record<string, unknown> = {
        id,
        ...(dated.date ? { date: dated.date } : {}),
        timing: timing.timing,
        symbols,
        title,
        summary: `${s.text} (${p.name})`,
        sources: [
          {
            title: `${basename(opts.source)} line ${s.line}`,
            publisher: 'not stated in the article file: set it on review',
            document: opts.document ?? opts.source,
            accessed: opts.accessed,
          },
        ],
        tags: ['suggested', 'launch'],
        notes: `Suggested by evstudy events suggest from ${opts.source} line ${s.line}: cue ${cue[0]}, product ${p.name}; listing: ${symbolResolution}; date: ${dated.how}; timing: ${timing.word ? `${timing.word} = ${timing.timing}` : 'no timing word'}.`,
      };
      const why = existing.length > 0
        ? `already in the registry: ${existing.map((e) => `${e.id} (${e.date}, ${e.timing}, ${e.symbols.join(',') || 'market-wide'})`).join('; ')}`
        : !dated.date
          ? `no date: ${dated.how}`
          : symbols.length === 0
            ? `no listing: ${symbolResolution}`
            : opts.document === undefined
              ? 'the article is not inside the events folder, so the event cannot cite it as a document: copy it to <events>/sources/'
              : undefined;
      out.push({
        line: s.line,
        text: s.text,
        cue: cue[0],
        product: p.name,
        symbols,
        symbolResolution,
        date: dated.date,
        dateResolution: dated.how,
        timing: timing.timing,
        timingResolution: timing.word ? `${timing.word} = ${timing.timing}` : 'no timing word: unknown',
        existing: existing.map((e) => e.id),
        writable: why === undefined,
        ...(why ? { why } : {}),
        event,
      });
    }
  }
  return { source: opts.source, date: when.date, dateSource: when.from, suggestions: out, warnings };
}
