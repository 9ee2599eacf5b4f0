/** What the extractors find, before and after names and dates are resolved. */
import type { Comparison } from './comparison.js';
import type { NameIndex } from './names.js';

/** One sentence of the article: its 1-based line, the quotable text (script kept) and the folded form patterns read. */
export interface Sentence {
  line: number;
  text: string;
  folded: string;
}

/** Where a claimed move sits in time, before it is resolved to dates or an event window. */
export type When =
  | { kind: 'ytd'; toMonth?: number; toDay?: number }
  | { kind: 'date'; month: number; day: number }
  | { kind: 'today' }
  | { kind: 'yesterday' }
  /** 本周一 (week 0), 上周五 / last Friday (week -1); dow 1 = Monday ... 5 = Friday. */
  | { kind: 'weekday'; week: 0 | -1; dow: number; words: string }
  /** Trading days after an event's announcement: 次日 = 1, 两个交易日累计 = 1..2. */
  | { kind: 'after-event'; first: number; last: number }
  | { kind: 'none' };

export interface Finding {
  /** Named subjects in order (folded); aligned one-to-one with `values` when both are lists. */
  names: string[];
  values: { value: number; comparison: Comparison; tolerance: number }[];
  measure: 'period' | 'rawReturn' | 'maxHighReturn' | 'minLowReturn' | 'price' | 'limit' | 'marketCap';
  when: When;
  /** For `limit`: +1 up-limit (涨停), -1 down-limit (跌停). */
  limitSign?: 1 | -1;
  /** Which pattern family matched, shown in the resolution. */
  pattern: string;
}

export interface PatternContext {
  names: NameIndex;
}

export type Extractor = (s: Sentence, ctx: PatternContext) => Finding[];
