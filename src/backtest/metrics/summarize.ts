/**
 * One market's summary (issue 11 §5): every metric of src/backtest/metrics from the market's
 * equity curve, its benchmark's closes on the same sessions and its trades. Daily figures are
 * annualised with the market's own sessions per year (TRADING_DAYS_PER_YEAR). Benchmark returns
 * are taken between the same two sessions as the portfolio's (core alignedReturns): a session
 * the benchmark did not trade gives a missing return, left out of alpha, beta and IR, never a 0.
 */
import { alignedReturns } from '../../core/index.js';
import { formatDay } from '../../util/dayNumber.js';
import type { BtMarket, BtTrade } from '../types.js';
import { alphaBeta } from './alphaBeta.js';
import { annualisedReturn } from './annualisedReturn.js';
import { averageTrade } from './averageTrade.js';
import { benchmarkCurve } from './benchmarkCurve.js';
import { dailyReturns } from './dailyReturns.js';
import { fillRate } from './fillRate.js';
import { hitRate } from './hitRate.js';
import { informationRatio } from './informationRatio.js';
import { maxDrawdown } from './maxDrawdown.js';
import { mean } from './mean.js';
import { medianTrade } from './medianTrade.js';
import { profitFactor } from './profitFactor.js';
import { sharpe } from './sharpe.js';
import { sortino } from './sortino.js';
import { totalReturn } from './totalReturn.js';
import { TRADING_DAYS_PER_YEAR } from './tradingDaysPerYear.js';
import { turnover } from './turnover.js';
import { volatility } from './volatility.js';

export interface MarketSummary {
  market: BtMarket;
  currency: string;
  benchmark: string | null;
  from: string | null;
  to: string | null;
  sessions: number;
  tradingDaysPerYear: number;
  startValue: number | null;
  endValue: number | null;
  totalReturn: number | null;
  annualisedReturn: number | null;
  benchmarkReturn: number | null;
  volatility: number | null;
  sharpe: number | null;
  sortino: number | null;
  maxDrawdown: number;
  maxDrawdownLength: number;
  maxDrawdownPeak: string | null;
  maxDrawdownTrough: string | null;
  maxDrawdownRecovered: boolean;
  alpha: number | null;
  beta: number | null;
  informationRatio: number | null;
  signals: number;
  closedTrades: number;
  hitRate: number | null;
  averageTrade: number | null;
  medianTrade: number | null;
  profitFactor: number | null;
  turnover: number | null;
  fillRate: number | null;
  costs: number;
  pnl: number;
  blocked: Record<string, number>;
}

export interface SummaryInput {
  market: BtMarket;
  currency: string;
  days: Int32Array;
  value: Float64Array;
  benchmark?: { symbol: string; days: Int32Array; close: Float64Array };
  trades: readonly BtTrade[];
  blocked: Record<string, number>;
}

const fin = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : x);

export function summarize(s: SummaryInput): MarketSummary {
  const perYear = TRADING_DAYS_PER_YEAR[s.market];
  const n = s.days.length;
  const r = dailyReturns(s.value);
  // alignedReturns gives one return per session (the first NaN): drop it to pair with r.
  const b = s.benchmark ? alignedReturns(s.days, s.benchmark.days, s.benchmark.close, 'simple').subarray(1) : new Float64Array(r.length).fill(NaN);
  const total = totalReturn(s.value);
  // Buy and hold over the run, as the equity chart draws it: compounding only the days with a
  // benchmark return would drop the move across a benchmark holiday.
  let bench: number | null = null;
  if (s.benchmark && n > 0) {
    const curve = benchmarkCurve(s.days, s.benchmark.days, s.benchmark.close, 1);
    const first = curve.findIndex((v) => Number.isFinite(v));
    // Started at 1, the curve is exactly 1 at its first close: its last value less 1 is the return.
    if (first >= 0 && first < n - 1) bench = curve[n - 1] - 1;
  }
  const dd = maxDrawdown(s.value);
  const ab = alphaBeta(r, b, perYear);
  const closed = s.trades.filter((t) => t.return !== null);
  return {
    market: s.market,
    currency: s.currency,
    benchmark: s.benchmark?.symbol ?? null,
    from: n ? formatDay(s.days[0]) : null,
    to: n ? formatDay(s.days[n - 1]) : null,
    sessions: n,
    tradingDaysPerYear: perYear,
    startValue: n ? s.value[0] : null,
    endValue: n ? s.value[n - 1] : null,
    totalReturn: fin(total),
    annualisedReturn: fin(annualisedReturn(total, r.length, perYear)),
    benchmarkReturn: fin(bench),
    volatility: fin(volatility(r, perYear)),
    sharpe: fin(sharpe(r, perYear)),
    sortino: fin(sortino(r, perYear)),
    maxDrawdown: dd.depth,
    maxDrawdownLength: dd.length,
    maxDrawdownPeak: dd.depth > 0 ? formatDay(s.days[dd.peak]) : null,
    maxDrawdownTrough: dd.depth > 0 ? formatDay(s.days[dd.trough]) : null,
    maxDrawdownRecovered: dd.recovered,
    alpha: fin(ab?.alpha ?? null),
    beta: fin(ab?.beta ?? null),
    informationRatio: fin(informationRatio(r, b, perYear)),
    signals: s.trades.length,
    closedTrades: closed.length,
    hitRate: hitRate(s.trades),
    averageTrade: fin(averageTrade(s.trades)),
    medianTrade: fin(medianTrade(s.trades)),
    profitFactor: fin(profitFactor(s.trades)),
    turnover: fin(turnover(s.trades, n ? mean(s.value) : NaN)),
    fillRate: fillRate(s.trades),
    costs: s.trades.reduce((a, t) => a + t.costs, 0),
    pnl: s.trades.reduce((a, t) => a + t.pnl, 0),
    blocked: { ...s.blocked },
  };
}
