/**
 * Ad-hoc studies on the user's own tables (returns or prices, market, events, factors), the way
 * users of R estudy2 or Python eventstudy work: no registry, no manifest.
 *
 * Calendars: a security's trading days are the dates where it has a value: a return (returns given)
 * or a price. A wide table merged from several markets has a row whenever any of them traded
 * (eventstudies' 33 index returns around 9/11 include Saturdays for Tel Aviv and Riyadh and the
 * days New York was shut); a market without a value that day did not trade, and counting such rows
 * as trading days would shrink its estimation sample and leave a hole in every CAR window. Market
 * and factor series are matched to those days by date.
 */
import { alignToDays, alignedReturns, returnsFromCloses } from '../core/index.js';
import {
  loadValueTable,
  loadEventsTable,
  loadFactorTable,
  pickColumn,
  marketSeries,
  type ValueTable,
  type ValueSeries,
  type FactorTable,
} from '../data/tables/index.js';
import { judgeReturnScale, scalesDisagree, summarizeScale } from '../data/tables/scale.js';
import { ConfigError, DataError, EvstudyError, UsageError, type Warning } from '../util/errors.js';
import { formatDay } from '../util/dayNumber.js';
import { exchangeOfSymbol } from '../calendar/index.js';
import { SCHEMA_VERSION, type ReportJson } from '../report/schema.js';
import { runEngine, type EngineProgress } from './engine.js';
import { conventionDefaults, DEFAULT_SETTINGS } from './types.js';
import type { DataProvider, EngineSettings, GapReturnsMode, Lookup, RegressorSet, SecurityData, StudyEvent } from './types.js';
import type { ModelKind, NonTradingPolicy } from './config.js';
import { MAX_OFFSET } from './offsets.js';
import { testsSetting } from '../stats/selection.js';

/**
 * Options of an ad-hoc study. Every setting is optional and defaults to the CLI's (and a study
 * file's) default, DEFAULT_SETTINGS; setting names are the study file's (YAML) and the report's
 * `settings` names, so one name means one option in YAML, report.json and code. The CLI flag of each
 * is its kebab-case form (`nonTradingDay` is `--non-trading-day`), except where noted.
 */
export interface AdhocOptions {
  /** Returns table (long or wide); give exactly one of `returns` and `prices`. */
  returns?: string;
  /** Prices table (closes), long or wide: returns are computed from it. */
  prices?: string;
  market?: string;
  marketColumn?: string;
  events: string;
  factors?: string;
  /** Normal-return model; default `market`. */
  model?: ModelKind;
  /** Estimation window in trading days relative to day 0; default [-130, -11]. */
  estimation?: [number, number];
  /** Event window; default [-10, 10]. */
  window?: [number, number];
  /** CAR windows (CLI `--car`); default [-1,1], [0,1], [0,2], [-5,5], [0,10]. */
  carWindows?: [number, number][];
  /** Minimum valid estimation returns; default 60. */
  minEstimation?: number;
  /** Event date not a trading day: `next` (default), `previous`, `skip` or `error`. */
  nonTradingDay?: NonTradingPolicy;
  /** @deprecated Old name of `nonTradingDay`; give one of the two. */
  nonTrading?: NonTradingPolicy;
  /** Returns (and market returns) are in percent. */
  percent?: boolean;
  /** Prices: take log returns; returns given: they are log returns (compounded with exp). */
  log?: boolean;
  /** Bootstrap seed; default 20230411. */
  seed?: number;
  /** Bootstrap resamples (CLI `--bootstrap`); default 9999. */
  bootstrapSamples?: number;
  /**
   * Test formulas where the literature leaves a choice (see EngineSettings.testConvention): 'paper'
   * (default) or 'estudy2', which also makes the unset contamination and r-bar options the peers'.
   * CLI `--convention`.
   */
  testConvention?: 'estudy2' | 'paper';
  /** The tests to compute: `all`, `basic` or names (src/stats/selection.ts); unset = all. */
  tests?: string;
  /** Skip the check that returns are decimals (not percent, not prices) and that stock and market match in scale. */
  assumeScale?: boolean;
  /** Security name for a vendor price file (yfinance, ...) given as --prices; default: its file name. */
  symbol?: string;
  /** Residual variance divisor: 'model-df' (SSR/(L-k), default) or 'L-1' (estudy2's, to reproduce its output). CLI `--variance`. */
  varianceConvention?: 'model-df' | 'L-1';
  /** @deprecated Old name of `varianceConvention`. */
  variance?: 'model-df' | 'L-1';
  /** Other events' windows inside an estimation window: 'drop' them from the sample (default; 'keep' under estudy2) or 'keep' them. CLI `--contaminated`. */
  estimationContamination?: 'drop' | 'keep';
  /** @deprecated Old name of `estimationContamination`. */
  contamination?: 'drop' | 'keep';
  /** Returns spanning several sessions (from prices only): 'flag' them (default) or also 'exclude' them from estimation samples. */
  gapReturns?: GapReturnsMode;
  /** KP r-bar of the window tests: 'overlap' (default) or the day-level 'day' (the default under estudy2). */
  kpWindowRbar?: 'overlap' | 'day';
}

/** AdhocOptions with every default applied and the deprecated names folded into the current ones. */
export type ResolvedAdhocOptions = Omit<AdhocOptions, 'nonTrading' | 'variance' | 'contamination'> &
  Required<Pick<AdhocOptions, 'model' | 'estimation' | 'window' | 'carWindows' | 'minEstimation' | 'nonTradingDay' | 'seed' | 'bootstrapSamples'>>;

/**
 * Applies the CLI's defaults (DEFAULT_SETTINGS) to whatever the caller left unset, so
 * `runAdhoc({ returns, market, events })` runs the study `evstudy study` would. A deprecated name
 * and its current name both given with different values is a usage error rather than a silent pick.
 *
 * @example
 * resolveAdhocOptions({ returns: 'r.csv', events: 'e.csv', nonTrading: 'previous' }).nonTradingDay; // 'previous'
 */
export function resolveAdhocOptions(o: AdhocOptions): ResolvedAdhocOptions {
  const { nonTrading, variance, contamination, ...rest } = o;
  const pickAlias = <T>(current: T | undefined, old: T | undefined, name: string, oldName: string): T | undefined => {
    if (current !== undefined && old !== undefined && current !== old)
      throw new UsageError(`${oldName} is the old name of ${name}; give one of them`, { field: oldName, value: String(old) });
    return current ?? old;
  };
  const d = DEFAULT_SETTINGS;
  const varianceConvention = pickAlias(o.varianceConvention, variance, 'varianceConvention', 'variance');
  const estimationContamination = pickAlias(o.estimationContamination, contamination, 'estimationContamination', 'contamination');
  return {
    ...rest,
    model: o.model ?? d.model,
    estimation: o.estimation ?? [...d.estimation],
    window: o.window ?? [...d.window],
    carWindows: o.carWindows ?? d.carWindows.map((w): [number, number] => [w[0], w[1]]),
    minEstimation: o.minEstimation ?? d.minEstimation,
    nonTradingDay: pickAlias(o.nonTradingDay, nonTrading, 'nonTradingDay', 'nonTrading') ?? d.nonTradingDay,
    seed: o.seed ?? d.seed,
    bootstrapSamples: o.bootstrapSamples ?? d.bootstrapSamples,
    ...(varianceConvention !== undefined ? { varianceConvention } : {}),
    ...(estimationContamination !== undefined ? { estimationContamination } : {}),
  };
}

const NEEDS_MARKET: ModelKind[] = ['market', 'market-adjusted', 'scholes-williams', 'dimson'];

/**
 * Runs an event study on the caller's own tables (CSV files: returns or prices, market, events,
 * optionally factors) and returns the report as report.json holds it. Unset settings take the CLI's
 * defaults (see AdhocOptions). Bad input throws an EvstudyError naming file, line and field.
 *
 * @example
 * import { runAdhoc, writeReport } from 'evstudy';
 * const report = await runAdhoc({ returns: 'returns.csv', market: 'market.csv', events: 'events.csv' });
 * console.log(report.aggregate.windows.map((w) => [w.window, w.caar]));
 * await writeReport(report, 'reports/my-study');
 */
export async function runAdhoc(options: AdhocOptions, progress?: EngineProgress): Promise<ReportJson> {
  const o = resolveAdhocOptions(options);
  if (!o.returns === !o.prices) throw new UsageError('give exactly one of --returns or --prices');
  checkNumbers(o);
  if ((o.model === 'ff3' || o.model === 'carhart') && !o.factors) throw new UsageError(`--model ${o.model} needs --factors FILE`);
  const mode: 'returns' | 'prices' = o.returns ? 'returns' : 'prices';
  // Prices are checked while reading, so a zero or negative close is reported with its line.
  const positive = mode === 'prices';
  // Simple returns at or below -100% are impossible: an error at their line (log returns may be).
  const floor = mode === 'returns' && !o.log ? (o.percent ? -100 : -1) : undefined;
  const percent = mode === 'returns' ? o.percent : false;
  const main = await loadValueTable((o.returns ?? o.prices)!, { percent, positive, floor, symbol: o.symbol });
  const marketTable = o.market ? await loadValueTable(o.market, { percent, positive, floor }) : null;
  if (mode === 'returns' && !o.assumeScale) checkReturnScale(main, marketTable);
  // Ignored, --symbol would leave the user believing the series got that name.
  if (o.symbol !== undefined && !main.warnings.some((w) => w.code === 'vendor-layout'))
    throw new UsageError(`--symbol names the security of a one-security vendor price file (yfinance, ...); ${main.file} is a ${main.shape} table whose symbols are ${main.shape === 'wide' ? 'its column names' : 'in its symbol column'}`, { field: '--symbol', value: o.symbol });
  const factors = o.factors ? await loadFactorTable(o.factors, { percent: 'auto' }) : null;
  const evTable = await loadEventsTable(o.events);
  const needsMarket = NEEDS_MARKET.includes(o.model);
  if (needsMarket && !marketTable && evTable.events.some((e) => !e.market))
    throw new UsageError(`--model ${o.model} needs --market FILE (or a market_ticker column in the events file)`);
  const defaultMarket = marketTable && needsMarket ? marketSeries(marketTable, o.marketColumn) : null;

  if (mode === 'prices') checkPositive(main);
  const testConvention = o.testConvention ?? 'paper';
  // estudy2 is peer reproduction: what the peers do wherever the caller did not choose.
  const byConvention = conventionDefaults(testConvention);
  const settings: EngineSettings = {
    model: o.model,
    estimation: o.estimation,
    window: o.window,
    carWindows: o.carWindows,
    minEstimation: o.minEstimation,
    nonTradingDay: o.nonTradingDay,
    returnType: mode === 'returns' ? (o.log ? 'log' : 'given') : o.log ? 'log' : 'simple',
    seed: o.seed,
    bootstrapSamples: o.bootstrapSamples,
    varianceConvention: o.varianceConvention ?? 'model-df',
    testConvention,
    groupBy: 'none',
    estimationContamination: o.estimationContamination ?? byConvention.estimationContamination,
    gapReturns: o.gapReturns ?? 'flag',
    kpWindowRbar: o.kpWindowRbar ?? byConvention.kpWindowRbar,
    ...testsSetting(o.tests),
  };
  const provider = tableProvider(main, mode, { defaultMarket, marketTable, factors, log: !!o.log, model: o.model });
  const noTiming = evTable.events.every((e) => e.timing === 'unknown');
  const events: StudyEvent[] = evTable.events.map((e) => ({
    id: e.id,
    eventId: e.id,
    symbol: e.symbol,
    day: e.day,
    // Peer packages take the event date as day 0; without a timing column we do the same.
    timing: e.timing === 'unknown' && noTiming ? 'intraday' : e.timing,
    group: e.group ?? null,
    market: e.market,
    title: e.title,
    sources: e.source ? [e.source] : undefined,
  })) as StudyEvent[];
  // The engine reports progress after each event, in order: `at.i` is the event it is on.
  const at = { i: 0 };
  const engine = runLocated(evTable, at, () =>
    runEngine(events, provider, settings, (done, total) => {
      at.i = done;
      progress?.(done, total);
    }),
  );
  const notes = [...engine.notes];
  // What the readers noticed (a vendor file read as one security, bars on weekends, dropped
  // duplicate rows) belongs in the report: a warning nobody sees is a quiet result.
  for (const t of [main, marketTable, evTable]) if (t) notes.push(...warningNotes(t.warnings));
  if (o.assumeScale && mode === 'returns') notes.push('--assume-scale: the returns were used as given, without the percent / prices / stock-vs-market scale checks.');
  if (noTiming) notes.push(`${evTable.file} has no timing column: day 0 is the event date, or the next trading day when the date is not one (policy ${o.nonTradingDay}).`);
  if (factors) notes.push(`${factors.file}: factors read as ${factors.percentDetected ? 'percent (divided by 100)' : 'decimals'} (${factors.percentSource === 'auto' ? 'detected from their size' : 'as told'}).`);
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: 'evstudy 0.1.0',
    study: { id: 'adhoc', title: `Event study: ${evTable.events.length} events, ${o.model} model` },
    settings: {
      model: o.model,
      estimation: o.estimation,
      window: o.window,
      carWindows: o.carWindows,
      nonTradingDay: o.nonTradingDay,
      returnType: settings.returnType,
      minEstimation: o.minEstimation,
      seed: o.seed,
      bootstrapSamples: o.bootstrapSamples,
      varianceConvention: settings.varianceConvention,
      testConvention: settings.testConvention,
      estimationContamination: settings.estimationContamination,
      gapReturns: settings.gapReturns,
      ...(settings.tests ? { tests: settings.tests } : {}),
    },
    inputs: {
      [mode]: main.file,
      ...(o.market ? { market: o.market } : {}),
      ...(o.marketColumn ? { marketColumn: o.marketColumn } : {}),
      ...(o.factors ? { factors: o.factors } : {}),
      events: evTable.file,
      percent: !!o.percent,
    },
    events: engine.events,
    aggregate: engine.aggregate,
    groups: engine.groups,
    notes,
  };
}

/**
 * Library callers pass numbers, not flag text: the same bounds as the flags (MAX_OFFSET, safe
 * integer seed), before any table is read, so a typo fails at once rather than exhausting memory.
 */
function checkNumbers(o: ResolvedAdhocOptions): void {
  const windows: [string, [number, number]][] = [['estimation', o.estimation], ['window', o.window], ...o.carWindows.map((w): [string, [number, number]] => ['carWindows', w])];
  for (const [name, [a, b]] of windows)
    if (!(Number.isInteger(a) && Number.isInteger(b) && Math.abs(a) <= MAX_OFFSET && Math.abs(b) <= MAX_OFFSET && a <= b))
      throw new UsageError(`expected integer offsets within -${MAX_OFFSET}..${MAX_OFFSET}, start not after end`, { field: name, value: `${a}:${b}` });
  // The flags' cross-checks too (cli/commands/study.ts), so the library cannot run a study the CLI refuses.
  if (o.estimation[1] >= o.window[0]) throw new UsageError(`the estimation window must end before the event window starts (${o.window[0]})`, { field: 'estimation', value: o.estimation.join(':') });
  if (!(Number.isInteger(o.minEstimation) && o.minEstimation >= 3 && o.minEstimation <= o.estimation[1] - o.estimation[0] + 1))
    throw new UsageError(`expected an integer >= 3 and at most the estimation window's ${o.estimation[1] - o.estimation[0] + 1} days`, { field: 'minEstimation', value: String(o.minEstimation) });
  for (const [a, b] of o.carWindows)
    if (a < o.window[0] || b > o.window[1]) throw new UsageError(`CAR window ${a}:${b} lies outside the event window ${o.window.join(':')}`, { field: 'carWindows', value: `${a}:${b}` });
  if (!Number.isSafeInteger(o.seed)) throw new UsageError('expected a safe integer', { field: 'seed', value: String(o.seed) });
  if (!(Number.isInteger(o.bootstrapSamples) && o.bootstrapSamples >= 1 && o.bootstrapSamples <= 100_000))
    throw new UsageError('expected an integer >= 1 and <= 100000', { field: 'bootstrapSamples', value: String(o.bootstrapSamples) });
}

/** Warnings as report notes, at most MAX_WARNING_NOTES per file then a count. */
const MAX_WARNING_NOTES = 10;
function warningNotes(warnings: readonly Warning[]): string[] {
  const at = (w: Warning) => [w.location.file, w.location.line].filter((x) => x !== undefined).join(':');
  const out = warnings.slice(0, MAX_WARNING_NOTES).map((w) => `${at(w)}: ${w.message}`);
  if (warnings.length > MAX_WARNING_NOTES) out.push(`${at(warnings[0]).split(':')[0]}: ... and ${warnings.length - MAX_WARNING_NOTES} more warnings`);
  return out;
}

/**
 * Refuses returns whose size says percent or prices (see data/tables/scale.ts), and a stock and
 * market table far apart in size, naming the flag that fixes it. `--assume-scale` skips this.
 */
function checkReturnScale(main: ValueTable, market: ValueTable | null): void {
  const override = 'or --assume-scale to use the values as they are';
  const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v.toPrecision(3));
  // Column by column, so one price column among return columns is not hidden in a pooled median.
  const judge = (t: ValueTable, what: string) => {
    t.columns.forEach((col, j) => {
      const s = summarizeScale([col]);
      const verdict = judgeReturnScale(s);
      if (verdict === 'decimal') return;
      const name = t.symbols.length > 1 ? `${what} of ${t.symbols[j]}` : what;
      const size = `median |value| ${fmt(s.medianAbs)} over ${s.count} values; daily returns in decimals are near 0.01`;
      const where = { file: t.file, field: t.shape === 'long' ? t.valueColumn : t.symbols[j] };
      if (verdict === 'prices')
        throw new DataError(`${name} look like prices, not returns (all positive, ${size}): give price files with --prices, ${override}`, where);
      throw new DataError(
        `${name} look like returns in percent (${size})${t.percent ? ' even after --percent' : ': add --percent (it applies to the returns and the market file)'}, ${override}`,
        where,
      );
    });
  };
  judge(main, 'the returns');
  if (!market) return;
  judge(market, 'the market returns');
  // The pooled scales only matter beside a market table: not one more pass over every value without one.
  const a = summarizeScale(main.columns);
  const b = summarizeScale(market.columns);
  if (scalesDisagree(a, b))
    throw new DataError(
      `the returns (${main.file}, median |r| ${fmt(a.medianAbs)}) and the market returns (median |r| ${fmt(b.medianAbs)}) are ${fmt(Math.max(a.medianAbs / b.medianAbs, b.medianAbs / a.medianAbs))}x apart in size: ` +
        `one file is probably in percent and the other in decimals (--percent applies to both; convert one file), ${override}`,
      { file: market.file },
    );
}

function checkPositive(t: ValueTable): void {
  t.columns.forEach((col, j) => {
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      if (!Number.isNaN(v) && !(v > 0))
        throw new DataError(`prices must be positive`, { file: t.file, field: t.symbols[j], value: `${formatDay(t.days[i])}: ${v}` });
    }
  });
}

interface TableProviderOptions {
  defaultMarket: ValueSeries | null;
  marketTable: ValueTable | null;
  factors: FactorTable | null;
  log: boolean;
  model: ModelKind;
}

function tableProvider(main: ValueTable, mode: 'returns' | 'prices', o: TableProviderOptions): DataProvider {
  const pick = (t: ValueTable, name: string): Lookup<ValueSeries> => {
    try {
      return { ok: true, value: pickColumn(t, name) };
    } catch (e) {
      if (e instanceof EvstudyError) return { ok: false, reason: e.message };
      throw e;
    }
  };
  const type = o.log ? 'log' : 'simple';
  // Ad-hoc tables name no exchange and ad-hoc events carry no time of day, so no exchange session is
  // ever consulted; but the calendar infers an exchange from the symbol's suffix and refuses column
  // names such as `S.P500` or `Dr.Reddy` (eventstudies' market and NSE names). Those get a nominal one.
  const exchangeOf = (symbol: string): string => exchangeOfSymbol(symbol) ?? 'NYSE';
  // Keyed by the market column's array: pick() wraps a column in a new ValueSeries object on every
  // call, while the column itself (and so its name and file) is the table's own.
  const regressorSets = new WeakMap<SecurityData, Map<Float64Array | null, RegressorSet>>();
  return {
    security(symbol: string): Lookup<SecurityData> {
      const s = pick(main, symbol);
      if (!s.ok) return { ok: false, reason: `no data for ${symbol} in ${main.file}: ${s.reason}` };
      const v = s.value.values;
      const exchange = exchangeOf(symbol);
      // The security's own trading days: the dates where it has a value (see the header).
      let n = 0;
      for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i])) n++;
      const days = new Int32Array(n);
      const vals = new Float64Array(n);
      for (let i = 0, k = 0; i < v.length; i++)
        if (!Number.isNaN(v[i])) {
          days[k] = main.days[i];
          vals[k++] = v[i];
        }
      if (n === 0) return { ok: false, reason: `${symbol} has no ${mode === 'returns' ? 'returns' : 'prices'} in ${main.file}` };
      if (mode === 'returns') {
        return { ok: true, value: { symbol, exchange, days, returns: vals, close: null, high: null, low: null } };
      }
      const close = vals;
      return { ok: true, value: { symbol, exchange, days, returns: returnsFromCloses(close, type), close, high: null, low: null } };
    },
    regressors(sec: SecurityData, ev: StudyEvent): Lookup<RegressorSet> {
      const evMarket = (ev as StudyEvent & { market?: string }).market;
      let m: ValueSeries | null = o.defaultMarket;
      if (evMarket && NEEDS_MARKET.includes(o.model)) {
        const fromMarket = o.marketTable ? pick(o.marketTable, evMarket) : null;
        const found = fromMarket?.ok ? fromMarket : pick(main, evMarket);
        if (!found.ok) return { ok: false, reason: `market column ${evMarket} of event ${ev.id}: ${found.reason}` };
        m = found.value;
      }
      // The set depends only on the listing and the market series: events of one listing share it
      // (read-only, like the listing's own columns) instead of aligning a full-length copy each.
      let byMarket = regressorSets.get(sec);
      if (!byMarket) {
        byMarket = new Map();
        regressorSets.set(sec, byMarket);
      }
      let set = byMarket.get(m?.values ?? null);
      if (!set) {
        set = regressorSet(sec, m);
        byMarket.set(m?.values ?? null, set);
      }
      return { ok: true, value: set };
    },
  };

  function regressorSet(sec: SecurityData, m: ValueSeries | null): RegressorSet {
    const columns: RegressorSet['columns'] = {};
    const labels: string[] = [];
    if (m && NEEDS_MARKET.includes(o.model)) {
      columns.market = mode === 'returns' ? alignToDays(sec.days, m.days, m.values) : alignedReturns(sec.days, m.days, m.values, type);
      labels.push(`${m.name} (${m.file})`);
    }
    if (o.factors) {
      const f = o.factors;
      columns.mktRf = alignToDays(sec.days, f.days, f.mktRf);
      columns.smb = alignToDays(sec.days, f.days, f.smb);
      columns.hml = alignToDays(sec.days, f.days, f.hml);
      if (f.mom) columns.mom = alignToDays(sec.days, f.days, f.mom);
      if (f.rf) columns.rf = alignToDays(sec.days, f.days, f.rf);
      labels.push(`factors (${f.file})`);
    }
    // From prices, a listing's return spans every market session between its two closes (gap returns).
    const sessionDays = mode === 'prices' && m && NEEDS_MARKET.includes(o.model) ? m.days : undefined;
    return { label: labels.join(' + ') || 'none', columns, ...(sessionDays ? { sessionDays } : {}) };
  }
}

/**
 * Runs the engine; an error it raises for one event without saying where (e.g. `--non-trading
 * error` on a weekend date) gets the events file and that event's line, as every input error has.
 */
function runLocated<T>(evTable: { file: string; events: { line: number }[] }, at: { i: number }, run: () => T): T {
  try {
    return run();
  } catch (e) {
    const row = evTable.events[at.i];
    if (!(e instanceof EvstudyError) || e.location.file !== undefined || !row) throw e;
    const where = { ...e.location, file: evTable.file, line: row.line };
    if (e.kind === 'data') throw new DataError(e.message, where, e.details);
    if (e.kind === 'config') throw new ConfigError(e.message, where, e.details);
    throw e;
  }
}
