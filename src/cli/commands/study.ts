/**
 * `evstudy study`: the ad-hoc mode on the user's own tables, and `evstudy run STUDY.yaml`.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadStudy } from '../../study/config.js';
import { MODEL_KINDS, NON_TRADING_POLICIES, type ModelKind, type NonTradingPolicy } from '../../study/config.js';
import { UsageError } from '../../util/errors.js';
import { parseInteger, parseWindow, parseWindowList } from './windows.js';
import { progressBar } from '../progress.js';

interface StudyFlags {
  returns?: string;
  prices?: string;
  market?: string;
  marketColumn?: string;
  events?: string;
  factors?: string;
  model: string;
  estimation: string;
  window: string;
  car: string;
  minEstimation: string;
  nonTrading: string;
  percent?: boolean;
  log?: boolean;
  seed: string;
  bootstrap: string;
  convention: string;
  variance: string;
  out?: string;
  charts: boolean;
}

export const DEFAULT_STUDY = 'studies/china-ai-2023.yaml';

export function register(program: Command): void {
  program
    .command('run')
    .description('run a study file and write its report folder (Markdown, JSON, charts)')
    .argument('[study]', 'study YAML file', DEFAULT_STUDY)
    .option('--out <dir>', 'output folder (default reports/<study id>)')
    .option('--no-charts', 'skip the SVG charts')
    .action(async (file: string, flags: { out?: string; charts: boolean }) => {
      // The pipeline is imported when a command runs, so `--help` and other commands start fast.
      const [{ runStudyReport }, { writeReport }] = await Promise.all([import('../../study/runStudy.js'), import('../../report/write.js')]);
      const study = loadStudy(file);
      const bar = progressBar('events');
      const { report, sections } = await runStudyReport(study, { progress: bar.update });
      bar.stop();
      const out = flags.out ?? resolve(study.root, study.config.outDir ?? `reports/${study.config.id}`);
      const written = await writeReport(report, out, { charts: flags.charts, sections });
      summary(report, written.dir);
    });

  program
    .command('study')
    .description('ad-hoc event study on your own returns or prices, market and events tables')
    .option('--returns <file>', 'returns table: long (date,symbol,value) or wide (date + one column per symbol)')
    .option('--prices <file>', 'prices table (closes), long or wide; returns are computed from it')
    .option('--market <file>', 'market returns (or prices, with --prices): one value column, or pick one with --market-column')
    .option('--market-column <name>', 'column of the market file to use')
    .option('--events <file>', 'events table: symbol and date columns, optional id, group, timing, market_ticker')
    .option('--factors <file>', 'Fama-French / Carhart factor file (for --model ff3 | carhart)')
    .option('--model <model>', `normal-return model: ${MODEL_KINDS.join(' | ')}`, 'market')
    .option('--estimation <a:b>', 'estimation window in trading days relative to day 0', '-130:-11')
    .option('--window <a:b>', 'event window', '-10:10')
    .option('--car <list>', 'CAR windows, comma-separated', '-1:1,0:1,0:2,-5:5,0:10')
    .option('--min-estimation <n>', 'minimum valid estimation returns', '60')
    .option('--non-trading <policy>', `event date not a trading day: ${NON_TRADING_POLICIES.join(' | ')}`, 'next')
    .option('--percent', 'returns are in percent')
    .option('--log', 'log returns (from prices), or the given returns are log returns')
    .option('--seed <n>', 'bootstrap seed', '20230411')
    .option('--bootstrap <n>', 'bootstrap resamples', '999')
    .option('--convention <name>', "test formulas where the literature leaves a choice: estudy2 (as R estudy2) | paper (as the original papers)", 'estudy2')
    .option('--variance <divisor>', "residual variance divisor: model-df (SSR/(L-k)) | L-1 (estudy2's; with it the COVID example's BW1980, BW1985, t, sign and rank tests match estudy2 to 1e-9, Patell/BMP to 0.3% from its prediction-error factor)", 'model-df')
    .option('--out <dir>', 'output folder for report.md and report.json')
    .option('--no-charts', 'skip the SVG charts')
    .action(async (f: StudyFlags) => {
      if (!f.events) throw new UsageError('--events FILE is required');
      if (!f.out) throw new UsageError('--out DIR is required');
      if (!MODEL_KINDS.includes(f.model as ModelKind)) throw new UsageError(`unknown model; use one of ${MODEL_KINDS.join(', ')}`, { field: '--model', value: f.model });
      if (!NON_TRADING_POLICIES.includes(f.nonTrading as NonTradingPolicy))
        throw new UsageError(`unknown policy; use one of ${NON_TRADING_POLICIES.join(', ')}`, { field: '--non-trading', value: f.nonTrading });
      if (f.convention !== 'paper' && f.convention !== 'estudy2') throw new UsageError('use estudy2 or paper', { field: '--convention', value: f.convention });
      if (f.variance !== 'model-df' && f.variance !== 'L-1') throw new UsageError('use model-df or L-1', { field: '--variance', value: f.variance });
      const estimation = parseWindow(f.estimation, '--estimation');
      const window = parseWindow(f.window, '--window');
      const carWindows = parseWindowList(f.car, '--car');
      if (estimation[1] >= window[0]) throw new UsageError(`the estimation window must end before the event window starts (${window[0]})`, { field: '--estimation', value: f.estimation });
      const minEstimation = parseInteger(f.minEstimation, '--min-estimation', 3);
      // As for study files: a window that cannot hold the minimum would fail every event.
      if (estimation[1] - estimation[0] + 1 < minEstimation)
        throw new UsageError(`the estimation window has ${estimation[1] - estimation[0] + 1} days, fewer than --min-estimation ${minEstimation}`, {
          field: '--estimation',
          value: f.estimation,
        });
      for (const [a, b] of carWindows)
        if (a < window[0] || b > window[1]) throw new UsageError(`CAR window ${a}:${b} lies outside the event window ${f.window}`, { field: '--car', value: f.car });
      const [{ runAdhoc }, { writeReport }] = await Promise.all([import('../../study/adhoc.js'), import('../../report/write.js')]);
      const bar = progressBar('events');
      const report = await runAdhoc(
        {
          returns: f.returns,
          prices: f.prices,
          market: f.market,
          marketColumn: f.marketColumn,
          events: f.events,
          factors: f.factors,
          model: f.model as ModelKind,
          estimation,
          window,
          carWindows,
          minEstimation,
          nonTrading: f.nonTrading as NonTradingPolicy,
          percent: f.percent,
          log: f.log,
          seed: parseInteger(f.seed, '--seed'),
          bootstrapSamples: bootstrapSamples(f.bootstrap),
          testConvention: f.convention as 'estudy2' | 'paper',
          variance: f.variance as 'model-df' | 'L-1',
        },
        bar.update,
      );
      bar.stop();
      const written = await writeReport(report, f.out, { charts: f.charts });
      summary(report, written.dir);
    });
}

/** At least one resample (the battery always bootstraps), at most as many as a study file allows. */
function bootstrapSamples(text: string): number {
  const n = parseInteger(text, '--bootstrap', 1);
  if (n > 100_000) throw new UsageError('expected an integer <= 100000', { field: '--bootstrap', value: text });
  return n;
}

function summary(report: { events: { outcome: string }[]; aggregate: { n?: number } }, dir: string): void {
  const counts = new Map<string, number>();
  for (const e of report.events) counts.set(e.outcome, (counts.get(e.outcome) ?? 0) + 1);
  process.stdout.write(
    `${report.events.length} events (${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}); ${report.aggregate.n ?? 0} in the aggregate.\nwrote ${dir}/report.md, report.json and charts/\n`,
  );
}
