/**
 * No look-ahead (issue 11 §2): the earliest fill by announcement timing, a seeded property test that
 * prices after a decision never change it, and the frictionless identity with the study's raw
 * returns.
 */
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../src/backtest/engine.js';
import { frictionlessOf } from '../../../src/backtest/frictionless.js';
import type { BtBars, BtSignal, LimitRule } from '../../../src/backtest/types.js';
import { createRng } from '../../../src/sim/prng.js';
import { formatDay } from '../../../src/util/dayNumber.js';
import { mapOf, shipped, signal, strategy, synthetic } from './bars.js';

// prices/cn/akshare/601360.csv l.267 2023-02-10 open 9.90 close 9.37; l.268 2023-02-13 open 9.26 close 9.69;
// l.269 2023-02-14 open 9.73 close 10.18.
const b = shipped('601360.SH');

describe('earliest fill by timing', () => {
  it('an intraday event cannot enter at day 0 open: moved to day 0 close with reason look-ahead', () => {
    const r = runBacktest(mapOf(b), [signal(b, '2023-02-13', 'intraday')], strategy({ exit: { hold: 1, at: 'close' } }));
    const t = r.trades[0];
    expect([t.entryDate, t.entryPrice, t.status, t.reason]).toEqual(['2023-02-13', 9.69, 'delayed', 'look-ahead']);
    expect([t.exitDate, t.exitPrice]).toEqual(['2023-02-14', 10.18]);
    expect(r.blocked['look-ahead']).toBe(1);
  });

  it('an after-close event may enter at day 0 open (day 0 is already the next session); day -1 is moved there', () => {
    const ok = runBacktest(mapOf(b), [signal(b, '2023-02-13', 'after-close')], strategy()).trades[0];
    expect([ok.entryDate, ok.entryPrice, ok.status, ok.reason]).toEqual(['2023-02-13', 9.26, 'filled', null]);
    const early = runBacktest(mapOf(b), [signal(b, '2023-02-13', 'after-close')], strategy({ entry: { day: -1, at: 'close' } }));
    expect([early.trades[0].entryDate, early.trades[0].entryPrice, early.trades[0].reason]).toEqual(['2023-02-13', 9.26, 'look-ahead']);
    // allowLookahead keeps the 02-10 close, and says so.
    const allowed = runBacktest(mapOf(b), [signal(b, '2023-02-13', 'after-close')], strategy({ entry: { day: -1, at: 'close' }, allowLookahead: true }));
    expect([allowed.trades[0].entryDate, allowed.trades[0].entryPrice]).toEqual(['2023-02-10', 9.37]);
    expect(allowed.warnings[0]).toMatch(/look-ahead/);
  });
});

describe('property: prices after a decision never change it (seeded)', () => {
  function randomBars(rng: ReturnType<typeof createRng>, symbol: string, n: number): BtBars {
    const rows: [string, number, number, number, number, number][] = [];
    let c = 10;
    for (let i = 0; i < n; i++) {
      const day = formatDay(19_000 + i + 2 * Math.floor(i / 5)); // weekdays-like, with gaps
      const lim = Math.round(c * 1.1 * 100) / 100;
      const o = rng.next() < 0.1 ? lim : Math.round(c * (0.95 + 0.1 * rng.next()) * 100) / 100;
      const locked = o === lim && rng.next() < 0.5;
      const cl = locked ? lim : Math.min(lim, Math.round(c * (0.92 + 0.16 * rng.next()) * 100) / 100);
      const h = locked ? lim : Math.min(lim, Math.max(o, cl) + Math.round(rng.next() * 20) / 100);
      const l = locked ? lim : Math.min(o, cl) - Math.round(rng.next() * 20) / 100;
      if (rng.next() < 0.05 && i > 0) continue; // a suspended session
      rows.push([day, o, h, l, cl, 1e4 + Math.floor(rng.next() * 2e6)]);
      c = cl;
    }
    return synthetic(symbol, 'cn', rows);
  }

  it('for 15 seeded scenarios, perturbing every bar after session s leaves every fill at or before s unchanged', () => {
    for (let seed = 1; seed <= 15; seed++) {
      const rng = createRng(20_261_207, seed);
      const list = [randomBars(rng, '600001.SH', 60), randomBars(rng, '600002.SH', 60), randomBars(rng, '600003.SH', 60)];
      const sigs: BtSignal[] = [];
      for (let k = 0; k < 12; k++) {
        const x = list[rng.int(3)];
        const i = rng.int(x.days.length - 5);
        sigs.push({ event: `e${k}`, symbol: x.symbol, day0: x.days[i], day0Index: i, timing: (['pre-open', 'intraday', 'after-close', 'unknown'] as const)[rng.int(4)] });
      }
      const strat = strategy({
        limitRule: (['locked', 'touch', 'off'] as LimitRule[])[rng.int(3)],
        entry: { day: rng.int(3) - 1, at: rng.next() < 0.5 ? 'open' : 'close' },
        exit: { hold: rng.int(4), at: rng.next() < 0.5 ? 'open' : 'close', stopLoss: 0.05, takeProfit: 0.08 },
        size: rng.next() < 0.5 ? { amount: 150_000 } : { fraction: 0.2 },
        maxPositions: 1 + rng.int(4),
        costs: 'default',
        maxVolumeShare: 0.01,
      });
      const base = runBacktest(mapOf(...list), sigs, strat);
      const cut = list[0].days[10 + rng.int(40)];
      const cutDate = formatDay(cut);
      // Perturb every price and volume strictly after the cut day, in every listing.
      const changed = list.map((x) => {
        const y = { ...x, open: x.open.slice(), high: x.high.slice(), low: x.low.slice(), close: x.close.slice(), volume: x.volume.slice() };
        for (let i = 0; i < x.days.length; i++) {
          if (x.days[i] <= cut) continue;
          const f = 0.7 + 0.6 * rng.next();
          y.open[i] *= f; y.high[i] *= f * 1.05; y.low[i] *= f * 0.95; y.close[i] *= f; y.volume[i] *= 0.5 + rng.next();
        }
        return y;
      });
      const alt = runBacktest(mapOf(...changed), sigs, strat);
      base.trades.forEach((t, k) => {
        const u = alt.trades[k];
        if (t.entryDate !== null && t.entryDate <= cutDate) {
          expect([u.entryDate, u.entryPrice, u.shares], `seed ${seed} ${t.event} entry`).toEqual([t.entryDate, t.entryPrice, t.shares]);
          if (t.exitDate !== null && t.exitDate <= cutDate) expect([u.exitDate, u.exitPrice, u.exitReason], `seed ${seed} ${t.event} exit`).toEqual([t.exitDate, t.exitPrice, t.exitReason]);
        } else if (u.entryDate !== null) {
          expect(u.entryDate > cutDate || t.entryDate === null, `seed ${seed} ${t.event}`).toBe(true);
        }
      });
      const eb = base.equity[0];
      const ea = alt.equity[0];
      for (let i = 0; i < eb.days.length && eb.days[i] <= cut; i++) expect(ea.value[i]).toBeCloseTo(eb.value[i], 6);
    }
  });
});

describe('frictionless run', () => {
  it('entry at day 0 close, exit one session later: the return is close[+1] / close[0] - 1, i.e. (1 + raw[0,+1]) / (1 + raw[0,0]) - 1, for every event', () => {
    // 30 events spread over 601360.SH's 2022-2023 rows, including the locked limit days and all timings.
    const sigs: BtSignal[] = [];
    for (let k = 0; k < 30; k++) {
      const i = 5 + k * 15;
      sigs.push({ event: `e${k}`, symbol: b.symbol, day0: b.days[i], day0Index: i, timing: (['pre-open', 'intraday', 'after-close', 'unknown'] as const)[k % 4] });
    }
    sigs.push(signal(b, '2023-02-08', 'intraday', 'locked'));
    const real = strategy({ entry: { day: 0, at: 'close' }, exit: { hold: 1, at: 'close' }, costs: 'default', maxPositions: 100, capital: 1e8, size: { amount: 1e5 } });
    const f = runBacktest(mapOf(b), sigs, frictionlessOf(real));
    f.trades.forEach((t, k) => {
      const i = sigs[k].day0Index;
      expect(t.status, t.event).toBe('filled');
      expect(t.return as number).toBeCloseTo(b.close[i + 1] / b.close[i] - 1, 12);
    });
    // With the rules, the 02-08 entry is blocked by the locked bar.
    const withRules = runBacktest(mapOf(b), sigs, real);
    expect(withRules.trades.at(-1)!.entryDate).toBe('2023-02-09');
  });
});
