/** `evstudy schema [report|baskets]`: the JSON Schema of report.json or baskets.json, for consumers that validate them. */
import type { Command } from 'commander';
import { SCHEMA_FILES, schemaText, type SchemaName } from '../../report/schemaFiles.js';
import { UsageError } from '../../util/errors.js';

export function register(program: Command): void {
  const names = Object.keys(SCHEMA_FILES) as SchemaName[];
  program
    .command('schema')
    .description(`print the JSON Schema (draft 2020-12) of an output file: ${names.map((n) => `${n} (${SCHEMA_FILES[n].file})`).join(', ')}`)
    .argument('[name]', names.join(' | '), 'report')
    .action((name: string) => {
      if (!names.includes(name as SchemaName)) throw new UsageError(`unknown schema; use one of ${names.join(', ')}`, { field: 'name', value: name });
      process.stdout.write(schemaText(name as SchemaName));
    });
}
