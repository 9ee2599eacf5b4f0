/**
 * The costs of one fill, by component, each rounded to 0.01 of the currency (half up) except Hong
 * Kong stamp duty, rounded UP to a whole HK$ (Stamp Duty Ordinance, Head 2(1)). Rates from
 * rates.ts, taken on the fill day.
 *
 *   cn  commission = max(commissionMin, value x commission); transferFee = value x transferFee;
 *       stampDuty = value x stampDuty on sells only
 *   hk  commission = max(commissionMin, value x commission); stampDuty = ceil(value x stampDuty)
 *       both sides; tradingFee, sfcLevy, afrcLevy = value x rate
 *   us  commission = max(commissionMin, shares x commissionPerShare); secFee = value x secFee on sells
 *
 * @example 1,000 shares of an A-share sold at 10.00 on 2023-08-25: commission 5.00 (2.50 < min 5),
 * transferFee 0.10, stampDuty 10.00; on 2023-08-28 stampDuty 5.00.
 */
import type { BtMarket } from '../types.js';
import { rateOn, type CostModel } from './rates.js';

/** Cents, half up; the 1e-9 absorbs binary error of products like 1000 x 10.00 x 0.00001. */
export function roundCent(x: number): number {
  return Math.floor(x * 100 + 0.5 + 1e-9) / 100;
}

/** Adds this fill's components into `out` (created lazily by the caller) and returns their total. */
export function fillCost(
  model: CostModel,
  market: BtMarket,
  sell: boolean,
  day: number,
  price: number,
  shares: number,
  out: Record<string, number>,
): number {
  if (model.none || shares <= 0) return 0;
  const r = model.rates[market];
  const value = price * shares;
  let total = 0;
  const add = (name: string, amount: number): void => {
    out[name] = roundCent((out[name] ?? 0) + amount);
    total += amount;
  };
  if (market === 'cn') {
    add('commission', roundCent(Math.max(rateOn(r.commissionMin, day), value * rateOn(r.commission, day))));
    add('transferFee', roundCent(value * rateOn(r.transferFee, day)));
    if (sell) add('stampDuty', roundCent(value * rateOn(r.stampDuty, day)));
  } else if (market === 'hk') {
    add('commission', roundCent(Math.max(rateOn(r.commissionMin, day), value * rateOn(r.commission, day))));
    add('stampDuty', Math.ceil(value * rateOn(r.stampDuty, day) - 1e-9));
    add('tradingFee', roundCent(value * rateOn(r.tradingFee, day)));
    add('sfcLevy', roundCent(value * rateOn(r.sfcLevy, day)));
    add('afrcLevy', roundCent(value * rateOn(r.afrcLevy, day)));
  } else {
    add('commission', roundCent(Math.max(rateOn(r.commissionMin, day), shares * rateOn(r.commissionPerShare, day))));
    if (sell) add('secFee', roundCent(value * rateOn(r.secFee, day)));
  }
  return roundCent(total);
}
