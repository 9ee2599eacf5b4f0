/**
 * A study file's backtest, end to end and in memory: the study's signals and bars (data.ts), one
 * engine run per market (one portfolio per market, in its own currency: no FX), the same strategy
 * without frictions beside it (frictionlessOf), the per-market summaries and the backtest.json
 * object (validated against src/backtest/schema.ts by the writer).
 */
import { relative, resolve } from 'node:path';
import type { LoadedStudy } from '../study/config.js';
import { defaultBenchmark } from '../study/providers/marketLabel.js';
import { formatDay, parseIsoDay } from '../util/dayNumber.js';
import { indexOfDay } from '../calendar/alignDay0.js';
import { ConfigError } from '../util/errors.js';
import type { BacktestConfig } from './config.js';
import { loadBacktestData, type BacktestData } from './data.js';
import { runBacktest } from './engine.js';
import { frictionlessOf } from './frictionless.js';
import { summarize } from './metrics/summarize.js';
import { benchmarkCurve } from './metrics/benchmarkCurve.js';
import { BACKTEST_SCHEMA_VERSION, type BacktestJson, type BtRunJson, type BtTradeJson } from './schema.js';
import type { BtBars, BtMarket, BtResult, BtSignal, BtStrategy, BtTrade } from './types.js';
import { describeRules } from './describe.js';
import { resolveCosts } from './costs/rates.js';

const MARKETS: readonly BtMarket[] = ['cn', 'hk', 'us'];
const MAIN_EXCHANGE: Record<BtMarket, string> = { cn: 'SSE', hk: 'HKEX', us: 'NYSE' };
/** The study's market labels (src/study/providers/marketLabel.ts marketOf). */
const MARKET_LABEL: Record<BtMarket, string> = { cn: 'A-share', hk: 'Hong Kong', us: 'US' };

/**
 * The engine's strategy from the validated `backtest:` block (defaults already applied by zod).
 *
 * @example
 * const strategy = strategyOf(loadStudy('studies/china-ai-2023.yaml').config.backtest!);
 */
export function strategyOf(b: BacktestConfig): BtStrategy {
  return {
    capital: b.capital,
    entry: { ...b.entry },
    exit: { ...b.exit },
    size: b.size.amount !== undefined ? { amount: b.size.amount } : { fraction: b.size.fraction! },
    maxPositions: b.maxPositions,
    limitRule: b.limitRule,
    costs: b.costs,
    maxVolumeShare: b.maxVolumeShare,
    allowLookahead: b.allowLookahead,
    lots: b.lots,
  };
}

export interface BacktestRun {
  json: BacktestJson;
  data: BacktestData;
}

/**
 * Runs the study file's `backtest:` block; a study without one is a configuration error.
 *
 * @example
 * import { loadStudy, runStudyBacktest } from 'evstudy';
 * const bt = runStudyBacktest(loadStudy('studies/china-ai-2023.yaml')).json;
 * console.log(bt.summary[0].totalReturn, bt.frictionless.summary[0].totalReturn);
 */
export function runStudyBacktest(study: LoadedStudy, override?: BacktestConfig): BacktestRun {
  const b = override ?? study.config.backtest;
  if (!b) throw new ConfigError('the study file has no backtest: block (see README, "Backtests")', { file: study.file, field: 'backtest' });
  const data = loadBacktestData(study, b.markets);
  const strategy = strategyOf(b);
  const markets = MARKETS.filter((m) => (b.markets ? b.markets.includes(m) : data.signals.some((s) => data.bars.get(s.symbol)!.market === m)));
  const benchmarks: Record<string, string | null> = {};
  for (const m of markets) {
    // The block's own, else the study's benchmark for the market (`benchmarks: { market:US: KWEB }`),
    // else the market's main-board default (CSI 300, Hang Seng, S&P 500).
    const chosen =
      typeof b.benchmark === 'string'
        ? b.benchmark
        : (b.benchmark?.[m] ?? study.config.benchmarks[`market:${MARKET_LABEL[m]}`] ?? defaultBenchmark(MAIN_EXCHANGE[m], 'main', ''));
    if (chosen && !data.store.has(chosen))
      throw new ConfigError(`benchmark ${chosen} is not in the price manifest`, { file: study.file, field: typeof b.benchmark === 'string' ? 'backtest.benchmark' : `backtest.benchmark.${m}`, value: chosen });
    benchmarks[m] = chosen ?? null;
  }
  const real = runMarkets(data, markets, strategy, benchmarks);
  const free = runMarkets(data, markets, frictionlessOf(strategy), benchmarks);
  const notes: string[] = [];
  if (b.allowLookahead)
    notes.push('LOOK-AHEAD ALLOWED (allowLookahead: true): entries may fill before the news was public; these results are not achievable by a trader.');
  for (const d of data.dropped) notes.push(`${d.event} (${d.symbol}): no signal, ${d.reason}`);
  const json: BacktestJson = {
    schemaVersion: BACKTEST_SCHEMA_VERSION,
    generator: 'evstudy 0.1.0',
    study: { id: study.config.id, title: study.config.title, file: relative(study.root, resolve(study.file)) || study.file },
    settings: {
      strategy: strategyJson(strategy),
      markets: [...markets],
      benchmarks,
      rules: describeRules(strategy),
      rates: ratesJson(strategy, markets),
      prices: data.prices,
      lookahead: b.allowLookahead,
    },
    trades: real.trades,
    equity: real.equity,
    summary: real.summary,
    blocked: real.blocked,
    barsSimulated: real.barsSimulated,
    frictionless: free,
    warnings: [...new Set([...data.warnings, ...real.warnings])],
    notes,
  };
  return { json, data };
}

function strategyJson(s: BtStrategy): BacktestJson['settings']['strategy'] {
  const costs = typeof s.costs === 'string' ? s.costs : (Object.fromEntries(Object.entries(s.costs).filter(([, v]) => v !== undefined)) as Record<string, number>);
  return { ...s, costs, maxVolumeShare: Number.isFinite(s.maxVolumeShare) ? s.maxVolumeShare : null };
}

/**
 * The rates in force per market, as dated steps (`from` null = every earlier date), after any
 * overrides: the reader sees exactly what each fill paid (src/backtest/costs/rates.ts has sources).
 */
function ratesJson(s: BtStrategy, markets: readonly BtMarket[]): Record<string, unknown> {
  if (s.costs === 'none') return { costs: 'none' };
  const model = resolveCosts(s.costs);
  const out: Record<string, unknown> = { costs: typeof s.costs === 'string' ? s.costs : 'default with overrides' };
  for (const m of markets)
    out[m] = Object.fromEntries(
      Object.entries(model.rates[m]).map(([k, t]) => [k, t.from.map((f, i) => ({ from: Number.isFinite(f) ? formatDay(f) : null, rate: t.rate[i] }))]),
    );
  return out;
}

function runMarkets(data: BacktestData, markets: readonly BtMarket[], strategy: BtStrategy, benchmarks: Record<string, string | null>): BtRunJson {
  const run: BtRunJson = { trades: [], equity: [], summary: [], blocked: {}, barsSimulated: 0, warnings: [] };
  for (const m of markets) {
    const bars = new Map<string, BtBars>();
    for (const [k, v] of data.bars) if (v.market === m) bars.set(k, v);
    const signals: BtSignal[] = data.signals.filter((s) => bars.has(s.symbol));
    const bsym = benchmarks[m];
    const bs = bsym ? data.store.get(bsym).series : undefined;
    // The benchmark's sessions are the market's calendar: a listing without a bar on one is suspended.
    const res: BtResult = runBacktest(bars, signals, strategy, bs ? { sessions: { [m]: bs.days } } : {});
    if (res.uncappedFills) run.warnings.push(`${m}: ${res.uncappedFills} fill(s) on bars without a volume figure, so without the volume cap`);
    const trades = res.trades.map((t) => tradeJson(t, data));
    run.trades.push(...trades);
    for (const [k, v] of Object.entries(res.blocked)) run.blocked[k] = (run.blocked[k] ?? 0) + v;
    run.barsSimulated += res.barsSimulated;
    run.warnings.push(...res.warnings);
    const eq = res.equity.find((e) => e.market === m);
    const currency = eq?.currency ?? [...bars.values()][0]?.currency ?? '';
    const days = eq?.days ?? new Int32Array(0);
    const value = eq?.value ?? new Float64Array(0);
    const bvals = bs ? benchmarkCurve(days, bs.days, bs.close, value.length ? value[0] : strategy.capital) : undefined;
    for (let i = 0; i < days.length; i++)
      run.equity.push({ date: formatDay(days[i]), market: m, value: value[i], benchmark: bvals && Number.isFinite(bvals[i]) ? bvals[i] : null });
    run.summary.push(
      summarize({
        market: m,
        currency,
        days,
        value,
        ...(bs && bsym ? { benchmark: { symbol: bsym, days: bs.days, close: bs.close } } : {}),
        trades: res.trades,
        blocked: res.blocked,
      }),
    );
  }
  return run;
}

/** The trade as written, with the prices its fills used: traded only when both fill days are. */
function tradeJson(t: BtTrade, data: BacktestData): BtTradeJson {
  const bars = data.bars.get(t.symbol);
  const traded = data.traded.get(t.symbol);
  const tradedOn = (d: string | null): boolean => {
    if (d === null) return true;
    if (!bars || !traded) return false;
    const i = indexOfDay(bars.days, parseIsoDay(d));
    return i >= 0 && traded[i] === 1;
  };
  const unadj = t.entryDate !== null && tradedOn(t.entryDate) && tradedOn(t.exitDate);
  return { ...t, priceSource: unadj ? 'unadjusted' : 'shipped' };
}
