/** `evstudy schema`: the JSON Schema of report.json, for consumers that validate reports. */
import type { Command } from 'commander';
import { reportJsonSchema } from '../../report/schema.js';

export function register(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of report.json')
    .action(() => {
      process.stdout.write(JSON.stringify(reportJsonSchema(), null, 2) + '\n');
    });
}
