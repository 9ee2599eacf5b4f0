/**
 * The files of `evstudy backtest`: backtest.md, backtest.json and charts/equity.svg, staged and
 * swapped in together through the output-folder writer (src/report/outputDir.ts: manifest, staging,
 * lock), so an earlier report is never damaged and the study's own files are left alone.
 */
import { checkContract } from '../report/contractParts.js';
import type { OutputSession, WrittenDir } from '../report/outputDir.js';
import { EQUITY_CHART, equityChart } from './chart.js';
import { renderBacktestMarkdown } from './markdown.js';
import { backtestSchema, type BacktestJson } from './schema.js';

export const BACKTEST_PRODUCER = 'backtest';
export const BACKTEST_FILES = { markdown: 'backtest.md', json: 'backtest.json', chart: `charts/${EQUITY_CHART}` } as const;

/**
 * The files of a backtest folder (backtest.json, backtest.md, ...) as text, before writing.
 *
 * @example
 * backtestFiles(runStudyBacktest(loadStudy('studies/china-ai-2023.yaml')).json).map((f) => f.file);
 */
export function backtestFiles(bt: BacktestJson): { file: string; data: string }[] {
  // What is written must validate against the schema shipped for it (a NaN is a bug to surface).
  checkContract(backtestSchema, bt, 'backtest.json');
  const title = 'Equity against the benchmark, drawdown below';
  return [
    { file: BACKTEST_FILES.json, data: `${JSON.stringify(bt, null, 2)}\n` },
    { file: BACKTEST_FILES.markdown, data: renderBacktestMarkdown(bt, { file: BACKTEST_FILES.chart, title }) },
    { file: BACKTEST_FILES.chart, data: equityChart(bt) },
  ];
}

/**
 * Stages every file in the session the command opened before computing, then commits them whole.
 *
 * @example
 * writeBacktest(bt, openOutputDir('reports/backtest', { producer: 'backtest' }));
 */
export function writeBacktest(bt: BacktestJson, session: OutputSession): WrittenDir {
  for (const f of backtestFiles(bt)) session.out.stage(f.file, f.data);
  return session.commit();
}
