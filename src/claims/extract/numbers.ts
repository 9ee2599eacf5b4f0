/**
 * Percentages with their qualifying word, in order: "达153.52%、287.23%" (达 carries over the list),
 * "近16%", "超22%", "nearly 16%", "more than 22%".
 *
 * @example
 * percents('涨幅达153.52%、287.23%') // [{ value: 1.5352, comparison: 'about', ... }, { value: 2.8723, ... }]
 * percents('超9%', -1) // [{ value: -0.09, comparison: 'at-most', ... }] (a fall of more than 9%)
 */
import { comparisonOf, toleranceOf, type Comparison } from './comparison.js';

const RE = /(约|近|超过|超|逾|达到|达|至|高达|nearly|almost|about|around|more than|over|up to|as much as)?\s*(\d+(?:\.\d+)?)\s*(%|％|个百分点)/gi;

export function percents(s: string, sign: 1 | -1 = 1): { value: number; comparison: Comparison; tolerance: number }[] {
  const out: { value: number; comparison: Comparison; tolerance: number }[] = [];
  let carried: string | undefined;
  for (const m of s.matchAll(RE)) {
    if (m[3] === '个百分点') continue; // a change in a rate, not a return
    const word = m[1] ?? carried;
    carried = word;
    // Rounded so 153.52% is 1.5352, not 1.5352000000000001 (the figure is quoted back).
    // The words bound the size of a fall: "跌超9%" is a return of at most -9%, so the bound flips with the sign.
    const c = comparisonOf(word);
    const comparison: Comparison = sign === -1 && c === 'at-least' ? 'at-most' : sign === -1 && c === 'at-most' ? 'at-least' : c;
    out.push({ value: Number(((sign * Number(m[2])) / 100).toFixed(10)), comparison, tolerance: toleranceOf(m[2]) });
  }
  return out;
}
