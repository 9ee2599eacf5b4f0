/**
 * The `baskets` section of report.json (src/baskets/section.ts): each sector basket beside its
 * published figure. One source for the section's TypeScript types and its part of the report's
 * JSON Schema; strict like the rest of the report contract.
 */
import * as z from 'zod';
import { WEIGHTINGS } from './schema.js';
import { basketPublishedSchema, memberExtremeSchema, missingMembersSchema } from './json.js';
import { finiteNumber as num, isoDate as day, nullableNumber as nullableNum } from '../report/contractParts.js';

const weighting = z.enum(WEIGHTINGS);

export const basketSectionRowSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  weighting,
  rebalancing: z.string(),
  membersHeld: z.number().int(),
  members: z.number().int(),
  baseDate: day.nullable(),
  endDate: day.nullable(),
  totalReturn: nullableNum,
  /** The same basket under the other weighting (equal <-> float-cap). */
  alternative: z.strictObject({ weighting, totalReturn: nullableNum }),
  /** Median of the held members' own returns (robust to one name's jump). */
  medianMemberReturn: nullableNum,
  /** Our figure for end dates in the range (closes from..to). */
  endRange: z.strictObject({ from: day, to: day, min: nullableNum, max: nullableNum, minDate: day.nullable(), maxDate: day.nullable() }),
  benchmark: z.strictObject({ symbol: z.string(), totalReturn: nullableNum }),
  published: basketPublishedSchema,
  /** totalReturn - published.value. */
  difference: nullableNum,
  explanation: z.string(),
  bestMember: memberExtremeSchema,
  worstMember: memberExtremeSchema,
  missingMembers: missingMembersSchema,
});
export type BasketSectionRow = z.infer<typeof basketSectionRowSchema>;

export const basketSectionSchema = z.strictObject({
  period: z.strictObject({ from: day, to: day }),
  baskets: z.array(basketSectionRowSchema),
  conventions: z.array(z.string()),
});
export type BasketSectionJson = z.infer<typeof basketSectionSchema>;
