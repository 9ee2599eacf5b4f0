/**
 * Sessions per year used to annualise each market's daily figures (return, volatility, Sharpe,
 * Sortino, alpha, information ratio): annual = daily x N (returns compound: (1 + R)^(N / n) - 1).
 *
 * Counted in the shipped benchmark files: CSI 300 (SSE/SZSE) 242 sessions in both 2022 and 2023;
 * Hang Seng 246 in 2022 and 244 in 2023; S&P 500 251 and 250, against the usual NYSE convention
 * of 252 (the exchange's average over a decade of calendars), kept so US figures compare with
 * published ones. Example: TRADING_DAYS_PER_YEAR.cn = 242.
 */
import type { BtMarket } from '../types.js';

export const TRADING_DAYS_PER_YEAR: Readonly<Record<BtMarket, number>> = { cn: 242, hk: 246, us: 252 };
