/**
 * The shape of `baskets.json` (`evstudy baskets compare`). Other tools read it: add fields freely,
 * never rename or remove one. Returns are decimals (0.65 = +65%); a number that could not be
 * computed is null and sits next to a reason, never NaN.
 *
 * The zod objects are the one source: the TypeScript types are inferred from them and
 * schema/baskets.schema.json is generated from them (`npm run schema`). They are strict, so a field
 * written without being declared here fails the contract tests instead of surprising a reader.
 */
import * as z from 'zod';
import { publishedSchema, REBALANCINGS, WEIGHTINGS } from './schema.js';
import { finiteNumber as num, isoDate as day, nullableNumber as nullableNum } from '../report/contractParts.js';

const weighting = z.enum(WEIGHTINGS);

export const MEMBER_STATUSES = [
  /** Held over the whole period. */
  'included',
  /** Daily rebalancing only: listed after the base date, held from its first return. */
  'joined-late',
  /** Has prices but cannot be held under this basket's rules (e.g. listed after a buy-and-hold start). */
  'excluded',
  /** Not in the price manifest, unreadable file, or no rows in the period. */
  'no-data',
] as const;
export const memberStatusSchema = z.enum(MEMBER_STATUSES).meta({ id: 'MemberStatus' });
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export const floatCapSchema = z.strictObject({
  /** Row the float cap was taken from (the rebalancing date: the base close). */
  date: day,
  /** AKShare 成交额, CNY. */
  amount: num,
  /** AKShare 换手率, percent of free-float shares. */
  turnoverRate: num,
  /** amount / (turnoverRate / 100), CNY. */
  floatCap: num,
  /** Relative uncertainty from the 2-decimal rounding of the rate: 0.005 / turnoverRate. */
  roundingBound: num,
});
export type FloatCapJson = z.infer<typeof floatCapSchema>;

export const memberResultSchema = z.strictObject({
  symbol: z.string(),
  name: z.string().nullable(),
  status: memberStatusSchema,
  /** Why the member is not (fully) in the basket; null when included. */
  reason: z.string().nullable(),
  /** Buy-and-hold: weight at the base close. Daily: mean weight over the period's days. */
  weight: nullableNum,
  /** Buy-and-hold: P(end)/P(base) - 1. Daily: compounded returns on the days it was held. */
  return: nullableNum,
  /** Share of the basket's total return due to this member; the contributions sum to totalReturn. */
  contribution: nullableNum,
  /** Dates and closes behind `return` (member's own rows; forward-adjusted for AKShare files). */
  fromDate: day.nullable(),
  toDate: day.nullable(),
  fromClose: nullableNum,
  toClose: nullableNum,
  /** Daily rebalancing: days with a counted return. */
  daysHeld: z.number().int().optional(),
  floatCap: floatCapSchema.optional(),
  /** Price file (relative to the repository root when known). */
  file: z.string().optional(),
  flags: z.array(z.string()),
});
export type MemberResultJson = z.infer<typeof memberResultSchema>;

export const benchmarkSchema = z.strictObject({
  symbol: z.string(),
  name: z.string().nullable(),
  totalReturn: nullableNum,
  volatility: nullableNum,
  fromDate: day.nullable(),
  toDate: day.nullable(),
  fromClose: nullableNum,
  toClose: nullableNum,
  reason: z.string().optional(),
});
export type BenchmarkJson = z.infer<typeof benchmarkSchema>;

/** The best or worst member by its own return. */
export const memberExtremeSchema = z
  .strictObject({ symbol: z.string(), name: z.string().nullable(), return: num })
  .nullable()
  .meta({ id: 'MemberExtreme' });

/** Members not in the basket over the period (no data, excluded), with the reason. */
export const missingMembersSchema = z
  .array(z.strictObject({ symbol: z.string(), status: memberStatusSchema, reason: z.string() }))
  .meta({ id: 'MissingMembers' });

export const basketPublishedSchema = publishedSchema.nullable().meta({ id: 'Published', description: 'A figure published by someone else for a comparable basket (decimal return), with its source.' });

export const basketResultSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** The basket file's symbols, in file order (details in memberDetails). */
  members: z.array(z.string()),
  /** Weighting used (the file's, or the command line's override). */
  weighting,
  /** The file's weighting, when overridden. */
  weightingDefined: weighting.optional(),
  rebalancing: z.enum(REBALANCINGS),
  period: z.strictObject({
    /** As asked: the base date (its close is the start) and the end date. */
    from: day,
    to: day,
    /** Basket days actually used: the base close and the last close. */
    baseDate: day.nullable(),
    endDate: day.nullable(),
    /** Basket days with a return (the base day excluded). */
    days: z.number().int(),
  }),
  totalReturn: nullableNum,
  /** Annualised: sample sd of daily basket returns x sqrt(periodsPerYear). */
  volatility: nullableNum,
  periodsPerYear: num,
  /** trough / peak - 1 (<= 0) of the index path. */
  maxDrawdown: nullableNum,
  maxDrawdownPeak: day.nullable(),
  maxDrawdownTrough: day.nullable(),
  /** First date back at the peak's level after the trough, null if not within the period. */
  maxDrawdownRecovery: day.nullable(),
  /** OLS slope and correlation of daily basket returns on benchmark returns, common days only. */
  beta: nullableNum,
  correlation: nullableNum,
  betaDays: z.number().int(),
  /** totalReturn - benchmark.totalReturn (simple difference over the same base and end dates). */
  excessReturn: nullableNum,
  benchmark: benchmarkSchema,
  bestMember: memberExtremeSchema,
  worstMember: memberExtremeSchema,
  /** Sum of the members' contributions (equals totalReturn up to rounding; kept as a check). */
  contributionSum: nullableNum,
  memberDetails: z.array(memberResultSchema),
  missingMembers: missingMembersSchema,
  published: basketPublishedSchema,
  /** Cumulative returns on each basket day, for the chart and for checking by hand. */
  series: z.strictObject({ dates: z.array(day), basket: z.array(nullableNum), benchmark: z.array(nullableNum), members: z.array(z.number().int()) }),
  notes: z.array(z.string()),
});
export type BasketResultJson = z.infer<typeof basketResultSchema>;

export const compareSchema = z.strictObject({
  generator: z.string(),
  period: z.strictObject({ from: day, to: day }),
  /** How every figure is defined, in words. */
  conventions: z.array(z.string()),
  baskets: z.array(basketResultSchema),
});
export type CompareJson = z.infer<typeof compareSchema>;
