/**
 * Market-cap statements ("卓胜微的市值已经缩水至657亿元", "market value of $200 billion"): extracted
 * so the reader sees them, but shares outstanding are not in the price data, so they cannot be checked.
 *
 * @example
 * marketCaps(sentence('卓胜微的市值已经缩水至657亿元'), ctx)[0] // { names: ['卓胜微'], measure: 'marketCap', values: [{ value: 65.7e9, comparison: 'at-most' ... }] }
 */
import type { Extractor } from './types.js';
import { comparisonOf } from './comparison.js';

const CN = /([\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?:的)?(?:总)?市值[^,;。\d]{0,8}?(约|近|超过|超|逾|达|至)?\s*(\d+(?:\.\d+)?)\s*(万亿|亿)(元|港元|美元)?/g;
const EN = /market (?:value|capitali[sz]ation|cap)[^.;]{0,30}?(about|nearly|more than|over|up to)?\s*\$?(\d+(?:\.\d+)?)\s*(billion|trillion)/gi;

export const marketCaps: Extractor = (s, ctx) => {
  const out = [];
  for (const m of s.folded.matchAll(CN)) {
    const known = ctx.names.find(s.folded.slice(0, (m.index ?? 0) + m[1].length)).map((h) => h.name);
    const subject = known.length > 0 ? known[known.length - 1] : m[1].replace(/^.*(?:如今|目前|当前|而)/, '');
    const scale = m[4] === '万亿' ? 1e12 : 1e8;
    out.push({
      names: [subject],
      values: [{ value: Number(m[3]) * scale, comparison: comparisonOf(m[2]), tolerance: 0 }],
      measure: 'marketCap' as const,
      when: { kind: 'none' as const },
      pattern: '市值',
    });
  }
  for (const m of s.folded.matchAll(EN)) {
    const known = ctx.names.find(s.folded.slice(0, m.index ?? 0)).map((h) => h.name);
    out.push({
      names: known.slice(-1),
      values: [{ value: Number(m[2]) * (m[3].toLowerCase() === 'trillion' ? 1e12 : 1e9), comparison: comparisonOf(m[1]), tolerance: 0 }],
      measure: 'marketCap' as const,
      when: { kind: 'none' as const },
      pattern: 'market value',
    });
  }
  return out;
};
