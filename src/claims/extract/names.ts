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
  const names = [...byName.entries()].filter((e): e is [string, string] => e[1] !== null).sort((a, b) => b[0].length - a[0].length);
  return {
    lookup: (n) => byName.get(key(n)) ?? undefined,
    find(folded) {
      const lower = folded.toLowerCase();
      const taken = new Uint8Array(lower.length);
      const hits: { name: string; symbol: string; at: number }[] = [];
      for (const [n, symbol] of names) {
        if (/^\d+$/.test(n)) continue; // codes are read by codeMentions, in brackets only
        let from = 0;
        for (;;) {
          const at = lower.indexOf(n, from);
          if (at < 0) break;
          from = at + n.length;
          // ASCII names must stand as words: "360" inside "360GPT" is a product, not the firm.
          if (/^[a-z0-9 ]+$/.test(n) && (/[a-z0-9]/.test(lower[at - 1] ?? '') || /[a-z0-9]/.test(lower[at + n.length] ?? ''))) continue;
          if (taken.subarray(at, at + n.length).some((x) => x === 1)) continue;
          taken.fill(1, at, at + n.length);
          hits.push({ name: folded.slice(at, at + n.length), symbol, at });
        }
      }
      return hits.sort((a, b) => a.at - b.at);
    },
  };
}

/** "科大讯飞(002230)" / "(行情300033,诊股)": a name or nothing before a bracketed six-digit code. */
export function codeMentions(folded: string): { code: string; at: number; name?: string }[] {
  const out: { code: string; at: number; name?: string }[] = [];
  const re = /([\u4e00-\u9fffA-Za-z]{2,8})?\((?:行情)?(\d{6})(?:\.(?:SH|SZ|BJ))?(?:,诊股)?\)/g;
  for (const m of folded.matchAll(re)) out.push({ code: m[2], at: m.index ?? 0, name: m[1] });
  return out;
}
