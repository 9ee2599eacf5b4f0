/**
 * The JSON Schema files the package ships (schema/*.json), all generated from the zod schemas so
 * that the contract has one source. `npm run schema` writes them; tests/report/contract.test.ts
 * fails when a committed file differs from what zod emits now.
 */
import { jsonSchemaOf, reportJsonSchema } from './schema.js';
import { compareSchema } from '../baskets/json.js';
import { basketEventStudySchema } from '../baskets/eventsJson.js';
import { backtestSchema } from '../backtest/schema.js';
import { claimsCheckSchema } from '../claims/schema.js';
import { SCHEMA_PATHS, type SchemaName } from './schemaNames.js';

export const SCHEMA_FILES = {
  report: {
    file: SCHEMA_PATHS.report,
    schema: reportJsonSchema,
  },
  baskets: {
    file: SCHEMA_PATHS.baskets,
    schema: () => jsonSchemaOf(compareSchema, 'baskets.json', 'Sector baskets compared over a period (evstudy baskets compare; also its --json output).'),
  },
  'basket-events': {
    file: SCHEMA_PATHS['basket-events'],
    schema: () =>
      jsonSchemaOf(basketEventStudySchema, 'basket-events.json', 'Each basket as one portfolio series in a market-model event study (evstudy baskets events; also its --json output).'),
  },
  backtest: {
    file: SCHEMA_PATHS.backtest,
    schema: () => jsonSchemaOf(backtestSchema, 'backtest.json', 'An event-driven backtest of a study file\'s backtest: block, with the frictionless run beside it (evstudy backtest).'),
  },
  claims: {
    file: SCHEMA_PATHS.claims,
    schema: () => jsonSchemaOf(claimsCheckSchema, 'claims.json', "The market claims of a news article checked against the price data, with the study checker's verdicts (evstudy claims check)."),
  },
} as const satisfies Record<SchemaName, unknown>;

export type { SchemaName };

/** The exact text of a schema file: 2-space JSON and a final newline, as `evstudy schema` prints it. */
export function schemaText(name: SchemaName): string {
  return JSON.stringify(SCHEMA_FILES[name].schema(), null, 2) + '\n';
}
