/**
 * The schema of one basket file (`baskets/<id>.yaml`): a named set of listings, how they are
 * weighted and rebalanced, and the benchmark they are compared with.
 *
 * Every object is strict (an unknown key is an error): a misspelt `weigthing:` would otherwise be
 * ignored and silently give equal weights. Rules that involve two fields (custom weights must cover
 * exactly the members) are checked here too, with the path of the offending field, so that
 * `parse.ts` can point at the line.
 */
import * as z from 'zod';
import { SLUG_PATTERN, SYMBOL_PATTERN } from '../data/events/schema.js';

export const WEIGHTINGS = ['equal', 'float-cap', 'custom'] as const;
export type Weighting = (typeof WEIGHTINGS)[number];

/**
 * `none`: buy-and-hold from the period's base close (weights drift with prices);
 * `daily`: weights reset every day to their target (equal, float cap of the previous close, custom).
 */
export const REBALANCINGS = ['none', 'daily'] as const;
export type Rebalancing = (typeof REBALANCINGS)[number];

/** CSI 300 (沪深300): the broad A-share benchmark the issue names as the default. */
export const DEFAULT_BENCHMARK = '000300.SH';

const nonEmptyText = z.string().trim().min(1, { error: 'must not be empty' });

const symbol = z.string({ error: 'must be a listing symbol such as "300308.SZ"' }).regex(SYMBOL_PATTERN, {
  error: 'must be an upper-case listing symbol such as "300308.SZ" or "688256.SH"',
});

/**
 * A figure published by someone else for a comparable basket, kept as data so that a report can
 * print ours beside theirs and every published number has a source.
 */
export const publishedSchema = z.strictObject({
  /** Decimal return: 0.65 = +65%. */
  value: z.number({ error: 'must be a number (decimal return: 0.65 for +65%)' }).refine(Number.isFinite, { error: 'must be finite' }),
  /** Who published it and where we read it (a document path under the repository, a URL...). */
  source: nonEmptyText,
  /** The period as the publisher states it, e.g. "year to date (about three months to late April 2023)". */
  period: nonEmptyText,
  /** The original wording, for a reader who wants to check the translation. */
  quote: nonEmptyText.optional(),
});

export const basketSchema = z
  .strictObject({
    /** Also the file name: `<id>.yaml`. */
    id: z.string({ error: 'must be a slug such as "optical-modules"' }).regex(SLUG_PATTERN, {
      error: 'must be a slug: lower-case letters and digits joined by single hyphens (e.g. "optical-modules")',
    }),
    name: nonEmptyText,
    description: nonEmptyText.optional(),
    members: z.array(symbol, { error: 'must be a list of symbols' }).min(1, { error: 'needs at least one member' }),
    benchmark: symbol.default(DEFAULT_BENCHMARK),
    weighting: z.enum(WEIGHTINGS, { error: `must be one of ${WEIGHTINGS.join(', ')}` }).default('equal'),
    /** Only with `weighting: custom`: one positive weight per member (normalised to sum to 1). */
    weights: z.record(z.string(), z.number({ error: 'must be a number' })).optional(),
    rebalancing: z.enum(REBALANCINGS, { error: `must be one of ${REBALANCINGS.join(', ')}` }).default('none'),
    published: publishedSchema.optional(),
    /** Where the membership comes from and how it was chosen. */
    source: nonEmptyText.optional(),
    notes: nonEmptyText.optional(),
  })
  .superRefine(
    (b, ctx) => {
      const members = Array.isArray(b.members) ? b.members : [];
      const seen = new Set<unknown>();
      members.forEach((m, i) => {
        if (seen.has(m)) ctx.addIssue({ code: 'custom', message: 'is listed twice', path: ['members', i] });
        seen.add(m);
      });
      const weights = isRecord(b.weights) ? b.weights : undefined;
      if (b.weighting === 'custom') {
        if (!weights) {
          ctx.addIssue({ code: 'custom', message: 'custom needs a `weights` mapping: one positive number per member', path: ['weighting'] });
          return;
        }
        for (const m of members) {
          if (typeof m === 'string' && !(m in weights)) ctx.addIssue({ code: 'custom', message: `has no weight for member ${m}`, path: ['weights'] });
        }
        for (const [k, v] of Object.entries(weights)) {
          if (!members.includes(k)) ctx.addIssue({ code: 'custom', message: 'is not a member of the basket', path: ['weights', k] });
          else if (typeof v === 'number' && !(v > 0 && Number.isFinite(v))) ctx.addIssue({ code: 'custom', message: 'must be a positive number', path: ['weights', k] });
        }
      } else if (weights) {
        ctx.addIssue({ code: 'custom', message: `weights are only read with weighting: custom (this basket is ${String(b.weighting)})`, path: ['weights'] });
      }
    },
    // Also when other fields failed, so a user sees every problem of the file in one pass.
    { when: (payload) => isRecord(payload.value) },
  );

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type BasketDefinition = z.output<typeof basketSchema>;
export type BasketInput = z.input<typeof basketSchema>;
export type Published = z.output<typeof publishedSchema>;

/** Keys allowed at each level, for "unknown key" messages. */
export const BASKET_KEYS = ['id', 'name', 'description', 'members', 'benchmark', 'weighting', 'weights', 'rebalancing', 'published', 'source', 'notes'] as const;
export const PUBLISHED_KEYS = ['value', 'source', 'period', 'quote'] as const;
