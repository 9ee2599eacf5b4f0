/**
 * The contract of claims.json (`evstudy claims check`, issue 14 §5), the one source of
 * schema/claims.schema.json (`npm run schema`). Strict objects, as report.json's: a field written
 * but not declared here makes the file invalid. Verdicts use the study checker's words
 * (src/study/claims.ts): `not-confirmed` is what the issue calls "contradicted".
 */
import * as z from 'zod';
import { finiteNumber as num, isoDate, nullableNumber as nullableNum } from '../report/contractParts.js';

export const CLAIMS_SCHEMA_VERSION = '1.0.0';

export const checkedClaimSchema = z
  .strictObject({
    /** The extractor's id (symbol, measure, line), stable for one article. */
    id: z.string(),
    /** The sentence as published (script kept, pinyin artefacts removed). */
    text: z.string(),
    /** 1-based line of the article. */
    line: z.number().int().positive(),
    /** The listing the claim is about; null when the name matched a listing-less figure. */
    symbol: z.string().nullable(),
    measure: z.enum(['period', 'rawReturn', 'maxHighReturn', 'minLowReturn', 'price', 'limit', 'marketCap']),
    /** The published figure: a decimal return (2.8723 = +287.23%), a price or a market cap as written. */
    claimed: num,
    comparison: z.enum(['about', 'at-least', 'at-most', 'nearly']),
    /** Our figure from the price rows; null when the claim cannot be checked. */
    ours: nullableNum,
    verdict: z.enum(['confirmed', 'approximately', 'not-confirmed', 'cannot-check']),
    /** Why the verdict: the difference, an adjustment effect, or what is missing. */
    why: z.string(),
    /** The closes (and highs) with their dates and the price file behind `ours`; '—' when none. */
    basis: z.string(),
    /** How names, dates and the event were resolved (from the extractor); absent for uncheckable kinds. */
    resolution: z.string().optional(),
    /** The dates or event window checked. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    event: z.string().optional(),
    window: z.tuple([z.number().int(), z.number().int()]).optional(),
    /** For `price`: the day's close, or a price traded that day (within [low, high]). */
    at: z.enum(['close', 'intraday']).optional(),
  })
  .meta({ id: 'CheckedClaim', description: 'One market claim of the article with our figure and the verdict of the study checker.' });

export const claimsCheckSchema = z
  .strictObject({
    schemaVersion: z.literal(CLAIMS_SCHEMA_VERSION),
    generator: z.string(),
    /** The article file as given. */
    source: z.string(),
    /** The article date used for dates without a year, and where it came from. */
    date: isoDate.nullable(),
    dateSource: z.string(),
    /** The price folder and events registry read. */
    pricesDir: z.string(),
    eventsDir: z.string(),
    /** Verdict counts over `claims`. */
    counts: z.strictObject({ confirmed: z.number().int(), approximately: z.number().int(), 'not-confirmed': z.number().int(), 'cannot-check': z.number().int() }),
    claims: z.array(checkedClaimSchema),
    /** Names in the article that match no listing: reported, never guessed. */
    unresolved: z.array(z.strictObject({ line: z.number().int().positive(), name: z.string(), text: z.string(), reason: z.string() })),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'ClaimsCheck', description: 'The market claims of a news article checked against the price data (evstudy claims check).' });

export type CheckedClaimJson = z.infer<typeof checkedClaimSchema>;
export type ClaimsCheckJson = z.infer<typeof claimsCheckSchema>;
