/**
 * Pieces shared by every JSON contract the tool writes (report.json, baskets.json, the report's
 * baskets section). Each exists once, so the generated JSON Schemas name one `IsoDate` definition
 * instead of a copy per file; a meta id may be registered only once.
 */
import * as z from 'zod';
import { OutputError } from '../util/errors.js';
import { contractCheck } from './contractCheck.js';

/**
 * JSON cannot carry NaN or Infinity; one reaching the writer is a bug to surface, not a null. zod 4's
 * number type already refuses both ("expected number, received Infinity"), so no refine: one was
 * never reached, and the contract check would run it on every number of the report.
 */
export const finiteNumber = z.number();
export const nullableNumber = finiteNumber.nullable();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ id: 'IsoDate', description: 'A calendar day, YYYY-MM-DD.' });

/**
 * What is about to be written must validate against the schema shipped for it: the object itself
 * is checked, so a NaN where the contract wants a number or null is a bug to surface (`what` names
 * the file in the message).
 */
export function checkContract(schema: z.ZodType, value: unknown, what: string): void {
  // zod's verdict without zod's parsed copy (contractCheck.ts); zod itself only to word a refusal.
  if (contractCheck(schema, value)) return;
  const checked = schema.safeParse(value);
  if (checked.success) throw new OutputError(`${what}: the fast contract check and zod disagree (a bug: please report it)`);
  const issue = checked.error.issues[0];
  throw new OutputError(`${what} does not match its schema at ${issue.path.join('.')}: ${issue.message} (a bug: please report it)`);
}
