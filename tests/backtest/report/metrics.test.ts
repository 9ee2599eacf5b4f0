/**
 * The summary metrics (src/backtest/metrics, one formula per file), each against a value worked
 * out by hand from its formula on a tiny input.
 */
import { describe, expect, it } from 'vitest';
import { alphaBeta } from '../../../src/backtest/metrics/alphaBeta.js';
import { annualisedReturn } from '../../../src/backtest/metrics/annualisedReturn.js';
import { averageTrade } from '../../../src/backtest/metrics/averageTrade.js';
import { dailyReturns } from '../../../src/backtest/metrics/dailyReturns.js';
import { fillRate } from '../../../src/backtest/metrics/fillRate.js';
import { hitRate } from '../../../src/backtest/metrics/hitRate.js';
import { informationRatio } from '../../../src/backtest/metrics/informationRatio.js';
import { maxDrawdown } from '../../../src/backtest/metrics/maxDrawdown.js';
import { medianTrade } from '../../../src/backtest/metrics/medianTrade.js';
import { profitFactor } from '../../../src/backtest/metrics/profitFactor.js';
import { sharpe } from '../../../src/backtest/metrics/sharpe.js';
import { sortino } from '../../../src/backtest/metrics/sortino.js';
import { totalReturn } from '../../../src/backtest/metrics/totalReturn.js';
import { turnover } from '../../../src/backtest/metrics/turnover.js';
import { volatility } from '../../../src/backtest/metrics/volatility.js';
import { summarize } from '../../../src/backtest/metrics/summarize.js';
import { benchmarkCurve } from '../../../src/backtest/metrics/benchmarkCurve.js';
import { dayNumber } from '../../../src/util/dayNumber.js';
import type { BtTrade } from '../../../src/backtest/types.js';

const trade = (pnl: number, ret: number | null, status: BtTrade['status'] = 'filled', shares = 100, entryPrice: number | null = 10, exitPrice: number | null = 11): BtTrade => ({
  event: 'e',
  symbol: 's',
  market: 'cn',
  signalDate: '2023-01-03',
  entryDate: entryPrice === null ? null : '2023-01-03',
  entryPrice,
  exitDate: exitPrice === null ? null : '2023-01-04',
  exitPrice,
  shares,
  costs: 0,
  costBreakdown: {},
  pnl,
  return: ret,
  status,
  reason: null,
  exitReason: 'hold',
});

describe('backtest metrics', () => {
  it('returns: daily, total, annualised with the market sessions per year', () => {
    expect([...dailyReturns([100, 110, 99])].map((x) => +x.toFixed(12))).toEqual([0.1, -0.1]);
    expect(totalReturn([100, 120, 150])).toBeCloseTo(0.5, 12);
    // (1.1)^(242/121) - 1 = 1.21 - 1
    expect(annualisedReturn(0.1, 121, 242)).toBeCloseTo(0.21, 12);
    expect(annualisedReturn(-1, 10, 242)).toBeNull();
  });

  it('risk: volatility, Sharpe, Sortino', () => {
    const r = [0.02, -0.01];
    // sd = sqrt(((0.015)^2 + (0.015)^2) / 1) = 0.0212132; mean 0.005
    expect(volatility(r, 242)).toBeCloseTo(0.0212132 * Math.sqrt(242), 6);
    expect(sharpe(r, 242)).toBeCloseTo((0.005 / 0.0212132) * Math.sqrt(242), 4);
    // downside deviation sqrt((0.01^2) / 2) = 0.00707107
    expect(sortino(r, 242)).toBeCloseTo((0.005 / 0.00707107) * Math.sqrt(242), 4);
    expect(sharpe([0.01, 0.01], 242)).toBeNull();
    expect(sortino([0.01, 0.02], 242)).toBeNull();
  });

  it('maximum drawdown, its dates and length to recovery', () => {
    expect(maxDrawdown([100, 120, 90, 130])).toEqual({ depth: 0.25, peak: 1, trough: 2, length: 2, recovered: true });
    // Never recovered: the length runs to the last session.
    expect(maxDrawdown([100, 80, 90])).toEqual({ depth: expect.closeTo(0.2, 12), peak: 0, trough: 1, length: 2, recovered: false });
    expect(maxDrawdown([1, 2, 3]).depth).toBe(0);
  });

  it('alpha and beta by OLS, information ratio; missing benchmark days left out', () => {
    const b = [0.01, -0.02, 0.03, 0.0, NaN];
    const r = [0.021, -0.039, 0.061, 0.001, 0.5];
    const ab = alphaBeta(r, b, 242)!;
    expect(ab.beta).toBeCloseTo(2, 12);
    expect(ab.alpha).toBeCloseTo(0.001 * 242, 10);
    expect(ab.n).toBe(4);
    // excess [0.01, 0.03]: mean 0.02, sd 0.0141421
    expect(informationRatio([0.02, 0.05], [0.01, 0.02], 242)).toBeCloseTo((0.02 / 0.0141421) * Math.sqrt(242), 3);
  });

  it('trade statistics: hit rate, average, median, profit factor, turnover, fill rate', () => {
    const t = [trade(30, 0.3), trade(-10, -0.1), trade(-5, 0.05), trade(0, 0.1), trade(0, null, 'skipped', 0, null, null)];
    expect(hitRate(t)).toBe(0.25);
    expect(averageTrade(t)).toBeCloseTo(0.0875, 12);
    expect(medianTrade(t)).toBeCloseTo(0.075, 12);
    expect(profitFactor(t)).toBe(2);
    expect(profitFactor([trade(5, 0.1)])).toBeNull();
    // 4 round trips of 100 x (10 + 11) = 8,400 traded; / 2 / 1,000 mean equity
    expect(turnover(t, 1000)).toBeCloseTo(4.2, 12);
    expect(fillRate([trade(1, 0.1), trade(1, 0.1, 'delayed'), trade(0, null, 'skipped'), trade(1, 0.1, 'partial')])).toBe(0.75);
  });

  it('summarize: benchmark return over the same sessions, NaN-free, blocked counts carried', () => {
    const d0 = dayNumber(2023, 1, 3);
    const days = Int32Array.from([d0, d0 + 1, d0 + 2]);
    const s = summarize({
      market: 'cn',
      currency: 'CNY',
      days,
      value: Float64Array.from([100, 110, 99]),
      // The benchmark did not trade on d0 + 1: its return spans d0 .. d0 + 2 on the portfolio's sessions.
      benchmark: { symbol: 'IDX', days: Int32Array.from([d0 - 1, d0, d0 + 2]), close: Float64Array.from([50, 100, 105]) },
      trades: [trade(10, 0.1)],
      blocked: { 'limit-up': 1 },
    });
    expect(s.totalReturn).toBeCloseTo(-0.01, 12);
    // Held over the run, as the equity chart draws it (close 100 on d0, 105 on d0 + 2): the move
    // across the benchmark's missing session counts.
    expect(s.benchmarkReturn).toBeCloseTo(0.05, 12);
    expect(Array.from(benchmarkCurve(days, Int32Array.from([d0 - 1, d0, d0 + 2]), Float64Array.from([50, 100, 105]), 100))).toEqual([100, 100, 105]);
    expect(s.tradingDaysPerYear).toBe(242);
    expect(s.maxDrawdownPeak).toBe('2023-01-04');
    expect(s.blocked).toEqual({ 'limit-up': 1 });
    expect(s.beta).toBeNull();
  });
});
