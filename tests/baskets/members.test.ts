/**
 * Suspension, late listing and missing data, on the synthetic prices of tests/fixtures/baskets
 * (closes listed in its README): every expected number is worked out from those closes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeBasket } from '../../src/baskets/compute.js';
import { loadBasketFile } from '../../src/baskets/load.js';
import { openPriceStore } from '../../src/data/prices/index.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'baskets');
const store = openPriceStore(join(FIX, 'prices'));
const period = { from: '2022-12-30', to: '2023-01-10' };
const bh = loadBasketFile(join(FIX, 'baskets', 'fixture.yaml'));
const daily = loadBasketFile(join(FIX, 'baskets', 'fixture-daily.yaml'));

const A = [10, 11, 12, 11, 12, 13, 14]; // 2022-12-30, 2023-01-03, -04, -05, -06, -09, -10
const B = [20, 22, 22, 22, 22, 25, 24]; // suspended -04..-06: carried at 22
const C = [NaN, NaN, NaN, 5, 6, 6.6, 6]; // listed 2023-01-05
const DATES = ['2022-12-30', '2023-01-03', '2023-01-04', '2023-01-05', '2023-01-06', '2023-01-09', '2023-01-10'];

const byId = (res: ReturnType<typeof computeBasket>, s: string) => res.memberDetails.find((m) => m.symbol === s)!;

describe('buy-and-hold with a member suspended mid-period, one listed late, one without data', () => {
  const res = computeBasket(bh, store, period);

  it('the suspended member is carried at its last close, never a zero return', () => {
    const level = DATES.map((_, k) => 0.5 * (A[k] / A[0]) + 0.5 * (B[k] / B[0]));
    expect(res.series.dates).toEqual(DATES);
    res.series.basket.forEach((v, k) => expect(v!).toBeCloseTo(level[k] - 1, 14));
    expect(res.totalReturn!).toBeCloseTo(0.5 * 0.4 + 0.5 * 0.2, 14);
    expect(byId(res, '600002.SH').status).toBe('included');
    expect(byId(res, '600002.SH').flags.join(' ')).toMatch(/no row on 3 basket day\(s\).*2023-01-04, 2023-01-05, 2023-01-06.*carried at its last close/);
    // Members with a row each day: B is absent on the three suspension days.
    expect(res.series.members).toEqual([2, 2, 1, 1, 1, 2, 2]);
  });

  it('a member listed after the base close is excluded, with the reason', () => {
    const c = byId(res, '600003.SH');
    expect(c.status).toBe('excluded');
    expect(c.reason).toMatch(/listed 2023-01-05.*after the base close of 2022-12-30/);
    expect(c.weight).toBeNull();
  });

  it('a member without prices is reported, not dropped', () => {
    const d = byId(res, '600004.SH');
    expect(d.status).toBe('no-data');
    expect(d.reason).toMatch(/600004\.SH is not in/);
    expect(res.missingMembers.map((m) => m.symbol)).toEqual(['600003.SH', '600004.SH']);
    expect(res.members).toEqual(['600001.SH', '600002.SH', '600003.SH', '600004.SH']);
  });

  it('contributions add up to the total; best and worst members', () => {
    expect(byId(res, '600001.SH').contribution!).toBeCloseTo(0.2, 14);
    expect(byId(res, '600002.SH').contribution!).toBeCloseTo(0.1, 14);
    expect(res.contributionSum!).toBeCloseTo(res.totalReturn!, 14);
    expect(res.bestMember?.symbol).toBe('600001.SH');
    expect(res.worstMember?.symbol).toBe('600002.SH');
  });

  it('benchmark, excess return and drawdown dates', () => {
    expect(res.benchmark.totalReturn!).toBeCloseTo(0.05, 14);
    expect(res.excessReturn!).toBeCloseTo(0.3 - 0.05, 14);
    // Levels 1, 1.1, 1.15, 1.1, 1.15, 1.275, 1.3: worst fall 1.15 -> 1.1, back at 1.15 on 2023-01-06.
    expect(res.maxDrawdown!).toBeCloseTo(1.1 / 1.15 - 1, 14);
    expect([res.maxDrawdownPeak, res.maxDrawdownTrough, res.maxDrawdownRecovery]).toEqual(['2023-01-04', '2023-01-05', '2023-01-06']);
  });

  it('float-cap weights from amount / turnover rate on the base date (1e10 and 2e10)', () => {
    const fc = computeBasket(bh, store, period, { weighting: 'float-cap' });
    expect(byId(fc, '600001.SH').weight!).toBeCloseTo(1 / 3, 14);
    expect(byId(fc, '600002.SH').floatCap).toMatchObject({ date: '2022-12-30', amount: 1e8, turnoverRate: 0.5, floatCap: 2e10, roundingBound: 0.01 });
    expect(fc.totalReturn!).toBeCloseTo(0.4 / 3 + (0.2 * 2) / 3, 14);
    expect(fc.weighting).toBe('float-cap');
    expect(fc.weightingDefined).toBe('equal');
  });

  it('custom weights are normalised', () => {
    const cu = computeBasket(loadBasketFile(join(FIX, 'baskets', 'fixture-custom.yaml')), store, period);
    expect(cu.totalReturn!).toBeCloseTo(0.75 * 0.4 + 0.25 * 0.2, 14);
  });
});

describe('daily rebalancing with the same members', () => {
  const res = computeBasket(daily, store, period);
  // Each day: the mean return of the members that trade that day and have a previous close.
  const day = (k: number): number[] => {
    const out = [A[k] / A[k - 1] - 1]; // A trades every day
    const bRows = [0, 1, 5, 6];
    if (bRows.includes(k)) out.push(B[k] / B[bRows[bRows.indexOf(k) - 1]] - 1);
    if (k >= 4) out.push(C[k] / C[k - 1] - 1); // C's first row (2023-01-05) has no return
    return out;
  };
  const returns = DATES.map((_, k) => (k === 0 ? NaN : day(k).reduce((s, x) => s + x, 0) / day(k).length));
  const level = returns.reduce<number[]>((acc, r, k) => [...acc, k === 0 ? 1 : acc[k - 1] * (1 + r)], []);

  it('a suspended member is left out (weights renormalised), and its resumption return spans the gap', () => {
    res.series.basket.forEach((v, k) => expect(v!).toBeCloseTo(level[k] - 1, 13));
    // 2023-01-04: only A has a return (B suspended, C not listed): the basket moves with A alone.
    expect(level[2] / level[1] - 1).toBeCloseTo(12 / 11 - 1, 14);
    // 2023-01-09: B's return is 25 / 22 - 1 (from its last close on 2023-01-03).
    expect(day(5)[1]).toBeCloseTo(25 / 22 - 1, 14);
    expect(byId(res, '600002.SH').daysHeld).toBe(3);
  });

  it('a member listed after the start joins from its first return', () => {
    const c = byId(res, '600003.SH');
    expect(c.status).toBe('joined-late');
    expect(c.reason).toMatch(/held from its first return on 2023-01-06/);
    expect(c.daysHeld).toBe(3);
    expect(c.return!).toBeCloseTo(6 / 5 - 1, 14);
    expect([c.fromDate, c.toDate]).toEqual(['2023-01-05', '2023-01-10']);
    expect(res.missingMembers.map((m) => m.symbol)).toEqual(['600004.SH']);
  });

  it('contributions add up to the total return', () => {
    expect(res.contributionSum!).toBeCloseTo(res.totalReturn!, 14);
    expect(res.totalReturn!).toBeCloseTo(level[6] - 1, 13);
  });
});
