/**
 * Several baskets over one period, side by side: the content of `baskets.json`.
 */
import type { PriceStore } from '../data/prices/index.js';
import { computeBasket, parsePeriod, type BasketPeriod, type ComputeOptions } from './compute.js';
import type { CompareJson } from './json.js';
import { A_SHARE_TRADING_DAYS } from './metrics.js';
import type { BasketDefinition } from './schema.js';
import { SUSPENSION_GAP_DAYS } from './series.js';

export const GENERATOR = 'evstudy 0.1.0';

/** The definitions behind every figure, printed in baskets.md and kept in baskets.json. */
export function conventions(period: BasketPeriod, perYear = A_SHARE_TRADING_DAYS): string[] {
  return [
    `Period: from the close of ${period.from} (the base; the last close on or before it when it is not a trading day) to the close of ${period.to} (or the last close before it).`,
    'Calendar: the union of the members\' own trading days. A member without a row on a basket day is suspended (or not yet listed): it never counts as a zero return.',
    'Buy-and-hold (rebalancing: none): weights are set at the base close and drift with prices; a suspended member is carried at its last close. A member listed after the base close cannot be bought at it and is excluded (reported).',
    'Daily rebalancing: each day the members that trade are weighted by their basis at the previous close (equal, custom, or float cap), renormalised over them; a newly listed member joins from its first return.',
    `Float cap = AKShare 成交额 / (换手率 / 100): free-float shares x the day's average traded price, taken on the rebalancing date (the base close for buy-and-hold, each previous close for daily); 换手率 has two decimals, so the cap is known to 0.005 / rate (reported per member).`,
    `Volatility: sample standard deviation of daily basket returns x sqrt(${perYear}) (${A_SHARE_TRADING_DAYS} = SSE/SZSE trading days in 2022 and in 2023, rows of prices/cn/index/000300.SH.csv).`,
    'Maximum drawdown: the largest fall of the basket index from a running peak, trough / peak - 1, with the dates of that peak and trough.',
    'Beta and correlation: OLS slope and Pearson correlation of daily basket returns on benchmark returns, on the days both have a return.',
    'Excess return: basket total return minus the benchmark\'s over the same base and end dates (a simple difference, not a model-adjusted alpha).',
    'Contribution: buy-and-hold, weight at the base x the member\'s return; daily, the sum over days of (index level at the previous close x the member\'s weight x its return that day). Contributions add up to the total return.',
    `Returns spanning more than ${SUSPENSION_GAP_DAYS} calendar days (resumption after a suspension) are flagged per member.`,
    'Prices: forward-adjusted AKShare closes (prices/PROVENANCE.md); returns are unaffected by splits and bonus issues, price levels are not the traded prices.',
  ];
}

export function compareBaskets(baskets: readonly BasketDefinition[], store: PriceStore, period: BasketPeriod, opts: ComputeOptions = {}): CompareJson {
  parsePeriod(period);
  return {
    generator: GENERATOR,
    period: { from: period.from, to: period.to },
    conventions: conventions(period, opts.periodsPerYear),
    baskets: baskets.map((b) => computeBasket(b, store, period, opts)),
  };
}
