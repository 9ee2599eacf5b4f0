/**
 * The names and files of the JSON Schemas the package ships, without the zod schemas themselves:
 * `evstudy schema`'s help text and name check need only these, so every CLI start-up does not build
 * the report, baskets and backtest schemas (issue 15 §3). schemaFiles.ts pairs each with its schema.
 */
export const SCHEMA_PATHS = {
  report: 'schema/report.schema.json',
  baskets: 'schema/baskets.schema.json',
  'basket-events': 'schema/basket-events.schema.json',
  backtest: 'schema/backtest.schema.json',
  claims: 'schema/claims.schema.json',
} as const;

export type SchemaName = keyof typeof SCHEMA_PATHS;
