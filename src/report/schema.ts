/**
 * The JSON report contract (issue 3 item 6). Other tools read `report.json`, so names here are a
 * public API: add fields freely, never rename or remove them without bumping `schemaVersion`.
 *
 * Numbers that could not be computed are `null`, never NaN / Infinity (JSON cannot carry them and a
 * reader must not mistake them for values); every null number sits next to a reason.
 */
import * as z from 'zod';
import { TEST_NAMES } from '../stats/types.js';
import { SELECTABLE_TESTS } from '../stats/selection.js';
import { basketSectionSchema } from '../baskets/sectionSchema.js';
import { backtestSectionSchema } from '../backtest/sectionSchema.js';
import { finiteNumber as num, isoDate, nullableNumber as nullableNum } from './contractParts.js';

export const SCHEMA_VERSION = '1.0.0';

/*
 * Every object is strict: the JSON Schema generated from these (schema/report.schema.json, `npm run
 * schema`) forbids unknown keys, so a field the code writes but this file does not declare would
 * make every report invalid for a consumer while zod's default (strip) kept passing it. Parts that
 * repeat carry a meta id and become one `$defs` entry of the JSON Schema.
 */
const windowTuple = z
  .tuple([z.number().int(), z.number().int()])
  .meta({ id: 'Window', description: 'Inclusive range of trading days relative to day 0, [from, to].' });

export const testResultSchema = z
  .union([
    z.strictObject({
      stat: num,
      p: num.min(0).max(1),
      /** Holm-adjusted p over the study's days and non-primary windows (src/study/aggregate.ts). */
      pHolm: num.min(0).max(1).optional(),
      note: z.string().optional(),
      /** Number of events that entered the statistic. */
      n: z.number().int().min(0).optional(),
      /** Degrees of freedom of the reference t distribution, when one is used. */
      df: num.optional(),
    }),
    z.strictObject({ stat: z.null(), p: z.null().optional(), reason: z.string().min(1) }),
  ])
  .meta({ id: 'TestResult', description: 'A statistic and its two-sided p-value, or null with the reason it could not be computed.' });

/** The test battery's names (src/stats): one source of truth for the contract and the code. */
export const TEST_KEYS = TEST_NAMES;

// Each key optional: under a test selection (settings.tests) the unselected tests are absent, not
// null. The TypeScript type still says present, so the many readers of a full battery need no
// checks; code that may read a selection's report (markdown.ts) checks for undefined itself.
export const testsSchema = z
  .strictObject(Object.fromEntries(TEST_KEYS.map((k) => [k, testResultSchema.optional()])) as unknown as Record<(typeof TEST_KEYS)[number], typeof testResultSchema>)
  .meta({ id: 'Tests', description: 'The test battery (src/stats), one result per test; with settings.tests only the selected ones.' });

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

export const eventDaySchema = z.strictObject({
  day: z.number().int(),
  date: isoDate.nullable(),
  return: nullableNum,
  expected: nullableNum,
  ar: nullableNum,
  sar: nullableNum,
  /** +1 limit-up, -1 limit-down (A-shares): the observed return is censored. */
  limitHit: z.number().int().min(-1).max(1).optional(),
});

export const eventWindowSchema = z.strictObject({
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
  /**
   * Market-adjusted CAR: sum over the window of R_i - R_m (alpha = 0, beta = 1), beside the model
   * CAR; null when a day lacks a return or the model has no market series (factor models).
   */
  marketAdjustedCar: nullableNum.optional(),
  /** Fitted alpha x window length in trading days: what the model subtracts from the CAR for alpha alone. */
  alphaDrift: nullableNum.optional(),
  /** Dates of the closes used by rawReturn: close(a-1) and close(b). */
  fromDate: isoDate.nullable().optional(),
  toDate: isoDate.nullable().optional(),
  /**
   * The window's last day closed at the price limit (A-shares): the CAR measured on to the first day
   * of the event window whose close is off the limit (Kim & Rhee 1997), `to` that day's offset;
   * stillBinding when the limit binds up to the event window's end.
   */
  limitExtended: z.strictObject({ to: z.number().int(), car: nullableNum, carT: nullableNum, stillBinding: z.boolean() }).optional(),
});

export const eventModelSchema = z.strictObject({
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
  /** Why this benchmark: `study benchmarks.<symbol>`, `study benchmarks.market:<market>`, `manifest`, or the exchange default. */
  benchmarkSource: z.string().optional(),
  /** 1 - SSR/SST of the fit on its estimation sample (models with an estimated beta; src/core/rSquared.ts). */
  rSquared: nullableNum.optional(),
});

/** Where an event's news is documented (the event file's `sources`, or an ad-hoc CSV's `source` cell). */
export const eventSourceSchema = z.strictObject({
  title: z.string().optional(),
  publisher: z.string().optional(),
  url: z.string().optional(),
  /** A file under the events directory. */
  document: z.string().optional(),
  accessed: isoDate.optional(),
});

export const eventResultSchema = z.strictObject({
  id: z.string(),
  /** The announcement this listing's result belongs to (the registry id; equals id for one-listing events). */
  eventId: z.string().optional(),
  symbol: z.string(),
  name: z.string().optional(),
  /** What happened: the announcement's headline, one-paragraph summary and sources (issue 13 §1). */
  title: z.string().optional(),
  summary: z.string().optional(),
  sources: z.array(eventSourceSchema).optional(),
  date: isoDate,
  timing: z.string().optional(),
  /** Wall-clock time of the news (HH:MM) in `timezone`, when known; day 0 was derived from that instant. */
  time: z.string().optional(),
  timezone: z.string().optional(),
  day0: isoDate.nullable(),
  outcome: z.enum(OUTCOMES),
  reason: z.string().nullable(),
  /** Why day 0 differs from the event date (timing rule, non-trading-day policy), when it does. */
  shift: z.string().nullable().optional(),
  flags: z.array(z.string()).optional(),
  /**
   * Trading days taken out of the estimation sample because they lie in the event window of another
   * event of the same listing (estimationContamination 'drop'): how many such events, and the ids of
   * the first 50 by day 0 (a listing with thousands of same-day events must not make the report
   * quadratic in size).
   */
  estimationExcluded: z.strictObject({ days: z.number().int(), eventCount: z.number().int(), events: z.array(z.string()) }).optional(),
  /**
   * A-share limit-hit days inside the estimation window (close at the limit price): limit-up and
   * limit-down counts, their dates (first 50), and whether they left the estimation sample
   * (limitDaysInEstimation 'exclude'); inOtherEventWindows counts those already left out as part of
   * another event's window (estimationContamination 'drop'). Absent when the window has none or the
   * listing has no limits.
   */
  estimationLimitDays: z
    .strictObject({ up: z.number().int(), down: z.number().int(), dates: z.array(z.string()), excluded: z.boolean(), inOtherEventWindows: z.number().int() })
    .optional(),
  /**
   * Returns spanning more than one session (a benchmark session between the listing's two closes,
   * or more than 10 calendar days apart) in the estimation and event windows: counts, the first 50
   * of each (date, previous close's date, sessions spanned when the benchmark's days are known), and
   * whether the estimation ones left the sample (gapReturns 'exclude' or 'scale'). Under 'scale'
   * the sessions count the exchange's holidays too (weekdays without a close), and `scaled` says
   * whether event-window ones had their variance scaled by the sessions spanned (src/core/gapScale.ts).
   */
  gapReturns: z
    .strictObject({
      estimation: z.number().int(),
      eventWindow: z.number().int(),
      estimationDays: z.array(z.strictObject({ date: z.string(), from: z.string(), sessions: z.number().int().nullable() })),
      eventWindowDays: z.array(z.strictObject({ date: z.string(), from: z.string(), sessions: z.number().int().nullable() })),
      excluded: z.boolean(),
      scaled: z.boolean().optional(),
    })
    .optional(),
  group: z.string().nullable(),
  /**
   * Whether this listing's result enters the aggregate, and why not when it does not: its outcome,
   * `duplicate of <id>` (same listing and day 0), `secondary-listing of <id>` (settings.listings primary).
   */
  inAggregate: z.boolean().optional(),
  notInAggregate: z.string().optional(),
  /** Under settings.listings average: the listings (this one included) averaged into one observation. */
  averageOf: z.array(z.string()).optional(),
  model: eventModelSchema.nullable(),
  days: z.array(eventDaySchema),
  windows: z.array(eventWindowSchema),
});

/** Event-induced variance diagnostic of an aggregate day or window (src/stats/varianceRatio.ts). */
export const varianceRatioSchema = z
  .strictObject({ ratio: num, nominal: num, n: z.number().int(), p: num.min(0).max(1), unreliable: z.boolean() })
  .nullable();

export const aggregateDaySchema = z.strictObject({
  day: z.number().int(),
  n: z.number().int(),
  aar: nullableNum,
  sharePositive: nullableNum.optional(),
  tests: testsSchema,
  varianceRatio: varianceRatioSchema.optional(),
});

export const aggregateWindowSchema = z.strictObject({
  window: windowTuple,
  n: z.number().int(),
  caar: nullableNum,
  sharePositive: nullableNum.optional(),
  tests: testsSchema,
  varianceRatio: varianceRatioSchema.optional(),
  /**
   * Kolari-Pynnönen r-bar of this window's CARs (src/stats/rbarWindow.ts), used by its KP tests: the
   * mean over `total` pairs of rho_ij x calendar overlap of the summed days; `estimated` pairs share
   * days and had rho estimated, `disjoint` share no day (0), `short` had < 30 common estimation days
   * (0), `degenerate` left out. Absent under the estudy2 convention (day-level r-bar for windows).
   */
  rbar: z
    .strictObject({
      value: nullableNum,
      total: z.number().int(),
      estimated: z.number().int(),
      disjoint: z.number().int(),
      short: z.number().int(),
      degenerate: z.number().int(),
      reason: z.string().optional(),
    })
    .optional(),
  /**
   * Calendar-time portfolio test (Jaffe 1974; Mandelker 1974; src/stats/calendarTime.ts): each
   * calendar day's equal-weighted portfolio AR of the events whose window covers it, standardised
   * by the portfolio's estimation-period residual sd; `stat` is the t of their mean over the days
   * (t(df), df = daysUsed - 1). `days` calendar days covered, `daysUsed` entered; `meanAR` their
   * mean portfolio AR. Absent under estudy2.
   */
  calendarTime: z
    .strictObject({
      stat: nullableNum,
      p: nullableNum,
      df: z.number().int().nullable(),
      days: z.number().int(),
      daysUsed: z.number().int(),
      meanAR: nullableNum,
      reason: z.string().optional(),
      note: z.string().optional(),
    })
    .optional(),
});

export const aggregateSchema = z
  .strictObject({
    n: z.number().int().optional(),
    rbar: nullableNum.optional(),
    /**
     * How r-bar was formed (src/stats/rbar.ts): of `total` pairs, `estimated` from their common
     * estimation days; `otherDay` set to 0 because their day 0 differs; `short` (fewer than 30 common
     * days) set to 0; `degenerate` (constant series) left out.
     */
    rbarPairs: z
      .strictObject({ total: z.number().int(), estimated: z.number().int(), otherDay: z.number().int(), short: z.number().int(), degenerate: z.number().int() })
      .optional(),
    /** The confirmatory window; its tests carry no pHolm (src/study/aggregate.ts). */
    primaryWindow: windowTuple.nullable().optional(),
    days: z.array(aggregateDaySchema),
    windows: z.array(aggregateWindowSchema),
  })
  .meta({ id: 'Aggregate', description: 'Average abnormal returns by day and cumulative ones by window, with the test battery.' });

export const periodSchema = z.strictObject({
  id: z.string().optional(),
  label: z.string().optional(),
  from: isoDate,
  to: isoDate,
  returns: z.record(z.string(), nullableNum),
  /** The closes and their dates behind each return, so every figure can be traced to CSV rows. */
  detail: z
    .record(
      z.string(),
      z.strictObject({
        fromDate: isoDate.nullable(),
        toDate: isoDate.nullable(),
        fromClose: nullableNum,
        toClose: nullableNum,
        reason: z.string().optional(),
      }),
    )
    .optional(),
});

export const claimResultSchema = z.strictObject({
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

export const dataNoteSchema = z.strictObject({ topic: z.string(), text: z.string() });

/** `evstudy run STUDY.yaml`: what the study read. */
export const studyInputsSchema = z.strictObject({
  studyFile: z.string(),
  eventsDir: z.string(),
  pricesDir: z.string(),
  /** Ids of the registry events in the study. */
  events: z.array(z.string()),
  /** Each listing's benchmark symbol (null: none found, the event is measured without one). */
  benchmarks: z.record(z.string(), z.string().nullable()),
});

/** `evstudy study`: the user's tables (returns or prices, exactly one). */
export const adhocInputsSchema = z.strictObject({
  returns: z.string().optional(),
  prices: z.string().optional(),
  market: z.string().optional(),
  marketColumn: z.string().optional(),
  factors: z.string().optional(),
  events: z.string(),
  percent: z.boolean(),
});

export const reportSchema = z.strictObject({
  schemaVersion: z.string(),
  generator: z.string().optional(),
  study: z
    .strictObject({ id: z.string(), title: z.string().optional(), description: z.string().optional() })
    .optional(),
  settings: z.strictObject({
    model: z.string(),
    estimation: windowTuple,
    /** Study setting: every estimation window ends on the last trading day before this date (kept length). */
    estimationEndsBefore: isoDate.optional(),
    window: windowTuple,
    carWindows: z.array(windowTuple),
    nonTradingDay: z.enum(['next', 'previous', 'skip', 'error']),
    returnType: z.enum(['simple', 'log', 'given']),
    minEstimation: z.number().int().optional(),
    seed: z.number().int().optional(),
    bootstrapSamples: z.number().int().optional(),
    varianceConvention: z.string().optional(),
    testConvention: z.string().optional(),
    estimationContamination: z.enum(['drop', 'keep']).optional(),
    limitDaysInEstimation: z.enum(['exclude', 'keep']).optional(),
    gapReturns: z.enum(['flag', 'exclude', 'scale']).optional(),
    /** Cross-listings: primary (one observation per firm-announcement) or separate (every listing). */
    listings: z.enum(['primary', 'average', 'separate']).optional(),
    /** Benchmarks without the listing itself where constituent weights are known (study `excludeSelf`). */
    excludeSelf: z.boolean().optional(),
    /**
     * The tests computed (study `tests:`, `--tests`; src/stats/selection.ts), when not all: the
     * others are absent from every battery, r-bar and calendar time too unless a selected test uses them.
     */
    tests: z.array(z.enum(SELECTABLE_TESTS)).min(1).optional(),
  }),
  inputs: z.union([studyInputsSchema, adhocInputsSchema]).optional(),
  events: z.array(eventResultSchema),
  aggregate: aggregateSchema,
  /**
   * The unit of observation when cross-listings were set aside (settings.listings primary): how many
   * firm-announcements enter the aggregate, how many listings were set aside, and the aggregate with
   * every listing as its own event beside it as robustness.
   */
  listings: z
    .strictObject({
      mode: z.enum(['primary', 'average', 'separate']),
      rule: z.string(),
      observations: z.number().int(),
      setAside: z.number().int(),
      separate: aggregateSchema.nullable(),
    })
    .optional(),
  /**
   * Per-group aggregates. `unit`: what one observation is. Groups by market or exchange count every
   * listing trading there (`listing`: within a market a firm has one listing), reported before the
   * pooled aggregate, whose unit under listings primary / average is the `firm-announcement`.
   */
  groups: z.array(z.strictObject({ group: z.string(), unit: z.enum(['listing', 'firm-announcement']).optional(), aggregate: aggregateSchema })),
  periods: z.array(periodSchema).optional(),
  claims: z.array(claimResultSchema).optional(),
  /** Sector baskets beside published sector figures (src/baskets/section.ts). */
  baskets: basketSectionSchema.optional(),
  /** The study file's backtest: block, per market with the frictionless run (src/backtest/section.ts). */
  backtest: backtestSectionSchema.optional(),
  dataNotes: z.array(dataNoteSchema).optional(),
  notes: z.array(z.string()).optional(),
});

export type ReportJson = z.infer<typeof reportSchema>;
export type EventResultJson = z.infer<typeof eventResultSchema>;
export type AggregateJson = z.infer<typeof aggregateSchema>;
export type TestResultJson = z.infer<typeof testResultSchema>;
export type EventSourceJson = z.infer<typeof eventSourceSchema>;
export type Outcome = (typeof OUTCOMES)[number];
export type ClaimResultJson = z.infer<typeof claimResultSchema>;
export type PeriodJson = z.infer<typeof periodSchema>;

/**
 * The JSON Schema (draft 2020-12) of report.json, written to schema/report.schema.json.
 *
 * @example
 * writeFileSync('report.schema.json', JSON.stringify(reportJsonSchema(), null, 2));
 */
export function reportJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(reportSchema, 'report.json', 'The report of an event study (evstudy run, evstudy study).');
}

/**
 * zod's JSON Schema of `schema`, the one way every shipped schema file is made (schemaFiles.ts).
 * Finite-number refinements have no JSON Schema form and are dropped: JSON cannot carry NaN anyway.
 */
export function jsonSchemaOf(schema: z.ZodType, title: string, description: string): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, $defs, ...rest } = out;
  return { $schema, title, description, ...rest, ...($defs ? { $defs } : {}) };
}
