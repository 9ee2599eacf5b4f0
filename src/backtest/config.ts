/**
 * The `backtest:` block of a study file (issue 11 §1): the strategy, validated by zod inside the
 * study schema so every error names the study file, its line and the field (`backtest.exit.hold`),
 * exactly like the rest of the study (src/study/config.ts reports them).
 *
 * Defaults are the default study's §6 strategy: the first allowed fill after each announcement
 * (day 0 open, moved to day 0 close by the look-ahead rule for intraday news), hold 5 sessions,
 * 10% of equity per position, the exchanges' rules on and default costs.
 */
import * as z from 'zod';
import { MAX_OFFSET } from '../study/offsets.js';
import { costRateNames } from './costs/rates.js';

export const BT_MARKETS = ['cn', 'hk', 'us'] as const;
export const LIMIT_RULES = ['locked', 'touch', 'off'] as const;
export const FILL_AT = ['open', 'close'] as const;

const offset = z
  .number()
  .int()
  .min(-MAX_OFFSET, `must lie within -${MAX_OFFSET}..${MAX_OFFSET} trading days`)
  .max(MAX_OFFSET, `must lie within -${MAX_OFFSET}..${MAX_OFFSET} trading days`);
const positive = z.number().positive().refine(Number.isFinite, 'must be finite');
const fraction = z.number().gt(0, 'must be above 0').lte(1, 'must be at most 1 (a fraction: 0.1 = 10%)');

const sizeSchema = z
  .object({ amount: positive.optional(), fraction: fraction.optional() })
  .strict()
  .superRefine((s, ctx) => {
    if ((s.amount === undefined) === (s.fraction === undefined))
      ctx.addIssue({ code: 'custom', path: [], message: 'give exactly one of amount (currency per position) or fraction (of current equity)' });
  });

export const backtestBlockSchema = z
  .object({
    /** One portfolio per market in its own currency (no FX); default every market with a signal. */
    markets: z.array(z.enum(BT_MARKETS)).min(1).optional(),
    /** Starting cash per market, in its currency. */
    capital: positive.default(1_000_000),
    /** Trading day relative to day 0 and the price the entry fills at. */
    entry: z.object({ day: offset.default(0), at: z.enum(FILL_AT).default('open') }).strict().default({ day: 0, at: 'open' }),
    /** hold = trading days after the entry day; stops checked on each bar's low / high. */
    exit: z
      .object({
        hold: z.number().int().min(0, 'must be 0 or more trading days after the entry day').max(MAX_OFFSET),
        at: z.enum(FILL_AT).default('close'),
        stopLoss: fraction.optional(),
        takeProfit: positive.optional(),
      })
      .strict()
      .default({ hold: 5, at: 'close' }),
    size: sizeSchema.default({ fraction: 0.1 }),
    maxPositions: z.number().int().min(1).max(100_000).default(10),
    limitRule: z.enum(LIMIT_RULES).default('locked'),
    /** `default` (the dated tables), `none`, or an object overriding any named rate. */
    costs: z
      .union([
        z.enum(['default', 'none']),
        z.record(z.string(), z.number().nonnegative().refine(Number.isFinite, 'must be finite')).superRefine((o, ctx) => {
          const valid = costRateNames();
          for (const k of Object.keys(o))
            if (!valid.includes(k)) ctx.addIssue({ code: 'custom', path: [k], message: `unknown rate; valid names: ${valid.join(', ')}` });
        }),
      ], { error: 'must be default, none, or an object of rate overrides such as { stampDuty: 0.0005 }' })
      .default('default'),
    /** A fill takes at most this share of the bar's volume. */
    maxVolumeShare: fraction.default(0.1),
    /** Fills before the news was public: only when asked, and then said in the report's first lines. */
    allowLookahead: z.boolean().default(false),
    lots: z.enum(['board', 'one']).default('board'),
    /** One benchmark for every market, or one per market; default the study's benchmark of each market. */
    benchmark: z.union([z.string().min(1), z.object({ cn: z.string().min(1).optional(), hk: z.string().min(1).optional(), us: z.string().min(1).optional() }).strict()]).optional(),
  })
  .strict();

export type BacktestConfig = z.infer<typeof backtestBlockSchema>;

/** Keys allowed at a path inside `backtest` (for the unknown-key message). */
export function backtestKeys(path: readonly PropertyKey[]): string | undefined {
  const shapes: Record<string, readonly string[]> = {
    '': Object.keys(backtestBlockSchema.shape),
    entry: ['day', 'at'],
    exit: ['hold', 'at', 'stopLoss', 'takeProfit'],
    size: ['amount', 'fraction'],
    benchmark: ['cn', 'hk', 'us'],
  };
  return shapes[path.map(String).join('.')]?.join(', ');
}
