/**
 * English basics: "Kunlun Tech shares are up 287% since the start of the year" / "year to date",
 * "closed up 5.2%" / "closed down 4.26%", "rose as much as 16%" (intraday high) with
 * nearly/about/more than/up to.
 *
 * @example
 * englishMoves(sentence('Qihoo 360 closed down 4.26% today'), ctx)[0] // rawReturn -0.0426, today
 */
import type { Extractor, Finding, When } from './types.js';
import { percents } from './numbers.js';

const YTD = /(since the (?:start|beginning) of the year|year[- ]to[- ]date|so far this year)/i;

export const englishMoves: Extractor = (s, ctx) => {
  const t = s.folded;
  if (!/[a-z]{3}/i.test(t)) return [];
  const names = ctx.names.find(t).map((h) => h.name).slice(0, 1);
  const out: Finding[] = [];
  const last = /\blast (Monday|Tuesday|Wednesday|Thursday|Friday)\b/i.exec(t);
  const when: When = last
    ? { kind: 'weekday', week: -1, dow: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].indexOf(last[1].toLowerCase()) + 1, words: last[0] }
    : /\btoday\b/i.test(t) ? { kind: 'today' } : /\byesterday\b/i.test(t) ? { kind: 'yesterday' } : { kind: 'none' };
  if (YTD.test(t)) {
    const m = /\b(up|gained|rose|down|lost|fell)\b([^.;]*)/i.exec(t);
    if (m) {
      const v = percents(m[2], /down|lost|fell/i.test(m[1]) ? -1 : 1);
      if (v.length > 0) out.push({ names, values: v.slice(0, 1), measure: 'period', when: { kind: 'ytd' }, pattern: 'since the start of the year' });
    }
    return out;
  }
  let m = /closed (up|down|higher|lower)\s*(?:by\s*)?([^;,]*?%)/i.exec(t);
  if (m) out.push({ names, values: percents(m[2], /down|lower/i.test(m[1]) ? -1 : 1).slice(0, 1), measure: 'rawReturn', when, pattern: `closed ${m[1]}` });
  m = /(?:rose|jumped|climbed|surged) (as much as|up to|nearly|more than|about)\s*([\d.]+%)/i.exec(t);
  if (m) out.push({ names, values: percents(`${m[1]} ${m[2]}`).slice(0, 1), measure: 'maxHighReturn', when, pattern: `rose ${m[1]}` });
  m = /(?:fell|dropped|slid|sank|tumbled) (as much as|up to|nearly|more than|about)\s*([\d.]+%)/i.exec(t);
  if (m) out.push({ names, values: percents(`${m[1]} ${m[2]}`, -1).slice(0, 1), measure: 'minLowReturn', when, pattern: `fell ${m[1]}` });
  return out.filter((f) => f.values.length > 0);
};
