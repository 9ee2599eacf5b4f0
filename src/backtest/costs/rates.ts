/**
 * Trading costs by market and date: the default rates of issue 11 §4, each a dated table so that a
 * trade pays the rate in force on its fill day. Fractions of traded value unless the name says
 * otherwise (`commissionMin` in the currency, `commissionPerShare` per share).
 *
 * Sources:
 *  - cn stamp duty (印花税, sells only): 0.1% until 2023-08-27, 0.05% from 2023-08-28 (Ministry of
 *    Finance / State Taxation Administration announcement 2023 No. 39, 2023-08-27).
 *  - cn transfer fee (过户费, both sides): 0.002% before 2022-04-29, 0.001% from 2022-04-29 (CSDC
 *    notice of 2022-04-15 halving the A-share transfer fee).
 *  - cn commission: a common retail broker rate, 0.025% with a minimum of 5 CNY per fill (not a
 *    regulated rate: a setting).
 *  - hk stamp duty (per side, rounded up to a whole HK$): 0.1% before 2021-08-01, 0.13% from
 *    2021-08-01 (Stamp Duty (Amendment) Ordinance 2021), 0.1% from 2023-11-17 (2023-24 Policy
 *    Address; Stamp Duty (Amendment) Ordinance 2023).
 *  - hk trading fee 0.00565% (HKEX fee schedule), SFC transaction levy 0.0027% (SFC), AFRC
 *    transaction levy 0.00015% from 2022-01-01 (Accounting and Financial Reporting Council
 *    Ordinance; none before); commission 0.03%, minimum HK$50 (a broker setting).
 *  - us commission USD 0.005 per share, minimum USD 1 (a common per-share broker plan, a setting).
 *  - us SEC Section 31 fee on sells, per dollar sold, from the SEC's fee rate advisories / annual
 *    Section 31 orders (a new rate takes effect 60 days after the year's appropriation act):
 *    $22.10 per million from 2020-02-18 (FY2020), $5.10 from 2021-02-25 (FY2021; advisory of
 *    2021-01-15), $22.90 from 2022-05-14 (FY2022; act of 2022-03-15), $8.00 from 2023-02-27 (FY2023;
 *    Release 34-96724), $27.80 from 2024-05-22 (FY2024; Release 34-99973), $0.00 from 2025-05-14
 *    (SEC announcement of 2025-04-08: the FY2025 appropriation already collected), $20.60 from
 *    2026-04-04 (FY2026 order). Earlier dates use the FY2020 rate.
 */
import { dayNumber } from '../../util/dayNumber.js';
import type { BtMarket } from '../types.js';

/** A rate that changed over time: `from` day numbers ascending, the first entry covering all earlier days. */
export interface DatedRate {
  readonly from: readonly number[];
  readonly rate: readonly number[];
}

export function dated(...steps: [string | null, number][]): DatedRate {
  return {
    from: steps.map(([d]) => (d === null ? -Infinity : dayNumber(+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10)))),
    rate: steps.map(([, r]) => r),
  };
}

/** The rate in force on `day` (the last step whose `from` <= day). */
export function rateOn(table: DatedRate, day: number): number {
  const { from, rate } = table;
  let k = 0;
  for (let i = 1; i < from.length; i++) if (from[i] <= day) k = i;
  return rate[k];
}

export const COST_RATES = {
  cn: {
    commission: dated([null, 0.00025]),
    commissionMin: dated([null, 5]),
    transferFee: dated([null, 0.00002], ['2022-04-29', 0.00001]),
    stampDuty: dated([null, 0.001], ['2023-08-28', 0.0005]),
  },
  hk: {
    commission: dated([null, 0.0003]),
    commissionMin: dated([null, 50]),
    stampDuty: dated([null, 0.001], ['2021-08-01', 0.0013], ['2023-11-17', 0.001]),
    tradingFee: dated([null, 0.0000565]),
    sfcLevy: dated([null, 0.000027]),
    afrcLevy: dated([null, 0], ['2022-01-01', 0.0000015]),
  },
  us: {
    commissionPerShare: dated([null, 0.005]),
    commissionMin: dated([null, 1]),
    secFee: dated([null, 22.1e-6], ['2021-02-25', 5.1e-6], ['2022-05-14', 22.9e-6], ['2023-02-27', 8.0e-6], ['2024-05-22', 27.8e-6], ['2025-05-14', 0], ['2026-04-04', 20.6e-6]),
  },
} as const satisfies Record<BtMarket, Record<string, DatedRate>>;

/** The names an override object may use: a rate name (every market that has it) or `market.name`. */
export function costRateNames(): string[] {
  const names = new Set<string>();
  for (const [market, rates] of Object.entries(COST_RATES)) {
    for (const name of Object.keys(rates)) {
      names.add(name);
      names.add(`${market}.${name}`);
    }
  }
  return [...names].sort();
}

/** Resolved costs: the dated tables with any overrides applied (an override holds on every date). */
export interface CostModel {
  readonly none: boolean;
  readonly rates: Record<BtMarket, Record<string, DatedRate>>;
}

/**
 * `default` the dated table, `none` zero costs, an object overrides rates by name (`stampDuty`
 * for every market that has one, `cn.stampDuty` for one). An unknown name is an error listing the
 * valid names; a rate must be a finite number >= 0.
 */
export function resolveCosts(costs: 'default' | 'none' | Partial<Record<string, number>>): CostModel {
  const rates: Record<BtMarket, Record<string, DatedRate>> = { cn: { ...COST_RATES.cn }, hk: { ...COST_RATES.hk }, us: { ...COST_RATES.us } };
  if (costs === 'none') return { none: true, rates };
  if (costs === 'default') return { none: false, rates };
  const valid = costRateNames();
  for (const [name, value] of Object.entries(costs)) {
    if (value === undefined) continue;
    if (!valid.includes(name)) throw new RangeError(`costs: unknown rate '${name}'; valid names: ${valid.join(', ')}`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new RangeError(`costs.${name}: must be a number >= 0, got ${String(value)}`);
    const dot = name.indexOf('.');
    const flat = dot < 0 ? name : name.slice(dot + 1);
    for (const market of ['cn', 'hk', 'us'] as const) {
      if (dot >= 0 && name.slice(0, dot) !== market) continue;
      if (flat in rates[market]) rates[market][flat] = dated([null, value]);
    }
  }
  // Market-specific names win over flat ones whatever their order in the object.
  for (const [name, value] of Object.entries(costs)) {
    const dot = name.indexOf('.');
    if (dot >= 0 && typeof value === 'number') rates[name.slice(0, dot) as BtMarket][name.slice(dot + 1)] = dated([null, value]);
  }
  return { none: false, rates };
}
