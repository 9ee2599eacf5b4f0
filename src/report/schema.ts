/**
 * The JSON report contract (issue 3 item 6). Other tools read `report.json`, so names here are a
 * public API: add fields freely, never rename or remove them without bumping `schemaVersion`.
 *
 * Numbers that could not be computed are `null`, never NaN / Infinity (JSON cannot carry them and a
 * reader must not mistake them for values); every null number sits next to a reason.
 */
import { z } from 'zod';
import { TEST_NAMES } from '../stats/types.js';

export const SCHEMA_VERSION = '1.0.0';

const num = z.number().refine(Number.isFinite, 'must be finite');
const nullableNum = num.nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const windowTuple = z.tuple([z.number().int(), z.number().int()]);

export const testResultSchema = z.union([
  // pHolm: Holm-adjusted p over the study's days and non-primary windows (src/study/aggregate.ts).
  z.object({ stat: num, p: num.min(0).max(1), pHolm: num.min(0).max(1).optional(), note: z.string().optional() }),
  z.object({ stat: z.null(), p: z.null().optional(), reason: z.string().min(1) }),
]);

/** The test battery's names (src/stats): one source of truth for the contract and the code. */
export const TEST_KEYS = TEST_NAMES;

export const testsSchema = z.object(
  Object.fromEntries(TEST_KEYS.map((k) => [k, testResultSchema])) as Record<(typeof TEST_KEYS)[number], typeof testResultSchema>,
);

export const OUTCOMES = [
  'ok',
  'shifted',
  'no-price-data',
  'outside-data',
  'insufficient-estimation',
  'window-gap',
  'skipped-non-trading-day',
  'no-benchmark-data',
] as const;

export const eventDaySchema = z.object({
  day: z.number().int(),
  date: isoDate.nullable(),
  return: nullableNum,
  expected: nullableNum,
  ar: nullableNum,
  sar: nullableNum,
  /** +1 limit-up, -1 limit-down (A-shares): the observed return is censored. */
  limitHit: z.number().int().min(-1).max(1).optional(),
});

export const eventWindowSchema = z.object({
  window: windowTuple,
  car: nullableNum,
  carVar: nullableNum.optional(),
  carT: nullableNum,
  carP: nullableNum,
  bhar: nullableNum,
  rawReturn: nullableNum,
  maxHighReturn: nullableNum,
  minLowReturn: nullableNum,
  /** Trading days inside the window without a return (suspension, missing data). */
  missingDays: z.number().int().optional(),
  /** Dates of the closes used by rawReturn: close(a-1) and close(b). */
  fromDate: isoDate.nullable().optional(),
  toDate: isoDate.nullable().optional(),
});

export const eventModelSchema = z.object({
  kind: z.string(),
  alpha: nullableNum.optional(),
  beta: nullableNum.optional(),
  coefficients: z.record(z.string(), num).optional(),
  sigma: num,
  nObs: z.number().int(),
  df: z.number().int().optional(),
  estimationFrom: isoDate.optional(),
  estimationTo: isoDate.optional(),
  benchmark: z.string().optional(),
});

export const eventResultSchema = z.object({
  id: z.string(),
  symbol: z.string(),
  name: z.string().optional(),
  date: isoDate,
  timing: z.string().optional(),
  day0: isoDate.nullable(),
  outcome: z.enum(OUTCOMES),
  reason: z.string().nullable(),
  /** Why day 0 differs from the event date (timing rule, non-trading-day policy), when it does. */
  shift: z.string().nullable().optional(),
  flags: z.array(z.string()).optional(),
  group: z.string().nullable(),
  model: eventModelSchema.nullable(),
  days: z.array(eventDaySchema),
  windows: z.array(eventWindowSchema),
});

/** Event-induced variance diagnostic of an aggregate day or window (src/stats/varianceRatio.ts). */
export const varianceRatioSchema = z
  .object({ ratio: num, nominal: num, n: z.number().int(), p: num.min(0).max(1), unreliable: z.boolean() })
  .strict()
  .nullable();

export const aggregateDaySchema = z.object({
  day: z.number().int(),
  n: z.number().int(),
  aar: nullableNum,
  sharePositive: nullableNum.optional(),
  tests: testsSchema,
  varianceRatio: varianceRatioSchema.optional(),
});

export const aggregateWindowSchema = z.object({
  window: windowTuple,
  n: z.number().int(),
  caar: nullableNum,
  sharePositive: nullableNum.optional(),
  tests: testsSchema,
  varianceRatio: varianceRatioSchema.optional(),
});

export const aggregateSchema = z.object({
  n: z.number().int().optional(),
  rbar: nullableNum.optional(),
  /**
   * How r-bar was formed (src/stats/rbar.ts): of `total` pairs, `estimated` from their common
   * estimation days; `otherDay` set to 0 because their day 0 differs; `short` (fewer than 30 common
   * days) set to 0; `degenerate` (constant series) left out.
   */
  rbarPairs: z
    .object({ total: z.number().int(), estimated: z.number().int(), otherDay: z.number().int(), short: z.number().int(), degenerate: z.number().int() })
    .strict()
    .optional(),
  /** The confirmatory window; its tests carry no pHolm (src/study/aggregate.ts). */
  primaryWindow: windowTuple.nullable().optional(),
  days: z.array(aggregateDaySchema),
  windows: z.array(aggregateWindowSchema),
});

export const periodSchema = z.object({
  id: z.string().optional(),
  label: z.string().optional(),
  from: isoDate,
  to: isoDate,
  returns: z.record(z.string(), nullableNum),
  /** The closes and their dates behind each return, so every figure can be traced to CSV rows. */
  detail: z
    .record(
      z.string(),
      z.object({
        fromDate: isoDate.nullable(),
        toDate: isoDate.nullable(),
        fromClose: nullableNum,
        toClose: nullableNum,
        reason: z.string().optional(),
      }),
    )
    .optional(),
});

export const claimResultSchema = z.object({
  id: z.string(),
  text: z.string(),
  source: z.string(),
  symbol: z.string(),
  measure: z.string(),
  claimed: num,
  comparison: z.string(),
  ours: nullableNum,
  verdict: z.enum(['confirmed', 'approximately', 'not-confirmed', 'cannot-check']),
  explanation: z.string(),
  /** The closes (and highs) and dates behind `ours`. */
  basis: z.string(),
});

export const dataNoteSchema = z.object({ topic: z.string(), text: z.string() });

export const reportSchema = z.object({
  schemaVersion: z.string(),
  generator: z.string().optional(),
  study: z
    .object({ id: z.string(), title: z.string().optional(), description: z.string().optional() })
    .optional(),
  settings: z.object({
    model: z.string(),
    estimation: windowTuple,
    window: windowTuple,
    carWindows: z.array(windowTuple),
    nonTradingDay: z.enum(['next', 'previous', 'skip', 'error']),
    returnType: z.enum(['simple', 'log', 'given']),
    minEstimation: z.number().int().optional(),
    seed: z.number().int().optional(),
    bootstrapSamples: z.number().int().optional(),
    varianceConvention: z.string().optional(),
    testConvention: z.string().optional(),
  }),
  inputs: z.record(z.string(), z.unknown()).optional(),
  events: z.array(eventResultSchema),
  aggregate: aggregateSchema,
  groups: z.array(z.object({ group: z.string(), aggregate: aggregateSchema })),
  periods: z.array(periodSchema).optional(),
  claims: z.array(claimResultSchema).optional(),
  /** Sector baskets beside published sector figures (src/baskets/section.ts). */
  baskets: z.record(z.string(), z.unknown()).optional(),
  dataNotes: z.array(dataNoteSchema).optional(),
  notes: z.array(z.string()).optional(),
});

export type ReportJson = z.infer<typeof reportSchema>;
export type EventResultJson = z.infer<typeof eventResultSchema>;
export type AggregateJson = z.infer<typeof aggregateSchema>;
export type TestResultJson = z.infer<typeof testResultSchema>;
export type Outcome = (typeof OUTCOMES)[number];
export type ClaimResultJson = z.infer<typeof claimResultSchema>;
export type PeriodJson = z.infer<typeof periodSchema>;

/** The JSON Schema (draft 2020-12) of report.json, written to schema/report.schema.json. */
export function reportJsonSchema(): unknown {
  return z.toJSONSchema(reportSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
}
