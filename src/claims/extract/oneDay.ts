/**
 * One-day moves and moves after an event, Chinese (folded text):
 * - "收涨5.2%" / "收跌4.26%": close-to-close move of the day;
 * - "涨停" / "跌停": the board's price limit (a stated 跌幅9.97% beside it is the figure checked);
 * - "最高涨近16%" / "一度涨超9%": intraday high against the previous close; "一度跌超9%" / "最低跌": intraday low;
 * - "报46.7元": a price level;
 * - "次日 …" = the first trading day after the announcement, "两个交易日累计 …" = the first two.
 * The day is 今日 / 昨日 / "4月11日" / 次日 of an event, resolved later (resolve.ts).
 *
 * @example
 * oneDayMoves(sentence('次日股价最高涨近16%,两个交易日累计最大涨幅超22%'), ctx) // maxHighReturn 0.16 nearly; rawReturn 0.22 at-least
 */
import type { Extractor, Finding, When } from './types.js';
import { percents } from './numbers.js';

function whenOf(clause: string, sentence: string): When {
  const two = /(两|2)个交易日/.exec(clause);
  if (two) return { kind: 'after-event', first: 1, last: 2 };
  if (/次日|第二天|翌日/.test(clause)) return { kind: 'after-event', first: 1, last: 1 };
  const wk = /(本周|这周|上周)([一二三四五])/.exec(sentence);
  if (wk) return { kind: 'weekday', week: wk[1] === '上周' ? -1 : 0, dow: '一二三四五'.indexOf(wk[2]) + 1, words: wk[0] };
  if (/今日|今天/.test(sentence)) return { kind: 'today' };
  if (/昨日|昨天/.test(sentence)) return { kind: 'yesterday' };
  const d = /(\d{1,2})月(\d{1,2})日/.exec(sentence);
  if (d) return { kind: 'date', month: Number(d[1]), day: Number(d[2]) };
  return { kind: 'none' };
}

export const oneDayMoves: Extractor = (s, ctx) => {
  const out: Finding[] = [];
  if (/(今年以来|年初至今|年初以来|年内)/.test(s.folded)) return out;
  const subjects = ctx.names.find(s.folded).map((h) => h.name);
  const names = subjects.length > 0 ? [subjects[0]] : [];
  let carry: When | undefined;
  for (const clause of s.folded.split(/[,，;]/)) {
    let when = whenOf(clause, clause);
    if (when.kind === 'none') when = carry ?? whenOf('', s.folded);
    else carry = when;
    const push = (measure: Finding['measure'], values: Finding['values'], pattern: string, extra: Partial<Finding> = {}) =>
      out.push({ names, values, measure, when, pattern, ...extra });
    let m: RegExpExecArray | null;
    if ((m = /收(涨|跌)(约|近|超|逾)?\s*(\d+(?:\.\d+)?)%/.exec(clause))) {
      push('rawReturn', percents(clause.slice(m.index + 2), m[1] === '跌' ? -1 : 1).slice(0, 1), `收${m[1]}`);
    } else if ((m = /(涨停|跌停)/.exec(clause))) {
      const sign = m[1] === '涨停' ? 1 : -1;
      const stated = /(涨幅|跌幅)(为|达)?\s*(\d+(?:\.\d+)?)%/.exec(s.folded);
      push('limit', stated ? percents(stated[0], sign as 1 | -1) : [], m[1], { limitSign: sign as 1 | -1 });
    } else if ((m = /(最高|一度)(?:涨|上涨|拉升)(?:幅)?(约|近|超过|超|逾|达)?\s*(\d+(?:\.\d+)?)%/.exec(clause))) {
      push('maxHighReturn', percents(clause.slice(m.index + m[1].length + 1)).slice(0, 1), `${m[1]}涨`);
    } else if ((m = /(最低|一度)(?:跌|下跌|下挫|跳水)(?:幅)?(约|近|超过|超|逾|达)?\s*(\d+(?:\.\d+)?)%/.exec(clause))) {
      push('minLowReturn', percents(clause.slice(m.index + m[1].length + 1), -1).slice(0, 1), `${m[1]}跌`);
    } else if ((m = /(累计)(?:最大)?(?:涨幅|上涨|涨)(约|近|超过|超|逾|达)?\s*(\d+(?:\.\d+)?)%/.exec(clause)) && when.kind === 'after-event') {
      push('rawReturn', percents(clause.slice(m.index)).slice(0, 1), '累计涨幅');
    }
    if ((m = /报\s*(\d+(?:\.\d+)?)\s*(元|港元|美元)/.exec(clause))) {
      push('price', [{ value: Number(m[1]), comparison: 'about', tolerance: 0.005 }], `报${m[2]}`);
    }
  }
  return out.filter((f) => f.values.length > 0 || f.measure === 'limit');
};
