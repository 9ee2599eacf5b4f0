/**
 * The whole A-share market's code and name list (prices/names/a-share-names.csv, an AKShare
 * `stock_info_a_code_name` export): the second place a name is looked up, after the price manifest.
 * It only says which listing a name stands for; it has no prices, so a claim resolved through it is
 * `cannot-check` "no price data for SYMBOL (name list: SOURCE)".
 *
 * Rules:
 * - Names are compared folded (fold.ts), without blanks (the exchange pads short names: 万  科Ａ)
 *   and with the extra traditional characters below, since the list names every firm, not only the
 *   shipped ones (卓勝微 = 卓胜微 = 300782).
 * - A name two codes carry (三维股份: 603033 and 831834) resolves to neither: it is reported, never guessed.
 * - Code to symbol: 6xxxxx and 9xxxxx (Shanghai B) -> .SH; 0/2/3xxxxx -> .SZ; 4/8xxxxx and 92xxxx -> .BJ.
 * - In running text a list name followed by 概念 / 板块 / 行业 / 产业 / 指数 / ETF is a sector, not the firm
 *   (机器人概念股 is not 300024 机器人).
 *
 * @example
 * const list = parseMarketNames(',code,name\n0,300782,卓胜微\n', 'a.csv', 'tszlam/trading@7434e50:data/stock_list.csv');
 * list.lookup('卓勝微') // { kind: 'found', code: '300782', symbol: '300782.SZ', name: '卓胜微' }
 */
import { readCsvRecords } from '../../data/prices/csv.js';
import { DataError } from '../../util/errors.js';
import { foldText } from './fold.js';
import { longestFirst } from './names.js';

export type MarketNameHit =
  | { kind: 'found'; code: string; symbol: string; name: string }
  | { kind: 'ambiguous'; codes: string[]; name: string };

export interface MarketNames {
  /** Where the list comes from (owner/repo@commit:path), quoted in every reason that used it. */
  source: string;
  rows: number;
  lookup(name: string): MarketNameHit | undefined;
  /** The listing a six-digit code stands for, if the list has it. */
  code(code: string): { symbol: string; name: string } | undefined;
  /** List names occurring in a folded line, longest first then left to right, without overlaps. */
  find(folded: string): { name: string; at: number }[];
}

const SECTOR_AFTER = /^(概念|板块|板塊|行业|行業|产业|產業|指数|指數|etf)/i;

/** The comparison form of a name: folded (simplified script, half-width), blanks out, lower case. */
export function nameKey(s: string): string {
  return foldText(s).replace(/\s+/g, '').toLowerCase();
}

/** 6xxxxx -> .SH etc. (see the module rules); undefined for a code no exchange issues. */
export function symbolOfCode(code: string): string | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  if (code.startsWith('92') || code[0] === '4' || code[0] === '8') return `${code}.BJ`;
  if (code[0] === '6' || code[0] === '9') return `${code}.SH`;
  if (code[0] === '0' || code[0] === '2' || code[0] === '3') return `${code}.SZ`;
  return undefined;
}

/** Parses the list (header with `code` and `name` columns; any others, such as pandas' row number, ignored). */
export function parseMarketNames(text: string, file: string, source: string): MarketNames {
  const records = readCsvRecords(text.replace(/^\uFEFF/, ''), file);
  const header = records[0];
  if (!header) throw new DataError('the name list is empty: expected a header with code and name columns', { file, line: 1 });
  const ci = header.fields.indexOf('code');
  const ni = header.fields.indexOf('name');
  if (ci < 0 || ni < 0) throw new DataError(`the name list's header has no ${ci < 0 ? 'code' : 'name'} column`, { file, line: header.line, field: ci < 0 ? 'code' : 'name' });
  const byKey = new Map<string, string[]>();
  const byCode = new Map<string, { symbol: string; name: string }>();
  for (const r of records.slice(1)) {
    const code = r.fields[ci] ?? '';
    const name = (r.fields[ni] ?? '').replace(/\s+/g, '');
    const symbol = symbolOfCode(code);
    if (!symbol) throw new DataError('expected a six-digit A-share code', { file, line: r.line, field: 'code', value: code });
    if (name === '') throw new DataError('a code with no name', { file, line: r.line, field: 'name', value: code });
    if (byCode.has(code)) throw new DataError(`code ${code} is listed twice`, { file, line: r.line, field: 'code', value: code });
    byCode.set(code, { symbol, name });
    const k = nameKey(name);
    if (k.length < 2) continue;
    const codes = byKey.get(k) ?? [];
    codes.push(code);
    byKey.set(k, codes);
  }
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length);
  return {
    source,
    rows: byCode.size,
    lookup(n) {
      const codes = byKey.get(nameKey(n));
      if (!codes) return undefined;
      if (codes.length > 1) return { kind: 'ambiguous', codes: [...codes], name: n };
      const hit = byCode.get(codes[0])!;
      return { kind: 'found', code: codes[0], symbol: hit.symbol, name: hit.name };
    },
    code: (c) => byCode.get(c),
    find(folded) {
      // nameKey drops blanks; positions must stay those of `folded`, so blanks are kept here and names have none.
      const lower = folded.toLowerCase();
      if (lower.length !== folded.length) return []; // a character outside the BMP changed length: no safe positions
      const skip = (k: string, at: number) => SECTOR_AFTER.test(lower.slice(at + k.length)) || (/^[a-z0-9*]/.test(k) && /[a-z0-9]/.test(lower[at - 1] ?? ''));
      return longestFirst(lower, keys, skip).map(({ key, at }) => ({ name: folded.slice(at, at + key.length), at }));
    },
  };
}
