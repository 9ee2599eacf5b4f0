/**
 * `evstudy study`: the ad-hoc mode on the user's own tables, and `evstudy run STUDY.yaml`.
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { loadStudy } from '../../study/config.js';
import { MODEL_KINDS, NON_TRADING_POLICIES, type ModelKind, type NonTradingPolicy } from '../../study/config.js';
import { ConfigError, UsageError } from '../../util/errors.js';
import { parseWindow, parseWindowList } from './windows.js';
import { parseInteger } from '../../util/parseInteger.js';
import { MAX_OFFSET } from '../../study/offsets.js';
import { GAP_RETURNS_MODES, type GapReturnsMode } from '../../study/types.js';
import { progressBar } from '../progress.js';
import { outFlag } from './outFlag.js';
import { openOutputDir } from '../../report/outputDir.js';
// Cheap to load: the chart modules import vega only when a chart is drawn (charts/render.ts).
import { MAX_CHART_EVENTS } from '../../report/charts/limits.js';
import { requireAggregate } from '../../study/requireAggregate.js';
import { parseTestSelection, SELECTABLE_TESTS, TEST_PRESETS, TestSelectionError } from '../../stats/selection.js';

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
  nonTradingDay: string;
  /** Deprecated spelling of --non-trading-day. */
  nonTrading?: string;
  percent?: boolean;
  assumeScale?: boolean;
  symbol?: string;
  log?: boolean;
  seed: string;
  bootstrap: string;
  convention: string;
  variance: string;
  contaminated?: string;
  gapReturns: string;
  tests?: string;
  out?: string;
  charts: boolean;
  force?: boolean;
  chartEvents?: string;
}

function chartEventList(text: string): string[] {
  const ids = text.split(',').map((s) => s.trim());
  if (ids.some((s) => s === '')) throw new UsageError('expected comma-separated event ids', { field: '--chart-events', value: text });
  if (ids.length > MAX_CHART_EVENTS) throw new UsageError(`at most ${MAX_CHART_EVENTS} events can have price charts`, { field: '--chart-events', value: text });
  return ids;
}

/** Every named id must be an event of the study: a typo would otherwise quietly draw nothing. */
function checkChartEvents(ids: readonly string[] | undefined, report: { events: { id: string }[] }, error: (id: string, i: number) => Error): void {
  if (!ids) return;
  const known = new Set(report.events.map((e) => e.id));
  ids.forEach((id, i) => {
    if (!known.has(id)) throw error(id, i);
  });
}

const TESTS_HELP = `tests to compute: all (default) | basic (${TEST_PRESETS.basic.join(', ')}: what the Python eventstudy package computes) | a comma list of ${SELECTABLE_TESTS.join(', ')}; the others are not computed`;

/** The --tests flag as given (validated now: a bad name is a usage error before any work). */
function testsFlag(text: string): string {
  try {
    parseTestSelection(text);
  } catch (e) {
    if (e instanceof TestSelectionError) throw new UsageError(e.message, { field: '--tests', value: text });
    throw e;
  }
  return text;
}

export const DEFAULT_STUDY = 'studies/china-ai-2023.yaml';

export function register(program: Command): void {
  program
    .command('run')
    .description('run a study file and write its report folder (Markdown, JSON, charts)')
    .argument('[study]', 'study YAML file', DEFAULT_STUDY)
    .option('--out <dir>', 'output folder (default reports/<study id>)')
    .option('--no-charts', 'skip the SVG charts')
    .option('--force', 'write into a non-empty folder that is not an evstudy output folder')
    .option('--tests <list>', TESTS_HELP)
    .action(async (file: string, flags: { out?: string; charts: boolean; force?: boolean; tests?: string }) => {
      outFlag(flags.out);
      // Checked before any file is read; overrides the study's own `tests:`.
      const tests = flags.tests === undefined ? undefined : testsFlag(flags.tests);
      // The pipeline is imported when a command runs, so `--help` and other commands start fast.
      const [{ runStudyReport }, { writeReport }] = await Promise.all([import('../../study/runStudy.js'), import('../../report/write.js')]);
      const study = loadStudy(file);
      if (tests !== undefined) study.config.tests = tests;
      const out = flags.out ?? resolve(study.root, study.config.outDir ?? `reports/${study.config.id}`);
      // Taken before the computation: a folder this run may not use, or that another run holds, is refused at once.
      const session = openOutputDir(out, { producer: 'report', force: flags.force });
      try {
        const bar = progressBar('events');
        const { report, sections } = await runStudyReport(study, { progress: bar.update });
        bar.stop();
        requireAggregate(report);
        const chartEvents = study.config.charts?.events;
        checkChartEvents(chartEvents, report, (id, i) => new ConfigError(`unknown event id: no event of this study has it`, { file: study.file, line: study.chartEventLines?.[i], field: `charts.events[${i}]`, value: id }));
        const written = await writeReport(report, session, { charts: flags.charts, sections, chartEvents });
        summary(report, written);
      } finally {
        session.close();
      }
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
    .option('--non-trading-day <policy>', `event date not a trading day: ${NON_TRADING_POLICIES.join(' | ')}`, 'next')
    // The old spelling, kept working: the option is `nonTradingDay` in study files and the library.
    .addOption(new Option('--non-trading <policy>', 'deprecated: --non-trading-day').hideHelp())
    .option('--percent', 'returns are in percent')
    .option('--assume-scale', 'use returns as given even when their size looks like percent or prices')
    .option('--symbol <name>', 'security name for a one-security vendor price file (yfinance, ...); default: the file name')
    .option('--log', 'log returns (from prices), or the given returns are log returns')
    .option('--seed <n>', 'bootstrap seed', '20230411')
    .option('--bootstrap <n>', 'bootstrap resamples (9999: Monte Carlo error of p about 0.002 near p = 0.05, Davidson & MacKinnon 2000)', '9999')
    .option('--convention <name>', "test formulas where the literature leaves a choice: paper (as the original papers) | estudy2 (as R estudy2, to reproduce it: also keeps contaminated estimation windows and the day-level KP r-bar unless --contaminated says otherwise)", 'paper')
    .option('--variance <divisor>', "residual variance divisor: model-df (SSR/(L-k)) | L-1 (estudy2's; with it and --convention estudy2 the COVID example's BW1980, BW1985, t, sign and rank tests match estudy2 to 1e-9, Patell/BMP to 0.3% from its prediction-error factor)", 'model-df')
    .option('--gap-returns <mode>', "returns spanning several market sessions (with --prices: the listing has no price on a day the market column has one, or over 10 calendar days pass): flag (count and flag per event) | exclude (also leave those in estimation windows out of the sample) | scale (count holidays as sessions too, exclude estimation ones and give event-window ones k sessions' variance: SAR on sigma sqrt(C + k - 1))", 'flag')
    .option('--tests <list>', TESTS_HELP)
    .option('--contaminated <mode>', "other events' windows inside an estimation window (same symbol): drop (leave them out of the estimation sample; default) | keep (fit on the window as it is; the default under --convention estudy2)")
    .option('--out <dir>', 'output folder for report.md and report.json')
    .option('--no-charts', 'skip the SVG charts')
    .option('--force', 'write into a non-empty folder that is not an evstudy output folder')
    .option('--chart-events <ids>', `event ids to draw price charts for, comma-separated (at most ${MAX_CHART_EVENTS}; default: all up to 20 events, else the 20 largest |CAR|)`)
    .action(async (f: StudyFlags, cmd: Command) => {
      if (f.nonTrading !== undefined) {
        if (cmd.getOptionValueSource('nonTradingDay') === 'cli' && f.nonTrading !== f.nonTradingDay)
          throw new UsageError('--non-trading is the old name of --non-trading-day; give one of them', { field: '--non-trading', value: f.nonTrading });
        f.nonTradingDay = f.nonTrading;
      }
      if (!f.events) throw new UsageError('--events FILE is required');
      if (outFlag(f.out) === undefined) throw new UsageError('--out DIR is required');
      if (!MODEL_KINDS.includes(f.model as ModelKind)) throw new UsageError(`unknown model; use one of ${MODEL_KINDS.join(', ')}`, { field: '--model', value: f.model });
      if (!NON_TRADING_POLICIES.includes(f.nonTradingDay as NonTradingPolicy))
        throw new UsageError(`unknown policy; use one of ${NON_TRADING_POLICIES.join(', ')}`, { field: f.nonTrading !== undefined ? '--non-trading' : '--non-trading-day', value: f.nonTradingDay });
      if (f.convention !== 'paper' && f.convention !== 'estudy2') throw new UsageError('use estudy2 or paper', { field: '--convention', value: f.convention });
      if (f.variance !== 'model-df' && f.variance !== 'L-1') throw new UsageError('use model-df or L-1', { field: '--variance', value: f.variance });
      if (f.contaminated !== undefined && f.contaminated !== 'drop' && f.contaminated !== 'keep')
        throw new UsageError('use drop or keep', { field: '--contaminated', value: f.contaminated });
      if (!(GAP_RETURNS_MODES as readonly string[]).includes(f.gapReturns)) throw new UsageError(`use ${GAP_RETURNS_MODES.join(', ')}`, { field: '--gap-returns', value: f.gapReturns });
      // Unset: runAdhoc takes the convention's choice (estudy2 keeps the window as the peers do).
      const contamination = f.contaminated as 'drop' | 'keep' | undefined;
      // Every integer flag is checked here, before any file is read: a bad seed must not cost a whole run.
      const seed = parseInteger(f.seed, '--seed');
      const tests = f.tests === undefined ? undefined : testsFlag(f.tests);
      const samples = parseInteger(f.bootstrap, '--bootstrap', { min: 1, max: 100_000 });
      const estimation = parseWindow(f.estimation, '--estimation');
      const window = parseWindow(f.window, '--window');
      const carWindows = parseWindowList(f.car, '--car');
      if (estimation[1] >= window[0]) throw new UsageError(`the estimation window must end before the event window starts (${window[0]})`, { field: '--estimation', value: f.estimation });
      const minEstimation = parseInteger(f.minEstimation, '--min-estimation', { min: 3, max: 2 * MAX_OFFSET + 1 });
      // As for study files: a window that cannot hold the minimum would fail every event.
      if (estimation[1] - estimation[0] + 1 < minEstimation)
        throw new UsageError(`the estimation window has ${estimation[1] - estimation[0] + 1} days, fewer than --min-estimation ${minEstimation}`, {
          field: '--estimation',
          value: f.estimation,
        });
      for (const [a, b] of carWindows)
        if (a < window[0] || b > window[1]) throw new UsageError(`CAR window ${a}:${b} lies outside the event window ${f.window}`, { field: '--car', value: f.car });
      const chartEvents = f.chartEvents === undefined ? undefined : chartEventList(f.chartEvents);
      const [{ runAdhoc }, { writeReport }] = await Promise.all([import('../../study/adhoc.js'), import('../../report/write.js')]);
      const session = openOutputDir(f.out!, { producer: 'report', force: f.force });
      try {
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
            nonTradingDay: f.nonTradingDay as NonTradingPolicy,
            percent: f.percent,
            assumeScale: f.assumeScale,
            symbol: f.symbol,
            log: f.log,
            seed,
            bootstrapSamples: samples,
            testConvention: f.convention as 'estudy2' | 'paper',
            varianceConvention: f.variance as 'model-df' | 'L-1',
            estimationContamination: contamination,
            gapReturns: f.gapReturns as GapReturnsMode,
            tests,
          },
          bar.update,
        );
        bar.stop();
        requireAggregate(report);
        checkChartEvents(chartEvents, report, (id) => new UsageError('unknown event id: no event of this study has it', { field: '--chart-events', value: id }));
        const written = await writeReport(report, session, { charts: f.charts, chartEvents });
        summary(report, written);
      } finally {
        session.close();
      }
    });
}

function summary(report: { events: { outcome: string }[]; aggregate: { n?: number } }, written: { dir: string; files: string[] }): void {
  const counts = new Map<string, number>();
  for (const e of report.events) counts.set(e.outcome, (counts.get(e.outcome) ?? 0) + 1);
  // Says what was written: with --no-charts (or every chart failed) there is no charts/ to point to.
  const charts = written.files.filter((f) => f.endsWith('.svg')).length;
  process.stdout.write(
    `${report.events.length} events (${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}); ${report.aggregate.n ?? 0} in the aggregate.\n` +
      `wrote ${written.dir}/report.md, report.html, report.json, events.csv${charts ? ` and ${charts} chart${charts > 1 ? 's' : ''} in charts/` : ''}\n`,
  );
}
