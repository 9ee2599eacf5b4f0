/**
 * Dated trading costs (src/backtest/costs): hand arithmetic on a few fills, and the same round trip
 * on shipped A-share rows (copied into the test, cited) before and after the stamp-duty cut of 2023-08-28.
 */
import { describe, expect, it } from 'vitest';
import { fillCost } from '../../../src/backtest/costs/fillCost.js';
import { costRateNames, resolveCosts } from '../../../src/backtest/costs/rates.js';
import { runBacktest } from '../../../src/backtest/engine.js';
import { dayNumber } from '../../../src/util/dayNumber.js';
import { mapOf, signal, strategy, synthetic } from './synthetic.js';

const cent = (x: number): number => Math.floor(x * 100 + 0.5 + 1e-9) / 100;

describe('A-share costs before and after 2023-08-28', () => {
  const model = resolveCosts('default');
  it('the same sell of 1,000 shares at 10.00: stamp duty 10.00 on 2023-08-25, 5.00 on 2023-08-28', () => {
    const before: Record<string, number> = {};
    const after: Record<string, number> = {};
    // value 10,000: commission max(5, 2.50) = 5; transfer 0.001% = 0.10; stamp 0.1% / 0.05%
    expect(fillCost(model, 'cn', true, dayNumber(2023, 8, 25), 10, 1000, before)).toBe(15.1);
    expect(before).toEqual({ commission: 5, transferFee: 0.1, stampDuty: 10 });
    expect(fillCost(model, 'cn', true, dayNumber(2023, 8, 28), 10, 1000, after)).toBe(10.1);
    expect(after.stampDuty).toBe(5);
    // Buys pay no stamp duty; the transfer fee was 0.002% before 2022-04-29.
    const buy2021: Record<string, number> = {};
    fillCost(model, 'cn', false, dayNumber(2022, 4, 28), 10, 1000, buy2021);
    expect(buy2021).toEqual({ commission: 5, transferFee: 0.2 });
  });

  // prices/cn/akshare/600570.csv (SSE main board), rows copied as date, open, high, low, close, volume
  // (lots x 100 = shares); the file's columns are 日期,开盘,收盘,最高,最低,成交量:
  //   l.400 2023-08-24,35.39,35.31,35.98,34.85,229203
  //   l.401 2023-08-25,35.05,34.16,35.28,33.9,253344
  //   l.402 2023-08-28,37.58,35.47,37.58,35.38,509904
  const b = synthetic('600570.SH', 'cn', [
    ['2023-08-24', 35.39, 35.98, 34.85, 35.31, 229203 * 100],
    ['2023-08-25', 35.05, 35.28, 33.9, 34.16, 253344 * 100],
    ['2023-08-28', 37.58, 37.58, 35.38, 35.47, 509904 * 100],
  ]);
  const run = (date: string) => runBacktest(mapOf(b), [signal(b, date)], strategy({ costs: 'default', limitRule: 'off', exit: { hold: 1, at: 'close' } })).trades[0];

  it('bought 08-24 open, sold 08-25 close: stamp duty 0.1%', () => {
    const t = run('2023-08-24');
    expect([t.shares, t.entryPrice, t.exitPrice]).toEqual([2800, 35.39, 34.16]); // 100000/35.39 = 2825.6 -> 2800
    const buy = 2800 * 35.39; // 99,092.00
    const sell = 2800 * 34.16; // 95,648.00
    const expected = {
      commission: cent(buy * 0.00025) + cent(sell * 0.00025), // 24.77 + 23.91
      transferFee: cent(buy * 0.00001) + cent(sell * 0.00001), // 0.99 + 0.96
      stampDuty: cent(sell * 0.001), // 95.65
    };
    expect(t.costBreakdown.commission).toBeCloseTo(48.68, 9);
    expect(t.costBreakdown.transferFee).toBeCloseTo(1.95, 9);
    expect(t.costBreakdown.stampDuty).toBeCloseTo(95.65, 9);
    expect(t.costBreakdown.commission).toBeCloseTo(expected.commission, 9);
    expect(t.costBreakdown.transferFee).toBeCloseTo(expected.transferFee, 9);
    expect(t.costBreakdown.stampDuty).toBeCloseTo(expected.stampDuty, 9);
    expect(t.costs).toBeCloseTo(146.28, 9);
    expect(t.costs).toBeCloseTo(expected.commission + expected.transferFee + expected.stampDuty, 9);
    expect(t.pnl).toBeCloseTo(sell - buy - 146.28, 6);
  });

  it('bought 08-25 open, sold 08-28 close: stamp duty 0.05%', () => {
    const t = run('2023-08-25');
    expect([t.shares, t.entryPrice, t.exitPrice]).toEqual([2800, 35.05, 35.47]);
    const buy = 2800 * 35.05; // 98,140.00: commission 24.535 -> 24.54, transfer 0.98
    const sell = 2800 * 35.47; // 99,316.00: commission 24.829 -> 24.83, transfer 0.99, stamp 49.658 -> 49.66
    expect(t.costBreakdown).toEqual({ commission: 49.37, transferFee: 1.97, stampDuty: 49.66 });
    expect(t.costs).toBeCloseTo(cent(buy * 0.00025) + cent(buy * 0.00001) + cent(sell * 0.00025) + cent(sell * 0.00001) + cent(sell * 0.0005), 9);
    expect(t.costs).toBeCloseTo(101, 9); // 24.54 + 0.98 + 24.83 + 0.99 + 49.66 (vs 146.28 with the 0.1% duty)
  });
});

describe('Hong Kong and US costs', () => {
  const model = resolveCosts('default');
  it('HK: stamp duty rounded up to a whole HK$, 0.13% until 2023-11-16 and 0.1% from 2023-11-17', () => {
    const out: Record<string, number> = {};
    // 200 shares x 339.03 = 67,806: stamp 0.13% = 88.1478 -> 89; commission 0.03% = 20.34 -> min 50;
    // trading fee 0.00565% = 3.831 -> 3.83; SFC 0.0027% = 1.8308 -> 1.83; AFRC 0.00015% = 0.1017 -> 0.10
    expect(fillCost(model, 'hk', false, dayNumber(2023, 3, 1), 339.03, 200, out)).toBeCloseTo(50 + 89 + 3.83 + 1.83 + 0.1, 9);
    expect(out).toEqual({ commission: 50, stampDuty: 89, tradingFee: 3.83, sfcLevy: 1.83, afrcLevy: 0.1 });
    const late: Record<string, number> = {};
    fillCost(model, 'hk', true, dayNumber(2023, 11, 17), 339.03, 200, late);
    expect(late.stampDuty).toBe(68); // 67.806 -> 68
  });

  it('US: USD 0.005 per share (min 1) and the SEC fee on sells by date, 0 from 2025-05-14', () => {
    const a: Record<string, number> = {};
    // 1,000 shares x 100 = 100,000 sold 2023-06-01: commission 5.00; SEC $8.00 per million = 0.80
    expect(fillCost(model, 'us', true, dayNumber(2023, 6, 1), 100, 1000, a)).toBeCloseTo(5.8, 9);
    const b: Record<string, number> = {};
    fillCost(model, 'us', true, dayNumber(2024, 6, 3), 100, 1000, b);
    expect(b.secFee).toBe(2.78); // $27.80 per million
    const c: Record<string, number> = {};
    fillCost(model, 'us', true, dayNumber(2025, 5, 14), 100, 10, c);
    expect(c).toEqual({ commission: 1, secFee: 0 });
    const fy22: Record<string, number> = {};
    fillCost(model, 'us', true, dayNumber(2022, 5, 16), 100, 1000, fy22);
    expect(fy22.secFee).toBe(2.29); // $22.90 per million from 2022-05-14 (FY2022)
    const fy22before: Record<string, number> = {};
    fillCost(model, 'us', true, dayNumber(2022, 5, 13), 100, 1000, fy22before);
    expect(fy22before.secFee).toBe(0.51); // $5.10 per million (FY2021)
  });

  it('overrides by name (flat or market.name); unknown names list the valid ones; none is zero', () => {
    const m = resolveCosts({ stampDuty: 0.002, 'hk.stampDuty': 0.003 });
    const cn: Record<string, number> = {};
    fillCost(m, 'cn', true, dayNumber(2023, 9, 1), 10, 1000, cn);
    expect(cn.stampDuty).toBe(20);
    const hk: Record<string, number> = {};
    fillCost(m, 'hk', true, dayNumber(2023, 9, 1), 10, 1000, hk);
    expect(hk.stampDuty).toBe(30);
    expect(() => resolveCosts({ stampTax: 0.001 })).toThrow(/unknown rate 'stampTax'; valid names: .*stampDuty/);
    expect(() => resolveCosts({ commission: -1 })).toThrow(/costs\.commission: must be a number >= 0/);
    expect(costRateNames()).toContain('us.secFee');
    expect(fillCost(resolveCosts('none'), 'cn', true, dayNumber(2023, 9, 1), 10, 1000, {})).toBe(0);
  });
});
