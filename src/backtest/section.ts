/**
 * The backtest section of a study report (issue 11 §6): when the study file has a `backtest:`
 * block, report.json carries its per-market summaries (with the frictionless run beside them) and
 * trades, and report.md a short section with the same tables as backtest.md. The full files
 * (backtest.md, backtest.json, equity.svg) are `evstudy backtest`'s.
 */
import type { LoadedStudy } from '../study/config.js';
import { backtestBody, tradesTable } from './markdown.js';
import type { BacktestSectionJson } from './sectionSchema.js';
import { runStudyBacktest } from './run.js';
import { mdLine } from '../report/mdText.js';

export function backtestSection(study: LoadedStudy): { json: BacktestSectionJson; markdown: string } {
  const { json: bt } = runStudyBacktest(study);
  const json: BacktestSectionJson = {
    strategy: bt.settings.strategy,
    markets: bt.settings.markets,
    rules: bt.settings.rules,
    summary: bt.summary,
    frictionless: bt.frictionless.summary,
    trades: bt.trades,
    notes: [...bt.notes, ...bt.warnings],
  };
  const s = bt.settings.strategy;
  const md = [
    '## Backtest: trading the announcements',
    '',
    `What a trader could have captured under the exchanges' rules: ${bt.trades.length} signal(s), buying at the first fill the news allowed ` +
      `(day ${s.entry.day} ${s.entry.at}, moved later when the news was not yet public) and selling ${s.exit.hold} session(s) later at the ${s.exit.at}, ` +
      `beside the same strategy without limits, costs, lots or volume cap. Full report: \`evstudy backtest ${mdLine(bt.study.file)}\` (backtest.md, backtest.json, charts/equity.svg).`,
    '',
    ...backtestBody(bt, { heading: '###' }),
    '### Trades',
    '',
    tradesTable(bt.trades),
    '',
    ...bt.settings.rules.map((r) => `- ${mdLine(r)}`),
    '',
  ].join('\n');
  return { json, markdown: md };
}
