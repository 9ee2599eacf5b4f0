/**
 * The contract of backtest.json (issue 11 §5), the one source of schema/backtest.schema.json
 * (`npm run schema`). Every object is strict, like report.json's: a field written but not declared
 * here makes the file invalid. Numbers that cannot be computed are null, never NaN or Infinity.
 */
import * as z from 'zod';
import { finiteNumber as num, isoDate, nullableNumber as nullableNum } from '../report/contractParts.js';

export const BACKTEST_SCHEMA_VERSION = '1.0.0';

const market = z.enum(['cn', 'hk', 'us']);
const count = z.number().int().min(0);

export const btTradeSchema = z
  .strictObject({
    event: z.string(),
    symbol: z.string(),
    market,
    signalDate: isoDate,
    entryDate: isoDate.nullable(),
    entryPrice: nullableNum,
    exitDate: isoDate.nullable(),
    exitPrice: nullableNum,
    shares: num.min(0),
    costs: num,
    costBreakdown: z.record(z.string(), num),
    pnl: num,
    return: nullableNum,
    status: z.enum(['filled', 'delayed', 'partial', 'skipped']),
    reason: z.string().nullable(),
    exitReason: z.string().nullable(),
    /** Which prices the fills used: the listing's traded (unadjusted) series or the shipped one. */
    priceSource: z.enum(['unadjusted', 'shipped']),
    events: z.array(z.strictObject({ day: isoDate, what: z.string() })).optional(),
  })
  .meta({ id: 'BacktestTrade', description: 'One signal and what became of it: fills, costs, P&L, or why it was not (fully) filled.' });

export const btSummarySchema = z
  .strictObject({
    market,
    currency: z.string(),
    benchmark: z.string().nullable(),
    from: isoDate.nullable(),
    to: isoDate.nullable(),
    sessions: count,
    tradingDaysPerYear: count,
    startValue: nullableNum,
    endValue: nullableNum,
    totalReturn: nullableNum,
    annualisedReturn: nullableNum,
    benchmarkReturn: nullableNum,
    volatility: nullableNum,
    sharpe: nullableNum,
    sortino: nullableNum,
    maxDrawdown: num.min(0),
    maxDrawdownLength: count,
    maxDrawdownPeak: isoDate.nullable(),
    maxDrawdownTrough: isoDate.nullable(),
    maxDrawdownRecovered: z.boolean(),
    alpha: nullableNum,
    beta: nullableNum,
    informationRatio: nullableNum,
    signals: count,
    closedTrades: count,
    hitRate: nullableNum,
    averageTrade: nullableNum,
    medianTrade: nullableNum,
    profitFactor: nullableNum,
    turnover: nullableNum,
    fillRate: nullableNum,
    costs: num,
    pnl: num,
    blocked: z.record(z.string(), count),
  })
  .meta({ id: 'BacktestSummary', description: "One market's portfolio: returns, risk, benchmark-relative figures, trade statistics and orders blocked per rule." });

const equityPoint = z.strictObject({ date: isoDate, market, value: num, benchmark: nullableNum });

const runSchema = z.strictObject({
  trades: z.array(btTradeSchema),
  equity: z.array(equityPoint),
  summary: z.array(btSummarySchema),
  blocked: z.record(z.string(), count),
  barsSimulated: count,
  warnings: z.array(z.string()),
});

export const btStrategySchema = z
  .strictObject({
    capital: num,
    entry: z.strictObject({ day: z.number().int(), at: z.enum(['open', 'close']) }),
    exit: z.strictObject({ hold: z.number().int().min(0), at: z.enum(['open', 'close']), stopLoss: num.optional(), takeProfit: num.optional() }),
    size: z.union([z.strictObject({ amount: num }), z.strictObject({ fraction: num })]),
    maxPositions: z.number().int().min(1),
    limitRule: z.enum(['locked', 'touch', 'off']),
    costs: z.union([z.enum(['default', 'none']), z.record(z.string(), num)]),
    /** null = no volume cap (the frictionless run). */
    maxVolumeShare: nullableNum,
    allowLookahead: z.boolean(),
    lots: z.enum(['board', 'one']),
  })
  .meta({ id: 'BacktestStrategy', description: 'The resolved strategy (study file backtest: block with defaults applied).' });

export const backtestSchema = z.strictObject({
  schemaVersion: z.literal(BACKTEST_SCHEMA_VERSION),
  generator: z.string(),
  study: z.strictObject({ id: z.string(), title: z.string(), file: z.string() }),
  settings: z.strictObject({
    strategy: btStrategySchema,
    markets: z.array(market),
    benchmarks: z.record(z.string(), z.string().nullable()),
    /** Rules in force, one line each with its source (src/backtest/rules). */
    rules: z.array(z.string()),
    /** Cost rates in force (the engine's dated tables, or the overrides), for the report's reader. */
    rates: z.record(z.string(), z.unknown()),
    /** Per listing: which price series fills used and over which dates. */
    prices: z.array(
      z.strictObject({ symbol: z.string(), source: z.enum(['unadjusted', 'shipped']), file: z.string(), from: isoDate.nullable(), to: isoDate.nullable(), note: z.string().optional() }),
    ),
    lookahead: z.boolean(),
  }),
  trades: z.array(btTradeSchema),
  equity: z.array(equityPoint),
  summary: z.array(btSummarySchema),
  blocked: z.record(z.string(), count),
  barsSimulated: count,
  frictionless: runSchema,
  warnings: z.array(z.string()),
  notes: z.array(z.string()),
});

export type BacktestJson = z.infer<typeof backtestSchema>;
export type BtTradeJson = z.infer<typeof btTradeSchema>;
export type BtRunJson = z.infer<typeof runSchema>;
