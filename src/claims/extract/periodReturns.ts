/**
 * Period returns: "截至4月24日收盘,三六零、昆仑万维、云从科技今年以来股价涨幅达153.52%、287.23%、155.58%",
 * "年初至今已各涨65%、146%", "年内累计下跌12%". The period runs from the previous year's last close
 * to the close of the 截至 date (or the article date when none is given). Names and figures are
 * aligned one-to-one when both are lists (A、B、C ... x%、y%、z%, 分别 or not).
 *
 * @example
 * periodReturns({ line: 1, text: s, folded: s }, ctx)[0].names // ['三六零', '昆仑万维', '云从科技']
 */
import type { Extractor, Finding } from './types.js';
import { subjectsBefore } from './subjects.js';
import { percents } from './numbers.js';

const KEY = /(今年以来|年初至今|年初以来|今年迄今|年内)/;
const UNTIL = /截至(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:收盘)?/;

export const periodReturns: Extractor = (s, ctx) => {
  const k = KEY.exec(s.folded);
  if (!k) return [];
  const after = s.folded.slice(k.index + k[0].length).split(/[。;]/)[0];
  if (!/(涨|跌|上升|下降|回报|收益)/.test(after)) return [];
  const sign = /(跌|下降|回落)/.test(after.split(/\d/)[0]) ? -1 : 1;
  const values = percents(after, sign);
  if (values.length === 0) return [];
  const until = UNTIL.exec(s.folded);
  const names = subjectsBefore(s.folded.slice(0, k.index), ctx.names);
  const f: Finding = {
    names,
    values,
    measure: 'period',
    when: until ? { kind: 'ytd', toMonth: Number(until[2]), toDay: Number(until[3]) } : { kind: 'ytd' },
    pattern: until ? `${k[0]} … 截至${until[2]}月${until[3]}日` : k[0],
  };
  return [f];
};
