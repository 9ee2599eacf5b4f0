/**
 * The shape of `baskets.json` (`evstudy baskets compare`). Other tools read it: add fields freely,
 * never rename or remove one. Returns are decimals (0.65 = +65%); a number that could not be
 * computed is null and sits next to a reason, never NaN.
 */
import type { Published, Rebalancing, Weighting } from './schema.js';

export type MemberStatus =
  /** Held over the whole period. */
  | 'included'
  /** Daily rebalancing only: listed after the base date, held from its first return. */
  | 'joined-late'
  /** Has prices but cannot be held under this basket's rules (e.g. listed after a buy-and-hold start). */
  | 'excluded'
  /** Not in the price manifest, unreadable file, or no rows in the period. */
  | 'no-data';

export interface FloatCapJson {
  /** Row the float cap was taken from (the rebalancing date: the base close). */
  date: string;
  /** AKShare 成交额, CNY. */
  amount: number;
  /** AKShare 换手率, percent of free-float shares. */
  turnoverRate: number;
  /** amount / (turnoverRate / 100), CNY. */
  floatCap: number;
  /** Relative uncertainty from the 2-decimal rounding of the rate: 0.005 / turnoverRate. */
  roundingBound: number;
}

export interface MemberResultJson {
  symbol: string;
  name: string | null;
  status: MemberStatus;
  /** Why the member is not (fully) in the basket; null when included. */
  reason: string | null;
  /** Buy-and-hold: weight at the base close. Daily: mean weight over the period's days. */
  weight: number | null;
  /** Buy-and-hold: P(end)/P(base) - 1. Daily: compounded returns on the days it was held. */
  return: number | null;
  /** Share of the basket's total return due to this member; the contributions sum to totalReturn. */
  contribution: number | null;
  /** Dates and closes behind `return` (member's own rows; forward-adjusted for AKShare files). */
  fromDate: string | null;
  toDate: string | null;
  fromClose: number | null;
  toClose: number | null;
  /** Daily rebalancing: days with a counted return. */
  daysHeld?: number;
  floatCap?: FloatCapJson;
  /** Price file (relative to the repository root when known). */
  file?: string;
  flags: string[];
}

export interface BenchmarkJson {
  symbol: string;
  name: string | null;
  totalReturn: number | null;
  volatility: number | null;
  fromDate: string | null;
  toDate: string | null;
  fromClose: number | null;
  toClose: number | null;
  reason?: string;
}

export interface BasketResultJson {
  id: string;
  name: string;
  description: string | null;
  /** The basket file's symbols, in file order (details in memberDetails). */
  members: string[];
  /** Weighting used (the file's, or the command line's override). */
  weighting: Weighting;
  /** The file's weighting, when overridden. */
  weightingDefined?: Weighting;
  rebalancing: Rebalancing;
  period: {
    /** As asked: the base date (its close is the start) and the end date. */
    from: string;
    to: string;
    /** Basket days actually used: the base close and the last close. */
    baseDate: string | null;
    endDate: string | null;
    /** Basket days with a return (the base day excluded). */
    days: number;
  };
  totalReturn: number | null;
  /** Annualised: sample sd of daily basket returns x sqrt(periodsPerYear). */
  volatility: number | null;
  periodsPerYear: number;
  /** trough / peak - 1 (<= 0) of the index path. */
  maxDrawdown: number | null;
  maxDrawdownPeak: string | null;
  maxDrawdownTrough: string | null;
  /** First date back at the peak's level after the trough, null if not within the period. */
  maxDrawdownRecovery: string | null;
  /** OLS slope and correlation of daily basket returns on benchmark returns, common days only. */
  beta: number | null;
  correlation: number | null;
  betaDays: number;
  /** totalReturn - benchmark.totalReturn (simple difference over the same base and end dates). */
  excessReturn: number | null;
  benchmark: BenchmarkJson;
  bestMember: { symbol: string; name: string | null; return: number } | null;
  worstMember: { symbol: string; name: string | null; return: number } | null;
  /** Sum of the members' contributions (equals totalReturn up to rounding; kept as a check). */
  contributionSum: number | null;
  memberDetails: MemberResultJson[];
  /** Members not in the basket over the period (no data, excluded), with the reason. */
  missingMembers: { symbol: string; status: MemberStatus; reason: string }[];
  published: Published | null;
  /** Cumulative returns on each basket day, for the chart and for checking by hand. */
  series: { dates: string[]; basket: (number | null)[]; benchmark: (number | null)[]; members: number[] };
  notes: string[];
}

export interface CompareJson {
  generator: string;
  period: { from: string; to: string };
  /** How every figure is defined, in words. */
  conventions: string[];
  baskets: BasketResultJson[];
}
