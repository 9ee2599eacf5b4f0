/** `evstudy schema [report|baskets]`: the JSON Schema of report.json or baskets.json, for consumers that validate them. */
import type { Command } from 'commander';
import { SCHEMA_PATHS, type SchemaName } from '../../report/schemaNames.js';
import { UsageError } from '../../util/errors.js';

export function register(program: Command): void {
  const names = Object.keys(SCHEMA_PATHS) as SchemaName[];
  program
    .command('schema')
    .description(`print the JSON Schema (draft 2020-12) of an output file: ${names.map((n) => `${n} (${SCHEMA_PATHS[n]})`).join(', ')}`)
    .argument('[name]', names.join(' | '), 'report')
    .action(async (name: string) => {
      if (!names.includes(name as SchemaName)) throw new UsageError(`unknown schema; use one of ${names.join(', ')}`, { field: 'name', value: name });
      // Loaded here, not at start-up: building the zod schemas costs every other command time.
      const { schemaText } = await import('../../report/schemaFiles.js');
      process.stdout.write(schemaText(name as SchemaName));
    });
}
