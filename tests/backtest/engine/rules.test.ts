/**
 * Market rules of the backtest engine, with trades computed by hand from shipped CSV rows (file and
 * line cited; line 1 is the header). Costs are off here (costs.test.ts has them) so that each
 * expected P&L is (exit - entry) x shares. Bars come from the price store (column cache off).
 */
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../src/backtest/engine.js';
import { isRegistrationListing, limitPriceOf, limitRateAt } from '../../../src/core/limits.js';
import { dayNumber } from '../../../src/util/dayNumber.js';
import { mapOf, shipped, signal, strategy, synthetic } from './bars.js';

// prices/cn/akshare/601360.csv (SSE main board, 10% limit; forward-adjusted = traded in 2023):
//   l.264 2023-02-07 open 7.25 close 8.02 high 8.02 low 7.19
//   l.265 2023-02-08 open 8.82 close 8.82 high 8.82 low 8.82   locked at the upper limit all day: 8.02 x 1.1 = 8.822 -> 8.82
//   l.266 2023-02-09 open 9.70 close 9.70 high 9.70 low 9.26   opens at the limit (8.82 x 1.1 = 9.702 -> 9.70), trades below
//   l.267 2023-02-10 open 9.90 close 9.37 high 10.16 low 9.31  limit 9.70 x 1.1 = 10.67: free
//   l.268 2023-02-13 open 9.26 close 9.69 high 9.88 low 9.25  volume 4,482,778 lots
//   l.269 2023-02-14 open 9.73 close 10.18 high 10.66 low 9.72
const b601360 = shipped('601360.SH');

describe('price limits: locked vs touch (601360.SH, 2023-02-08/09)', () => {
  const sig = signal(b601360, '2023-02-08', 'pre-open');
  const run = (limitRule: 'locked' | 'touch' | 'off') =>
    runBacktest(mapOf(b601360), [sig], strategy({ limitRule, exit: { hold: 2, at: 'close' } })).trades[0];

  it('locked: the entry is delayed by the bar locked at the upper limit, then fills at the open of a bar that opened at the limit', () => {
    const t = run('locked');
    expect(t.status).toBe('delayed');
    expect(t.reason).toContain('limit-up locked 2023-02-08');
    expect(t.entryDate).toBe('2023-02-09');
    expect(t.entryPrice).toBe(9.7);
    expect(t.shares).toBe(Math.floor(100_000 / 9.7 / 100) * 100); // 10,300
    // hold 2 sessions after 02-09: 02-13 close 9.69
    expect(t.exitDate).toBe('2023-02-13');
    expect(t.exitPrice).toBe(9.69);
    expect(t.pnl).toBeCloseTo(10_300 * (9.69 - 9.7), 6);
    expect(t.exitReason).toBe('hold');
  });

  it('touch: 02-09 opens within a tick of the limit, so the entry waits again and fills on 02-10', () => {
    const t = run('touch');
    expect(t.status).toBe('delayed');
    expect(t.reason).toContain('limit-up touch 2023-02-08');
    expect(t.reason).toContain('limit-up touch 2023-02-09');
    expect(t.entryDate).toBe('2023-02-10');
    expect(t.entryPrice).toBe(9.9);
    expect(t.shares).toBe(10_100); // floor(100000 / 9.90) = 10101 -> 10100
    expect(t.exitDate).toBe('2023-02-14');
    expect(t.pnl).toBeCloseTo(10_100 * (10.18 - 9.9), 6);
  });

  it('off: fills at the locked open of 02-08', () => {
    const t = run('off');
    expect(t.status).toBe('filled');
    expect([t.entryDate, t.entryPrice, t.shares]).toEqual(['2023-02-08', 8.82, 11_300]); // floor(100000/8.82)=11337 -> 11300
  });
});

describe('a sell blocked by a bar locked at the lower limit rolls', () => {
  // prices/cn/akshare/000977.csv (SZSE main board):
  //   l.358 2023-06-27 open 56.85 close 56.37
  //   l.359 2023-06-28 open = high = low = close = 50.73: 56.37 x 0.9 = 50.733 -> 50.73, locked down
  //   l.360 2023-06-29 open 47.07 close 48.04
  const b = shipped('000977.SZ');
  it('exit planned at the 06-28 close moves to the 06-29 close; selling is allowed under off', () => {
    const sig = signal(b, '2023-06-27', 'pre-open');
    const locked = runBacktest(mapOf(b), [sig], strategy({ exit: { hold: 1, at: 'close' } }));
    const t = locked.trades[0];
    expect([t.entryDate, t.entryPrice, t.shares]).toEqual(['2023-06-27', 56.85, 1700]); // floor(100000/56.85)=1759 -> 1700
    expect(t.exitDate).toBe('2023-06-29');
    expect(t.exitPrice).toBe(48.04);
    expect(t.exitReason).toBe('rolled: limit-down locked');
    expect(t.pnl).toBeCloseTo(1700 * (48.04 - 56.85), 6);
    expect(locked.blocked['limit-down']).toBe(1);
    const off = runBacktest(mapOf(b), [sig], strategy({ limitRule: 'off', exit: { hold: 1, at: 'close' } })).trades[0];
    expect([off.exitDate, off.exitPrice, off.exitReason]).toEqual(['2023-06-28', 50.73, 'hold']);
  });
});

describe('selling at the upper limit and buying at the lower limit are never blocked', () => {
  it('sell at the 601360 02-08 close locked up (l.265), buy at the 000977 06-28 open locked down (l.359), under locked and touch', () => {
    const down = shipped('000977.SZ');
    for (const limitRule of ['locked', 'touch'] as const) {
      const sell = runBacktest(mapOf(b601360), [signal(b601360, '2023-02-07')], strategy({ limitRule, exit: { hold: 1, at: 'close' } })).trades[0];
      expect([sell.entryPrice, sell.exitDate, sell.exitPrice, sell.exitReason]).toEqual([7.25, '2023-02-08', 8.82, 'hold']);
      const buy = runBacktest(mapOf(down), [signal(down, '2023-06-28')], strategy({ limitRule })).trades[0];
      expect([buy.entryDate, buy.entryPrice, buy.status]).toEqual(['2023-06-28', 50.73, 'filled']);
    }
  });
});

describe('T+1', () => {
  it('an A-share bought at the open cannot be sold at that close: the exit rolls to the next session (601360.SH l.268-269)', () => {
    const r = runBacktest(mapOf(b601360), [signal(b601360, '2023-02-13')], strategy({ exit: { hold: 0, at: 'close' } }));
    const t = r.trades[0];
    expect([t.entryDate, t.entryPrice, t.shares]).toEqual(['2023-02-13', 9.26, 10_700]); // floor(100000/9.26)=10799 -> 10700
    expect([t.exitDate, t.exitPrice, t.exitReason]).toEqual(['2023-02-14', 10.18, 'rolled: t+1']);
    expect(t.pnl).toBeCloseTo(10_700 * (10.18 - 9.26), 6);
    expect(r.blocked['t+1']).toBe(1);
  });

  it('a Hong Kong listing round-trips the same day (prices/hk/0700.HK.csv l.286, 2023-03-01)', () => {
    // l.286: open 339.0325868676577, close 359.9171447753906 (yfinance, adjusted); lot 100
    const hk = shipped('0700.HK', { lot: 100 });
    const r = runBacktest(mapOf(hk), [signal(hk, '2023-03-01')], strategy({ exit: { hold: 0, at: 'close' } }));
    const t = r.trades[0];
    expect([t.entryDate, t.exitDate, t.exitReason, t.shares]).toEqual(['2023-03-01', '2023-03-01', 'hold', 200]); // 100000/339.03 = 294.9 -> 200
    expect(t.pnl).toBeCloseTo(200 * (359.9171447753906 - 339.0325868676577), 6);
    expect(r.blocked['t+1']).toBe(0);
    expect(r.warnings).toEqual([]);
    // Without a manifest lot: 100 and a warning.
    const noLot = runBacktest(mapOf(shipped('0700.HK')), [signal(hk, '2023-03-01')], strategy({ exit: { hold: 0, at: 'close' } }));
    expect(noLot.warnings.join('\n')).toMatch(/0700\.HK: no board lot.*assumed 100/);
  });
});

describe('suspension (prices/cn/akshare/300548.csv has no rows 2022-03-31..2022-04-07)', () => {
  // 300548.SZ l.58 2022-03-30 open 17.23 close 17.43; l.59 2022-04-08 open 21.01 close 18.69 (the next row).
  // The market calendar comes from another SZSE listing trading those days: prices/cn/akshare/300418.csv
  // l.59-62 (2022-03-31, 04-01, 04-06, 04-07).
  const sus = shipped('300548.SZ');
  const other = shipped('300418.SZ');
  it('an exit due during the suspension rolls to the first bar after it', () => {
    const r = runBacktest(mapOf(sus, other), [signal(sus, '2022-03-30')], strategy({ exit: { hold: 1, at: 'close' } }));
    const t = r.trades[0];
    expect([t.entryDate, t.entryPrice, t.shares]).toEqual(['2022-03-30', 17.23, 5800]); // floor(100000/17.23)=5803 -> 5800
    expect([t.exitDate, t.exitPrice, t.exitReason]).toEqual(['2022-04-08', 18.69, 'rolled: suspended']);
    expect(t.events?.map((e) => e.day)).toEqual(['2022-03-31', '2022-04-01', '2022-04-06', '2022-04-07']);
    expect(r.blocked.suspended).toBe(4);
    expect(t.pnl).toBeCloseTo(5800 * (18.69 - 17.23), 6);
    // Equity is marked on every market session, the suspended listing at its last close 17.43.
    const eq = r.equity[0];
    expect(eq.days.length).toBe(6); // 03-30, 03-31, 04-01, 04-06, 04-07, 04-08
    expect(eq.value[3]).toBeCloseTo(1_000_000 - 5800 * 17.23 + 5800 * 17.43, 6);
  });

  it('the calendar may come from options.sessions (e.g. the market index) instead of other listings', () => {
    const strat = strategy({ exit: { hold: 1, at: 'close' } });
    const viaSessions = runBacktest(mapOf(sus), [signal(sus, '2022-03-30')], strat, { sessions: { cn: other.days } }).trades[0];
    expect([viaSessions.exitDate, viaSessions.exitReason]).toEqual(['2022-04-08', 'rolled: suspended']);
    // Alone, the listing's own days are the calendar: the suspension is invisible and 04-08 is simply the next session.
    const alone = runBacktest(mapOf(sus), [signal(sus, '2022-03-30')], strat).trades[0];
    expect([alone.exitDate, alone.exitReason]).toEqual(['2022-04-08', 'hold']);
  });
});

describe('stops', () => {
  it('a stop-loss hit by a gap fills at the open (601360.SH l.128-129)', () => {
    // Intraday event on 2022-07-14: the earliest fill is that close, 7.87. Stop 5%: 7.87 x 0.95 = 7.4765.
    // 2022-07-15 opens at 7.35, below the stop: sold at 7.35, not at 7.4765.
    const r = runBacktest(mapOf(b601360), [signal(b601360, '2022-07-14', 'intraday')], strategy({ entry: { day: 0, at: 'close' }, exit: { hold: 5, at: 'close', stopLoss: 0.05 } }));
    const t = r.trades[0];
    expect([t.entryDate, t.entryPrice, t.shares]).toEqual(['2022-07-14', 7.87, 12_700]);
    expect([t.exitDate, t.exitPrice, t.exitReason]).toEqual(['2022-07-15', 7.35, 'stop-loss']);
    expect(t.pnl).toBeCloseTo(12_700 * (7.35 - 7.87), 6);
  });

  it('a stop inside the range fills at the level; HK enters at the open and the entry bar range counts (synthetic rows)', () => {
    const hk = synthetic('0001.HK', 'hk', [
      ['2024-01-02', 100, 101, 94, 96, 1e7], // entry at the open 100; low 94 <= stop 95 on the entry bar
      ['2024-01-03', 96, 97, 95, 96, 1e7],
    ], { lot: 100 });
    const t = runBacktest(mapOf(hk), [signal(hk, '2024-01-02')], strategy({ exit: { hold: 1, at: 'close', stopLoss: 0.05 } })).trades[0];
    expect([t.exitDate, t.exitPrice, t.exitReason]).toEqual(['2024-01-02', 95, 'stop-loss']);
    // The same rows as an A-share: T+1, so the stop is live from the next bar only (low 95 <= 95: filled at 95 there).
    const cn = synthetic('600000.SH', 'cn', [['2024-01-02', 100, 101, 94, 96, 1e7], ['2024-01-03', 96, 97, 95, 96, 1e7]]);
    const c = runBacktest(mapOf(cn), [signal(cn, '2024-01-02')], strategy({ exit: { hold: 1, at: 'close', stopLoss: 0.05 } })).trades[0];
    expect([c.exitDate, c.exitPrice, c.exitReason]).toEqual(['2024-01-03', 95, 'stop-loss']);
  });

  it('take-profit at the level, or at the open when it gaps through', () => {
    const us = synthetic('ABC', 'us', [
      ['2024-01-02', 100, 100, 99, 100, 1e7],
      ['2024-01-03', 112, 115, 111, 113, 1e7],
    ]);
    const t = runBacktest(mapOf(us), [signal(us, '2024-01-02', 'pre-open')], strategy({ exit: { hold: 3, at: 'close', takeProfit: 0.1 } })).trades[0];
    expect([t.exitDate, t.exitPrice, t.exitReason]).toEqual(['2024-01-03', 112, 'take-profit']);
  });
});

describe('volume cap', () => {
  it('fills at most maxVolumeShare of the bar volume, rounded down to lots (601360.SH l.268)', () => {
    // 2023-02-13: volume 4,482,778 lots = 448,277,800 shares; cap 0.1% = 448,277.8 -> 448,200 shares.
    // Wanted: 10,000,000 / 9.26 = 1,079,913.6 -> 1,079,900 shares.
    const r = runBacktest(mapOf(b601360), [signal(b601360, '2023-02-13')], strategy({ capital: 20_000_000, size: { amount: 10_000_000 }, maxVolumeShare: 0.001 }));
    const t = r.trades[0];
    expect(t.status).toBe('partial');
    expect(t.shares).toBe(448_200);
    expect(t.reason).toBe('volume cap 0.1%: 448200 of 1079900 shares');
    expect(r.blocked.volume).toBe(1);
  });
});

describe('sizing and portfolio limits', () => {
  const rows: [string, number, number, number, number, number][] = [
    ['2024-01-02', 10, 10, 10, 10, 1e9],
    ['2024-01-03', 10, 10, 10, 10, 1e9],
    ['2024-01-04', 10, 10, 10, 10, 1e9],
  ];
  it('maxPositions skips later signals; cash never goes negative; STAR buys 200 minimum then steps of 1', () => {
    const a = synthetic('600001.SH', 'cn', rows);
    const b = synthetic('600002.SH', 'cn', rows);
    const star = synthetic('688001.SH', 'cn', rows, { board: 'star' });
    const r = runBacktest(mapOf(a, b, star), [signal(a, '2024-01-02'), signal(b, '2024-01-02')], strategy({ maxPositions: 1 }));
    expect(r.trades[1].status).toBe('skipped');
    expect(r.trades[1].reason).toBe('max-positions');
    const cash = runBacktest(mapOf(a, b), [signal(a, '2024-01-02'), signal(b, '2024-01-02')], strategy({ capital: 150_000, size: { amount: 100_000 } }));
    expect(cash.trades[1].status).toBe('partial');
    expect(cash.trades[1].shares).toBe(5000); // 50,000 left at 10.00
    expect(Math.min(...cash.equity[0].cash)).toBeGreaterThanOrEqual(0);
    const s = runBacktest(mapOf(star), [signal(star, '2024-01-02')], strategy({ size: { amount: 2_555 } })).trades[0];
    expect(s.shares).toBe(255);
    const tooSmall = runBacktest(mapOf(star), [signal(star, '2024-01-02')], strategy({ size: { amount: 1_999 } })).trades[0];
    expect(tooSmall.status).toBe('skipped');
  });
});

describe('registration-system listings: no limit in the first five sessions', () => {
  // prices/cn/unadjusted/688327.csv (STAR, traded prices; columns date,volume,low,close,open,high; newest
  // first, so rows by date): IPO 2022-05-27 close 21.40; 2022-05-30 close 19.44; 2022-05-31 close 26.22
  // (+34.9%, the third session: above a 20% limit of 19.44 x 1.2 = 23.33, legal only without one).
  const ipo = shipped('688327.SH-unadj', { listedDay: dayNumber(2022, 5, 27) });
  it('a buy at the 05-31 close fills under touch because that session has no limit; without the listing day it is treated as beyond the limit', () => {
    const strat = strategy({ limitRule: 'touch', entry: { day: 0, at: 'close' }, size: { amount: 10_000 } });
    const t = runBacktest(mapOf(ipo), [signal(ipo, '2022-05-31', 'intraday')], strat).trades[0];
    expect([t.entryDate, t.entryPrice, t.shares, t.status]).toEqual(['2022-05-31', 26.22, 381, 'filled']); // STAR: 10000/26.22 = 381.4 -> 381 (>= 200, steps of 1)
    const unknown = shipped('688327.SH-unadj');
    const u = runBacktest(mapOf(unknown), [signal(unknown, '2022-05-31', 'intraday')], strat).trades[0];
    expect(u.reason).toContain('limit-up touch 2022-05-31');
  });

  it('limitRateAt / isRegistrationListing by board and date', () => {
    expect(limitRateAt('star', dayNumber(2022, 6, 2), false, 4, true)).toBe(0);
    expect(limitRateAt('star', dayNumber(2022, 6, 6), false, 5, true)).toBe(0.2);
    expect(limitRateAt('bse', dayNumber(2022, 6, 6), false, 1, true)).toBe(0.3); // BSE: first day only
    expect(isRegistrationListing('main', dayNumber(2023, 4, 7))).toBe(false);
    expect(isRegistrationListing('main', dayNumber(2023, 4, 10))).toBe(true);
    expect(isRegistrationListing('chinext', dayNumber(2020, 8, 21))).toBe(false);
    expect(limitPriceOf(8.02, 0.1, 1)).toBe(8.82);
    expect(limitPriceOf(56.37, 0.1, -1)).toBe(50.73);
  });
});

describe('bad bars', () => {
  it('columns of different lengths or unsorted days are an error naming the listing; a missing price blocks that bar only', () => {
    const ok = synthetic('600010.SH', 'cn', [['2024-01-02', 10, 10.5, 9.5, 10, 1e7], ['2024-01-03', NaN, 10.5, 9.5, 10.2, 1e7], ['2024-01-04', 10.1, 10.5, 9.5, 10.3, 1e7]]);
    const short = { ...ok, close: ok.close.subarray(0, 2) };
    expect(() => runBacktest(mapOf(short), [signal(ok, '2024-01-02')], strategy())).toThrow(/600010\.SH: close has 2 values for 3 days/);
    const unsorted = { ...ok, days: Int32Array.from([ok.days[0], ok.days[2], ok.days[1]]) };
    expect(() => runBacktest(mapOf(unsorted), [signal(ok, '2024-01-02')], strategy())).toThrow(/600010\.SH: days not strictly ascending at row 2/);
    const t = runBacktest(mapOf(ok), [signal(ok, '2024-01-03')], strategy()).trades[0];
    expect([t.entryDate, t.entryPrice, t.status, t.reason]).toEqual(['2024-01-04', 10.1, 'delayed', 'no price 2024-01-03']);
  });

  it('an A-share without a board takes it from its code; with neither, a warning says no limit was applied', () => {
    const rows: [string, number, number, number, number, number][] = [['2024-01-02', 10, 10, 10, 10, 1e7], ['2024-01-03', 11, 11, 11, 11, 1e7], ['2024-01-04', 11.5, 12, 11.2, 11.8, 1e7]];
    const coded = synthetic('600011.SH', 'cn', rows, { board: undefined });
    const t = runBacktest(mapOf(coded), [signal(coded, '2024-01-03')], strategy()).trades[0];
    expect(t.reason).toBe('limit-up locked 2024-01-03'); // 10 x 1.1 = 11.00, locked all day
    const unknown = synthetic('XYZ.SH', 'cn', rows, { board: undefined });
    const r = runBacktest(mapOf(unknown), [signal(unknown, '2024-01-03')], strategy());
    expect(r.trades[0].entryDate).toBe('2024-01-03');
    expect(r.warnings.join('\n')).toMatch(/XYZ\.SH: board unknown .*no price limit applied/);
  });
});
