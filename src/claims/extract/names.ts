/**
 * Names to symbols. A listing is known by its manifest `name`, its `aliases` (simplified,
 * traditional, English) and, in the text, by its six-digit A-share code ("科大讯飞(002230)").
 * Every name is folded (fold.ts) so 昆侖萬維 and 昆仑万维 meet. A name that matches nothing is
 * the caller's to report as unresolved: nothing here guesses by similarity.
 *
 * @example
 * const idx = buildNameIndex([{ symbol: '300418.SZ', name: '昆仑万维', aliases: ['Kunlun Tech'] }]);
 * idx.lookup('昆侖萬維') // '300418.SZ'
 */
import { foldText } from './fold.js';

export interface NamedListing {
  symbol: string;
  name: string;
  aliases?: readonly string[];
  kind?: string;
}

export interface NameIndex {
  /** The symbol a name (any script) or six-digit code stands for, if exactly one listing carries it. */
  lookup(name: string): string | undefined;
  /** Known names occurring in a folded line, longest first, with their positions. */
  find(folded: string): { name: string; symbol: string; at: number }[];
}

const key = (s: string) => foldText(s).trim().toLowerCase();

export function buildNameIndex(listings: readonly NamedListing[]): NameIndex {
  const byName = new Map<string, string | null>();
  const add = (n: string, symbol: string) => {
    const k = key(n);
    if (k.length < 2) return;
    const prev = byName.get(k);
    // A name two listings share (a firm's A and H shares) resolves to neither: never guess.
    byName.set(k, prev === undefined || prev === symbol ? symbol : null);
  };
  for (const l of listings) {
    // Derived listings (300418.SZ-unadj) are cross-checks of a primary listing, not other names.
    if (/-unadj$/i.test(l.symbol)) continue;
    add(l.name, l.symbol);
    for (const a of l.aliases ?? []) add(a, l.symbol);
    const code = /^(\d{6})\.(SH|SZ|BJ)$/i.exec(l.symbol);
    if (code && l.kind !== 'index') add(code[1], l.symbol);
  }
  // Codes are read by codeMentions, in brackets only.
  const words = [...byName.entries()].filter((e) => e[1] !== null && !/^\d+$/.test(e[0])).map((e) => e[0]).sort((a, b) => b.length - a.length);
  return {
    lookup: (n) => byName.get(key(n)) ?? undefined,
    find(folded) {
      const lower = folded.toLowerCase();
      // ASCII names must stand as words: "360" inside "360GPT" is a product, not the firm.
      const glued = (n: string, at: number) => /^[a-z0-9 ]+$/.test(n) && (/[a-z0-9]/.test(lower[at - 1] ?? '') || /[a-z0-9]/.test(lower[at + n.length] ?? ''));
      return longestFirst(lower, words, glued).map(({ key, at }) => ({ name: folded.slice(at, at + key.length), symbol: byName.get(key)!, at }));
    },
  };
}

/**
 * Occurrences in `lower` of `keys` (given longest first), none overlapping one taken before it,
 * each unless `skip` refuses it; in position order. The name index and the market name list both find names so.
 */
export function longestFirst(lower: string, keys: readonly string[], skip: (key: string, at: number) => boolean): { key: string; at: number }[] {
  const taken = new Uint8Array(lower.length);
  const hits: { key: string; at: number }[] = [];
  for (const k of keys) {
    for (let at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, at + k.length)) {
      if (skip(k, at) || taken.subarray(at, at + k.length).some((x) => x === 1)) continue;
      taken.fill(1, at, at + k.length);
      hits.push({ key: k, at });
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}

/** "科大讯飞(002230)" / "(行情300033,诊股)": a name or nothing before a bracketed six-digit code. */
export function codeMentions(folded: string): { code: string; at: number; name?: string }[] {
  const out: { code: string; at: number; name?: string }[] = [];
  const re = /([\u4e00-\u9fffA-Za-z]{2,8})?\((?:行情)?(\d{6})(?:\.(?:SH|SZ|BJ))?(?:,诊股)?\)/g;
  for (const m of folded.matchAll(re)) out.push({ code: m[2], at: m.index ?? 0, name: m[1] });
  return out;
}
