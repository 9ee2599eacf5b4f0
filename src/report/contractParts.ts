/**
 * Pieces shared by every JSON contract the tool writes (report.json, baskets.json, the report's
 * baskets section). Each exists once, so the generated JSON Schemas name one `IsoDate` definition
 * instead of a copy per file; a meta id may be registered only once.
 */
import { z } from 'zod';

/** JSON cannot carry NaN or Infinity; one reaching the writer is a bug to surface, not a null. */
export const finiteNumber = z.number().refine(Number.isFinite, 'must be finite');
export const nullableNumber = finiteNumber.nullable();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ id: 'IsoDate', description: 'A calendar day, YYYY-MM-DD.' });
