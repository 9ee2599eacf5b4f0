/**
 * The PCB basket's year-to-date return (2022-12-30 close to 2023-04-24 close) recomputed by hand
 * from the shipped AKShare CSV rows, read here with a few lines of string splitting (not through
 * the price reader), and matched against the engine for equal and float-cap weighting, buy-and-hold
 * and daily rebalancing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBasketFile } from '../../src/baskets/load.js';
import { computeBasket } from '../../src/baskets/compute.js';
import { openPriceStore } from '../../src/data/prices/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FROM = '2022-12-30';
const TO = '2023-04-24';

interface Row {
  date: string;
  close: number;
  amount: number;
  turnoverRate: number;
}

/** AKShare layout: 日期,开盘,收盘,最高,最低,成交量,成交额,振幅,涨跌幅,涨跌额,换手率 (close = column 2). */
function readAkshare(code: string): Row[] {
  const text = readFileSync(join(ROOT, 'prices', 'cn', 'akshare', `${code}.csv`), 'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  expect(header.replace(/^\uFEFF/, '').split(',')).toEqual(['日期', '开盘', '收盘', '最高', '最低', '成交量', '成交额', '振幅', '涨跌幅', '涨跌额', '换手率']);
  return lines.map((l) => {
    const c = l.split(',');
    return { date: c[0], close: Number(c[2]), amount: Number(c[6]), turnoverRate: Number(c[10]) };
  });
}

const row = (rows: Row[], date: string): Row => {
  const r = rows.find((x) => x.date === date);
  if (!r) throw new Error(`no row on ${date}`);
  return r;
};

const basket = loadBasketFile(join(ROOT, 'baskets', 'pcb.yaml'));
const codes = basket.members.map((s) => s.slice(0, 6));
const rows = codes.map(readAkshare);
const store = openPriceStore(join(ROOT, 'prices'));

describe('PCB basket, 2022-12-30 close to 2023-04-24 close, by hand from the CSV rows', () => {
  // Every member trades on both dates (no suspension, listed before 2022-12-30).
  const r = rows.map((rs) => row(rs, TO).close / row(rs, FROM).close - 1);

  it('equal weights, buy-and-hold: the mean of the members\' returns', () => {
    const byHand = r.reduce((s, x) => s + x, 0) / r.length;
    const res = computeBasket(basket, store, { from: FROM, to: TO }, { weighting: 'equal' });
    expect(res.totalReturn).not.toBeNull();
    expect(Math.abs(res.totalReturn! - byHand)).toBeLessThan(1e-10);
    expect(res.period.baseDate).toBe(FROM);
    expect(res.period.endDate).toBe(TO);
    // Contributions add up to the total.
    expect(Math.abs(res.contributionSum! - res.totalReturn!)).toBeLessThan(1e-12);
    res.memberDetails.forEach((m, i) => expect(Math.abs(m.contribution! - r[i] / r.length)).toBeLessThan(1e-12));
  });

  it('float-cap weights, buy-and-hold: caps = amount / (rate / 100) on 2022-12-30', () => {
    const caps = rows.map((rs) => {
      const b = row(rs, FROM);
      return b.amount / (b.turnoverRate / 100);
    });
    const total = caps.reduce((s, c) => s + c, 0);
    const byHand = caps.reduce((s, c, i) => s + (c / total) * r[i], 0);
    const res = computeBasket(basket, store, { from: FROM, to: TO }, { weighting: 'float-cap' });
    expect(Math.abs(res.totalReturn! - byHand)).toBeLessThan(1e-10);
    res.memberDetails.forEach((m, i) => {
      expect(Math.abs(m.weight! - caps[i] / total)).toBeLessThan(1e-12);
      expect(m.floatCap?.date).toBe(FROM);
      expect(m.floatCap?.floatCap).toBeCloseTo(caps[i], 0);
    });
    expect(Math.abs(res.contributionSum! - res.totalReturn!)).toBeLessThan(1e-12);
    // The two weightings really differ (otherwise the test would not tell them apart).
    expect(Math.abs(byHand - r.reduce((s, x) => s + x, 0) / r.length)).toBeGreaterThan(0.01);
  });

  it('equal weights, daily rebalanced: the product of (1 + the day\'s mean member return)', () => {
    const dates = rows[0].map((x) => x.date).filter((d) => d > FROM && d <= TO);
    let level = 1;
    for (const d of dates) {
      const day = rows.map((rs) => {
        const i = rs.findIndex((x) => x.date === d);
        return rs[i].close / rs[i - 1].close - 1;
      });
      level *= 1 + day.reduce((s, x) => s + x, 0) / day.length;
    }
    const res = computeBasket({ ...basket, rebalancing: 'daily' }, store, { from: FROM, to: TO }, { weighting: 'equal' });
    expect(Math.abs(res.totalReturn! - (level - 1))).toBeLessThan(1e-10);
    expect(res.period.days).toBe(dates.length);
    expect(Math.abs(res.contributionSum! - res.totalReturn!)).toBeLessThan(1e-12);
  });
});
