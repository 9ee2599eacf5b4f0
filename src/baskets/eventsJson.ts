/**
 * The shape of `basket-events.json` (`evstudy baskets events`, also its --json output): one source
 * for the TypeScript types of src/baskets/events.ts and for schema/basket-events.schema.json
 * (`npm run schema`). Strict like every JSON contract of the tool; numbers that could not be
 * computed are null, never NaN.
 */
import * as z from 'zod';
import { WEIGHTINGS } from './schema.js';
import { OUTCOMES } from '../report/schema.js';
import { finiteNumber as num, isoDate as day, nullableNumber as nullableNum } from '../report/contractParts.js';

const window = z.tuple([z.number().int(), z.number().int()]);
const outcome = z.enum(OUTCOMES);

export const basketEventWindowSchema = z.strictObject({
  window,
  /** The basket's own CAR, its t (CAR / sqrt(Var incl. estimation error)) and two-sided p. */
  car: nullableNum,
  t: nullableNum,
  p: nullableNum,
  /** Equal-weighted mean of the members' CARs over the members with a complete window. */
  membersMeanCar: nullableNum,
  membersN: z.number().int(),
  /** Cross-sectional t of the members' CARs (n - 1 df); ignores their cross-correlation. */
  membersT: nullableNum,
  membersP: nullableNum,
  membersReason: z.string().optional(),
});
export type BasketEventWindowJson = z.infer<typeof basketEventWindowSchema>;

export const basketEventMemberSchema = z.strictObject({
  symbol: z.string(),
  name: z.string().nullable(),
  outcome,
  reason: z.string().nullable(),
  day0: day.nullable(),
  beta: nullableNum,
  /** CAR per window, in the order of `windows`. */
  cars: z.array(nullableNum),
});
export type BasketEventMemberJson = z.infer<typeof basketEventMemberSchema>;

export const basketEventSchema = z.strictObject({
  /** `<event>@<basket>`. */
  id: z.string(),
  basket: z.string(),
  event: z.string(),
  title: z.string(),
  date: day,
  day0: day.nullable(),
  outcome,
  reason: z.string().nullable(),
  flags: z.array(z.string()),
  model: z
    .strictObject({
      alpha: nullableNum,
      beta: nullableNum,
      sigma: num,
      nObs: z.number().int(),
      df: z.number().int().nullable(),
      estimationFrom: day.nullable(),
      estimationTo: day.nullable(),
      benchmark: z.string().nullable(),
    })
    .nullable(),
  windows: z.array(basketEventWindowSchema),
  members: z.array(basketEventMemberSchema),
});
export type BasketEventJson = z.infer<typeof basketEventSchema>;

export const basketEventStudySchema = z.strictObject({
  generator: z.string(),
  settings: z.strictObject({
    model: z.string(),
    estimation: window,
    window,
    carWindows: z.array(window),
    minEstimation: z.number().int(),
    exchange: z.string(),
    series: z.string(),
  }),
  events: z.array(
    z.strictObject({ id: z.string(), date: day, time: z.string().nullable(), timezone: z.string().nullable(), timing: z.string(), title: z.string() }),
  ),
  baskets: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      weighting: z.enum(WEIGHTINGS),
      benchmark: z.string(),
      members: z.array(z.string()),
      /** Days of the basket series and the members in it on its first and last day. */
      from: day.nullable(),
      to: day.nullable(),
      missingMembers: z.array(z.strictObject({ symbol: z.string(), reason: z.string() })),
    }),
  ),
  results: z.array(basketEventSchema),
  notes: z.array(z.string()),
});
export type BasketEventStudyJson = z.infer<typeof basketEventStudySchema>;
