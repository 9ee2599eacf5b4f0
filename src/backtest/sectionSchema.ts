/** report.json's `backtest` section (src/backtest/section.ts): the contract part, kept apart so the report schema does not load the engine. */
import * as z from 'zod';
import { btStrategySchema, btSummarySchema, btTradeSchema } from './schema.js';

export const backtestSectionSchema = z.strictObject({
  strategy: btStrategySchema,
  markets: z.array(z.enum(['cn', 'hk', 'us'])),
  rules: z.array(z.string()),
  summary: z.array(btSummarySchema),
  frictionless: z.array(btSummarySchema),
  trades: z.array(btTradeSchema),
  notes: z.array(z.string()),
});
export type BacktestSectionJson = z.infer<typeof backtestSectionSchema>;

